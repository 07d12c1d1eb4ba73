// The report data of the findings: cycles (seam cycles), coupling metrics
// (seam metrics) and violations (seam check), from those commands' own results.
#include "reports/html/report_data.h"

#include "analyzers/rules/rule_info.h"

namespace seam::html {
namespace {

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

Json names(const UnitGraph& g, const std::vector<uint32_t>& nodes) {
  Json out = Json::array();
  for (uint32_t n : nodes) out.push_back(g.names[n]);
  return out;
}

} // namespace

Json cycles_json(const ProjectCycles& pc) {
  Json modules = Json::array();
  for (const UnitCycle& cy : pc.module_cycles) {
    Json j;
    Json members = Json::array();
    for (uint32_t m : cy.members) members.push_back(m); // module graph node id == ModuleId
    j["members"] = std::move(members);
    Json path = Json::array();
    for (uint32_t m : cy.path) path.push_back(m);
    j["path"] = std::move(path);
    // The minimum cut as [from, to] module id pairs, and the members in its
    // order (the matrix and the layout put them so; only cut edges go back).
    Json cut = Json::array();
    for (uint32_t ei : cy.cut) cut.push_back(Json::array({pc.modules.edges[ei].from, pc.modules.edges[ei].to}));
    j["cut"] = std::move(cut);
    j["cut_weight"] = cy.cut_weight;
    j["cut_exact"] = cy.cut_exact;
    Json order = Json::array();
    for (uint32_t m : cy.order) order.push_back(m);
    j["order"] = std::move(order);
    modules.push_back(std::move(j));
  }
  Json components = Json::array(), files = Json::array();
  for (const UnitCycle& cy : pc.component_cycles) components.push_back(names(pc.components, cy.members));
  for (const UnitCycle& cy : pc.file_cycles) files.push_back(names(pc.files, cy.members));
  Json out;
  out["modules"] = std::move(modules);
  out["components"] = std::move(components);
  out["files"] = std::move(files);
  return out;
}

Json metrics_json(const Metrics& m, const ProjectCycles& pc) {
  Json rows = Json::array();
  for (const ModuleMetrics& r : m.modules) {
    Json j;
    j["module"] = r.module;
    j["level"] = r.level;
    j["files"] = r.files;
    j["lines"] = r.lines;
    j["symbols"] = r.symbols;
    j["ca"] = r.afferent;
    j["ce"] = r.efferent;
    j["i"] = optional_number(r.instability);
    j["a"] = r.abstractness;
    j["d"] = optional_number(r.distance);
    j["cohesion"] = optional_number(r.cohesion);
    j["iw"] = r.interface_width;
    j["dw"] = r.dependency_width;
    j["classes"] = r.classes;
    j["abstract"] = r.abstract_classes;
    rows.push_back(std::move(j));
  }
  const ProjectMetrics& p = m.project;
  Json pj;
  pj["ccd"] = p.module_dependency.ccd;
  pj["acd"] = p.module_dependency.acd;
  pj["nccd"] = p.module_dependency.nccd;
  pj["component_nodes"] = pc.components.size();
  pj["component_ccd"] = p.component_dependency.ccd;
  pj["component_nccd"] = p.component_dependency.nccd;
  pj["modularity"] = optional_number(p.modularity);
  pj["modularity_refs"] = p.modularity_refs;
  Json out;
  out["modules"] = std::move(rows);
  out["project"] = std::move(pj);
  return out;
}

Json violations_json(const CheckReport& r, const std::string& baseline_note) {
  Json items = Json::array();
  for (const Violation& v : r.violations) {
    Json j;
    j["rule"] = v.rule;
    j["severity"] = to_string(v.severity);
    j["from"] = v.from;
    j["to"] = v.to;
    j["file"] = v.file;
    j["line"] = v.line;
    j["column"] = v.column;
    j["symbol"] = v.symbol;
    j["header"] = v.header;
    j["uses"] = v.uses;
    j["members"] = v.members;
    j["cycle"] = v.cycle;
    j["message"] = v.message;
    j["baselined"] = v.baselined;
    if (!r.affected_rev.empty()) j["outside_change"] = v.outside_change;
    items.push_back(std::move(j));
  }
  Json rules = Json::object();
  for (const RuleInfo& info : rule_infos()) rules[info.id] = info.summary + " " + info.help;
  Json out;
  out["new"] = r.count_new();
  out["baselined"] = r.count_baselined();
  if (!r.affected_rev.empty()) out["outside_change"] = r.count_outside_change();
  out["fixed"] = r.fixed.size();
  out["failed"] = r.failed();
  out["note"] = baseline_note;
  out["rules"] = std::move(rules);
  out["items"] = std::move(items);
  return out;
}

} // namespace seam::html
