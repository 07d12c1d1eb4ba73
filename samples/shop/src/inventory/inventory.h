// Stock on the shelf and stock reserved for orders awaiting payment.
#pragma once

#include "common/ids.h"
#include "common/result.h"

#include <map>
#include <vector>

namespace shop::inventory {

/// Seconds a reservation holds stock before it may be released. Set once at
/// start-up by the application (api), read by Inventory::reserve.
/// Planted for seam (README, problem 6): a mutable global shared by modules.
extern int g_reserve_timeout_seconds;

struct Reservation {
  common::OrderId order = 0;
  common::ProductId product = 0;
  int quantity = 0;
  int timeout_seconds = 0;
};

class Inventory {
public:
  /// The warehouse is alerted when a reservation leaves this many units or fewer.
  explicit Inventory(int low_stock_threshold);

  void restock(common::ProductId product, int quantity);
  int available(common::ProductId product) const;

  /// Takes `quantity` units off the shelf for `order`; OutOfStock changes nothing.
  common::ErrorCode reserve(common::OrderId order, common::ProductId product, int quantity);

  /// Puts every unit reserved for `order` back on the shelf.
  void release(common::OrderId order);

  const std::vector<Reservation>& reservations() const;

private:
  void alert_if_low(common::ProductId product) const;

  int low_stock_threshold_;
  std::map<common::ProductId, int> available_;
  std::vector<Reservation> reservations_;
};

} // namespace shop::inventory
