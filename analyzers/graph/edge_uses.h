// What an edge of a dependency graph counts (the references and includes
// behind it) and how the edges are collected from those sites. The module
// graph and the unit graph share both, so a module edge and a module-level
// unit edge are counted the same way and read the same in every report.
#pragma once

#include "analyzers/model/model.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace seam {

/// The sites behind one edge; ModuleEdge and UnitEdge add the two ends.
struct EdgeUses {
  std::array<uint32_t, kRefKindCount> kinds{};  ///< references per RefKind
  uint32_t include_count = 0;
  uint32_t weight = 0;                          ///< references + includes
  std::vector<uint32_t> refs;                   ///< indices into Project::refs, in site order
  std::vector<uint32_t> includes;               ///< indices into Project::includes, in site order
};

/// Counts per kind in a stable order (sorted by name, "include" among them);
/// zero counts omitted.
std::vector<std::pair<std::string, uint32_t>> kind_counts(const EdgeUses& e);

/// Collects the edges of a graph in one pass over references and includes:
/// an edge is created by its first site. `Edge` is an EdgeUses with `from`
/// and `to` node ids, which must not be negative.
template <typename Edge>
class EdgeCollector {
public:
  using Node = decltype(Edge::from);

  void add_ref(Node from, Node to, uint32_t ref, RefKind kind) {
    Edge& e = edge(from, to);
    ++e.kinds[static_cast<size_t>(kind)];
    ++e.weight;
    e.refs.push_back(ref);
  }

  void add_include(Node from, Node to, uint32_t include) {
    Edge& e = edge(from, to);
    ++e.include_count;
    ++e.weight;
    e.includes.push_back(include);
  }

  /// The edges sorted by (from, to); `out` and `in` get, per node, the
  /// indices of its outgoing and incoming edges.
  std::vector<Edge> finish(size_t nodes, std::vector<std::vector<uint32_t>>& out,
                           std::vector<std::vector<uint32_t>>& in) {
    std::sort(edges_.begin(), edges_.end(),
              [](const Edge& a, const Edge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
    out.assign(nodes, {});
    in.assign(nodes, {});
    for (uint32_t i = 0; i < edges_.size(); ++i) {
      out[edges_[i].from].push_back(i);
      in[edges_[i].to].push_back(i);
    }
    index_.clear();
    return std::move(edges_);
  }

private:
  Edge& edge(Node from, Node to) {
    const uint64_t key = (uint64_t{static_cast<uint32_t>(from)} << 32) | static_cast<uint32_t>(to);
    auto [it, inserted] = index_.emplace(key, static_cast<uint32_t>(edges_.size()));
    if (inserted) {
      Edge& e = edges_.emplace_back();
      e.from = from;
      e.to = to;
    }
    return edges_[it->second];
  }

  std::unordered_map<uint64_t, uint32_t> index_; ///< (from, to) -> index into edges_
  std::vector<Edge> edges_;
};

} // namespace seam
