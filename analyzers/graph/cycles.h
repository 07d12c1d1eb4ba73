// Cycles of a UnitGraph (module, component or file level) as strongly
// connected components, each with the edges that close it and the cheapest
// edge to cut: the lightest edge (fewest references and includes) whose
// removal splits the component. Linear for finding; the search for the cut
// edge tries edges lightest first and stops at the first that splits, with a
// budget per cycle so a huge tangle costs bounded time.
#pragma once

#include "analyzers/graph/unit_graph.h"

#include <cstdint>
#include <vector>

namespace seam {

struct UnitCycle {
  std::vector<uint32_t> members;   ///< node ids, sorted (= name order)
  std::vector<uint32_t> edges;     ///< indices into UnitGraph::edges between members, sorted
  uint32_t cheapest = UINT32_MAX;  ///< index into UnitGraph::edges
  /// True when removing `cheapest` splits the component. False when no edge
  /// within the budget does (a dense tangle): `cheapest` is then the lightest edge.
  bool cheapest_splits = false;
  /// Cycles left among the members once `cheapest` is removed (sorted member
  /// lists; empty when the cut leaves none).
  std::vector<std::vector<uint32_t>> remaining;
  /// One concrete walk a reader can follow: the shortest cycle through the
  /// first member, first member repeated at the end (a -> b -> a).
  std::vector<uint32_t> path;
};

/// Edges tried per cycle when looking for the cheapest cut.
inline constexpr size_t kCutSearchBudget = 256;

/// Every cycle of `g`, sorted by first member.
std::vector<UnitCycle> find_unit_cycles(const UnitGraph& g);

/// The cycles and levels of the whole project at the three levels, what
/// `seam cycles` reports.
struct ProjectCycles {
  UnitGraph modules, components, files;
  std::vector<UnitCycle> module_cycles, component_cycles, file_cycles;
  std::vector<uint32_t> module_levels, component_levels, file_levels; ///< per node, 1-based
};
/// `edges` picks the edges of every level; absent: each level's default
/// (default_edge_kinds: all for modules, include for components and files).
ProjectCycles find_project_cycles(const Project& project, std::optional<EdgeKinds> edges = std::nullopt);

/// Node -> index of its cycle in `cycles`, or UINT32_MAX (not in a cycle).
std::vector<uint32_t> cycle_of_node(size_t node_count, const std::vector<UnitCycle>& cycles);

} // namespace seam
