#include "reports/graph/unit_graph_report.h"

#include "analyzers/graph/boundary.h"
#include "analyzers/graph/levels.h"
#include "reports/graph/site_report.h"

#include <algorithm>
#include <sstream>

namespace seam {

bool make_graph_context(const UnitGraph& g, ModuleId only, const GraphFilter& filter, GraphContext& out,
                        std::string& error) {
  out.graph = &g;
  out.only = only;
  out.filter = filter;
  out.levels = levelize(g.successors());
  out.cycles = find_unit_cycles(g);
  out.cycle_of = cycle_of_node(g.size(), out.cycles);
  return select_graph(g, filter, out.selection, error);
}

bool edge_in_cycle(const GraphContext& c, const UnitEdge& e) {
  return c.cycle_of[e.from] != UINT32_MAX && c.cycle_of[e.from] == c.cycle_of[e.to];
}

bool edge_in_cut(const GraphContext& c, uint32_t edge) {
  const UnitEdge& e = c.graph->edges[edge];
  if (!edge_in_cycle(c, e)) return false;
  const std::vector<uint32_t>& cut = c.cycles[c.cycle_of[e.from]].cut; // sorted
  return std::binary_search(cut.begin(), cut.end(), edge);
}

std::string unit_graph_text(const GraphContext& c) {
  const UnitGraph& g = *c.graph;
  std::ostringstream out;
  out << edge_kinds_line(g.edge_kinds) << "\n";
  size_t width = 0;
  for (uint32_t ei : c.selection.edges)
    width = std::max(width, g.names[g.edges[ei].from].size() + g.names[g.edges[ei].to].size() + 4);
  for (uint32_t ei : c.selection.edges) {
    const UnitEdge& e = g.edges[ei];
    std::string arrow = g.names[e.from] + " -> " + g.names[e.to];
    out << arrow << std::string(width - arrow.size() + 2, ' ') << e.weight << "  (" << kinds_text(e) << ")";
    if (!c.touched_edges.empty() && c.touched_edges[ei]) out << "  [touched]";
    out << "\n";
  }
  if (c.selection.edges.empty()) out << "(no dependencies between " << to_string(g.level) << "s)\n";
  if (!c.affected_rev.empty()) {
    // What the change since REV touches, among the nodes and edges shown.
    std::string names;
    size_t nodes = 0, edges = 0;
    for (uint32_t v : c.selection.nodes)
      if (c.touched_nodes[v]) names += (nodes++ ? ", " : "") + g.names[v];
    for (uint32_t ei : c.selection.edges) edges += c.touched_edges[ei];
    out << "\ntouched by the change since " << c.affected_rev << " (" << c.changed_files
        << (c.changed_files == 1 ? " file" : " files") << " changed): "
        << nodes << " " << to_string(g.level) << (nodes == 1 ? "" : "s") << (nodes ? " (" + names + ")" : "")
        << ", " << edges << (edges == 1 ? " edge" : " edges") << " [touched]\n";
  }
  return out.str();
}

nlohmann::ordered_json unit_graph_json(const Project& p, const GraphContext& c, bool external) {
  const UnitGraph& g = *c.graph;
  const bool modules = g.level == GraphLevel::Module;
  nlohmann::ordered_json j;
  j["schema"] = "seam.graph/1";
  j["level"] = to_string(g.level);
  j["edge_kinds"] = to_string(g.edge_kinds);
  if (c.only != kNoModule) j["module"] = p.module_name(c.only);
  if (!c.filter.focus.empty()) j["focus"] = c.filter.focus;
  if (c.filter.min_weight > 1) j["min_weight"] = c.filter.min_weight;
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (uint32_t v : c.selection.nodes) {
    nlohmann::ordered_json n;
    n["id"] = g.names[v];
    if (!modules) n["module"] = p.module_name(g.module[v]);
    n["files"] = g.files[v].size();
    n["lines"] = g.lines[v];
    n["symbols"] = g.symbols[v];
    ModuleId m = g.module[v];
    if (m != kNoModule && p.modules[m].layer >= 0)
      n["layer"] = p.config.layers[p.modules[m].layer];
    else
      n["layer"] = nullptr;
    n["level"] = c.levels[v];
    if (!c.touched_nodes.empty()) n["touched"] = static_cast<bool>(c.touched_nodes[v]);
    nodes.push_back(std::move(n));
  }
  if (!c.affected_rev.empty()) j["affected"] = {{"rev", c.affected_rev}, {"changed_files", c.changed_files}};
  j["nodes"] = std::move(nodes);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (uint32_t ei : c.selection.edges) {
    const UnitEdge& e = g.edges[ei];
    nlohmann::ordered_json ej = edge_json(p, g.names[e.from], g.names[e.to], e);
    ej["cycle"] = edge_in_cycle(c, e);
    ej["cut"] = edge_in_cut(c, ei);
    if (!c.touched_edges.empty()) ej["touched"] = static_cast<bool>(c.touched_edges[ei]);
    if (modules) {
      BoundaryBreak b = boundary_break_in_force(p, g.module[e.from], g.module[e.to]);
      nlohmann::ordered_json breaks = nlohmann::ordered_json::array();
      if (b.upward_layer) breaks.push_back("layer");
      if (b.undeclared) breaks.push_back("undeclared");
      ej["breaks"] = std::move(breaks);
    }
    edges.push_back(std::move(ej));
  }
  j["edges"] = std::move(edges);
  if (c.selection.hidden_edges) j["hidden_edges"] = c.selection.hidden_edges;
  if (modules || external) {
    // The module-level document always carried "external"; finer levels on request.
    std::vector<bool> shown(g.size(), false);
    for (uint32_t v : c.selection.nodes) shown[v] = true;
    nlohmann::ordered_json ext = nlohmann::ordered_json::array();
    for (const UnitExternal& d : unit_external_dependencies(p, g)) {
      if (!shown[d.node]) continue;
      ext.push_back({{modules ? "module" : "from", g.names[d.node]}, {"header", d.header}, {"count", d.count}});
    }
    j["external"] = std::move(ext);
  }
  return j;
}

} // namespace seam
