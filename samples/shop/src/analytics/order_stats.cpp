#include "analytics/order_stats.h"

// Planted for seam (README, problem 3): seam.json lets analytics depend on
// common and orders only; this include and the one call below use catalog.
#include "catalog/catalog.h"
#include "common/ids.h"
#include "common/money.h"
#include "orders/order.h"

namespace shop::analytics {

void OrderStatsListener::on_order_placed(const orders::Order& /*order*/) { ++placed_; }

void OrderStatsListener::on_order_paid(const orders::Order& order) {
  ++paid_;
  revenue_ = revenue_ + order.total;
  for (const orders::OrderLine& line : order.lines) {
    units_sold_[line.product] += line.quantity;
  }
}

int OrderStatsListener::conversion_percent() const {
  return placed_ == 0 ? 0 : paid_ * 100 / placed_;
}

std::string OrderStatsListener::best_seller() const {
  common::ProductId best = 0;
  int best_units = 0;
  for (const auto& entry : units_sold_) {
    if (entry.second > best_units) {
      best = entry.first;
      best_units = entry.second;
    }
  }
  if (best_units == 0) {
    return "";
  }
  const auto product = catalog::find_product(best);
  return product ? product->name : "product " + std::to_string(best);
}

} // namespace shop::analytics
