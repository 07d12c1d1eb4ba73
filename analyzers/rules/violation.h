// A violation of a declared module boundary, and the result of `seam check`:
// the plain values the rules produce, the baseline compares and every check
// format (reports/check/) prints.
#pragma once

#include "analyzers/config/config.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace seam {

/// One edge of a module cycle, for the cycle rule's message and JSON.
struct CycleEdge {
  std::string from, to;
  uint32_t weight = 0;
  bool closing = false; ///< goes against the order that breaks the cycle
};

/// One boundary violation at one site.
///
/// Granularity: one violation per (rule, from module, to module, file, symbol
/// or header) — the first site in the file stands for the others (`uses`).
/// Exceptions: one per cycle (its members), one per interface symbol
/// (interface-growth), one per may_depend_on entry (unused-allowance). The
/// baseline keys on exactly these fields, never on line numbers (key()).
struct Violation {
  std::string rule;             ///< one of rule_names()
  Severity severity = Severity::Error;
  std::string from, to;         ///< module names: the depending and the depended-on
  std::string file;             ///< project-relative path of the site
  uint32_t line = 0, column = 0;
  std::string symbol;           ///< qualified name of the referenced symbol, if a reference
  std::string header;           ///< project-relative path of the included file, if an include
  std::string spelled;          ///< the include as written (`users/internal/user_store.h`)
  std::string use;              ///< how the site uses it: call, type, include, ... (facts names)
  uint32_t uses = 0;            ///< uses of that symbol/header in that file (>= 1 for site rules)
  std::vector<std::string> members; ///< cycle: sorted member modules
  std::vector<CycleEdge> edges;     ///< cycle: every edge among the members
  std::string message;
  bool baselined = false;

  /// The identity the baseline compares: rule-specific, line-independent.
  std::string key() const;
};

/// Which (rule, module pair) combinations were checked: a JUnit test case each.
struct RuleCheck {
  std::string rule, from, to;
  bool operator<(const RuleCheck& o) const;
  bool operator==(const RuleCheck& o) const = default;
};

/// Everything a check format prints.
struct CheckReport {
  std::vector<Violation> violations; ///< sorted (sort_violations); baselined ones included
  std::vector<Violation> fixed;      ///< baseline entries no longer found (key fields only)
  std::vector<RuleCheck> checks;     ///< sorted
  std::vector<std::string> notes;    ///< things the user should know (no baseline, ...)
  std::map<std::string, Severity> severities; ///< every rule's severity in this run
  std::string config_file;           ///< project-relative seam.json ("" when inferred)
  std::string baseline_file;         ///< as given or configured
  bool baseline_present = false;

  size_t count_new() const;
  size_t count_baselined() const;
  /// New violations of a severity.
  size_t count_new(Severity s) const;
  /// True when a new violation has severity error: `seam check` exits 1.
  bool failed() const;
};

/// The order every output lists violations in: rule (as rule_names()), from,
/// to, file, line, column, symbol, header.
void sort_violations(std::vector<Violation>& v);

/// Position of `rule` in rule_names(), or rule_names().size() when unknown.
size_t rule_index(const std::string& rule);

} // namespace seam
