// The shared tables of the report data, the modules and the module edges.
#include "reports/html/report_data.h"

#include "analyzers/graph/edge_sites.h"

#include <algorithm>

namespace seam::html {

DataContext::DataContext(const Project& p, const ModuleGraph& g,
                         const std::vector<std::vector<InterfaceSymbol>>& ifaces, const ReportLimits& l)
    : project(p), graph(g), interfaces(ifaces), limits(l) {
  for (const Symbol& s : p.symbols)
    if (!s.signature.empty()) ++functions_named_[s.name];
  file_index_.assign(p.files.size(), -1);
  int next = 0;
  for (size_t i = 0; i < p.files.size(); ++i)
    if (!p.files[i].external) file_index_[i] = next++;
}

int DataContext::file(FileId f) const {
  return f < file_index_.size() ? file_index_[f] : -1;
}

int DataContext::symbol(SymbolId s) {
  if (s >= project.symbols.size()) return -1;
  const Symbol& sym = project.symbols[s];
  if (sym.name.empty()) return symbol_name(sym.usr);
  auto it = functions_named_.find(sym.name);
  if (!sym.signature.empty() && it != functions_named_.end() && it->second > 1)
    return symbol_name(sym.name + signature_params(sym.signature));
  return symbol_name(sym.name);
}

int DataContext::symbol_name(const std::string& name) {
  auto [it, added] = symbol_index_.emplace(name, static_cast<int>(symbols_.size()));
  if (added) symbols_.push_back(name);
  return it->second;
}

Json DataContext::files_table() const {
  Json out = Json::array();
  for (const File& f : project.files)
    if (!f.external) out.push_back(Json::array({f.path, f.lines, f.module}));
  return out;
}

Json kinds_table() {
  Json out = Json::array();
  for (int k = 0; k < kRefKindCount; ++k) out.push_back(to_string(static_cast<RefKind>(k)));
  out.push_back("include");
  return out;
}

Json modules_json(DataContext& c, const std::vector<uint32_t>& levels, const std::vector<int>& cycle_of) {
  const Project& p = c.project;
  std::vector<uint32_t> owned(p.modules.size(), 0);
  for (const Symbol& s : p.symbols)
    if (s.module != kNoModule && s.kind != SymbolKind::Macro) ++owned[s.module];
  Json out = Json::array();
  for (size_t m = 0; m < p.modules.size(); ++m) {
    const Module& mod = p.modules[m];
    Json files = Json::array();
    uint64_t lines = 0;
    for (FileId f : mod.files) {
      files.push_back(c.file(f));
      lines += p.files[f].lines;
    }
    Json iface = Json::array();
    for (const InterfaceSymbol& s : c.interfaces[m]) {
      Json clients = Json::array();
      for (ModuleId cl : s.clients) clients.push_back(cl);
      iface.push_back(Json::array({c.symbol(s.symbol), s.sites, s.call_sites, s.loop_sites, clients}));
    }
    Json outs = Json::array(), ins = Json::array();
    for (uint32_t e : c.graph.out[m]) outs.push_back(e);
    for (uint32_t e : c.graph.in[m]) ins.push_back(e);
    Json j;
    j["name"] = mod.name;
    j["layer"] = mod.layer;
    j["level"] = m < levels.size() ? levels[m] : 0;
    j["cycle"] = m < cycle_of.size() ? cycle_of[m] : -1;
    j["extract"] = mod.decl && mod.decl->extract;
    j["files"] = std::move(files);
    j["lines"] = lines;
    j["symbols"] = owned[m];
    j["interface"] = std::move(iface);
    j["out"] = std::move(outs);
    j["in"] = std::move(ins);
    out.push_back(std::move(j));
  }
  return out;
}

Json edges_json(DataContext& c, const std::vector<int>& cycle_of) {
  const Project& p = c.project;
  Json out = Json::array();
  for (const ModuleEdge& e : c.graph.edges) {
    Json kinds = Json::array();
    uint32_t refs = 0;
    for (int k = 0; k < kRefKindCount; ++k) {
      kinds.push_back(e.kinds[k]);
      refs += e.kinds[k];
    }
    kinds.push_back(e.include_count);

    // The references grouped by referenced symbol, most used first, as `seam why` lists them.
    std::vector<SymbolUse> groups = uses_by_symbol(p, e.refs);
    Json uses = Json::array();
    for (size_t i = 0; i < groups.size() && i < c.limits.symbols_per_edge; ++i) {
      Json sites = Json::array();
      for (size_t k = 0; k < groups[i].refs.size() && k < c.limits.sites_per_symbol; ++k) {
        const Reference& r = p.refs[groups[i].refs[k]];
        sites.push_back(Json::array({c.file(r.site.file), r.site.line, r.site.column, static_cast<int>(r.kind),
                                     r.from() == kNoSymbol ? -1 : c.symbol(r.from())}));
      }
      uses.push_back(Json::array({c.symbol(groups[i].symbol), groups[i].refs.size(), std::move(sites)}));
    }
    Json incs = Json::array();
    for (size_t i = 0; i < e.includes.size() && i < c.limits.includes_per_edge; ++i) {
      const Include& inc = p.includes[e.includes[i]];
      incs.push_back(Json::array({c.file(inc.site.file), inc.site.line, inc.site.column, c.file(inc.included)}));
    }
    Json j;
    j["from"] = e.from;
    j["to"] = e.to;
    j["weight"] = e.weight;
    j["refs"] = refs;
    j["kinds"] = std::move(kinds);
    j["cycle"] = cycle_of[e.from] >= 0 && cycle_of[e.from] == cycle_of[e.to];
    j["uses"] = std::move(uses);
    j["more_symbols"] = groups.size() > c.limits.symbols_per_edge ? groups.size() - c.limits.symbols_per_edge : 0;
    j["incs"] = std::move(incs);
    out.push_back(std::move(j));
  }
  return out;
}

} // namespace seam::html
