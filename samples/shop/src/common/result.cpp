#include "common/result.h"

namespace shop::common {

const char* describe(ErrorCode code) {
  switch (code) {
  case ErrorCode::Ok:
    return "ok";
  case ErrorCode::NotFound:
    return "not found";
  case ErrorCode::OutOfStock:
    return "out of stock";
  case ErrorCode::PaymentDeclined:
    return "payment declined";
  case ErrorCode::InvalidCredentials:
    return "invalid credentials";
  }
  return "unknown error"; // only reachable through a cast from an invalid value
}

} // namespace shop::common
