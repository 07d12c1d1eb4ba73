// The state behind notifications.h. Private to the module: once notifications
// runs as its own service, this store lives in that process.
#pragma once

#include "notifications/notification.h"

#include <vector>

namespace shop::notifications::internal {

/// Every notification sent, in send order. Only notifications.cpp touches it.
std::vector<Notification>& outbox();

} // namespace shop::notifications::internal
