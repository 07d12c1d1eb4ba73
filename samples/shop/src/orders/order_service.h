// Order placement: price the cart, reserve stock, take payment, confirm.
#pragma once

#include "common/ids.h"
#include "common/result.h"
#include "inventory/inventory.h"
#include "orders/order.h"
#include "orders/order_observer.h"
#include "payments/payment_ledger.h"

#include <map>
#include <string>
#include <vector>

namespace shop::orders {

struct CartItem {
  common::ProductId product = 0;
  int quantity = 0;
};

struct PlaceResult {
  common::ErrorCode error = common::ErrorCode::Ok;
  common::OrderId order = 0; ///< 0 when no order was created
};

class OrderService {
public:
  OrderService(inventory::Inventory& inventory, payments::PaymentLedger& ledger);

  /// `observer` must outlive this service.
  void add_observer(OrderObserver& observer);

  PlaceResult place(common::UserId customer, const std::string& customer_email,
                    const std::vector<CartItem>& cart, const std::string& card_number);

  /// Called by payments once the charge for `id` is captured.
  void mark_paid(common::OrderId id);

  /// Null when there is no such order.
  const Order* find(common::OrderId id) const;

private:
  common::ErrorCode price_lines(const std::vector<CartItem>& cart, Order& order) const;
  common::ErrorCode reserve_stock(const Order& order);
  void confirm(const Order& order);
  void fail_payment(Order& order, const std::string& reason);

  inventory::Inventory& inventory_;
  payments::PaymentLedger& ledger_;
  std::vector<OrderObserver*> observers_;
  std::map<common::OrderId, Order> orders_;
  common::OrderId next_id_ = 1;
};

} // namespace shop::orders
