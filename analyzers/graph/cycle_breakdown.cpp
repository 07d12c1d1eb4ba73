#include "analyzers/graph/cycle_breakdown.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

namespace seam {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

/// Breadth-first search from `s` over `succ` (sorted lists), layer by layer in
/// name order, so a node's parent is the first node of the previous layer that
/// reaches it. Returns the shortest cycle through `s` as s, ..., t (without the
/// repeated s), or empty when none.
class ShortestCycle {
public:
  explicit ShortestCycle(size_t n) : seen_(n, 0), parent_(n, kNone) {}

  std::vector<uint32_t> through(const std::vector<std::vector<uint32_t>>& succ, uint32_t s) {
    ++stamp_;
    std::vector<uint32_t> layer{s}, next;
    // s is not marked: reaching it again closes the cycle.
    uint32_t last = kNone;
    while (!layer.empty() && last == kNone) {
      next.clear();
      for (uint32_t x : layer) {
        for (uint32_t w : succ[x]) {
          if (w == s) {
            last = x;
            break;
          }
          if (seen_[w] == stamp_) continue;
          seen_[w] = stamp_;
          parent_[w] = x;
          next.push_back(w);
        }
        if (last != kNone) break;
      }
      std::sort(next.begin(), next.end());
      layer.swap(next);
    }
    std::vector<uint32_t> path;
    if (last == kNone) return path;
    for (uint32_t v = last; v != s; v = parent_[v]) path.push_back(v);
    path.push_back(s);
    std::reverse(path.begin(), path.end());
    return path;
  }

private:
  std::vector<uint32_t> seen_, parent_;
  uint32_t stamp_ = 0;
};

} // namespace

std::vector<BrokenCycle> cycle_breakdown(const WeightedDigraph& g) {
  const size_t n = g.size();
  std::vector<std::vector<uint32_t>> succ(n);
  for (uint32_t v = 0; v < n; ++v)
    for (const WeightedArc& a : g.out[v]) succ[v].push_back(a.to);

  // (lower bound on the shortest cycle through the node, node); smallest on top.
  using Entry = std::pair<uint32_t, uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  std::vector<uint64_t> searched_at(n, UINT64_MAX); // the removal count when last searched
  std::vector<std::vector<uint32_t>> found(n);
  for (uint32_t v = 0; v < n; ++v)
    if (!succ[v].empty()) queue.push({2, v});

  ShortestCycle search(n);
  std::vector<BrokenCycle> out;
  uint64_t removals = 0;
  while (!queue.empty()) {
    auto [bound, s] = queue.top();
    queue.pop();
    if (searched_at[s] != removals) {
      // Stale: search again. The length can only have grown.
      found[s] = search.through(succ, s);
      searched_at[s] = removals;
      if (!found[s].empty()) queue.push({static_cast<uint32_t>(found[s].size()), s});
      continue;
    }
    // Current and on top: no node has a shorter cycle, and no node before s
    // by name has one as short (its bound would be on top).
    BrokenCycle c;
    c.path = std::move(found[s]);
    const uint32_t t = c.path.back();
    c.path.push_back(s);
    auto arc = std::lower_bound(g.out[t].begin(), g.out[t].end(), s,
                                [](const WeightedArc& a, uint32_t to) { return a.to < to; });
    c.closing = {t, s, arc->weight};
    succ[t].erase(std::lower_bound(succ[t].begin(), succ[t].end(), s));
    ++removals;
    out.push_back(std::move(c));
    queue.push({bound, s}); // a valid lower bound still; stale now
  }
  return out;
}

} // namespace seam
