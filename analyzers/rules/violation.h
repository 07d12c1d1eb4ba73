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
  bool closing = false; ///< in the minimum cut of the cycle's strongly connected group
};

/// A cycle's modules rotated to start at the first by name; a repeated start
/// at the end (a -> b -> a) is dropped. The same cycle, however it was walked,
/// gets the same list.
std::vector<std::string> canonical_cycle(std::vector<std::string> cycle);

/// One boundary violation at one site.
///
/// Granularity: one violation per (rule, from module, to module, file, symbol
/// or header) — the first site in the file stands for the others (`uses`).
/// Exceptions: one per elementary cycle (`cycle`), one per interface symbol
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
  /// cycle: the modules around it in order, starting at the first by name
  /// (canonical_cycle), the start not repeated. The baseline's key. Empty in a
  /// baseline entry written before elementary cycles: `members` is then a whole
  /// strongly connected group, and accepts every cycle inside it.
  std::vector<std::string> cycle;
  std::vector<CycleEdge> edges;     ///< cycle: the edges around it, in order
  std::string message;
  bool baselined = false;
  /// --affected: the violation lies outside what the change touched (its site
  /// is in an unchanged file; a cycle or interface-growth the change did not
  /// create). Counted, never failed on.
  bool outside_change = false;

  /// Neither baselined nor outside the change: what can fail the check.
  bool is_new() const { return !baselined && !outside_change; }

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
  /// --affected REV: the revision, and the project files changed since its
  /// merge base with HEAD (work tree included). Empty rev: the whole project counts.
  std::string affected_rev;
  size_t changed_files = 0;
  /// The lowest severity of a new violation that fails the check (--fail-on);
  /// Off: never fail.
  Severity fail_on = Severity::Error;

  size_t count_new() const;
  size_t count_baselined() const;
  /// Not baselined, but outside the change (--affected): counted, not failed on.
  size_t count_outside_change() const;
  /// New violations of a severity.
  size_t count_new(Severity s) const;
  /// True when a new violation has severity fail_on or above (error by
  /// default): `seam check` exits 1.
  bool failed() const;
};

/// The order every output lists violations in: rule (as rule_names()), from,
/// to, file, line, column, symbol, header.
void sort_violations(std::vector<Violation>& v);

/// Position of `rule` in rule_names(), or rule_names().size() when unknown.
size_t rule_index(const std::string& rule);

} // namespace seam
