#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <map>

namespace seam {

const ModuleEdge* ModuleGraph::find(ModuleId from, ModuleId to) const {
  if (from < 0 || static_cast<size_t>(from) >= out.size()) return nullptr;
  for (uint32_t e : out[from])
    if (edges[e].to == to) return &edges[e];
  return nullptr;
}

std::vector<std::vector<uint32_t>> ModuleGraph::successors() const {
  std::vector<std::vector<uint32_t>> s(module_count);
  for (const ModuleEdge& e : edges) s[e.from].push_back(static_cast<uint32_t>(e.to));
  return s;
}

ModuleGraph build_module_graph(const Project& p, EdgeKinds kinds) {
  ModuleGraph g;
  g.module_count = p.modules.size();
  g.edge_kinds = kinds;
  EdgeCollector<ModuleEdge> edges;
  for (uint32_t i = 0; i < p.refs.size() && has_references(kinds); ++i) {
    const Reference& r = p.refs[i];
    if (p.from_module(r) == kNoModule || p.to_module(r) == kNoModule || p.from_module(r) == p.to_module(r)) continue;
    edges.add_ref(p.from_module(r), p.to_module(r), i, r.kind);
  }
  for (uint32_t i = 0; i < p.includes.size() && has_includes(kinds); ++i) {
    const Include& inc = p.includes[i];
    if (inc.included == kNoFile) continue;
    ModuleId a = p.files[inc.site.file].module;
    ModuleId b = p.files[inc.included].module;
    if (a == kNoModule || b == kNoModule || a == b) continue;
    edges.add_include(a, b, i);
  }
  g.edges = edges.finish(g.module_count, g.out, g.in);
  return g;
}

std::vector<uint32_t> component_ids(const std::vector<std::vector<uint32_t>>& succ,
                                    uint32_t& component_count) {
  // Iterative Tarjan.
  const uint32_t n = static_cast<uint32_t>(succ.size());
  constexpr uint32_t kUnvisited = UINT32_MAX;
  std::vector<uint32_t> index(n, kUnvisited), low(n, 0), comp(n, kUnvisited);
  std::vector<bool> on_stack(n, false);
  std::vector<uint32_t> stack;
  std::vector<std::pair<uint32_t, size_t>> call; // node, next successor position
  uint32_t counter = 0;
  component_count = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    call.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!call.empty()) {
      auto& [v, pos] = call.back();
      if (pos < succ[v].size()) {
        uint32_t w = succ[v][pos++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          call.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          comp[w] = component_count;
        } while (w != v);
        ++component_count;
      }
      uint32_t done = v;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
    }
  }
  return comp;
}

std::vector<std::vector<uint32_t>> find_cycles(const std::vector<std::vector<uint32_t>>& succ) {
  uint32_t count = 0;
  std::vector<uint32_t> comp = component_ids(succ, count);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t v = 0; v < comp.size(); ++v) members[comp[v]].push_back(v);
  std::vector<std::vector<uint32_t>> cycles;
  for (auto& m : members) {
    bool cyclic = m.size() > 1;
    if (m.size() == 1)
      for (uint32_t w : succ[m[0]])
        if (w == m[0]) cyclic = true;
    if (cyclic) cycles.push_back(std::move(m));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

} // namespace seam
