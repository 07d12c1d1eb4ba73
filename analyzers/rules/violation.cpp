#include "analyzers/rules/violation.h"

#include <algorithm>
#include <tuple>

namespace seam {

std::string Violation::key() const {
  // '\x1f' (unit separator) cannot occur in a path, module or symbol name.
  const char sep = '\x1f';
  std::string k = rule;
  k += sep;
  if (rule == "cycle" && !cycle.empty()) {
    // An elementary cycle is its walk from the first module by name: where it
    // is cut may move without it changing.
    for (const std::string& m : cycle) k += m + '>';
  } else if (rule == "cycle") {
    // A baseline entry from before elementary cycles: the member set of a
    // strongly connected group (apply_baseline matches the cycles inside it).
    for (const std::string& m : members) k += m + ',';
  } else if (rule == "interface-growth") {
    // The interface does not grow when one more client uses a symbol already in it.
    k += to + sep + symbol;
  } else if (rule == "unused-allowance") {
    k += from + sep + to;
  } else {
    k += from + sep + to + sep + file + sep;
    k += symbol.empty() ? "#include " + header : symbol;
  }
  return k;
}

std::vector<std::string> canonical_cycle(std::vector<std::string> cycle) {
  if (cycle.size() > 1 && cycle.front() == cycle.back()) cycle.pop_back();
  if (!cycle.empty()) std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  return cycle;
}

bool RuleCheck::operator<(const RuleCheck& o) const {
  return std::make_tuple(rule_index(rule), std::cref(from), std::cref(to)) <
         std::make_tuple(rule_index(o.rule), std::cref(o.from), std::cref(o.to));
}

size_t CheckReport::count_new() const {
  return static_cast<size_t>(
      std::count_if(violations.begin(), violations.end(), [](const Violation& v) { return v.is_new(); }));
}

size_t CheckReport::count_baselined() const {
  return static_cast<size_t>(
      std::count_if(violations.begin(), violations.end(), [](const Violation& v) { return v.baselined; }));
}

size_t CheckReport::count_outside_change() const {
  return static_cast<size_t>(std::count_if(violations.begin(), violations.end(), [](const Violation& v) {
    return !v.baselined && v.outside_change;
  }));
}

size_t CheckReport::count_new(Severity s) const {
  return static_cast<size_t>(std::count_if(violations.begin(), violations.end(), [&](const Violation& v) {
    return v.is_new() && v.severity == s;
  }));
}

bool CheckReport::failed() const {
  if (fail_on == Severity::Off) return false;
  return std::any_of(violations.begin(), violations.end(), [&](const Violation& v) {
    return v.is_new() && v.severity != Severity::Off && v.severity >= fail_on;
  });
}

size_t rule_index(const std::string& rule) {
  const auto& names = rule_names();
  return static_cast<size_t>(std::find(names.begin(), names.end(), rule) - names.begin());
}

void sort_violations(std::vector<Violation>& v) {
  std::sort(v.begin(), v.end(), [](const Violation& a, const Violation& b) {
    return std::make_tuple(rule_index(a.rule), std::cref(a.from), std::cref(a.to), std::cref(a.file), a.line,
                           a.column, std::cref(a.symbol), std::cref(a.header), std::cref(a.members), std::cref(a.cycle)) <
           std::make_tuple(rule_index(b.rule), std::cref(b.from), std::cref(b.to), std::cref(b.file), b.line,
                           b.column, std::cref(b.symbol), std::cref(b.header), std::cref(b.members), std::cref(b.cycle));
  });
}

} // namespace seam
