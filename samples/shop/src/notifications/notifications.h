// Outbound messages to customers and staff. The whole public API is these free
// functions over plain values, so the module can move behind an RPC boundary
// as it is: seam.json marks it "extract": true.
#pragma once

#include "notifications/notification.h"

#include <string>
#include <vector>

namespace shop::notifications {

/// Queues `notification` for delivery. SMS bodies are cut to one segment.
void send(const Notification& notification);

/// Notifications sent since start-up, on every channel.
int sent_count();

/// Everything sent to `recipient`, oldest first.
std::vector<Notification> outbox_for(const std::string& recipient);

/// Everyone who has been sent something, sorted.
std::vector<std::string> recipients();

} // namespace shop::notifications
