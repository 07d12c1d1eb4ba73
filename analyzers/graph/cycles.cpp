#include "analyzers/graph/cycles.h"

#include "analyzers/graph/cycle_breakdown.h"
#include "analyzers/graph/levels.h"
#include "analyzers/graph/min_cut.h"
#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <numeric>

namespace seam {

namespace {

/// Shortest cycle through members[0], staying inside the members.
std::vector<uint32_t> cycle_path(const UnitGraph& g, const std::vector<uint32_t>& members,
                                 const std::vector<uint32_t>& local) {
  const uint32_t start = members[0];
  auto inside = [&](uint32_t v) { return local[v] < members.size() && members[local[v]] == v; };
  std::vector<uint32_t> parent(members.size(), UINT32_MAX);
  std::vector<uint32_t> queue{start};
  uint32_t last = UINT32_MAX; // node with an edge back to start
  for (size_t head = 0; head < queue.size() && last == UINT32_MAX; ++head) {
    uint32_t v = queue[head];
    for (uint32_t e : g.out[v]) {
      uint32_t w = g.edges[e].to;
      if (!inside(w)) continue;
      if (w == start) {
        last = v;
        break;
      }
      if (parent[local[w]] != UINT32_MAX) continue;
      parent[local[w]] = v;
      queue.push_back(w);
    }
  }
  std::vector<uint32_t> path{start};
  for (uint32_t v = last; v != start && v != UINT32_MAX; v = parent[local[v]]) path.push_back(v);
  std::reverse(path.begin() + 1, path.end());
  path.push_back(start);
  return path;
}

/// The breakdown and the minimum cut of one cycle, on its members in local
/// ids (members are sorted, so local ids keep the name order the tie rules use).
void analyse_cycle(const UnitGraph& g, UnitCycle& cy, const std::vector<uint32_t>& local) {
  WeightedDigraph sub;
  sub.out.resize(cy.members.size());
  for (uint32_t e : cy.edges) sub.add(local[g.edges[e].from], local[g.edges[e].to], g.edges[e].weight);
  // Edges come sorted by (from, to), and so do local ids: find one by binary search.
  auto edge_index = [&](const WeightedEdge& we) {
    const uint32_t from = cy.members[we.from], to = cy.members[we.to];
    auto it = std::lower_bound(cy.edges.begin(), cy.edges.end(), std::make_pair(from, to),
                               [&](uint32_t e, const std::pair<uint32_t, uint32_t>& k) {
                                 return std::make_pair(g.edges[e].from, g.edges[e].to) < k;
                               });
    return *it;
  };
  for (BrokenCycle& b : cycle_breakdown(sub)) {
    CycleStep step;
    for (uint32_t v : b.path) step.path.push_back(cy.members[v]);
    step.closing = edge_index(b.closing);
    cy.breakdown.push_back(std::move(step));
  }
  MinCut cut = minimum_cut(sub);
  cy.cut_exact = cut.exact;
  cy.cut_weight = cut.weight;
  for (const WeightedEdge& e : cut.edges) cy.cut.push_back(edge_index(e));
  std::sort(cy.cut.begin(), cy.cut.end());
  for (uint32_t v : cut.order) cy.order.push_back(cy.members[v]);
}

} // namespace

std::vector<UnitCycle> find_unit_cycles(const UnitGraph& g) {
  std::vector<std::vector<uint32_t>> sccs = find_cycles(g.successors());
  std::vector<uint32_t> cycle_of = [&] {
    std::vector<uint32_t> c(g.size(), UINT32_MAX);
    for (uint32_t i = 0; i < sccs.size(); ++i)
      for (uint32_t v : sccs[i]) c[v] = i;
    return c;
  }();
  std::vector<UnitCycle> out(sccs.size());
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    uint32_t c = cycle_of[g.edges[e].from];
    if (c != UINT32_MAX && c == cycle_of[g.edges[e].to]) out[c].edges.push_back(e);
  }
  std::vector<uint32_t> local(g.size(), 0);
  for (uint32_t i = 0; i < sccs.size(); ++i) {
    UnitCycle& cy = out[i];
    cy.members = std::move(sccs[i]);
    for (uint32_t k = 0; k < cy.members.size(); ++k) local[cy.members[k]] = k;
    cy.path = cycle_path(g, cy.members, local);
    analyse_cycle(g, cy, local);
  }
  return out;
}

UnitCycle cycle_containing(const UnitGraph& g, uint32_t node) {
  UnitCycle cy;
  for (std::vector<uint32_t>& scc : find_cycles(g.successors()))
    if (std::binary_search(scc.begin(), scc.end(), node)) {
      cy.members = std::move(scc);
      break;
    }
  if (cy.members.empty()) return cy;
  std::vector<uint32_t> local(g.size(), UINT32_MAX);
  for (uint32_t k = 0; k < cy.members.size(); ++k) local[cy.members[k]] = k;
  for (uint32_t e = 0; e < g.edges.size(); ++e)
    if (local[g.edges[e].from] != UINT32_MAX && local[g.edges[e].to] != UINT32_MAX) cy.edges.push_back(e);
  cy.path = cycle_path(g, cy.members, local);
  analyse_cycle(g, cy, local);
  return cy;
}

ProjectCycles find_project_cycles(const Project& p, std::optional<EdgeKinds> edges) {
  ProjectCycles c;
  c.modules = build_unit_graph(p, GraphLevel::Module, kNoModule, edges);
  c.components = build_unit_graph(p, GraphLevel::Component, kNoModule, edges);
  c.files = build_unit_graph(p, GraphLevel::File, kNoModule, edges);
  c.module_cycles = find_unit_cycles(c.modules);
  c.component_cycles = find_unit_cycles(c.components);
  c.file_cycles = find_unit_cycles(c.files);
  c.module_levels = levelize(c.modules.successors());
  c.component_levels = levelize(c.components.successors());
  c.file_levels = levelize(c.files.successors());
  return c;
}

std::vector<uint32_t> cycle_of_node(size_t node_count, const std::vector<UnitCycle>& cycles) {
  std::vector<uint32_t> c(node_count, UINT32_MAX);
  for (uint32_t i = 0; i < cycles.size(); ++i)
    for (uint32_t v : cycles[i].members) c[v] = i;
  return c;
}

} // namespace seam
