// Extension point for code that reacts to the order life cycle (reporting,
// fulfilment) without the order service knowing about it.
#pragma once

#include "orders/order.h"

namespace shop::orders {

class OrderObserver {
public:
  virtual ~OrderObserver() = default;

  /// The order exists and its stock is reserved; payment has not run yet.
  virtual void on_order_placed(const Order& order) = 0;

  /// The payment for the order was captured.
  virtual void on_order_paid(const Order& order) = 0;
};

} // namespace shop::orders
