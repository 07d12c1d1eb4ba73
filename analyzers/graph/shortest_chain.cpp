#include "analyzers/graph/shortest_chain.h"

#include <algorithm>

namespace seam {

std::vector<uint32_t> shortest_chain(const UnitGraph& g, uint32_t from, uint32_t to) {
  if (from >= g.size() || to >= g.size() || from == to) return {};
  // Breadth-first from the target backwards over in-edges would give the
  // lexicographically first path from the wrong end; search forward and keep
  // the first edge that reached each node (out-edges are in (from, to) order).
  std::vector<uint32_t> via(g.size(), UINT32_MAX);
  std::vector<bool> seen(g.size(), false);
  std::vector<uint32_t> queue{from};
  seen[from] = true;
  for (size_t head = 0; head < queue.size() && !seen[to]; ++head) {
    uint32_t v = queue[head];
    for (uint32_t e : g.out[v]) {
      uint32_t w = g.edges[e].to;
      if (seen[w]) continue;
      seen[w] = true;
      via[w] = e;
      queue.push_back(w);
    }
  }
  if (!seen[to]) return {};
  std::vector<uint32_t> path;
  for (uint32_t v = to; v != from; v = g.edges[via[v]].from) path.push_back(via[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

} // namespace seam
