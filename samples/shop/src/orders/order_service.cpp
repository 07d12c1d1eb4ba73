#include "orders/order_service.h"

#include "catalog/catalog.h"
#include "common/ids.h"
#include "common/money.h"
#include "common/result.h"
#include "inventory/inventory.h"
#include "notifications/notification.h"
#include "notifications/notifications.h"
#include "orders/order.h"
#include "orders/order_observer.h"
// Planted for seam (README, problem 1): orders calls payments::charge, which
// calls back OrderService::mark_paid; that makes the orders <-> payments cycle.
#include "payments/payment_gateway.h"
#include "payments/payment_ledger.h"

#include <optional>
#include <string>

namespace shop::orders {

OrderService::OrderService(inventory::Inventory& inventory, payments::PaymentLedger& ledger)
    : inventory_(inventory), ledger_(ledger) {}

void OrderService::add_observer(OrderObserver& observer) { observers_.push_back(&observer); }

PlaceResult OrderService::place(common::UserId customer, const std::string& customer_email,
                                const std::vector<CartItem>& cart,
                                const std::string& card_number) {
  Order draft;
  draft.id = next_id_; // taken only once the order exists, so ids have no gaps
  draft.customer = customer;
  draft.customer_email = customer_email;
  if (const common::ErrorCode error = price_lines(cart, draft); error != common::ErrorCode::Ok) {
    return PlaceResult{error, 0};
  }
  if (const common::ErrorCode error = reserve_stock(draft); error != common::ErrorCode::Ok) {
    return PlaceResult{error, 0};
  }
  ++next_id_;
  Order& order = orders_.emplace(draft.id, draft).first->second;
  for (OrderObserver* observer : observers_) {
    observer->on_order_placed(order);
  }

  const payments::Receipt receipt =
      payments::charge(ledger_, *this, order.id, order.total, card_number);
  if (!receipt.approved) {
    fail_payment(order, receipt.reason);
    return PlaceResult{common::ErrorCode::PaymentDeclined, order.id};
  }
  confirm(order);
  return PlaceResult{common::ErrorCode::Ok, order.id};
}

void OrderService::mark_paid(common::OrderId id) {
  const auto it = orders_.find(id);
  if (it == orders_.end()) {
    return;
  }
  it->second.status = OrderStatus::Paid;
  for (OrderObserver* observer : observers_) {
    observer->on_order_paid(it->second);
  }
}

const Order* OrderService::find(common::OrderId id) const {
  const auto it = orders_.find(id);
  return it == orders_.end() ? nullptr : &it->second;
}

common::ErrorCode OrderService::price_lines(const std::vector<CartItem>& cart,
                                            Order& order) const {
  for (const CartItem& item : cart) {
    const std::optional<catalog::Product> product = catalog::find_product(item.product);
    if (!product || item.quantity <= 0) {
      return common::ErrorCode::NotFound;
    }
    order.lines.push_back(OrderLine{product->id, item.quantity, product->price});
    order.total = order.total + product->price * item.quantity;
  }
  return common::ErrorCode::Ok;
}

common::ErrorCode OrderService::reserve_stock(const Order& order) {
  for (const OrderLine& line : order.lines) {
    const common::ErrorCode error = inventory_.reserve(order.id, line.product, line.quantity);
    if (error != common::ErrorCode::Ok) {
      inventory_.release(order.id); // all or nothing
      return error;
    }
  }
  return common::ErrorCode::Ok;
}

void OrderService::confirm(const Order& order) {
  notifications::send(notifications::Notification{
      order.customer_email, "Order #" + std::to_string(order.id) + " confirmed",
      "We received " + common::format_money(order.total) + " and are packing your order.",
      notifications::Channel::Email});
}

void OrderService::fail_payment(Order& order, const std::string& reason) {
  order.status = OrderStatus::PaymentFailed;
  inventory_.release(order.id);
  notifications::send(notifications::Notification{
      order.customer_email, "Payment failed for order #" + std::to_string(order.id),
      "Your payment was not accepted (" + reason + "); nothing was charged.",
      notifications::Channel::Email});
}

} // namespace shop::orders
