#include "inventory/inventory.h"

#include "common/ids.h"
#include "common/result.h"
// Planted for seam (README, problem 2): inventory is a domain module, yet it
// calls up into the notifications service to raise low-stock alerts.
#include "notifications/notification.h"
#include "notifications/notifications.h"

#include <algorithm>
#include <string>

namespace shop::inventory {

int g_reserve_timeout_seconds = 600;

namespace {

constexpr char kWarehouseEmail[] = "warehouse@shop.example";

} // namespace

Inventory::Inventory(int low_stock_threshold) : low_stock_threshold_(low_stock_threshold) {}

void Inventory::restock(common::ProductId product, int quantity) {
  available_[product] += quantity;
}

int Inventory::available(common::ProductId product) const {
  const auto it = available_.find(product);
  return it == available_.end() ? 0 : it->second;
}

common::ErrorCode Inventory::reserve(common::OrderId order, common::ProductId product,
                                     int quantity) {
  if (available(product) < quantity) {
    return common::ErrorCode::OutOfStock;
  }
  available_[product] -= quantity;
  reservations_.push_back(Reservation{order, product, quantity, g_reserve_timeout_seconds});
  alert_if_low(product);
  return common::ErrorCode::Ok;
}

void Inventory::release(common::OrderId order) {
  for (const Reservation& reservation : reservations_) {
    if (reservation.order == order) {
      available_[reservation.product] += reservation.quantity;
    }
  }
  const auto belongs_to_order = [order](const Reservation& r) { return r.order == order; };
  reservations_.erase(std::remove_if(reservations_.begin(), reservations_.end(), belongs_to_order),
                      reservations_.end());
}

const std::vector<Reservation>& Inventory::reservations() const { return reservations_; }

void Inventory::alert_if_low(common::ProductId product) const {
  const int left = available(product);
  if (left > low_stock_threshold_) {
    return;
  }
  notifications::send(notifications::Notification{
      kWarehouseEmail, "Low stock: product " + std::to_string(product),
      std::to_string(left) + " unit(s) left after the last reservation",
      notifications::Channel::Email});
}

} // namespace shop::inventory
