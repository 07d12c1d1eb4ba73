#include "analyzers/graph/edge_uses.h"

#include <map>

namespace seam {

std::vector<std::pair<std::string, uint32_t>> kind_counts(const EdgeUses& e) {
  std::map<std::string, uint32_t> m;
  for (int k = 0; k < kRefKindCount; ++k)
    if (e.kinds[k]) m[to_string(static_cast<RefKind>(k))] = e.kinds[k];
  if (e.include_count) m["include"] = e.include_count;
  return {m.begin(), m.end()};
}

} // namespace seam
