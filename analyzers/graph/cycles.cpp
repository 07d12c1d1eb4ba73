#include "analyzers/graph/cycles.h"

#include "analyzers/graph/levels.h"
#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <numeric>

namespace seam {

namespace {

/// Cycles among `members` using the internal edges except `skip`, in global ids.
std::vector<std::vector<uint32_t>> cycles_without(const UnitGraph& g, const std::vector<uint32_t>& members,
                                                  const std::vector<uint32_t>& edges, uint32_t skip,
                                                  std::vector<uint32_t>& local) {
  std::vector<std::vector<uint32_t>> succ(members.size());
  for (uint32_t e : edges)
    if (e != skip) succ[local[g.edges[e].from]].push_back(local[g.edges[e].to]);
  std::vector<std::vector<uint32_t>> out = find_cycles(succ);
  for (auto& c : out)
    for (uint32_t& v : c) v = members[v];
  return out;
}

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
    std::vector<uint32_t> order = cy.edges;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return g.edges[a].weight < g.edges[b].weight; });
    // Edges are already in (from, to) order, so ties go to the first by name.
    for (size_t k = 0; k < order.size() && k < kCutSearchBudget; ++k) {
      auto rest = cycles_without(g, cy.members, cy.edges, order[k], local);
      bool splits = !(rest.size() == 1 && rest[0].size() == cy.members.size());
      if (splits) {
        cy.cheapest = order[k];
        cy.cheapest_splits = true;
        cy.remaining = std::move(rest);
        break;
      }
    }
    if (!cy.cheapest_splits && !order.empty()) {
      cy.cheapest = order[0];
      cy.remaining = {cy.members};
    }
  }
  return out;
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
