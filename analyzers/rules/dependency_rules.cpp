// The rules about which module may depend on which: layer (no dependency on a
// higher layer), undeclared (only what may_depend_on lists) and
// unused-allowance (nothing listed that the code does not use).
#include "analyzers/rules/rule_context.h"

#include <algorithm>

namespace seam::rules_detail {

void layer_rule(Context& c) {
  const std::vector<std::string>& layers = c.p.config.layers;
  for (const ModuleEdge& e : c.g.edges) {
    const Module& from = c.p.modules[e.from];
    const Module& to = c.p.modules[e.to];
    if (from.layer < 0 || to.layer < 0) continue;
    c.check("layer", e.from, e.to);
    if (to.layer >= from.layer) continue; // layers are listed top first: same or lower is fine
    std::vector<std::string> allowed(layers.begin() + from.layer, layers.end());
    for (const SiteGroup& g : site_groups(c.p, e)) {
      Violation v = c.make("layer", e.from, e.to);
      place(c.p, g, v);
      v.message = from.name + " (layer " + layers[from.layer] + ") " + describe_use(g) + " of " + to.name +
                  " (layer " + layers[to.layer] + "), a higher layer; " + from.name + " may depend on layer" +
                  (allowed.size() == 1 ? " " : "s ") + join_names(allowed, " and ") + " only" +
                  more_uses(g.uses);
      c.out.violations.push_back(std::move(v));
    }
  }
}

void undeclared_rule(Context& c) {
  for (const ModuleEdge& e : c.g.edges) {
    const Module& from = c.p.modules[e.from];
    if (!from.decl || !from.decl->may_depend_on) continue;
    c.check("undeclared", e.from, e.to);
    const std::vector<std::string>& allowed = *from.decl->may_depend_on;
    const Module& to = c.p.modules[e.to];
    if (std::find(allowed.begin(), allowed.end(), to.name) != allowed.end()) continue;
    std::vector<std::string> sorted = allowed;
    std::sort(sorted.begin(), sorted.end());
    // Point at the list itself when it has entries, else at the module.
    const ConfigPos where = from.decl->may_depend_on_pos.empty() ? from.decl->pos : from.decl->may_depend_on_pos.front();
    const std::string list = sorted.empty() ? "an empty may_depend_on" : "may_depend_on (" + join_names(sorted, ", ") + ")";
    for (const SiteGroup& g : site_groups(c.p, e)) {
      Violation v = c.make("undeclared", e.from, e.to);
      place(c.p, g, v);
      v.message = from.name + " " + describe_use(g) + " of " + to.name + ", which is not in its " + list +
                  " at " + c.config_at(where) + more_uses(g.uses);
      c.out.violations.push_back(std::move(v));
    }
  }
}

void unused_allowance_rule(Context& c) {
  for (ModuleId m = 0; m < static_cast<ModuleId>(c.p.modules.size()); ++m) {
    const Module& from = c.p.modules[m];
    if (!from.decl || !from.decl->may_depend_on) continue;
    const std::vector<std::string>& allowed = *from.decl->may_depend_on;
    std::vector<ModuleId> seen;
    for (size_t k = 0; k < allowed.size(); ++k) {
      ModuleId to = c.p.find_module(allowed[k]);
      if (to == kNoModule || to == m) continue; // the config reader reports these
      if (std::find(seen.begin(), seen.end(), to) != seen.end()) continue; // listed twice: one key
      seen.push_back(to);
      c.check("unused-allowance", m, to);
      if (c.g.find(m, to)) continue;
      Violation v = c.make("unused-allowance", m, to);
      ConfigPos pos = k < from.decl->may_depend_on_pos.size() ? from.decl->may_depend_on_pos[k] : from.decl->pos;
      v.file = c.config_file.empty() ? "seam.json" : c.config_file;
      v.line = pos.line;
      v.column = pos.column;
      v.message = from.name + " may depend on " + allowed[k] + ", but no code of " + from.name + " uses " +
                  allowed[k] + " (no reference, no #include); remove it from \"may_depend_on\"";
      c.out.violations.push_back(std::move(v));
    }
  }
}

} // namespace seam::rules_detail
