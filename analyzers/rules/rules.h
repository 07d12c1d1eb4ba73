// The rules of `seam check`: what seam.json declares, compared with the module
// graph. Each rule lives in its own file (cycle_rule.cpp, dependency_rules.cpp,
// private_header_rule.cpp, interface_growth_rule.cpp); this is their one entry
// point. Plain data in, plain data out: hand-built facts test every rule.
#pragma once

#include "analyzers/graph/module_graph.h"
#include "analyzers/rules/violation.h"

#include <map>
#include <string>
#include <vector>

namespace seam {

/// Qualified names of the interface symbols of each module, by module name.
using InterfaceRecord = std::map<std::string, std::vector<std::string>>;

struct RuleInputs {
  /// The interfaces the baseline records. Null when there is no baseline:
  /// interface-growth has nothing to compare with and reports nothing (a note says so).
  const InterfaceRecord* recorded_interfaces = nullptr;
};

struct RuleResult {
  std::vector<Violation> violations; ///< sorted, each with its configured severity; none "off"
  std::vector<RuleCheck> checks;     ///< sorted: the rule and module pairs examined
  std::vector<std::string> notes;
  InterfaceRecord interfaces;        ///< current interface of every "extract" module (sorted names)
};

/// Runs every rule whose severity is not "off". Linear in references and
/// includes (each rule walks the graph edges it applies to, once).
RuleResult evaluate_rules(const Project& project, const ModuleGraph& graph, const RuleInputs& inputs);

} // namespace seam
