#include "payments/payment_ledger.h"

#include "common/ids.h"
#include "common/money.h"

namespace shop::payments {

common::PaymentId PaymentLedger::record(Receipt receipt) {
  receipt.id = static_cast<common::PaymentId>(receipts_.size()) + 1;
  receipts_.push_back(receipt);
  return receipt.id;
}

int PaymentLedger::captured_count() const {
  int count = 0;
  for (const Receipt& receipt : receipts_) {
    count += receipt.approved ? 1 : 0;
  }
  return count;
}

int PaymentLedger::declined_count() const {
  return static_cast<int>(receipts_.size()) - captured_count();
}

common::Money PaymentLedger::captured_total() const {
  common::Money total;
  for (const Receipt& receipt : receipts_) {
    if (receipt.approved) {
      total = total + receipt.amount;
    }
  }
  return total;
}

} // namespace shop::payments
