// An order and its lines, as placed by a customer.
#pragma once

#include "common/ids.h"
#include "common/money.h"

#include <string>
#include <vector>

namespace shop::orders {

enum class OrderStatus { Placed, Paid, PaymentFailed };

/// "placed", "paid", "payment failed".
const char* to_string(OrderStatus status);

struct OrderLine {
  common::ProductId product = 0;
  int quantity = 0;
  common::Money unit_price; ///< the catalogue price when the order was placed
};

struct Order {
  common::OrderId id = 0;
  common::UserId customer = 0;
  std::string customer_email;
  std::vector<OrderLine> lines;
  common::Money total;
  OrderStatus status = OrderStatus::Placed;
};

} // namespace shop::orders
