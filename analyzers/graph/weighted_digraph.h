// A small weighted directed graph: the input of the cycle algorithms
// (cycle_breakdown, min_cut), which need no Project. Node ids are 0..n-1 and
// their order is the name order: every tie these algorithms break goes to the
// lower id, so a caller that numbers nodes by sorted name (as UnitGraph and
// the members of a UnitCycle are) gets ties broken by name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace seam {

struct WeightedArc {
  uint32_t to = 0;
  uint64_t weight = 0; ///< uses behind the edge (references + includes)
};

struct WeightedDigraph {
  /// Per node: its successors, sorted by `to`, at most one arc per target, no self arcs.
  std::vector<std::vector<WeightedArc>> out;

  size_t size() const { return out.size(); }
  /// Adds from -> to (or adds to its weight), keeping `out[from]` sorted. Self arcs are ignored.
  void add(uint32_t from, uint32_t to, uint64_t weight);
};

/// One edge of a WeightedDigraph.
struct WeightedEdge {
  uint32_t from = 0, to = 0;
  uint64_t weight = 0;
  friend bool operator==(const WeightedEdge&, const WeightedEdge&) = default;
};

} // namespace seam
