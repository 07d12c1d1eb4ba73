#include "reports/graph/cycles_report.h"

#include "reports/graph/site_report.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace seam {

namespace {

nlohmann::ordered_json names_json(const UnitGraph& g, const std::vector<uint32_t>& nodes) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (uint32_t v : nodes) a.push_back(g.names[v]);
  return a;
}

nlohmann::ordered_json member_lists(const UnitGraph& g, const std::vector<UnitCycle>& cycles) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const UnitCycle& c : cycles) a.push_back(names_json(g, c.members));
  return a;
}

nlohmann::ordered_json details_json(const Project& p, const UnitGraph& g, const std::vector<UnitCycle>& cycles,
                                    const std::vector<uint32_t>& levels) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const UnitCycle& c : cycles) {
    nlohmann::ordered_json d;
    d["members"] = names_json(g, c.members);
    d["level"] = levels[c.members.front()];
    d["path"] = names_json(g, c.path);
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (uint32_t ei : c.edges) {
      const UnitEdge& e = g.edges[ei];
      nlohmann::ordered_json ej = edge_json(g.names[e.from], g.names[e.to], e);
      ej["heaviest_sites"] = heaviest_sites_json(p, e, kCycleSitesPerEdge, kCycleSitesPerEdge);
      edges.push_back(std::move(ej));
    }
    d["edges"] = std::move(edges);
    nlohmann::ordered_json breakdown = nlohmann::ordered_json::array();
    for (const CycleStep& step : c.breakdown) {
      const UnitEdge& e = g.edges[step.closing];
      nlohmann::ordered_json sj;
      sj["path"] = names_json(g, step.path);
      sj["closing"] = {{"from", g.names[e.from]}, {"to", g.names[e.to]}, {"weight", e.weight}};
      breakdown.push_back(std::move(sj));
    }
    d["breakdown"] = std::move(breakdown);
    nlohmann::ordered_json cut;
    cut["exact"] = c.cut_exact;
    cut["weight"] = c.cut_weight;
    nlohmann::ordered_json cut_edges = nlohmann::ordered_json::array();
    for (uint32_t ei : c.cut) {
      const UnitEdge& e = g.edges[ei];
      nlohmann::ordered_json ej;
      ej["from"] = g.names[e.from];
      ej["to"] = g.names[e.to];
      ej["weight"] = e.weight;
      ej["sites"] = heaviest_sites_json(p, e, kCycleSitesPerEdge, kCycleSitesPerEdge);
      cut_edges.push_back(std::move(ej));
    }
    cut["edges"] = std::move(cut_edges);
    d["cut"] = std::move(cut);
    d["order"] = names_json(g, c.order);
    a.push_back(std::move(d));
  }
  return a;
}

std::string join(const UnitGraph& g, const std::vector<uint32_t>& nodes, const char* sep) {
  std::string s;
  for (uint32_t v : nodes) s += (s.empty() ? "" : sep) + g.names[v];
  return s;
}

std::string uses_text(uint64_t n) { return std::to_string(n) + (n == 1 ? " use" : " uses"); }

/// "cut this edge (5 uses)" / "cut these 4 edges (23 uses)".
std::string cut_text(size_t edges, uint64_t weight) {
  return edges == 1 ? "cut this edge (" + uses_text(weight) + ")"
                    : "cut these " + std::to_string(edges) + " edges (" + uses_text(weight) + ")";
}

