// The storefront facade: the shop's one entry point. It owns the module
// objects, wires them together and offers the operations the HTTP layer of a
// real deployment would expose.
#pragma once

#include "analytics/order_stats.h"
#include "auth/authenticator.h"
#include "inventory/inventory.h"
#include "orders/order_service.h"
#include "payments/payment_ledger.h"
#include "users/user_directory.h"

#include <ostream>
#include <string>
#include <vector>

namespace shop::api {

class Storefront {
public:
  /// Everything the storefront does is reported on `out`.
  explicit Storefront(std::ostream& out);

  // The members refer to each other, so a copy would point into the original.
  Storefront(const Storefront&) = delete;
  Storefront& operator=(const Storefront&) = delete;

  void sign_up(const std::string& name, const std::string& email, const std::string& phone,
               const std::string& password);

  /// Adds stock by SKU, as the warehouse scanner reports it.
  void restock(const std::string& sku, int quantity);

  /// Log in, place the order, log out: the checkout endpoint in one call.
  void checkout(const std::string& email, const std::string& password,
                const std::vector<orders::CartItem>& cart, const std::string& card_number);

  /// Tells every customer about a sale: by SMS when they gave a phone number.
  void announce_sale(const std::string& subject, const std::string& body);

  void print_catalog() const;
  void print_report() const;

private:
  void print_notifications() const;

  std::ostream& out_;
  users::UserDirectory users_;
  auth::Authenticator auth_;
  inventory::Inventory inventory_;
  payments::PaymentLedger ledger_;
  analytics::OrderStatsListener stats_; // before orders_: it must outlive the service
  orders::OrderService orders_;
};

} // namespace shop::api
