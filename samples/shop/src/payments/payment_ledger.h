// The record of every charge attempt, approved or declined.
#pragma once

#include "common/ids.h"
#include "common/money.h"

#include <string>
#include <vector>

namespace shop::payments {

struct Receipt {
  common::PaymentId id = 0;
  common::OrderId order = 0;
  common::Money amount;
  bool approved = false;
  std::string reason; ///< why the charge was declined; empty when approved
};

class PaymentLedger {
public:
  /// Stores `receipt` under a new id and returns that id.
  common::PaymentId record(Receipt receipt);

  int captured_count() const;
  int declined_count() const;
  common::Money captured_total() const;

private:
  std::vector<Receipt> receipts_;
};

} // namespace shop::payments
