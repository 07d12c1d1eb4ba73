#include "reports/metrics/metrics_report.h"
#include "analyzers/core/rounding.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace seam {

namespace {

std::string opt_text(const std::optional<double>& v, int decimals) { return v ? fixed(*v, decimals) : "-"; }

nlohmann::ordered_json opt_json(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(round_to(*v, 4)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json dependency_json(const DependencyMetrics& d) {
  nlohmann::ordered_json j;
  j["nodes"] = d.nodes;
  j["ccd"] = d.ccd;
  j["acd"] = round_to(d.acd, 4);
  j["nccd"] = round_to(d.nccd, 4);
  return j;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string pad_left(const std::string& s, size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }
std::string pad_right(const std::string& s, size_t w) { return s.size() >= w ? s : s + std::string(w - s.size(), ' '); }

} // namespace

std::string metrics_text(const Project& p, const Metrics& m) {
  std::ostringstream out;
  out << "edges: module graph " << to_string(m.project.module_edges) << ", component graph "
      << to_string(m.project.component_edges) << " (include = #include directives, symbol = references)\n\n";
  size_t name_w = 6;
  for (const Module& mod : p.modules) name_w = std::max(name_w, mod.name.size());
  const std::vector<std::pair<std::string, size_t>> cols = {
      {"level", 5}, {"files", 5}, {"lines", 6}, {"symbols", 7}, {"Ca", 3}, {"Ce", 3},  {"I", 5},
      {"A", 5},     {"D", 5},     {"cohesion", 8}, {"iface", 5}, {"deps", 5}};
  out << pad_right("module", name_w);
  for (const auto& [h, w] : cols) out << "  " << pad_left(h, w);
  out << "\n";
  for (const ModuleMetrics& mm : m.modules) {
    std::vector<std::string> v = {std::to_string(mm.level),
                                  std::to_string(mm.files),
                                  std::to_string(mm.lines),
                                  std::to_string(mm.symbols),
                                  std::to_string(mm.afferent),
                                  std::to_string(mm.efferent),
                                  opt_text(mm.instability, 2),
                                  fixed(mm.abstractness, 2),
                                  opt_text(mm.distance, 2),
                                  opt_text(mm.cohesion, 2),
                                  std::to_string(mm.interface_width),
                                  std::to_string(mm.dependency_width)};
    out << pad_right(p.module_name(mm.module), name_w);
    for (size_t i = 0; i < cols.size(); ++i) out << "  " << pad_left(v[i], cols[i].second);
    out << "\n";
  }
  const ProjectMetrics& pm = m.project;
  auto dep = [&](const char* what, const DependencyMetrics& d) {
    out << "  " << pad_right(what, 16) << d.nodes << " nodes  CCD " << d.ccd << "  ACD " << fixed(d.acd, 2)
        << "  NCCD " << fixed(d.nccd, 2) << "\n";
  };
  out << "\nproject\n";
  dep("module graph", pm.module_dependency);
  dep("component graph", pm.component_dependency);
  out << "  " << pad_right("modularity Q", 16) << opt_text(pm.modularity, 2) << "  (declared modules over "
      << pm.modularity_refs << " references between symbols of modules)\n";
  out << "\nCa/Ce: modules using it / it uses; I = Ce/(Ca+Ce); A = abstract/all classes; D = |A+I-1|;\n"
         "cohesion = references inside / all it makes; iface = its symbols others use; deps = others'\n"
         "symbols it uses. Formulas: docs/metrics.md\n";
  return out.str();
}

nlohmann::ordered_json metrics_json(const Project& p, const Metrics& m) {
  nlohmann::ordered_json j;
  j["schema"] = "seam.metrics/1";
  j["edge_kinds"] = {{"module", to_string(m.project.module_edges)}, {"component", to_string(m.project.component_edges)}};
  nlohmann::ordered_json mods = nlohmann::ordered_json::array();
  for (const ModuleMetrics& mm : m.modules) {
    nlohmann::ordered_json x;
    x["name"] = p.module_name(mm.module);
    x["level"] = mm.level;
    x["files"] = mm.files;
    x["lines"] = mm.lines;
    x["symbols"] = mm.symbols;
    x["afferent"] = mm.afferent;
    x["efferent"] = mm.efferent;
    x["instability"] = opt_json(mm.instability);
    x["classes"] = mm.classes;
    x["abstract_classes"] = mm.abstract_classes;
    x["abstractness"] = round_to(mm.abstractness, 4);
    x["distance"] = opt_json(mm.distance);
    x["internal_references"] = mm.internal_refs;
    x["outgoing_references"] = mm.outgoing_refs;
    x["incoming_references"] = mm.incoming_refs;
    x["cohesion"] = opt_json(mm.cohesion);
    x["interface_width"] = mm.interface_width;
    x["dependency_width"] = mm.dependency_width;
    mods.push_back(std::move(x));
  }
  j["modules"] = std::move(mods);
  nlohmann::ordered_json proj;
  proj["module_graph"] = dependency_json(m.project.module_dependency);
  proj["component_graph"] = dependency_json(m.project.component_dependency);
  proj["modularity"] = opt_json(m.project.modularity);
  proj["modularity_references"] = m.project.modularity_refs;
  j["project"] = std::move(proj);
  return j;
}

std::string metrics_csv(const Project& p, const Metrics& m) {
  std::ostringstream out;
  out << "module,level,files,lines,symbols,afferent,efferent,instability,classes,abstract_classes,"
         "abstractness,distance,internal_references,outgoing_references,incoming_references,cohesion,"
         "interface_width,"
         "dependency_width\n";
  auto opt = [](const std::optional<double>& v) { return v ? fixed(round_to(*v, 4), 4) : std::string(); };
  for (const ModuleMetrics& mm : m.modules) {
    out << csv_field(p.module_name(mm.module)) << "," << mm.level << "," << mm.files << "," << mm.lines << ","
        << mm.symbols << "," << mm.afferent << "," << mm.efferent << "," << opt(mm.instability) << ","
        << mm.classes << "," << mm.abstract_classes << "," << fixed(round_to(mm.abstractness, 4), 4) << ","
        << opt(mm.distance) << "," << mm.internal_refs << "," << mm.outgoing_refs << "," << mm.incoming_refs << ","
        << opt(mm.cohesion)
        << "," << mm.interface_width << "," << mm.dependency_width << "\n";
  }
  return out.str();
}

} // namespace seam
