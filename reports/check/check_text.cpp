// Text: what a developer reads in a terminal or a CI log. Each violation is
// one compiler-style line (`file:line:col: error: [seam/rule] message`), so
// editors and CI problem matchers that understand gcc/clang output jump to the
// site. Lines are grouped by rule and module pair under a header line that is
// not in compiler form, then fixed baseline entries, notes and one summary line.
// Baselined violations, and with --affected those outside the change, are
// counted, and listed only with show_baselined.
#include "reports/check/check_report.h"

namespace seam {
namespace {

struct Style {
  bool on = false;
  std::string bold() const { return on ? "\033[1m" : ""; }
  std::string reset() const { return on ? "\033[0m" : ""; }
  std::string severity(const std::string& word) const {
    if (!on) return word;
    const char* c = word == "error" ? "\033[1;31m" : word == "warning" ? "\033[1;35m" : "\033[1;36m";
    return c + word + "\033[0m";
  }
};

/// clang's words: error, warning, note (info and baselined violations are notes).
std::string word(const Violation& v) {
  if (!v.is_new()) return "note";
  switch (v.severity) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  default: return "note";
  }
}

std::string one_line(std::string s) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\r') ch = ' ';
  return s;
}

} // namespace

std::string check_text(const CheckReport& r, const CheckFormatOptions& opts) {
  Style st{opts.color};
  std::string out;
  std::string group;
  for (size_t i = 0; i < r.violations.size(); ++i) {
    const Violation& v = r.violations[i];
    std::string g = v.rule + "  " + module_pair(v);
    if (g != group) {
      // A header per rule and module pair, with its counts.
      size_t total = 0, fresh = 0;
      for (size_t k = i; k < r.violations.size(); ++k) {
        const Violation& w = r.violations[k];
        if (w.rule + "  " + module_pair(w) != g) break;
        ++total;
        fresh += w.is_new();
      }
      group = g;
      if (fresh || opts.show_baselined) {
        if (!out.empty()) out += "\n";
        out += st.bold() + g + st.reset() + "  (" + std::to_string(total) +
               (total == 1 ? " violation" : " violations");
        if (fresh != total) out += ", " + std::to_string(fresh) + " new";
        out += ")\n";
      }
    }
    if (!v.is_new() && !opts.show_baselined) continue;
    out += st.bold() + ci_path(opts, v.file) + ":" + std::to_string(v.line) + ":" + std::to_string(v.column) + ":" +
           st.reset() + " " + st.severity(word(v)) + ": [seam/" + v.rule + "] " +
           (v.baselined         ? "(baselined " + std::string(to_string(v.severity)) + ") "
            : v.outside_change ? "(outside the change, " + std::string(to_string(v.severity)) + ") "
                               : "") +
           one_line(v.message) + "\n";
  }
  if (const size_t hidden = opts.show_baselined ? 0 : r.count_baselined()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(hidden) + " baselined violation" + (hidden == 1 ? "" : "s") +
           " not listed (--show-baselined lists them)\n";
  }
  if (const size_t hidden = opts.show_baselined ? 0 : r.count_outside_change()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(hidden) + (hidden == 1 ? " finding" : " findings") + " outside the change (--affected " +
           r.affected_rev + "), not failed on and not listed (--show-baselined lists them)\n";
  }
  if (!r.fixed.empty()) {
    if (!out.empty()) out += "\n";
    out += st.bold() + "fixed" + st.reset() + "  (" + std::to_string(r.fixed.size()) +
           " baseline " + (r.fixed.size() == 1 ? "entry" : "entries") +
           " no longer found; `seam check --update-baseline` drops them)\n";
    for (const Violation& f : r.fixed) {
      out += "[seam/" + f.rule + "] " + module_pair(f);
      if (!f.file.empty()) out += "  " + ci_path(opts, f.file);
      if (!f.symbol.empty()) out += "  '" + f.symbol + "'";
      if (!f.header.empty()) out += "  #include " + f.header;
      out += "\n";
    }
  }
  if (!r.notes.empty()) {
    if (!out.empty()) out += "\n";
    for (const std::string& n : r.notes) out += "note: " + one_line(n) + "\n";
  }
  if (!out.empty()) out += "\n";
  out += st.bold() + check_summary_line(r) + st.reset() + "\n";
  return out;
}

} // namespace seam
