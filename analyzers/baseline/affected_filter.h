// Pull-request scope for `seam check --affected REV`: which violations the
// change is answerable for. The rule, in one place:
//
//  - a violation at a site (layer, undeclared, private-header,
//    unused-allowance) is the change's when its file changed;
//  - a cycle is the change's when one of the module edges around it has a
//    site (a reference or an #include) in a changed file;
//  - an interface-growth finding is the change's when a use of the symbol from
//    another module, or the symbol's declaration, lies in a changed file.
//
// "Created by the change" is then decided by the baseline, as in every run: a
// cycle or interface symbol the baseline holds is baselined and never fails;
// one it does not hold is new. Without a baseline every finding is new, so a
// cycle the change merely touches fails too — keep a baseline (docs/ci.md).
// Comparing with a second analysis of REV would need the whole project parsed
// twice; the baseline is already the team's record of what was accepted.
#pragma once

#include "analyzers/graph/module_graph.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/rules/violation.h"

#include <set>
#include <string>

namespace seam {

/// Marks every violation that is not the change's (above) as outside_change,
/// and records `rev` and the number of changed files in the report.
void limit_to_change(CheckReport& report, const Project& project, const ModuleGraph& graph,
                     const std::set<std::string>& changed, const std::string& rev);

/// What a change touches in a graph at any level (`seam graph --affected`,
/// the report): a node holds a changed file; an edge has a site (reference or
/// #include) in a changed file. Indexed like the graph's nodes and edges.
struct TouchedUnits {
  std::vector<bool> nodes, edges;
};
TouchedUnits touched_units(const Project& project, const UnitGraph& graph, const std::set<std::string>& changed);

} // namespace seam
