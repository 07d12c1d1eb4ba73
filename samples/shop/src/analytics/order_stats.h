// Sales figures gathered by listening to the order life cycle.
#pragma once

#include "common/ids.h"
#include "common/money.h"
#include "orders/order.h"
#include "orders/order_observer.h"

#include <map>
#include <string>

namespace shop::analytics {

// Planted for seam (README, problem 5): a class deriving from another
// module's base class.
class OrderStatsListener : public orders::OrderObserver {
public:
  void on_order_placed(const orders::Order& order) override;
  void on_order_paid(const orders::Order& order) override;

  int orders_placed() const { return placed_; }
  int orders_paid() const { return paid_; }
  common::Money revenue() const { return revenue_; }

  /// Paid orders as a whole percentage of placed ones; 0 before the first order.
  int conversion_percent() const;

  /// Name of the product with the most units in paid orders; empty before any
  /// payment. Ties go to the lower product id.
  std::string best_seller() const;

private:
  int placed_ = 0;
  int paid_ = 0;
  common::Money revenue_;
  std::map<common::ProductId, int> units_sold_;
};

} // namespace shop::analytics
