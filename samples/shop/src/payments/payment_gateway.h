// Charging a card for an order through the (simulated) card acquirer.
#pragma once

#include "common/ids.h"
#include "common/money.h"
#include "orders/order_service.h"
#include "payments/payment_ledger.h"

#include <string>

namespace shop::payments {

/// Charges `amount` to `card_number` for `order_id`, records the attempt in
/// `ledger` and, when the charge is captured, marks the order paid in `orders`.
Receipt charge(PaymentLedger& ledger, orders::OrderService& orders, common::OrderId order_id,
               const common::Money& amount, const std::string& card_number);

} // namespace shop::payments
