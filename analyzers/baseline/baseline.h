// The baseline: violations a team has accepted for now, and the interfaces of
// the modules being extracted. `seam check` fails only on violations the
// baseline does not hold, and lists entries that no longer occur as fixed, so
// the baseline only shrinks. Keyed without line numbers (Violation::key), one
// entry per line, sorted: moving code does not churn it and diffs stay small.
#pragma once

#include "analyzers/rules/rules.h"
#include "analyzers/rules/violation.h"

#include <string>
#include <vector>

namespace seam {

struct Baseline {
  /// Accepted violations; only the key fields are set (rule, from, to, file,
  /// symbol or header; cycle and members for cycles — members alone for a
  /// whole group, from a baseline written before elementary cycles).
  std::vector<Violation> entries;
  /// Interface of each "extract" module at the time of the baseline.
  InterfaceRecord interfaces;
};

/// The baseline of the current state: every violation (interface-growth ones
/// are covered by the interfaces instead) and the current interfaces.
Baseline make_baseline(const std::vector<Violation>& violations, const InterfaceRecord& interfaces);

/// seam.baseline/1 text: sorted, one violation per line, one symbol per line.
std::string format_baseline(const Baseline& baseline);

/// Reads a baseline written by format_baseline (or edited by hand: entries may
/// be removed or reordered). Errors are "file:line:col: error: message".
bool parse_baseline(const std::string& text, const std::string& path, Baseline& out,
                    std::vector<std::string>& errors);
bool read_baseline(const std::string& path, Baseline& out, std::vector<std::string>& errors);

/// Marks each violation the baseline holds as baselined and returns the
/// entries that no longer occur (fixed), sorted. An old group entry (members,
/// no cycle) holds every elementary cycle inside the group, and is fixed when
/// none is left; for interfaces, a recorded
/// symbol of a module still marked "extract" that the interface lost. Entries
/// of rules that are off are neither matched nor fixed.
std::vector<Violation> apply_baseline(std::vector<Violation>& violations, const Baseline& baseline,
                                      const InterfaceRecord& current_interfaces, const Config& config);

} // namespace seam
