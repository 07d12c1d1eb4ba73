// private-header: an #include of another module's file that its "public" globs
// do not list. Only includes count: using a symbol declared in a private header
// is possible only after including it (directly, which this reports, or
// through a public header, which is the owner's choice).
#include "analyzers/core/paths.h"
#include "analyzers/rules/rule_context.h"

namespace seam::rules_detail {

void private_header_rule(Context& c) {
  for (const ModuleEdge& e : c.g.edges) {
    const Module& to = c.p.modules[e.to];
    if (e.includes.empty() || !to.decl || !to.decl->public_headers) continue;
    c.check("private-header", e.from, e.to);
    const std::vector<std::string>& globs = *to.decl->public_headers;
    for (const SiteGroup& g : site_groups(c.p, e)) {
      if (!g.include) continue;
      bool is_public = false;
      for (const std::string& glob : globs)
        if (glob_match(glob, g.header)) is_public = true;
      if (is_public) continue;
      Violation v = c.make("private-header", e.from, e.to);
      place(c.p, g, v);
      v.message = c.name(e.from) + " " + describe_use(g) + " (" + g.header + "), a private header of " + to.name +
                  "; its public headers are " +
                  (globs.empty() ? std::string("none") : join_names(globs, ", ")) + " (\"public\" at " +
                  c.config_at(to.decl->public_pos.empty() ? to.decl->pos : to.decl->public_pos.front()) + ")";
      c.out.violations.push_back(std::move(v));
    }
  }
}

} // namespace seam::rules_detail
