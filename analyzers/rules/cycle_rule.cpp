// cycle: one violation per strongly connected group of modules, placed at the
// edge that closes it. "Closes" is defined by an order of the members that
// puts as much weight forward as it can (the Eades-Lin-Smyth heuristic for a
// small feedback arc set): the edges pointing backwards are the ones to cut,
// and the lightest of them is where the violation is reported.
#include "analyzers/rules/rule_context.h"

#include <algorithm>
#include <deque>
#include <tuple>

namespace seam::rules_detail {
namespace {

/// Members ordered so that few, light edges point backwards. `edges` are the
/// edges among `members` (module ids). Deterministic: ties go to the lower id.
std::vector<uint32_t> break_order(const std::vector<uint32_t>& members,
                                  const std::vector<const ModuleEdge*>& edges) {
  const size_t n = members.size();
  auto local = [&](ModuleId m) {
    return static_cast<size_t>(std::lower_bound(members.begin(), members.end(), static_cast<uint32_t>(m)) -
                               members.begin());
  };
  std::vector<bool> left(n, true);
  std::vector<uint32_t> head, tail;
  size_t remaining = n;
  while (remaining) {
    // Degrees and weights among the members still left.
    std::vector<size_t> out_n(n), in_n(n);
    std::vector<int64_t> delta(n);
    for (const ModuleEdge* e : edges) {
      size_t a = local(e->from), b = local(e->to);
      if (!left[a] || !left[b]) continue;
      ++out_n[a];
      ++in_n[b];
      delta[a] += e->weight;
      delta[b] -= e->weight;
    }
    bool took = false;
    for (size_t i = 0; i < n; ++i)
      if (left[i] && out_n[i] == 0) { // a sink goes last
        tail.push_back(members[i]);
        left[i] = false;
        --remaining;
        took = true;
      } else if (left[i] && in_n[i] == 0) { // a source goes first
        head.push_back(members[i]);
        left[i] = false;
        --remaining;
        took = true;
      }
    if (took) continue;
    size_t best = n;
    for (size_t i = 0; i < n; ++i)
      if (left[i] && (best == n || delta[i] > delta[best])) best = i;
    head.push_back(members[best]);
    left[best] = false;
    --remaining;
  }
  head.insert(head.end(), tail.rbegin(), tail.rend());
  return head;
}

/// Shortest path from `from` to `to` over the edges among the members, as
/// module ids (both ends included); BFS visiting successors in id order.
std::vector<ModuleId> shortest_path(const ModuleGraph& g, const std::vector<bool>& member, ModuleId from,
                                    ModuleId to) {
  std::vector<ModuleId> prev(g.module_count, kNoModule);
  std::vector<bool> seen(g.module_count, false);
  std::deque<ModuleId> queue{from};
  seen[from] = true;
  while (!queue.empty()) {
    ModuleId m = queue.front();
    queue.pop_front();
    if (m == to) break;
    for (uint32_t ei : g.out[m]) {
      ModuleId n = g.edges[ei].to;
      if (!member[n] || seen[n]) continue;
      seen[n] = true;
      prev[n] = m;
      queue.push_back(n);
    }
  }
  std::vector<ModuleId> path;
  for (ModuleId m = to; m != kNoModule; m = m == from ? kNoModule : prev[m]) path.push_back(m);
  std::reverse(path.begin(), path.end());
  return path;
}

} // namespace

void cycle_rule(Context& c) {
  for (const ModuleEdge& e : c.g.edges) c.check("cycle", e.from, e.to);
  std::vector<bool> member(c.g.module_count, false);
  for (const std::vector<uint32_t>& members : find_cycles(c.g.successors())) {
    for (uint32_t m : members) member[m] = true;
    std::vector<const ModuleEdge*> inner;
    for (uint32_t m : members)
      for (uint32_t ei : c.g.out[m])
        if (member[c.g.edges[ei].to]) inner.push_back(&c.g.edges[ei]);
    std::vector<uint32_t> order = break_order(members, inner);
    std::vector<size_t> pos(c.g.module_count, 0);
    for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;

    // The closing edge reported: the lightest backward edge (then by names, as ids follow names).
    const ModuleEdge* closing = nullptr;
    for (const ModuleEdge* e : inner)
      if (pos[e->from] > pos[e->to] &&
          (!closing || std::tie(e->weight, e->from, e->to) < std::tie(closing->weight, closing->from, closing->to)))
        closing = e;
    if (!closing) closing = inner.front(); // a self-loop; the graph has none, but stay total

    Violation v = c.make("cycle", closing->from, closing->to);
    for (uint32_t m : members) v.members.push_back(c.name(static_cast<ModuleId>(m)));
    std::vector<std::string> edge_text;
    for (const ModuleEdge* e : inner) {
      v.edges.push_back({c.name(e->from), c.name(e->to), e->weight, pos[e->from] > pos[e->to]});
      edge_text.push_back(c.name(e->from) + " -> " + c.name(e->to) + " (" + std::to_string(e->weight) + ")");
    }
    // Where it closes: the edge's first call (what makes the modules need each other at run
    // time), else its first reference, else its first include.
    SiteGroup site;
    if (!closing->refs.empty()) {
      uint32_t first = closing->refs.front();
      for (uint32_t i : closing->refs)
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
      const Include& inc = c.p.includes[closing->includes.front()];
      site.site = inc.site;
      site.include = true;
      site.header = c.p.files[inc.included].path;
      site.spelled = inc.spelled;
    }
    place(c.p, site, v);
    v.uses = closing->weight;

    std::vector<ModuleId> back = shortest_path(c.g, member, closing->to, closing->from);
    std::string path = c.name(closing->from);
    for (ModuleId m : back) path += " -> " + c.name(m);
    const std::string from = c.name(closing->from), to = c.name(closing->to);
    v.message = "modules " + join_names(v.members) + " depend on each other in a cycle (" + path +
                "); it closes at " + from + " -> " + to + ", where " + from + " " + describe_use(site) +
                "; " + (inner.size() == 1 ? "edge" : "edges") + " in the cycle: " + join_names(edge_text, ", ");
    c.out.violations.push_back(std::move(v));
    for (uint32_t m : members) member[m] = false;
  }
}

} // namespace seam::rules_detail
