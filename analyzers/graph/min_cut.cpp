#include "analyzers/graph/min_cut.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

namespace seam {

namespace {

/// The exact order: g[R] is the least backward weight of the nodes in R when
/// they come last, in some order, after all the others. Placing v first among
/// R turns v's edges into the nodes already placed (not in R) backwards.
std::vector<uint32_t> exact_order(const WeightedDigraph& g) {
  const size_t n = g.size();
  const uint32_t full = (1u << n) - 1; // n <= kExactCutNodes
  // cost(v, placed) = weight of v's edges into `placed`, from two 10-bit halves.
  constexpr size_t kHalf = 10;
  std::vector<std::vector<uint64_t>> lo(n, std::vector<uint64_t>(1u << kHalf)),
      hi(n, std::vector<uint64_t>(1u << kHalf));
  for (uint32_t v = 0; v < n; ++v) {
    std::vector<uint64_t> w(2 * kHalf, 0);
    for (const WeightedArc& a : g.out[v]) w[a.to] = a.weight;
    for (uint32_t m = 1; m < (1u << kHalf); ++m) {
      uint32_t low = static_cast<uint32_t>(__builtin_ctz(m));
      lo[v][m] = lo[v][m & (m - 1)] + w[low];
      hi[v][m] = hi[v][m & (m - 1)] + w[low + kHalf];
    }
  }
  auto cost = [&](uint32_t v, uint32_t placed) {
    return lo[v][placed & ((1u << kHalf) - 1)] + hi[v][placed >> kHalf];
  };
  std::vector<uint64_t> best(static_cast<size_t>(full) + 1, 0);
  for (uint32_t r = 1; r <= full; ++r) {
    uint64_t b = UINT64_MAX;
    const uint32_t placed = full ^ r;
    for (uint32_t rest = r; rest; rest &= rest - 1) {
      uint32_t v = static_cast<uint32_t>(__builtin_ctz(rest));
      b = std::min(b, cost(v, placed) + best[r ^ (1u << v)]);
    }
    best[r] = b;
  }
  std::vector<uint32_t> order;
  for (uint32_t r = full; r;) {
    for (uint32_t rest = r; rest; rest &= rest - 1) {
      uint32_t v = static_cast<uint32_t>(__builtin_ctz(rest)); // first by name among the optimal
      if (cost(v, full ^ r) + best[r ^ (1u << v)] == best[r]) {
        order.push_back(v);
        r ^= 1u << v;
        break;
      }
    }
  }
  return order;
}

/// Eades, Lin and Smyth (1993), with weights: sinks go last, sources first,
/// otherwise the node with the largest outgoing minus incoming weight goes
/// first. Ties go to the lowest id. O(n^2 + m).
std::vector<uint32_t> els_order(const WeightedDigraph& g, const std::vector<std::vector<WeightedArc>>& in) {
  const size_t n = g.size();
  std::vector<size_t> out_n(n), in_n(n);
  std::vector<int64_t> delta(n);
  for (uint32_t v = 0; v < n; ++v)
    for (const WeightedArc& a : g.out[v]) {
      ++out_n[v];
      ++in_n[a.to];
      delta[v] += static_cast<int64_t>(a.weight);
      delta[a.to] -= static_cast<int64_t>(a.weight);
    }
  std::vector<bool> left(n, true);
  std::vector<uint32_t> head, tail;
  auto take = [&](uint32_t v) {
    left[v] = false;
    for (const WeightedArc& a : g.out[v])
      if (left[a.to]) {
        --in_n[a.to];
        delta[a.to] += static_cast<int64_t>(a.weight);
      }
    for (const WeightedArc& a : in[v])
      if (left[a.to]) {
        --out_n[a.to];
        delta[a.to] -= static_cast<int64_t>(a.weight);
      }
  };
  for (size_t placed = 0; placed < n; ++placed) {
    uint32_t sink = UINT32_MAX, source = UINT32_MAX, best = UINT32_MAX;
    for (uint32_t v = 0; v < n; ++v) {
      if (!left[v]) continue;
      if (out_n[v] == 0 && sink == UINT32_MAX) sink = v;
      if (in_n[v] == 0 && source == UINT32_MAX) source = v;
      if (best == UINT32_MAX || delta[v] > delta[best]) best = v;
    }
    if (sink != UINT32_MAX) {
      tail.push_back(sink);
      take(sink);
    } else {
      uint32_t v = source != UINT32_MAX ? source : best;
      head.push_back(v);
      take(v);
    }
  }
  head.insert(head.end(), tail.rbegin(), tail.rend());
  return head;
}

/// Moves single nodes to the position where their backward weight is least
/// while that lowers the total; passes in id order until one changes nothing.
/// A pass is O(n^2 + m); kMaxPasses bounds the time on a pathological graph.
void sift(const WeightedDigraph& g, const std::vector<std::vector<WeightedArc>>& in, std::vector<uint32_t>& order) {
  constexpr int kMaxPasses = 64;
  const size_t n = order.size();
  std::vector<int64_t> step(n); // cost change when v passes the node at that position of `rest`
  std::vector<uint32_t> rest;
  std::vector<uint32_t> pos(n);
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool moved = false;
    for (uint32_t v = 0; v < n; ++v) {
      for (size_t i = 0; i < n; ++i) pos[order[i]] = static_cast<uint32_t>(i);
      const uint32_t at = pos[v];
      rest.clear();
      for (uint32_t x : order)
        if (x != v) rest.push_back(x);
      auto rpos = [&](uint32_t x) { return pos[x] < at ? pos[x] : pos[x] - 1; };
      std::fill(step.begin(), step.end(), 0);
      int64_t cost = 0; // v in slot 0: every predecessor comes after it
      for (const WeightedArc& a : in[v]) {
        cost += static_cast<int64_t>(a.weight);
        step[rpos(a.to)] -= static_cast<int64_t>(a.weight);
      }
      for (const WeightedArc& a : g.out[v]) step[rpos(a.to)] += static_cast<int64_t>(a.weight);
      int64_t current = 0, best = 0;
      size_t best_slot = 0;
      for (size_t slot = 0; slot < n; ++slot) {
        if (slot == at) current = cost;
        if (slot == 0 || cost < best) {
          best = cost;
          best_slot = slot;
        }
        if (slot + 1 < n) cost += step[slot];
      }
      if (best < current) {
        rest.insert(rest.begin() + static_cast<std::ptrdiff_t>(best_slot), v);
        order.swap(rest);
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/// Returns each backward edge of `order` whose return leaves the graph
/// acyclic, heaviest first (then by (from, to)), and reorders topologically,
/// keeping the given order where the edges allow.
void minimalize(const WeightedDigraph& g, std::vector<uint32_t>& order) {
  const size_t n = order.size();
  std::vector<uint32_t> pos(n);
  for (size_t i = 0; i < n; ++i) pos[order[i]] = static_cast<uint32_t>(i);
  std::vector<std::vector<uint32_t>> kept(n);
  std::vector<WeightedEdge> back;
  for (uint32_t v = 0; v < n; ++v)
    for (const WeightedArc& a : g.out[v])
      if (pos[v] < pos[a.to])
        kept[v].push_back(a.to);
      else
        back.push_back({v, a.to, a.weight});
  std::sort(back.begin(), back.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return std::tie(b.weight, a.from, a.to) < std::tie(a.weight, b.from, b.to);
  });
  std::vector<uint32_t> seen(n, 0), stack;
  uint32_t stamp = 0;
  for (const WeightedEdge& e : back) {
    // Returning from -> to closes a cycle when `to` reaches `from`.
    ++stamp;
    stack.assign(1, e.to);
    seen[e.to] = stamp;
    bool reaches = false;
    while (!stack.empty() && !reaches) {
      uint32_t x = stack.back();
      stack.pop_back();
      for (uint32_t y : kept[x]) {
        if (y == e.from) {
          reaches = true;
          break;
        }
        if (seen[y] != stamp) {
          seen[y] = stamp;
          stack.push_back(y);
        }
      }
    }
    if (!reaches) kept[e.from].push_back(e.to);
  }
  // Kahn's algorithm, the earliest in the old order first.
  std::vector<uint32_t> indegree(n, 0);
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t w : kept[v]) ++indegree[w];
  using Entry = std::pair<uint32_t, uint32_t>; // (old position, node)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> ready;
  for (uint32_t v = 0; v < n; ++v)
    if (!indegree[v]) ready.push({pos[v], v});
  order.clear();
  while (!ready.empty()) {
    uint32_t v = ready.top().second;
    ready.pop();
    order.push_back(v);
    for (uint32_t w : kept[v])
      if (!--indegree[w]) ready.push({pos[w], w});
  }
}

} // namespace

uint64_t backward_weight(const WeightedDigraph& g, const std::vector<uint32_t>& order) {
  std::vector<uint32_t> pos(g.size());
  for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = static_cast<uint32_t>(i);
  uint64_t w = 0;
  for (uint32_t v = 0; v < g.size(); ++v)
    for (const WeightedArc& a : g.out[v])
      if (pos[a.to] < pos[v]) w += a.weight;
  return w;
}

MinCut minimum_cut(const WeightedDigraph& g, size_t exact_limit) {
  MinCut c;
  const size_t n = g.size();
  if (n <= std::min(exact_limit, kExactCutNodes)) {
    c.order = exact_order(g);
  } else {
    c.exact = false;
    std::vector<std::vector<WeightedArc>> in(n); // WeightedArc::to holds the source here
    for (uint32_t v = 0; v < n; ++v)
      for (const WeightedArc& a : g.out[v]) in[a.to].push_back({v, a.weight});
    c.order = els_order(g, in);
    sift(g, in, c.order);
    minimalize(g, c.order);
  }
  std::vector<uint32_t> pos(n);
  for (size_t i = 0; i < n; ++i) pos[c.order[i]] = static_cast<uint32_t>(i);
  for (uint32_t v = 0; v < n; ++v)
    for (const WeightedArc& a : g.out[v])
      if (pos[a.to] < pos[v]) {
        c.edges.push_back({v, a.to, a.weight});
        c.weight += a.weight;
      }
  return c;
}

} // namespace seam
