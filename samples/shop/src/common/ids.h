// Identifier types shared by every module. Plain integers, so they cross a
// process boundary unchanged; the aliases say which kind of id a parameter is.
#pragma once

#include <cstdint>

namespace shop::common {

using UserId = std::int64_t;
using ProductId = std::int64_t;
using OrderId = std::int64_t;
using PaymentId = std::int64_t;

} // namespace shop::common
