#include "analyzers/cluster/louvain.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

namespace seam {

WeightedGraph WeightedGraph::from_edges(size_t nodes, const std::vector<std::tuple<uint32_t, uint32_t, double>>& edges) {
  std::map<std::pair<uint32_t, uint32_t>, double> sum;
  for (const auto& [a, b, w] : edges) {
    if (a >= nodes || b >= nodes || !(w > 0)) continue;
    sum[{std::min(a, b), std::max(a, b)}] += w;
  }
  WeightedGraph g;
  g.adj.assign(nodes, {});
  for (const auto& [ab, w] : sum) {
    g.adj[ab.first].push_back({ab.second, w});
    if (ab.first != ab.second) g.adj[ab.second].push_back({ab.first, w});
  }
  for (auto& list : g.adj) std::sort(list.begin(), list.end());
  return g;
}

namespace {

/// Degree with a self-loop counted twice, as modularity wants.
double degree(const WeightedGraph& g, uint32_t i) {
  double k = 0;
  for (const auto& [j, w] : g.adj[i]) k += j == i ? 2 * w : w;
  return k;
}

double total_weight(const WeightedGraph& g) {
  double twice = 0;
  for (uint32_t i = 0; i < g.size(); ++i) twice += degree(g, i);
  return twice / 2;
}

/// One level: local moves until no node moves. Returns true when any node moved.
bool local_moves(const WeightedGraph& g, std::vector<uint32_t>& comm, const LouvainOptions& o, std::mt19937_64& rng) {
  const uint32_t n = static_cast<uint32_t>(g.size());
  const double m2 = 2 * total_weight(g);
  if (m2 <= 0) return false;
  std::vector<double> k(n), tot(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    k[i] = degree(g, i);
    tot[comm[i]] += k[i];
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Fisher-Yates with the engine's raw output (std::shuffle's algorithm is
  // not fixed by the standard, the engine is).
  for (uint32_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);

  std::vector<double> link(n, 0);     // weight from the node to each community
  std::vector<uint32_t> touched;
  bool moved_any = false;
  for (int pass = 0; pass < o.max_passes; ++pass) {
    bool moved = false;
    for (uint32_t i : order) {
      const uint32_t own = comm[i];
      touched.clear();
      for (const auto& [j, w] : g.adj[i]) {
        if (j == i) continue;
        if (link[comm[j]] == 0) touched.push_back(comm[j]);
        link[comm[j]] += w;
      }
      tot[own] -= k[i];
      // Gain of joining c (up to terms common to every c): link_c - gamma * tot_c * k_i / 2m.
      auto gain = [&](uint32_t c) { return link[c] - o.resolution * tot[c] * k[i] / m2; };
      uint32_t best = own;
      double best_gain = gain(own);
      std::sort(touched.begin(), touched.end());
      for (uint32_t c : touched) {
        double gc = gain(c);
        if (gc > best_gain + 1e-12) {
          best = c;
          best_gain = gc;
        }
      }
      tot[best] += k[i];
      comm[i] = best;
      for (uint32_t c : touched) link[c] = 0;
      link[own] = 0;
      if (best != own) moved = moved_any = true;
    }
    if (!moved) break;
  }
  return moved_any;
}

/// Renumbers communities 0.. in order of first node. Returns the count.
uint32_t renumber(std::vector<uint32_t>& comm) {
  std::vector<uint32_t> map(comm.size(), UINT32_MAX);
  uint32_t next = 0;
  for (uint32_t& c : comm) {
    if (map[c] == UINT32_MAX) map[c] = next++;
    c = map[c];
  }
  return next;
}

} // namespace

std::vector<uint32_t> louvain(const WeightedGraph& g0, const LouvainOptions& o) {
  const uint32_t n0 = static_cast<uint32_t>(g0.size());
  std::vector<uint32_t> result(n0);
  std::iota(result.begin(), result.end(), 0);
  std::mt19937_64 rng(o.seed);
  WeightedGraph g = g0;
  for (int level = 0; level < o.max_levels; ++level) {
    std::vector<uint32_t> comm(g.size());
    std::iota(comm.begin(), comm.end(), 0);
    if (!local_moves(g, comm, o, rng)) break;
    uint32_t count = renumber(comm);
    for (uint32_t& c : result) c = comm[c];
    if (count == g.size()) break;
    // Aggregate: one node per community, edge weights summed.
    std::vector<std::tuple<uint32_t, uint32_t, double>> edges;
    for (uint32_t i = 0; i < g.size(); ++i)
      for (const auto& [j, w] : g.adj[i])
        if (i <= j) edges.emplace_back(comm[i], comm[j], w);
    g = WeightedGraph::from_edges(count, edges);
  }
  renumber(result);
  return result;
}

double modularity(const WeightedGraph& g, const std::vector<uint32_t>& comm, double resolution) {
  const double m = total_weight(g);
  if (m <= 0 || comm.size() != g.size()) return 0;
  uint32_t count = 0;
  for (uint32_t c : comm) count = std::max(count, c + 1);
  std::vector<double> in(count, 0), tot(count, 0);
  for (uint32_t i = 0; i < g.size(); ++i) {
    tot[comm[i]] += degree(g, i);
    for (const auto& [j, w] : g.adj[i])
      if (comm[j] == comm[i]) in[comm[i]] += j == i ? 2 * w : w;
  }
  double q = 0;
  for (uint32_t c = 0; c < count; ++c) q += in[c] / (2 * m) - resolution * (tot[c] / (2 * m)) * (tot[c] / (2 * m));
  return q;
}

} // namespace seam
