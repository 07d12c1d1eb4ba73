#include "notifications/notifications.h"

#include "common/text.h"
#include "notifications/internal/outbox.h"
#include "notifications/notification.h"

#include <cstddef>
#include <set>

namespace shop::notifications {

namespace {

// One UCS-2 SMS segment: customer names may need non-Latin characters, and a
// longer body would be split and billed as two messages.
constexpr std::size_t kSmsMaxLength = 70;

} // namespace

void send(const Notification& notification) {
  Notification queued = notification;
  if (queued.channel == Channel::Sms) {
    queued.body = common::truncate(queued.body, kSmsMaxLength);
  }
  internal::outbox().push_back(queued);
}

int sent_count() { return static_cast<int>(internal::outbox().size()); }

std::vector<Notification> outbox_for(const std::string& recipient) {
  std::vector<Notification> found;
  for (const Notification& sent : internal::outbox()) {
    if (sent.recipient == recipient) {
      found.push_back(sent);
    }
  }
  return found;
}

std::vector<std::string> recipients() {
  std::set<std::string> unique;
  for (const Notification& sent : internal::outbox()) {
    unique.insert(sent.recipient);
  }
  return {unique.begin(), unique.end()};
}

} // namespace shop::notifications
