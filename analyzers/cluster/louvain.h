// Louvain community detection (Blondel et al. 2008) on an undirected weighted
// graph: local moves of single nodes to the neighbouring community with the
// best modularity gain, then aggregation of communities into nodes, repeated
// while modularity improves. Deterministic: the node order of each pass is a
// permutation drawn from std::mt19937_64 with a fixed seed (the engine's
// output is fixed by the standard), ties go to the lower community id, and
// all sums run in a fixed order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace seam {

/// Undirected graph with weighted edges; self-loops allowed.
struct WeightedGraph {
  /// adj[i] = (neighbour, weight), sorted by neighbour, each edge {i, j} listed
  /// under both ends, a self-loop {i, i} once under i.
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;

  size_t size() const { return adj.size(); }
  /// Builds adjacency from an edge list (duplicates are summed, weights > 0).
  static WeightedGraph from_edges(size_t nodes, const std::vector<std::tuple<uint32_t, uint32_t, double>>& edges);
};

struct LouvainOptions {
  double resolution = 1.0;  ///< gamma: above 1 favours smaller communities
  uint64_t seed = 42;       ///< order of the local-move passes
  int max_levels = 32;      ///< aggregation rounds
  int max_passes = 100;     ///< local-move passes per level
};

/// Community of each node, numbered 0.. in order of each community's first node.
std::vector<uint32_t> louvain(const WeightedGraph& g, const LouvainOptions& opts = {});

/// Newman-Girvan modularity with resolution gamma:
///   Q = sum over communities c of [ in_c / 2m - gamma * (tot_c / 2m)^2 ]
/// in_c = twice the weight of edges inside c (a self-loop counts twice),
/// tot_c = sum of degrees in c, m = total edge weight. 0 for an empty graph.
double modularity(const WeightedGraph& g, const std::vector<uint32_t>& community, double resolution = 1.0);

} // namespace seam
