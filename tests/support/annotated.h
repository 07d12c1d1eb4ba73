// Test sources with inline position markers, in the style of llvm::Annotations:
// `$name^` marks the position of the next character and is removed from the
// text, so tests assert positions by name instead of hard-coded numbers.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace seam::test {

class Annotated {
public:
  explicit Annotated(const std::string& marked) {
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i < marked.size(); ++i) {
      char c = marked[i];
      if (c == '$') {
        size_t caret = marked.find('^', i);
        if (caret == std::string::npos) throw std::runtime_error("marker without ^");
        points_[marked.substr(i + 1, caret - i - 1)] = {line, column};
        i = caret;
        continue;
      }
      text_ += c;
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
  }
  const std::string& text() const { return text_; }
  /// (line, column) of marker `name`, 1-based.
  std::pair<uint32_t, uint32_t> point(const std::string& name) const {
    auto it = points_.find(name);
    if (it == points_.end()) throw std::runtime_error("no marker " + name);
    return it->second;
  }

private:
  std::string text_;
  std::map<std::string, std::pair<uint32_t, uint32_t>> points_;
};

} // namespace seam::test
