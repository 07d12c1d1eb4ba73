#include "api/storefront.h"

#include "analytics/order_stats.h"
#include "auth/authenticator.h"
#include "catalog/catalog.h"
#include "common/ids.h"
#include "common/money.h"
#include "common/result.h"
#include "inventory/inventory.h"
#include "notifications/notification.h"
#include "notifications/notifications.h"
#include "orders/order.h"
#include "orders/order_service.h"
#include "payments/payment_ledger.h"
#include "users/user.h"
#include "users/user_directory.h"

#include <optional>
#include <string>
#include <vector>

namespace shop::api {

namespace {

/// Units left at or below which the warehouse is alerted.
constexpr int kLowStockThreshold = 1;

const char* channel_name(notifications::Channel channel) {
  return channel == notifications::Channel::Sms ? "sms" : "email";
}

} // namespace

Storefront::Storefront(std::ostream& out)
    : out_(out), auth_(users_), inventory_(kLowStockThreshold), orders_(inventory_, ledger_) {
  orders_.add_observer(stats_);
}

void Storefront::sign_up(const std::string& name, const std::string& email,
                         const std::string& phone, const std::string& password) {
  const common::UserId id = users_.register_user(name, email, phone, password);
  out_ << "signed up user #" << id << " " << name << " <" << email << ">\n";
}

void Storefront::restock(const std::string& sku, int quantity) {
  const std::optional<catalog::Product> product = catalog::find_by_sku(sku);
  if (!product) {
    out_ << "restock " << sku << ": unknown SKU\n";
    return;
  }
  inventory_.restock(product->id, quantity);
}

void Storefront::checkout(const std::string& email, const std::string& password,
                          const std::vector<orders::CartItem>& cart,
                          const std::string& card_number) {
  out_ << "checkout " << email << ": ";
  const auth::LoginResult login = auth_.login(email, password);
  if (login.error != common::ErrorCode::Ok) {
    out_ << "login refused (" << common::describe(login.error) << ")\n";
    return;
  }
  // A session always belongs to a registered user, so the look-up succeeds.
  const std::optional<users::User> customer = users_.find(login.session.user);
  const orders::PlaceResult placed =
      orders_.place(login.session.user, customer->email, cart, card_number);
  auth_.logout(login.session.token);

  const orders::Order* order = orders_.find(placed.order);
  if (order == nullptr) {
    out_ << "rejected (" << common::describe(placed.error) << ")\n";
    return;
  }
  out_ << "order #" << order->id << " " << orders::to_string(order->status) << ", "
       << common::format_money(order->total) << "\n";
}

void Storefront::announce_sale(const std::string& subject, const std::string& body) {
  const int sent_before = notifications::sent_count();
  for (const users::User& user : users_.all()) {
    const bool by_sms = !user.phone.empty();
    notifications::send(notifications::Notification{
        by_sms ? user.phone : user.email, subject, "Hi " + user.name + "! " + body,
        by_sms ? notifications::Channel::Sms : notifications::Channel::Email});
  }
  out_ << "sale announced: " << notifications::sent_count() - sent_before
       << " notification(s) sent\n";
}

void Storefront::print_catalog() const {
  out_ << "catalog:\n";
  for (const catalog::Product& product : catalog::all_products()) {
    out_ << "  " << product.sku << "  " << product.name << "  "
         << common::format_money(product.price) << "  (" << inventory_.available(product.id)
         << " in stock)\n";
  }
}

void Storefront::print_report() const {
  out_ << "--- report ---\n";
  print_catalog();
  out_ << "reservations:\n";
  for (const inventory::Reservation& reservation : inventory_.reservations()) {
    out_ << "  order #" << reservation.order << ": product " << reservation.product << " x"
         << reservation.quantity << ", held " << reservation.timeout_seconds << " s\n";
  }
  out_ << "payments: " << ledger_.captured_count() << " captured, "
       << ledger_.declined_count() << " declined, "
       << common::format_money(ledger_.captured_total()) << " taken\n";
  out_ << "analytics: " << stats_.orders_placed() << " placed, " << stats_.orders_paid()
       << " paid (" << stats_.conversion_percent() << "%), revenue "
       << common::format_money(stats_.revenue()) << ", best seller: " << stats_.best_seller()
       << "\n";
  out_ << "auth: " << auth_.open_sessions() << " open session(s)\n";
  print_notifications();
}

// Reads notifications only through its public functions, so the transcript is
// the same when the module runs as a remote service.
void Storefront::print_notifications() const {
  out_ << "notifications: " << notifications::sent_count() << " sent\n";
  const std::vector<std::string> recipients = notifications::recipients();
  for (const std::string& recipient : recipients) {
    for (const notifications::Notification& sent : notifications::outbox_for(recipient)) {
      out_ << "  to " << recipient << " [" << channel_name(sent.channel) << "] " << sent.subject
           << ": " << sent.body << "\n";
    }
  }
}

} // namespace shop::api
