#include "reports/graph/graph_report.h"

#include "reports/graph/site_report.h"

#include <algorithm>
#include <sstream>

namespace seam {

namespace {

struct ModuleTotals {
  uint32_t files = 0, lines = 0, symbols = 0;
};

std::vector<ModuleTotals> totals(const Project& p) {
  std::vector<ModuleTotals> t(p.modules.size());
  for (size_t m = 0; m < p.modules.size(); ++m) {
    t[m].files = static_cast<uint32_t>(p.modules[m].files.size());
    for (FileId f : p.modules[m].files) t[m].lines += p.files[f].lines;
  }
  for (const Symbol& s : p.symbols)
    if (s.module != kNoModule && s.kind != SymbolKind::Macro) ++t[s.module].symbols;
  return t;
}

} // namespace

std::string graph_text(const Project& p, const ModuleGraph& g) {
  std::ostringstream out;
  size_t width = 0;
  for (const ModuleEdge& e : g.edges)
    width = std::max(width, p.module_name(e.from).size() + p.module_name(e.to).size() + 4);
  for (const ModuleEdge& e : g.edges) {
    std::string arrow = p.module_name(e.from) + " -> " + p.module_name(e.to);
    out << arrow << std::string(width - arrow.size() + 2, ' ') << e.weight << "  (" << kinds_text(e) << ")\n";
  }
  if (g.edges.empty()) out << "(no dependencies between modules)\n";
  return out.str();
}

nlohmann::ordered_json graph_json(const Project& p, const ModuleGraph& g) {
  nlohmann::ordered_json j;
  j["schema"] = "seam.graph/1";
  j["level"] = "module";
  auto t = totals(p);
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (size_t m = 0; m < p.modules.size(); ++m) {
    nlohmann::ordered_json n;
    n["id"] = p.modules[m].name;
    n["files"] = t[m].files;
    n["lines"] = t[m].lines;
    n["symbols"] = t[m].symbols;
    if (p.modules[m].layer >= 0)
      n["layer"] = p.config.layers[p.modules[m].layer];
    else
      n["layer"] = nullptr;
    nodes.push_back(std::move(n));
  }
  j["nodes"] = std::move(nodes);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const ModuleEdge& e : g.edges) edges.push_back(edge_json(p, p.module_name(e.from), p.module_name(e.to), e));
  j["edges"] = std::move(edges);
  nlohmann::ordered_json ext = nlohmann::ordered_json::array();
  for (const ExternalDependency& d : external_dependencies(p))
    ext.push_back({{"module", p.module_name(d.module)}, {"header", d.header}, {"count", d.count}});
  j["external"] = std::move(ext);
  return j;
}

std::string dump_json(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace seam
