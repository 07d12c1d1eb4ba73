#include "payments/payment_gateway.h"

#include "common/ids.h"
#include "common/money.h"
#include "orders/order_service.h"
#include "payments/payment_ledger.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace shop::payments {

namespace {

constexpr std::size_t kCardDigits = 16;
constexpr char kDeclinedSuffix[] = "0000";

// The simulated acquirer follows the usual test-card convention: any
// well-formed number is approved unless it ends in 0000. Empty means approved.
std::string decline_reason(const std::string& card_number) {
  const auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (card_number.size() != kCardDigits ||
      !std::all_of(card_number.begin(), card_number.end(), is_digit)) {
    return "malformed card number";
  }
  const std::size_t suffix_length = sizeof(kDeclinedSuffix) - 1;
  if (card_number.compare(kCardDigits - suffix_length, suffix_length, kDeclinedSuffix) == 0) {
    return "card declined by issuer";
  }
  return "";
}

} // namespace

Receipt charge(PaymentLedger& ledger, orders::OrderService& orders, common::OrderId order_id,
               const common::Money& amount, const std::string& card_number) {
  Receipt receipt;
  receipt.order = order_id;
  receipt.amount = amount;
  receipt.reason = decline_reason(card_number);
  receipt.approved = receipt.reason.empty();
  receipt.id = ledger.record(receipt);
  if (receipt.approved) {
    // The call back into orders that closes the orders <-> payments cycle.
    orders.mark_paid(order_id);
  }
  return receipt;
}

} // namespace shop::payments
