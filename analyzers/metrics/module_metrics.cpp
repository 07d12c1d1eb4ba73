#include "analyzers/metrics/module_metrics.h"

#include "analyzers/graph/levels.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/model/interface.h"

#include <cmath>
#include <unordered_set>

namespace seam {

std::optional<double> modularity(const Project& p, uint64_t* refs_counted) {
  const size_t n = p.modules.size();
  std::vector<uint64_t> inside(n, 0), made(n, 0), received(n, 0);
  uint64_t m = 0;
  for (const Reference& r : p.refs) {
    if (p.from_module(r) == kNoModule || p.to_module(r) == kNoModule) continue;
    ++m;
    ++made[p.from_module(r)];
    ++received[p.to_module(r)];
    if (p.from_module(r) == p.to_module(r)) ++inside[p.from_module(r)];
  }
  if (refs_counted) *refs_counted = m;
  if (m == 0) return std::nullopt;
  const double dm = static_cast<double>(m);
  double q = 0;
  for (size_t c = 0; c < n; ++c)
    q += static_cast<double>(inside[c]) / dm -
         static_cast<double>(made[c]) * static_cast<double>(received[c]) / (dm * dm);
  return q;
}

Metrics compute_metrics(const Project& p, const ModuleGraph& g, std::optional<EdgeKinds> edges) {
  const size_t n = p.modules.size();
  Metrics out;
  out.project.module_edges = g.edge_kinds;
  out.modules.resize(n);
  std::vector<std::vector<uint32_t>> succ = g.successors();
  std::vector<uint32_t> levels = levelize(succ);
  for (size_t m = 0; m < n; ++m) {
    ModuleMetrics& mm = out.modules[m];
    mm.module = static_cast<ModuleId>(m);
    mm.level = levels[m];
    mm.files = static_cast<uint32_t>(p.modules[m].files.size());
    for (FileId f : p.modules[m].files) mm.lines += p.files[f].lines;
    // Edges are distinct (from, to) pairs, so counting them counts modules.
    mm.efferent = static_cast<uint32_t>(g.out[m].size());
    mm.afferent = static_cast<uint32_t>(g.in[m].size());
    if (mm.afferent + mm.efferent)
      mm.instability = static_cast<double>(mm.efferent) / (mm.afferent + mm.efferent);
  }
  for (const Symbol& s : p.symbols) {
    if (s.module == kNoModule || s.kind == SymbolKind::Macro) continue;
    ModuleMetrics& mm = out.modules[s.module];
    ++mm.symbols;
    // A forward declaration is not a class of its own; count definitions.
    if ((s.kind == SymbolKind::Class || s.kind == SymbolKind::Struct) && s.def.valid()) {
      ++mm.classes;
      if (s.is_abstract) ++mm.abstract_classes;
    }
  }
  std::vector<std::unordered_set<SymbolId>> used(n);
  for (const Reference& r : p.refs) {
    if (p.from_module(r) == kNoModule || p.to_module(r) == kNoModule) continue;
    ModuleMetrics& mm = out.modules[p.from_module(r)];
    if (p.from_module(r) == p.to_module(r)) {
      ++mm.internal_refs;
    } else {
      ++mm.outgoing_refs;
      ++out.modules[p.to_module(r)].incoming_refs;
      used[p.from_module(r)].insert(r.target);
    }
  }
  std::vector<std::vector<InterfaceSymbol>> interfaces = all_interfaces(p);
  for (size_t m = 0; m < n; ++m) {
    ModuleMetrics& mm = out.modules[m];
    if (mm.classes) mm.abstractness = static_cast<double>(mm.abstract_classes) / mm.classes;
    if (mm.instability) mm.distance = std::fabs(mm.abstractness + *mm.instability - 1);
    if (mm.internal_refs + mm.outgoing_refs)
      mm.cohesion = static_cast<double>(mm.internal_refs) / (mm.internal_refs + mm.outgoing_refs);
    mm.interface_width = static_cast<uint32_t>(interfaces[m].size());
    mm.dependency_width = static_cast<uint32_t>(used[m].size());
  }
  out.project.module_dependency = dependency_metrics(succ);
  UnitGraph components = build_unit_graph(p, GraphLevel::Component, kNoModule, edges);
  out.project.component_edges = components.edge_kinds;
  out.project.component_dependency = dependency_metrics(components.successors());
  out.project.modularity = modularity(p, &out.project.modularity_refs);
  return out;
}

} // namespace seam
