#include "analyzers/cluster/symbol_graph.h"

#include <algorithm>
#include <unordered_map>

namespace seam {

namespace {

/// The namespace-level symbol `s` belongs to (itself at namespace level).
SymbolId outermost(const Project& p, SymbolId s) {
  for (int depth = 0; depth < 64 && p.symbols[s].parent != kNoSymbol; ++depth) s = p.symbols[s].parent;
  return s;
}

} // namespace

SymbolGraph build_symbol_graph(const Project& p, const std::vector<char>& left_out) {
  const uint32_t none = UINT32_MAX;
  // Candidate entity of every symbol (before dropping isolated ones).
  std::vector<uint32_t> top(p.symbols.size(), none);
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& s = p.symbols[i];
    if (s.kind == SymbolKind::Macro) continue;
    SymbolId t = outermost(p, i);
    const ModuleId m = p.symbols[t].module;
    if (m == kNoModule || p.symbols[t].kind == SymbolKind::Macro) continue;
    if (static_cast<size_t>(m) < left_out.size() && left_out[m]) continue;
    top[i] = t;
  }
  std::unordered_map<uint64_t, EntityEdge> pairs;
  for (const Reference& r : p.refs) {
    if (r.from() == kNoSymbol) continue;
    uint32_t a = top[r.from()], b = top[r.target];
    if (a == none || b == none || a == b) continue;
    EntityEdge& e = pairs[(uint64_t(a) << 32) | b];
    e.from = a;
    e.to = b;
    ++e.refs;
    if (r.kind == RefKind::Call) ++e.calls;
  }
  SymbolGraph g;
  std::vector<char> linked(p.symbols.size(), 0);
  for (const auto& [key, e] : pairs) linked[e.from] = linked[e.to] = 1;
  std::vector<uint32_t> id(p.symbols.size(), none);
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    if (top[i] != i) continue; // not an entity itself
    if (!linked[i]) {
      ++g.isolated;
      continue;
    }
    id[i] = static_cast<uint32_t>(g.entities.size());
    g.entities.push_back(i);
    g.module.push_back(p.symbols[i].module);
  }
  g.entity_of.assign(p.symbols.size(), none);
  for (SymbolId i = 0; i < p.symbols.size(); ++i)
    if (top[i] != none) g.entity_of[i] = id[top[i]];
  for (const auto& [key, e] : pairs) g.edges.push_back(EntityEdge{id[e.from], id[e.to], e.refs, e.calls});
  std::sort(g.edges.begin(), g.edges.end(),
            [](const EntityEdge& x, const EntityEdge& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
  return g;
}

} // namespace seam
