// The report data of the findings beside the commands' own documents: the
// cycles (seam cycles) by module index, and each check rule's help.
#include "reports/html/report_data.h"

#include "analyzers/rules/rule_info.h"

namespace seam::html {
namespace {

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

Json rules_json() {
  Json rules = Json::object();
  for (const RuleInfo& info : rule_infos()) rules[info.id] = info.summary + " " + info.help;
  return rules;
}

} // namespace seam::html
