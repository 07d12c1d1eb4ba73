// Money in minor units: integer cents never round, and every module formats
// amounts the same way.
#pragma once

#include <cstdint>
#include <string>

namespace shop::common {

/// The shop trades in a single currency.
inline constexpr char kCurrency[] = "EUR";

struct Money {
  std::int64_t cents = 0;
  std::string currency = kCurrency;
};

/// An amount in the shop's currency.
Money from_cents(std::int64_t cents);

/// Throws std::invalid_argument when the currencies differ.
Money operator+(const Money& a, const Money& b);
Money operator*(const Money& price, int quantity);

/// "EUR 12.34"; a negative amount as "EUR -0.50".
std::string format_money(const Money& amount);

} // namespace shop::common
