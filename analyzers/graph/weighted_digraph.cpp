#include "analyzers/graph/weighted_digraph.h"

#include <algorithm>

namespace seam {

void WeightedDigraph::add(uint32_t from, uint32_t to, uint64_t weight) {
  if (from == to) return;
  if (std::max(from, to) >= out.size()) out.resize(std::max(from, to) + 1);
  std::vector<WeightedArc>& arcs = out[from];
  auto it = std::lower_bound(arcs.begin(), arcs.end(), to, [](const WeightedArc& a, uint32_t t) { return a.to < t; });
  if (it != arcs.end() && it->to == to)
    it->weight += weight;
  else
    arcs.insert(it, WeightedArc{to, weight});
}

} // namespace seam
