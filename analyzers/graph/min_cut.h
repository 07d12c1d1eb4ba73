// The minimum cut of a tangle: the edges of least total weight (uses) whose
// removal leaves the graph acyclic, a minimum-weight feedback arc set. It is
// the same problem as ordering the nodes so that the edges pointing backwards
// weigh least: those backward edges are the cut, and the ordering is what the
// dependency matrix and the layout use (DSM partitioning and tearing).
//
//  - Up to kExactCutNodes nodes: exact, by dynamic programming over subsets
//    (Held-Karp style, O(2^n * n) time, 8 MB at n = 20). Among the orderings
//    of least weight it returns the first in name order (lexicographically by
//    node id).
//  - Above: a heuristic, flagged `exact = false`. The Eades-Lin-Smyth ordering
//    (sinks last, sources first, else the node whose outgoing weight exceeds its
//    incoming weight most; ties to the first by name), then local improvement
//    (each node moved to the position where the weight of its backward edges is
//    least, while that drops), then every cut edge whose return creates no
//    cycle is returned (heaviest first), so the cut is minimal by inclusion
//    even where it is not minimum.
#pragma once

#include "analyzers/graph/weighted_digraph.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace seam {

/// The largest graph cut exactly.
inline constexpr size_t kExactCutNodes = 20;

struct MinCut {
  bool exact = true;                ///< false: heuristic, the weight may exceed the minimum
  uint64_t weight = 0;              ///< total weight of `edges`
  std::vector<WeightedEdge> edges;  ///< sorted by (from, to)
  /// Every node, in an order in which exactly `edges` point backwards (from a
  /// later node to an earlier one): a topological order once they are cut.
  std::vector<uint32_t> order;
};

/// `exact_limit` above kExactCutNodes is clamped to it (memory); the tests lower it to
/// compare the heuristic with the exact answer.
MinCut minimum_cut(const WeightedDigraph& g, size_t exact_limit = kExactCutNodes);

/// The weight of the edges of `g` pointing backwards in `order` (a permutation).
uint64_t backward_weight(const WeightedDigraph& g, const std::vector<uint32_t>& order);

} // namespace seam
