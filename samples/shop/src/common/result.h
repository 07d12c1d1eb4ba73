// Error codes that cross module boundaries. An enum rather than exceptions:
// the values survive serialisation once a module runs as a service.
#pragma once

namespace shop::common {

enum class ErrorCode {
  Ok,
  NotFound,
  OutOfStock,
  PaymentDeclined,
  InvalidCredentials,
};

/// Stable lower-case text for transcripts and logs.
const char* describe(ErrorCode code);

} // namespace shop::common
