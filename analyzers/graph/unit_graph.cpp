#include "analyzers/graph/unit_graph.h"

#include <algorithm>
#include <map>

namespace seam {

const char* to_string(GraphLevel l) {
  switch (l) {
  case GraphLevel::Module: return "module";
  case GraphLevel::Component: return "component";
  case GraphLevel::File: return "file";
  }
  return "module";
}

bool parse_graph_level(const std::string& s, GraphLevel& out) {
  for (GraphLevel l : {GraphLevel::Module, GraphLevel::Component, GraphLevel::File})
    if (s == to_string(l)) {
      out = l;
      return true;
    }
  return false;
}

EdgeKinds default_edge_kinds(GraphLevel l) { return l == GraphLevel::Module ? EdgeKinds::All : EdgeKinds::Include; }

uint32_t UnitGraph::find(const std::string& name) const {
  auto it = std::lower_bound(names.begin(), names.end(), name);
  return it != names.end() && *it == name ? static_cast<uint32_t>(it - names.begin()) : kNoNode;
}

const UnitEdge* UnitGraph::edge(uint32_t from, uint32_t to) const {
  if (from >= out.size()) return nullptr;
  for (uint32_t e : out[from])
    if (edges[e].to == to) return &edges[e];
  return nullptr;
}

std::vector<std::vector<uint32_t>> UnitGraph::successors() const {
  std::vector<std::vector<uint32_t>> s(names.size());
  for (const UnitEdge& e : edges) s[e.from].push_back(e.to);
  return s;
}

UnitGraph build_unit_graph(const Project& p, GraphLevel level, ModuleId only, std::optional<EdgeKinds> kinds) {
  UnitGraph g;
  g.level = level;
  g.edge_kinds = kinds.value_or(default_edge_kinds(level));
  // Node of every file (kNoNode: not drawn at this level).
  std::vector<uint32_t> node_of(p.files.size(), kNoNode);
  if (level == GraphLevel::Module) {
    for (const Module& m : p.modules) g.names.push_back(m.name); // already sorted
    for (FileId f = 0; f < p.files.size(); ++f)
      if (p.files[f].module != kNoModule) node_of[f] = static_cast<uint32_t>(p.files[f].module);
  } else {
    auto keep = [&](const File& f) {
      return !f.external && f.module != kNoModule && (only == kNoModule || f.module == only);
    };
    for (const File& f : p.files)
      if (keep(f)) g.names.push_back(level == GraphLevel::File ? f.path : f.component);
    std::sort(g.names.begin(), g.names.end());
    g.names.erase(std::unique(g.names.begin(), g.names.end()), g.names.end());
    for (FileId f = 0; f < p.files.size(); ++f)
      if (keep(p.files[f])) node_of[f] = g.find(level == GraphLevel::File ? p.files[f].path : p.files[f].component);
  }
  const size_t n = g.names.size();
  g.module.assign(n, kNoModule);
  g.files.assign(n, {});
  g.lines.assign(n, 0);
  g.symbols.assign(n, 0);
  if (level == GraphLevel::Module)
    for (size_t m = 0; m < n; ++m) g.module[m] = static_cast<ModuleId>(m);
  for (FileId f = 0; f < p.files.size(); ++f) {
    uint32_t v = node_of[f];
    if (v == kNoNode) continue;
    g.files[v].push_back(f); // file ids follow path order
    g.lines[v] += p.files[f].lines;
    g.module[v] = p.files[f].module;
  }
  for (const Symbol& s : p.symbols)
    if (s.owner != kNoFile && node_of[s.owner] != kNoNode && s.kind != SymbolKind::Macro) ++g.symbols[node_of[s.owner]];

  EdgeCollector<UnitEdge> edges;
  if (has_references(g.edge_kinds)) {
    for (uint32_t i = 0; i < p.refs.size(); ++i) {
      const Reference& r = p.refs[i];
      FileId owner = p.symbols[r.target].owner;
      if (owner == kNoFile) continue;
      uint32_t a = node_of[r.site.file], b = node_of[owner];
      if (a == kNoNode || b == kNoNode || a == b) continue;
      edges.add_ref(a, b, i, r.kind);
    }
  }
  for (uint32_t i = 0; i < p.includes.size() && has_includes(g.edge_kinds); ++i) {
    const Include& inc = p.includes[i];
    if (inc.included == kNoFile) continue;
    uint32_t a = node_of[inc.site.file], b = node_of[inc.included];
    if (a == kNoNode || b == kNoNode || a == b) continue;
    edges.add_include(a, b, i);
  }
  g.edges = edges.finish(n, g.out, g.in);
  g.node_of = std::move(node_of);
  return g;
}

std::vector<UnitExternal> unit_external_dependencies(const Project& p, const UnitGraph& g) {
  std::map<std::pair<uint32_t, std::string>, uint32_t> counts;
  for (const Include& inc : p.includes) {
    if (inc.included == kNoFile || !p.files[inc.included].external) continue;
    uint32_t v = g.node_of[inc.site.file];
    if (v == kNoNode) continue;
    ++counts[{v, inc.angled ? "<" + inc.spelled + ">" : p.files[inc.included].path}];
  }
  std::vector<UnitExternal> out;
  for (const auto& [key, count] : counts) out.push_back({key.first, key.second, count});
  return out;
}

} // namespace seam
