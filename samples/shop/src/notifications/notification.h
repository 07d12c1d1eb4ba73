// The message value the notifications API takes and returns. Plain strings and
// an enum only, so it maps one-to-one onto a wire message.
#pragma once

#include <string>

namespace shop::notifications {

enum class Channel { Email, Sms };

struct Notification {
  std::string recipient; ///< an email address or a phone number, per channel
  std::string subject;
  std::string body;
  Channel channel = Channel::Email;
};

} // namespace shop::notifications
