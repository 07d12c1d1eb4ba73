// Cycles of a UnitGraph (module, component or file level) as strongly
// connected components, each with its breakdown into elementary cycles (the
// way include-cycle lints list them) and its minimum cut: the edges of least
// total weight (references and includes) whose removal leaves it acyclic.
#pragma once

#include "analyzers/graph/unit_graph.h"

#include <cstdint>
#include <vector>

namespace seam {

/// One elementary cycle of a breakdown (cycle_breakdown.h), in node ids.
struct CycleStep {
  std::vector<uint32_t> path;     ///< a -> b -> a: the start repeated at the end
  uint32_t closing = UINT32_MAX;  ///< index into UnitGraph::edges: the last edge, back to the start
};

struct UnitCycle {
  std::vector<uint32_t> members;   ///< node ids, sorted (= name order)
  std::vector<uint32_t> edges;     ///< indices into UnitGraph::edges between members, sorted
  /// One concrete walk a reader can follow: the shortest cycle through the
  /// first member, first member repeated at the end (a -> b -> a).
  std::vector<uint32_t> path;
  /// The elementary cycles, shortest first, each closing edge removed before
  /// the next is taken, until none is left (the include-cycle lints' list).
  std::vector<CycleStep> breakdown;
  /// The minimum cut (min_cut.h): edges of least total weight whose removal
  /// leaves the members acyclic. Indices into UnitGraph::edges, sorted.
  std::vector<uint32_t> cut;
  uint64_t cut_weight = 0;
  bool cut_exact = true;           ///< false above kExactCutNodes members: a heuristic's cut
  /// The members in the cut's order: exactly the `cut` edges point backwards
  /// (from a later member to an earlier one). The matrix and the layout use it.
  std::vector<uint32_t> order;
};

/// Every cycle of `g`, sorted by first member.
std::vector<UnitCycle> find_unit_cycles(const UnitGraph& g);

/// The cycle that holds `node`, analysed as find_unit_cycles does; no members
/// when the node is in none. What `seam why` needs without every other cycle.
UnitCycle cycle_containing(const UnitGraph& g, uint32_t node);

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
