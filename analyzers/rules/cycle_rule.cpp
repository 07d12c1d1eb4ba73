// cycle: one violation per elementary cycle of the module graph, as the
// breakdown lists them (cycle_breakdown.h: shortest first, each closing edge
// removed before the next), so a team can accept today's cycles one by one, as
// include-cycle lints keep an expected list, and a new cycle fails even inside
// a big strongly connected group. The baseline key is the cycle itself (its
// modules in order from the first by name), not the group.
//
// Where it is reported: at the cycle's edge that the group's minimum cut
// (min_cut.h) removes — every cycle has one, since the cut leaves no cycle —
// the first along the path if several. That is the dependency to invert.
#include "analyzers/graph/cycle_breakdown.h"
#include "analyzers/graph/min_cut.h"
#include "analyzers/rules/rule_context.h"

#include <algorithm>
#include <set>

namespace seam::rules_detail {
namespace {

/// Members named in a message before "and N more".
constexpr size_t kMembersInMessage = 8;

/// Where an edge is used: its first call (what makes the modules need each
/// other at run time), else its first reference, else its first include.
SiteGroup edge_site(const Context& c, const ModuleEdge& e) {
  SiteGroup site;
  if (!e.refs.empty()) {
    uint32_t first = e.refs.front();
    for (uint32_t i : e.refs)
      if (c.p.refs[i].kind == RefKind::Call) {
        first = i;
        break;
      }
    const Reference& r = c.p.refs[first];
    const Symbol& s = c.p.symbols[r.target];
    site.site = r.site;
    site.symbol = s.name.empty() ? s.usr : s.name;
    site.kind = r.kind;
  } else {
    const Include& inc = c.p.includes[e.includes.front()];
    site.site = inc.site;
    site.include = true;
    site.header = c.p.files[inc.included].path;
    site.spelled = inc.spelled;
  }
  return site;
}

} // namespace

void cycle_rule(Context& c) {
  for (const ModuleEdge& e : c.g.edges) c.check("cycle", e.from, e.to);
  std::vector<uint32_t> local(c.g.module_count, UINT32_MAX);
  for (const std::vector<uint32_t>& members : find_cycles(c.g.successors())) {
    // Module ids follow names, and members are sorted: local ids keep the
    // name order the breakdown's and the cut's tie rules use.
    for (uint32_t k = 0; k < members.size(); ++k) local[members[k]] = k;
    WeightedDigraph sub;
    sub.out.resize(members.size());
    std::vector<const ModuleEdge*> inner;
    for (uint32_t m : members)
      for (uint32_t ei : c.g.out[m])
        if (local[c.g.edges[ei].to] != UINT32_MAX) {
          inner.push_back(&c.g.edges[ei]);
          sub.add(local[m], local[c.g.edges[ei].to], c.g.edges[ei].weight);
        }
    auto edge = [&](uint32_t a, uint32_t b) {
      for (const ModuleEdge* e : inner)
        if (static_cast<uint32_t>(e->from) == members[a] && static_cast<uint32_t>(e->to) == members[b]) return e;
      return static_cast<const ModuleEdge*>(nullptr);
    };
    const MinCut cut = minimum_cut(sub);
    std::set<std::pair<uint32_t, uint32_t>> in_cut;
    for (const WeightedEdge& e : cut.edges) in_cut.insert({e.from, e.to});
    std::vector<std::string> group;
    for (uint32_t m : members) group.push_back(c.name(static_cast<ModuleId>(m)));
    const std::vector<BrokenCycle> breakdown = cycle_breakdown(sub);

    for (const BrokenCycle& b : breakdown) {
      // The edge to report: the first along the path that the minimum cut removes.
      size_t at = b.path.size() - 2; // the closing edge, if none were (cannot happen)
      for (size_t i = 0; i + 1 < b.path.size(); ++i)
        if (in_cut.count({b.path[i], b.path[i + 1]})) {
          at = i;
          break;
        }
      const ModuleEdge* cut_edge = edge(b.path[at], b.path[at + 1]);
      Violation v = c.make("cycle", cut_edge->from, cut_edge->to);
      std::vector<std::string> walk, edge_text;
      for (size_t i = 0; i + 1 < b.path.size(); ++i) {
        const ModuleEdge* e = edge(b.path[i], b.path[i + 1]);
        walk.push_back(c.name(e->from));
        v.edges.push_back({c.name(e->from), c.name(e->to), e->weight, in_cut.count({b.path[i], b.path[i + 1]}) > 0});
        edge_text.push_back(c.name(e->from) + " -> " + c.name(e->to) + " (" + std::to_string(e->weight) + ")");
      }
      v.cycle = canonical_cycle(walk);
      v.members = walk;
      std::sort(v.members.begin(), v.members.end());
      const SiteGroup site = edge_site(c, *cut_edge);
      place(c.p, site, v);
      v.uses = cut_edge->weight;

      std::string path;
      for (const std::string& m : v.cycle) path += m + " -> ";
      path += v.cycle.front();
      const std::string from = c.name(cut_edge->from), to = c.name(cut_edge->to);
      v.message = "modules " + join_names(v.members) + " depend on each other in a cycle (" + path + "); cut it at " +
                  from + " -> " + to + ", where " + from + " " + describe_use(site) + "; " +
                  (edge_text.size() == 1 ? "edge" : "edges") + " in the cycle: " + join_names(edge_text, ", ");
      if (breakdown.size() > 1) {
        std::vector<std::string> shown(group.begin(),
                                       group.begin() + static_cast<std::ptrdiff_t>(std::min(group.size(), kMembersInMessage)));
        if (group.size() > shown.size()) shown.push_back(std::to_string(group.size() - shown.size()) + " more");
        v.message += "; one of " + std::to_string(breakdown.size()) + " elementary cycles among the " +
                     std::to_string(group.size()) + " modules " + join_names(shown) + ", whose minimum cut is " +
                     std::to_string(cut.edges.size()) + (cut.edges.size() == 1 ? " edge (" : " edges (") +
                     std::to_string(cut.weight) + (cut.weight == 1 ? " use" : " uses") +
                     (cut.exact ? "" : ", heuristic") + "; `seam cycles` lists it)";
      }
      c.out.violations.push_back(std::move(v));
    }
    for (uint32_t m : members) local[m] = UINT32_MAX;
  }
}

} // namespace seam::rules_detail
