#include "analyzers/baseline/affected_filter.h"

namespace seam {
namespace {

/// Per file of the project: did the change touch it.
std::vector<bool> changed_flags(const Project& p, const std::set<std::string>& changed) {
  std::vector<bool> flags(p.files.size(), false);
  for (size_t f = 0; f < p.files.size(); ++f) flags[f] = !p.files[f].external && changed.count(p.files[f].path) != 0;
  return flags;
}

bool site_changed(const std::vector<bool>& flags, const Loc& l) { return l.valid() && l.file < flags.size() && flags[l.file]; }

bool edge_touched(const Project& p, const EdgeUses& e, const std::vector<bool>& flags) {
  for (uint32_t r : e.refs)
    if (site_changed(flags, p.refs[r].site)) return true;
  for (uint32_t i : e.includes)
    if (site_changed(flags, p.includes[i].site)) return true;
  return false;
}

bool cycle_touched(const Project& p, const ModuleGraph& g, const Violation& v, const std::vector<bool>& flags) {
  // An old baseline's whole group has no edges: any edge between its members counts.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const CycleEdge& e : v.edges) pairs.emplace_back(e.from, e.to);
  if (pairs.empty())
    for (const std::string& a : v.members)
      for (const std::string& b : v.members)
        if (a != b) pairs.emplace_back(a, b);
  for (const auto& [from, to] : pairs) {
    const ModuleEdge* e = g.find(p.find_module(from), p.find_module(to));
    if (e && edge_touched(p, *e, flags)) return true;
  }
  return false;
}

bool interface_symbol_touched(const Project& p, const Violation& v, const std::vector<bool>& flags) {
  const ModuleId owner = p.find_module(v.to);
  for (const Reference& r : p.refs) {
    if (p.to_module(r) != owner || p.from_module(r) == owner || r.target == kNoSymbol) continue;
    const Symbol& s = p.symbols[r.target];
    if ((s.name.empty() ? s.usr : s.name) != v.symbol) continue;
    if (site_changed(flags, r.site) || site_changed(flags, s.decl) || site_changed(flags, s.def)) return true;
  }
  return false;
}

} // namespace

void limit_to_change(CheckReport& report, const Project& project, const ModuleGraph& graph,
                     const std::set<std::string>& changed, const std::string& rev) {
  report.affected_rev = rev;
  report.changed_files = changed.size();
  const std::vector<bool> flags = changed_flags(project, changed);
  for (Violation& v : report.violations) {
    bool ours;
    if (v.rule == "cycle") ours = cycle_touched(project, graph, v, flags);
    else if (v.rule == "interface-growth") ours = changed.count(v.file) || interface_symbol_touched(project, v, flags);
    else ours = changed.count(v.file) != 0; // seam.json for unused-allowance: the config changed
    v.outside_change = !ours;
  }
}

TouchedUnits touched_units(const Project& project, const UnitGraph& graph, const std::set<std::string>& changed) {
  TouchedUnits t;
  const std::vector<bool> flags = changed_flags(project, changed);
  t.nodes.assign(graph.size(), false);
  for (size_t v = 0; v < graph.size(); ++v)
    for (FileId f : graph.files[v]) t.nodes[v] = t.nodes[v] || (f < flags.size() && flags[f]);
  t.edges.reserve(graph.edges.size());
  for (const UnitEdge& e : graph.edges) t.edges.push_back(edge_touched(project, e, flags));
  return t;
}

} // namespace seam
