// String helpers with no domain knowledge.
#pragma once

#include <cstddef>
#include <string>

namespace shop::common {

/// `text` cut to at most `max_length` characters, ending in "..." when cut.
std::string truncate(const std::string& text, std::size_t max_length);

} // namespace shop::common
