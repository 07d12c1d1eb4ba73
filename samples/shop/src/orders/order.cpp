#include "orders/order.h"

namespace shop::orders {

const char* to_string(OrderStatus status) {
  switch (status) {
  case OrderStatus::Placed:
    return "placed";
  case OrderStatus::Paid:
    return "paid";
  case OrderStatus::PaymentFailed:
    return "payment failed";
  }
  return "unknown"; // only reachable through a cast from an invalid value
}

} // namespace shop::orders
