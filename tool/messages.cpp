// Lists of per-item messages (config problems, dropped compile flags, parse
// failures...) printed with one cap: a project with 100,000 problems must not
// print 100,000 lines; the first ones and the count say what to fix first.
#include "tool/cli.h"

#include <iostream>

namespace seam::cli {

void print_list(const Options& o, const std::vector<std::string>& lines, MessageLevel level,
                const std::string& what) {
  const size_t shown = o.all_messages ? lines.size() : std::min(lines.size(), kMessageCap);
  for (size_t i = 0; i < shown; ++i) {
    switch (level) {
    case MessageLevel::Error: error(lines[i]); break;
    case MessageLevel::Warning: warning(lines[i]); break;
    case MessageLevel::Formatted: std::cerr << lines[i] << "\n"; break;
    }
  }
  if (shown < lines.size())
    note("... and " + std::to_string(lines.size() - shown) + " more " + what + " (" + std::to_string(lines.size()) +
         " in all; --all-messages prints every one)");
}

} // namespace seam::cli
