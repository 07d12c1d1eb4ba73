#include "analyzers/graph/graph_filter.h"

#include <algorithm>

namespace seam {

bool select_graph(const UnitGraph& g, const GraphFilter& f, GraphSelection& out, std::string& error) {
  out = GraphSelection{};
  std::vector<bool> keep(g.size(), f.focus.empty());
  if (!f.focus.empty()) {
    out.focus = g.find(f.focus);
    if (out.focus == kNoNode) {
      error = "--focus: no " + std::string(to_string(g.level)) + " named '" + f.focus + "'";
      if (g.size() <= 40) {
        std::string list;
        for (const std::string& n : g.names) list += (list.empty() ? "" : ", ") + n;
        error += "; the " + std::string(to_string(g.level)) + "s are: " + list;
      } else {
        error += " (" + std::to_string(g.size()) + " " + to_string(g.level) + "s; `seam graph --format json "
                 "--level " + to_string(g.level) + "` lists them)";
      }
      return false;
    }
    keep[out.focus] = true;
    for (uint32_t e : g.out[out.focus])
      if (g.edges[e].weight >= f.min_weight) keep[g.edges[e].to] = true;
    for (uint32_t e : g.in[out.focus])
      if (g.edges[e].weight >= f.min_weight) keep[g.edges[e].from] = true;
  }
  for (uint32_t v = 0; v < g.size(); ++v)
    if (keep[v]) out.nodes.push_back(v);
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const UnitEdge& x = g.edges[e];
    if (!keep[x.from] || !keep[x.to]) continue;
    if (x.weight < f.min_weight)
      ++out.hidden_edges;
    else
      out.edges.push_back(e);
  }
  return true;
}

} // namespace seam
