// The breakdown of a tangle into elementary cycles, the way include-cycle
// lints of large C++ projects list them (Bitcoin Core's
// contrib/devtools/circular-dependencies.py is the published one): take the
// shortest cycle, report it, remove its closing edge, repeat until no cycle
// is left. A team reads the result as a list of small cycles it can accept,
// fix, or compare line by line with its own lint.
//
// Which cycle, precisely (node ids are in name order, see weighted_digraph.h):
//  1. L = the length (edges) of the shortest cycle left.
//  2. The start s is the first node by name that lies on a cycle of length L.
//  3. The path is found by breadth-first search from s in which every node's
//     parent is the first node by name, one layer closer to s, with an edge
//     to it; the last node t is the first node by name at distance L-1 from s
//     with an edge t -> s. The path is s -> ... -> t -> s.
//  4. The closing edge is t -> s, the one back to the start; it is removed.
// This is exactly what the lint computes (it scans the starts in sorted order
// and keeps the first strictly shorter cycle; its closure grows layer by layer
// over sorted keys), so the lists agree line by line.
//
// Cost: one breadth-first search per step in the usual case. The shortest
// cycle through a node only grows as edges go, so each node keeps its last
// length as a lower bound in a queue ordered by (bound, name); only the node
// on top is searched again, and it is the answer once its bound is current.
// rocksdb's 443-component SCC: see docs/performance.md.
#pragma once

#include "analyzers/graph/weighted_digraph.h"

#include <cstdint>
#include <vector>

namespace seam {

/// One elementary cycle of a breakdown.
struct BrokenCycle {
  std::vector<uint32_t> path; ///< s -> ... -> t -> s: the start repeated at the end
  WeightedEdge closing;       ///< t -> s, removed before the next cycle is taken
};

/// The breakdown of `g` (usually one strongly connected component), in the
/// order the cycles are taken: shortest first. Empty when `g` is acyclic.
std::vector<BrokenCycle> cycle_breakdown(const WeightedDigraph& g);

} // namespace seam
