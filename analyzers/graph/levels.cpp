#include "analyzers/graph/levels.h"

#include "analyzers/graph/module_graph.h"

#include <algorithm>

namespace seam {

std::vector<uint32_t> levelize(const std::vector<std::vector<uint32_t>>& succ) {
  uint32_t count = 0;
  std::vector<uint32_t> comp = component_ids(succ, count);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t v = 0; v < comp.size(); ++v) members[comp[v]].push_back(v);
  // component_ids numbers components in reverse topological order: every
  // component a component depends on has a smaller number, so one ascending
  // pass sees each dependency's level before it is needed.
  std::vector<uint32_t> level_of(count, 1);
  for (uint32_t c = 0; c < count; ++c)
    for (uint32_t v : members[c])
      for (uint32_t w : succ[v])
        if (comp[w] != c) level_of[c] = std::max(level_of[c], level_of[comp[w]] + 1);
  std::vector<uint32_t> out(succ.size());
  for (uint32_t v = 0; v < succ.size(); ++v) out[v] = level_of[comp[v]];
  return out;
}

} // namespace seam
