// What it takes one unit to leave its dependency cycle: the edges of least
// total weight (uses) whose removal leaves no cycle through the unit. Every
// such cycle is a path from the unit back to itself, so this is a minimum s-t
// cut with the unit's outgoing arcs as the source and its incoming arcs as the
// sink (max-flow, Edmonds-Karp): exact, and never more than cutting all of
// the unit's outgoing or all of its incoming edges. The minimum cut of the
// whole cycle (min_cut.h) answers another question: what makes every member
// acyclic; one unit may need less.
#pragma once

#include "analyzers/graph/weighted_digraph.h"

#include <cstdint>
#include <vector>

namespace seam {

struct CycleExit {
  uint64_t weight = 0;              ///< total uses to cut
  std::vector<WeightedEdge> edges;  ///< the edges to cut, sorted by (from, to)
};

/// The cheapest cut separating node `unit` from itself in `g`. `g` holds the
/// unit and the other members of its cycle; an edge's weight is its uses.
/// O(V E^2) on the cycle's nodes, far below the references behind them.
CycleExit cycle_exit(const WeightedDigraph& g, uint32_t unit);

} // namespace seam
