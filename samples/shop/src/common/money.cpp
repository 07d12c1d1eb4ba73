#include "common/money.h"

#include <stdexcept>

namespace shop::common {

Money from_cents(std::int64_t cents) {
  Money amount;
  amount.cents = cents;
  return amount;
}

Money operator+(const Money& a, const Money& b) {
  if (a.currency != b.currency) {
    throw std::invalid_argument("cannot add " + b.currency + " to " + a.currency);
  }
  Money sum = a;
  sum.cents += b.cents;
  return sum;
}

Money operator*(const Money& price, int quantity) {
  Money total = price;
  total.cents *= quantity;
  return total;
}

std::string format_money(const Money& amount) {
  const std::int64_t magnitude = amount.cents < 0 ? -amount.cents : amount.cents;
  const std::int64_t fraction = magnitude % 100;
  std::string text = amount.currency + " ";
  if (amount.cents < 0) {
    text += "-";
  }
  text += std::to_string(magnitude / 100) + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
  return text;
}

} // namespace shop::common
