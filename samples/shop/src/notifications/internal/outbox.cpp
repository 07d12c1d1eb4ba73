#include "notifications/internal/outbox.h"

namespace shop::notifications::internal {

std::vector<Notification>& outbox() {
  // Function-local static: built on first use, so callers running during
  // static initialisation elsewhere still find it constructed.
  static std::vector<Notification> sent;
  return sent;
}

} // namespace shop::notifications::internal
