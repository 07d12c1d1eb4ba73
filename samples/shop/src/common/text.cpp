#include "common/text.h"

namespace shop::common {

std::string truncate(const std::string& text, std::size_t max_length) {
  constexpr std::size_t kEllipsisLength = 3;
  if (text.size() <= max_length) {
    return text;
  }
  if (max_length < kEllipsisLength) {
    return text.substr(0, max_length);
  }
  return text.substr(0, max_length - kEllipsisLength) + "...";
}

} // namespace shop::common
