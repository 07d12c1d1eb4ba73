#include "analyzers/metrics/dependency_metrics.h"

#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace seam {

std::vector<uint64_t> reach_counts(const std::vector<std::vector<uint32_t>>& succ) {
  const size_t n = succ.size();
  uint32_t count = 0;
  std::vector<uint32_t> comp = component_ids(succ, count);
  // Condensation: distinct successor components per component.
  std::vector<std::vector<uint32_t>> csucc(count);
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t w : succ[v])
      if (comp[w] != comp[v]) csucc[comp[v]].push_back(comp[w]);
  for (auto& s : csucc) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  std::vector<uint64_t> reach(count, 0);
  // Slices of nodes: words per component per slice chosen so the bitsets of
  // one slice stay under ~64 MiB whatever the graph size.
  const size_t total_words = (n + 63) / 64;
  const size_t budget_words = size_t{1} << 23;
  const size_t slice_words = std::max<size_t>(1, std::min(total_words, budget_words / std::max<size_t>(1, count)));
  std::vector<uint64_t> bits;
  for (size_t lo_word = 0; lo_word < total_words; lo_word += slice_words) {
    const size_t words = std::min(slice_words, total_words - lo_word);
    bits.assign(static_cast<size_t>(count) * words, 0);
    const size_t lo = lo_word * 64, hi = std::min(n, (lo_word + words) * 64);
    for (size_t v = lo; v < hi; ++v) {
      size_t bit = v - lo;
      bits[comp[v] * words + bit / 64] |= uint64_t{1} << (bit % 64);
    }
    // Components are numbered so that successors come first.
    for (uint32_t c = 0; c < count; ++c) {
      uint64_t* mine = &bits[c * words];
      for (uint32_t d : csucc[c]) {
        const uint64_t* theirs = &bits[d * words];
        for (size_t k = 0; k < words; ++k) mine[k] |= theirs[k];
      }
      for (size_t k = 0; k < words; ++k) reach[c] += std::popcount(mine[k]);
    }
  }
  std::vector<uint64_t> out(n);
  for (uint32_t v = 0; v < n; ++v) out[v] = reach[comp[v]];
  return out;
}

double balanced_tree_ccd(uint64_t n) {
  if (n == 0) return 0;
  double m = static_cast<double>(n) + 1;
  return m * (std::log2(m) - 1) + 1;
}

DependencyMetrics dependency_metrics(const std::vector<std::vector<uint32_t>>& succ) {
  DependencyMetrics d;
  d.nodes = succ.size();
  for (uint64_t r : reach_counts(succ)) d.ccd += r;
  if (d.nodes) {
    d.acd = static_cast<double>(d.ccd) / static_cast<double>(d.nodes);
    d.nccd = static_cast<double>(d.ccd) / balanced_tree_ccd(d.nodes);
  }
  return d;
}

} // namespace seam
