// Per-item message lists (config problems, dropped compile flags, parse
// failures...) printed with one cap: a project with 100,000 problems must not
// print 100,000 lines; the first ones and the count say what to fix first.
// Every diagnostic of the pipeline passes through MessageCap (session.cpp's
// printer), and print_list uses it for the lists the commands print.
#include "tool/cli.h"

#include <iostream>

namespace seam::cli {

MessageCap::~MessageCap() { flush(); }

bool MessageCap::admit(int kind) {
  if (kind != kind_) {
    flush();
    kind_ = kind;
  }
  ++seen_;
  return all_ || seen_ <= kMessageCap;
}

void MessageCap::flush() {
  if (seen_ > kMessageCap && !all_)
    note("... and " + std::to_string(seen_ - kMessageCap) + " more of these (" + std::to_string(seen_) +
         " in all; --all-messages prints every one)");
  seen_ = 0;
  kind_ = -1;
}

void print_list(const Options& o, const std::vector<std::string>& lines, MessageLevel level) {
  MessageCap cap(o.all_messages);
  for (const std::string& line : lines) {
    if (!cap.admit(0)) continue;
    switch (level) {
    case MessageLevel::Error: error(line); break;
    case MessageLevel::Warning: warning(line); break;
    case MessageLevel::Formatted: std::cerr << line << "\n"; break;
    }
  }
}

} // namespace seam::cli
