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
    nlohmann::ordered_json cut;
    if (c.cheapest != UINT32_MAX) {
      const UnitEdge& e = g.edges[c.cheapest];
      cut["from"] = g.names[e.from];
      cut["to"] = g.names[e.to];
      cut["weight"] = e.weight;
      cut["splits"] = c.cheapest_splits;
      nlohmann::ordered_json rest = nlohmann::ordered_json::array();
      for (const auto& r : c.remaining) rest.push_back(names_json(g, r));
      cut["remaining_cycles"] = std::move(rest);
    }
    d["cheapest_break"] = std::move(cut);
    a.push_back(std::move(d));
  }
  return a;
}

std::string join(const UnitGraph& g, const std::vector<uint32_t>& nodes, const char* sep) {
  std::string s;
  for (uint32_t v : nodes) s += (s.empty() ? "" : sep) + g.names[v];
  return s;
}

void cycles_section(std::ostringstream& out, const Project& p, const char* what, const UnitGraph& g,
                    const std::vector<UnitCycle>& cycles, const std::vector<uint32_t>& levels) {
  if (cycles.empty()) {
    out << what << " cycles: none\n";
    return;
  }
  out << what << " cycles: " << cycles.size() << "\n";
  for (size_t i = 0; i < cycles.size(); ++i) {
    const UnitCycle& c = cycles[i];
    // Members too: the first ones, then how many more (rocksdb: 443 components).
    std::vector<uint32_t> first(c.members.begin(),
                                c.members.begin() + std::min(c.members.size(), kCycleMembersInText));
    out << "  [" << i + 1 << "] " << join(g, first, ", ")
        << (c.members.size() > first.size() ? ", and " + std::to_string(c.members.size() - first.size()) + " more"
                                            : std::string())
        << "  (" << c.members.size() << " " << what << "s, level " << levels[c.members.front()] << ")\n";
    out << "      path: " << join(g, c.path, " -> ") << "\n";
    // A big tangle would bury the answer: show its lightest edges, the
    // candidates for cutting, and leave the full list to JSON.
    std::vector<uint32_t> shown = c.edges;
    if (shown.size() > kCycleEdgesInText) {
      std::stable_sort(shown.begin(), shown.end(),
                       [&](uint32_t a, uint32_t b) { return g.edges[a].weight < g.edges[b].weight; });
      shown.resize(kCycleEdgesInText);
      std::sort(shown.begin(), shown.end());
    }
    for (uint32_t ei : shown) {
      const UnitEdge& e = g.edges[ei];
      out << "      " << g.names[e.from] << " -> " << g.names[e.to] << "  " << e.weight << "  (" << kinds_text(e)
          << ")\n";
      out << heaviest_sites_text(p, e, kCycleSitesPerEdge, kCycleSitesPerEdge, "          ");
    }
    if (shown.size() < c.edges.size())
      out << "      ... " << c.edges.size() - shown.size() << " more edges inside this cycle, none lighter (--format json lists all)\n";
    if (c.cheapest != UINT32_MAX) {
      const UnitEdge& e = g.edges[c.cheapest];
      out << "      cheapest cut: " << g.names[e.from] << " -> " << g.names[e.to] << " (" << e.weight
          << (e.weight == 1 ? " use" : " uses") << ")";
      if (!c.cheapest_splits)
        out << "; no single edge breaks this cycle, this is its lightest edge";
      else if (c.remaining.empty())
        out << " breaks the cycle";
      else {
        out << " splits it; still cyclic:";
        for (const auto& r : c.remaining) out << " {" << join(g, r, ", ") << "}";
      }
      out << "\n";
    }
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
  j["schema"] = "seam.cycles/1";
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
