// interface-growth: a module marked "extract": true may not gain interface
// symbols (analyzers/model/interface.h: symbols other modules use) beyond the
// ones the baseline records. The same interface definition drives `seam split`,
// so the gate guards exactly the API the generated service will have.
#include "analyzers/model/interface.h"
#include "analyzers/rules/rule_context.h"

#include <algorithm>
#include <map>
#include <set>

namespace seam::rules_detail {

void interface_growth_rule(Context& c) {
  bool any = false;
  for (const Module& m : c.p.modules) any |= m.decl && m.decl->extract;
  if (!any) return;
  const bool enabled = c.enabled("interface-growth");
  std::vector<std::vector<InterfaceSymbol>> all = all_interfaces(c.p);
  for (ModuleId m = 0; m < static_cast<ModuleId>(c.p.modules.size()); ++m) {
    const Module& mod = c.p.modules[m];
    if (!mod.decl || !mod.decl->extract) continue;
    // Overloads share a qualified name: one interface entry, first used where its first overload is.
    struct Named {
      uint32_t first_ref = UINT32_MAX;
      uint32_t sites = 0;
      std::set<ModuleId> clients;
    };
    std::map<std::string, Named> named;
    for (const InterfaceSymbol& s : all[m]) {
      const Symbol& sym = c.p.symbols[s.symbol];
      Named& n = named[sym.name.empty() ? sym.usr : sym.name];
      if (!s.refs.empty()) n.first_ref = std::min(n.first_ref, s.refs.front());
      n.sites += s.sites;
      n.clients.insert(s.clients.begin(), s.clients.end());
    }
    std::vector<std::string>& current = c.out.interfaces[mod.name];
    for (const auto& [name, n] : named) current.push_back(name);
    if (!enabled) continue;
    for (uint32_t ei : c.g.in[m]) c.check("interface-growth", c.g.edges[ei].from, m);
    if (!c.in.recorded_interfaces) {
      c.out.notes.push_back("interface-growth: no baseline records the interface of " + mod.name +
                            " (\"extract\": true); `seam check --update-baseline` records it, later runs "
                            "report symbols it gains");
      continue;
    }
    auto rec = c.in.recorded_interfaces->find(mod.name);
    if (rec == c.in.recorded_interfaces->end()) {
      c.out.notes.push_back("interface-growth: the baseline records no interface for " + mod.name +
                            " (\"extract\": true); `seam check --update-baseline` records it");
      continue;
    }
    std::set<std::string> recorded(rec->second.begin(), rec->second.end());
    for (const auto& [name, n] : named) {
      if (recorded.count(name) || n.first_ref == UINT32_MAX) continue;
      const Reference& r = c.p.refs[n.first_ref];
      SiteGroup g;
      g.site = r.site;
      g.symbol = name;
      g.kind = r.kind;
      g.uses = n.sites;
      Violation v = c.make("interface-growth", c.p.from_module(r), m);
      place(c.p, g, v);
      std::vector<std::string> clients;
      for (ModuleId client : n.clients) clients.push_back(c.name(client));
      v.message = c.name(c.p.from_module(r)) + " " + describe_use(g) + " of " + mod.name + ", which is being extracted (\"extract\": true at " +
                  c.config_at(mod.decl->extract_pos.line ? mod.decl->extract_pos : mod.decl->pos) +
                  ") and whose interface may only shrink: the baseline does not list this symbol (" +
                  std::to_string(n.sites) + " use" + (n.sites == 1 ? "" : "s") + " from " + join_names(clients) + ")";
      c.out.violations.push_back(std::move(v));
    }
  }
}

} // namespace seam::rules_detail