void cycles_section(std::ostringstream& out, const Project& p, const char* what, const UnitGraph& g,
                    const std::vector<UnitCycle>& cycles, const std::vector<uint32_t>& levels) {
  if (cycles.empty()) {
    out << what << " cycles: none\n";
    return;
  }
  out << what << " cycles: " << cycles.size() << "\n";
  if (cycles.size() > 1) {
    size_t edges = 0;
    uint64_t weight = 0;
    bool exact = true;
    for (const UnitCycle& c : cycles) {
      edges += c.cut.size();
      weight += c.cut_weight;
      exact &= c.cut_exact;
    }
    out << "  " << cut_text(edges, weight) << " in all and the " << what << " graph is acyclic"
        << (exact ? "" : " (some cuts found by a heuristic)") << "\n";
  }
  for (size_t i = 0; i < cycles.size(); ++i) {
    const UnitCycle& c = cycles[i];
    // Members too: the first ones, then how many more (rocksdb: 443 components).
    std::vector<uint32_t> first(c.members.begin(),
                                c.members.begin() + std::min(c.members.size(), kCycleMembersInText));
    out << "  [" << i + 1 << "] " << join(g, first, ", ")
        << (c.members.size() > first.size() ? ", and " + std::to_string(c.members.size() - first.size()) + " more"
                                            : std::string())
        << "  (" << c.members.size() << " " << what << "s, level " << levels[c.members.front()] << ", "
        << c.edges.size() << (c.edges.size() == 1 ? " edge" : " edges") << ")\n";
    // The elementary cycles, shortest first: what a project's include-cycle
    // lint prints, line by line.
    out << "      " << c.breakdown.size() << (c.breakdown.size() == 1 ? " elementary cycle" : " elementary cycles")
        << " (shortest first; each closing edge removed before the next):\n";
    for (size_t k = 0; k < c.breakdown.size() && k < kCycleBreakdownInText; ++k)
      out << "        " << join(g, c.breakdown[k].path, " -> ") << "\n";
    if (c.breakdown.size() > kCycleBreakdownInText)
      out << "        ... " << c.breakdown.size() - kCycleBreakdownInText
          << " more, each as long or longer (--format json lists all)\n";
    // The minimum cut, with the sites to change.
    const std::string the_graph = cycles.size() == 1 ? std::string("the ") + what + " graph is acyclic"
                                                     : "these " + std::to_string(c.members.size()) + " " + what +
                                                           "s no longer form a cycle";
    out << "      " << cut_text(c.cut.size(), c.cut_weight) << " and " << the_graph
        << (c.cut_exact ? ":" : " (heuristic: the lightest cut found, not proven minimum):") << "\n";
    std::vector<uint32_t> shown = c.cut;
    if (shown.size() > kCycleEdgesInText) {
      // The heaviest first: they cost most to cut, and are the ones to look at.
      std::stable_sort(shown.begin(), shown.end(),
                       [&](uint32_t a, uint32_t b) { return g.edges[a].weight > g.edges[b].weight; });
      shown.resize(kCycleEdgesInText);
      std::sort(shown.begin(), shown.end());
    }
    for (uint32_t ei : shown) {
      const UnitEdge& e = g.edges[ei];
      out << "        " << g.names[e.from] << " -> " << g.names[e.to] << "  " << e.weight << "  (" << kinds_text(e)
          << ")\n";
      out << heaviest_sites_text(p, e, kCycleSitesPerEdge, kCycleSitesPerEdge, "            ");
    }
    if (shown.size() < c.cut.size())
      out << "        ... " << c.cut.size() - shown.size()
          << " lighter cut edges (--format json lists all, with their sites)\n";
  }
}

} // namespace

std::string cycles_text(const Project& p, const ProjectCycles& c) {
  std::ostringstream out;
  // Which edges each level shows: the levels' defaults differ (all, include, include).
  out << "edges: module " << to_string(c.modules.edge_kinds) << ", component " << to_string(c.components.edge_kinds)
      << ", file " << to_string(c.files.edge_kinds) << " (include = #include directives, symbol = references)\n\n";
  cycles_section(out, p, "module", c.modules, c.module_cycles, c.module_levels);
  out << "\n";
  cycles_section(out, p, "component", c.components, c.component_cycles, c.component_levels);
  out << "\n";
  cycles_section(out, p, "file", c.files, c.file_cycles, c.file_levels);
  out << "\nmodule levels (1 = depends on no other module; a cycle shares one level):\n";
  std::map<uint32_t, std::vector<uint32_t>> by_level;
  for (uint32_t m = 0; m < c.modules.size(); ++m) by_level[c.module_levels[m]].push_back(m);
  for (const auto& [level, nodes] : by_level) out << "  " << level << "  " << join(c.modules, nodes, ", ") << "\n";
  return out.str();
}

nlohmann::ordered_json cycles_json(const Project& p, const ProjectCycles& c) {
  nlohmann::ordered_json j;
  j["schema"] = "seam.cycles/2";
  j["edge_kinds"] = {{"module", to_string(c.modules.edge_kinds)},
                     {"component", to_string(c.components.edge_kinds)},
                     {"file", to_string(c.files.edge_kinds)}};
  j["module_cycles"] = member_lists(c.modules, c.module_cycles);
  j["component_cycles"] = member_lists(c.components, c.component_cycles);
  j["file_cycles"] = member_lists(c.files, c.file_cycles);
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (uint32_t m = 0; m < c.modules.size(); ++m)
    levels.push_back({{"module", c.modules.names[m]}, {"level", c.module_levels[m]}});
  j["module_levels"] = std::move(levels);
  j["module_cycle_details"] = details_json(p, c.modules, c.module_cycles, c.module_levels);
  j["component_cycle_details"] = details_json(p, c.components, c.component_cycles, c.component_levels);
  j["file_cycle_details"] = details_json(p, c.files, c.file_cycles, c.file_levels);
  return j;
}

} // namespace seam
