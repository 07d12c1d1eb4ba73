#include "analyzers/candidates/cycle_exit.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace seam {

CycleExit cycle_exit(const WeightedDigraph& g, uint32_t unit) {
  // Flow network: the graph's nodes, plus a sink `t` standing for the unit's
  // incoming side: an arc x -> unit becomes x -> t.
  const uint32_t n = static_cast<uint32_t>(g.size());
  const uint32_t t = n;
  struct Arc {
    uint32_t to;
    int64_t cap;
    uint32_t rev;             ///< index of the reverse arc in adj[to]
    WeightedEdge original;    ///< the edge it stands for (weight 0: a reverse arc)
  };
  std::vector<std::vector<Arc>> adj(n + 1);
  auto add = [&](uint32_t a, uint32_t b, uint64_t w, WeightedEdge e) {
    adj[a].push_back({b, static_cast<int64_t>(w), static_cast<uint32_t>(adj[b].size()), e});
    adj[b].push_back({a, 0, static_cast<uint32_t>(adj[a].size() - 1), WeightedEdge{}});
  };
  for (uint32_t a = 0; a < n; ++a)
    for (const WeightedArc& arc : g.out[a]) {
      if (arc.to == a) continue;
      add(a, arc.to == unit ? t : arc.to, arc.weight, WeightedEdge{a, arc.to, arc.weight});
    }
  CycleExit out;
  std::vector<std::pair<uint32_t, uint32_t>> parent(n + 1); // node, arc index in adj[node]
  for (;;) {
    // Shortest augmenting path (BFS), in node order for a deterministic cut.
    std::vector<bool> seen(n + 1, false);
    std::queue<uint32_t> q;
    q.push(unit);
    seen[unit] = true;
    while (!q.empty() && !seen[t]) {
      uint32_t v = q.front();
      q.pop();
      for (uint32_t i = 0; i < adj[v].size(); ++i) {
        const Arc& a = adj[v][i];
        if (a.cap <= 0 || seen[a.to] || a.to == unit) continue;
        seen[a.to] = true;
        parent[a.to] = {v, i};
        q.push(a.to);
      }
    }
    if (!seen[t]) {
      // The cut: original arcs from the side the unit still reaches to the other.
      for (uint32_t v = 0; v <= n; ++v) {
        if (!seen[v]) continue;
        for (const Arc& a : adj[v])
          if (!seen[a.to] && a.original.weight > 0) out.edges.push_back(a.original);
      }
      break;
    }
    int64_t push = std::numeric_limits<int64_t>::max();
    for (uint32_t v = t; v != unit; v = parent[v].first) push = std::min(push, adj[parent[v].first][parent[v].second].cap);
    for (uint32_t v = t; v != unit; v = parent[v].first) {
      Arc& a = adj[parent[v].first][parent[v].second];
      a.cap -= push;
      adj[a.to][a.rev].cap += push;
    }
    out.weight += static_cast<uint64_t>(push);
  }
  std::sort(out.edges.begin(), out.edges.end(),
            [](const WeightedEdge& a, const WeightedEdge& b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
  return out;
}

} // namespace seam
