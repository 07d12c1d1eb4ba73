// evaluate_rules and the helpers every rule shares.
#include "analyzers/rules/rules.h"

#include "analyzers/core/paths.h"
#include "analyzers/rules/rule_context.h"
#include "analyzers/rules/rule_info.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace seam {
namespace rules_detail {

Severity Context::severity(const std::string& rule) const { return rule_severity(p.config, rule); }

std::string Context::config_at(ConfigPos pos) const {
  std::string s = config_file.empty() ? "seam.json" : config_file;
  if (pos.line) s += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  return s;
}

void Context::check(const std::string& rule, ModuleId from, ModuleId to) {
  out.checks.push_back({rule, name(from), name(to)});
}

Violation Context::make(const std::string& rule, ModuleId from, ModuleId to) const {
  Violation v;
  v.rule = rule;
  v.severity = severity(rule);
  v.from = name(from);
  v.to = name(to);
  return v;
}

std::vector<SiteGroup> site_groups(const Project& p, const ModuleEdge& e) {
  // Keyed by (file, name): file ids follow path order, so map order is file order.
  std::map<std::pair<FileId, std::string>, SiteGroup> refs;
  for (uint32_t i : e.refs) {
    const Reference& r = p.refs[i];
    const Symbol& s = p.symbols[r.target];
    const std::string& name = s.name.empty() ? s.usr : s.name;
    auto [it, inserted] = refs.try_emplace({r.site.file, name});
    SiteGroup& g = it->second;
    if (inserted) {
      g.site = r.site; // refs are in site order: the first one is the first site
      g.symbol = name;
      g.kind = r.kind;
    }
    ++g.uses;
  }
  std::map<std::pair<FileId, FileId>, SiteGroup> incs;
  for (uint32_t i : e.includes) {
    const Include& inc = p.includes[i];
    auto [it, inserted] = incs.try_emplace({inc.site.file, inc.included});
    SiteGroup& g = it->second;
    if (inserted) {
      g.site = inc.site;
      g.include = true;
      g.header = p.files[inc.included].path;
      g.spelled = inc.spelled;
    }
    ++g.uses;
  }
  std::vector<SiteGroup> out;
  out.reserve(refs.size() + incs.size());
  for (auto& [k, g] : refs) out.push_back(std::move(g));
  for (auto& [k, g] : incs) out.push_back(std::move(g));
  std::sort(out.begin(), out.end(), [](const SiteGroup& a, const SiteGroup& b) {
    return std::tie(a.site.file, a.site.line, a.site.column, a.include, a.symbol, a.header) <
           std::tie(b.site.file, b.site.line, b.site.column, b.include, b.symbol, b.header);
  });
  return out;
}

void place(const Project& p, const SiteGroup& g, Violation& v) {
  v.file = p.files[g.site.file].path;
  v.line = g.site.line;
  v.column = g.site.column;
  v.uses = g.uses;
  if (g.include) {
    v.header = g.header;
    v.spelled = g.spelled;
    v.use = "include";
  } else {
    v.symbol = g.symbol;
    v.use = to_string(g.kind);
  }
}

std::string describe_use(const SiteGroup& g) {
  if (g.include) return "includes \"" + (g.spelled.empty() ? g.header : g.spelled) + "\"";
  const std::string q = "'" + g.symbol + "'";
  switch (g.kind) {
  case RefKind::Call: return "calls " + q;
  case RefKind::TypeUse: return "uses the type " + q;
  case RefKind::BaseClass: return "derives from " + q;
  case RefKind::Override: return "overrides " + q;
  case RefKind::MemberAccess: return "accesses " + q;
  case RefKind::Read: return "reads " + q;
  case RefKind::Write: return "writes " + q;
  case RefKind::AddressOf: return "takes the address of " + q;
  case RefKind::MacroExpansion: return "expands the macro " + q;
  case RefKind::Friend: return "befriends " + q;
  }
  return "uses " + q;
}

std::string more_uses(uint32_t uses) {
  if (uses <= 1) return "";
  return " (and " + std::to_string(uses - 1) + " more use" + (uses == 2 ? "" : "s") + " in this file)";
}

std::string join_names(const std::vector<std::string>& names, const std::string& last_sep) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += i + 1 == names.size() ? last_sep : ", ";
    s += names[i];
  }
  return s;
}

} // namespace rules_detail

RuleResult evaluate_rules(const Project& project, const ModuleGraph& graph, const RuleInputs& inputs) {
  using namespace rules_detail;
  RuleResult out;
  Context c{project, graph, inputs, out, {}};
  if (!project.config.path.empty() &&
      !relative_to(canonical_path(project.config.path), normalize_path(project.root), c.config_file))
    c.config_file = project.config.path;
  // Each rule reads the module graph of its "edges" (seam.json; all unless
  // given): `graph` when its edges are those, else one built once per kind.
  std::map<EdgeKinds, ModuleGraph> built;
  auto run = [&](const std::string& rule, void (*check)(Context&)) {
    const EdgeKinds k = project.config.edges(rule);
    const ModuleGraph* g = &graph;
    if (k != graph.edge_kinds) {
      auto it = built.find(k);
      if (it == built.end()) it = built.emplace(k, build_module_graph(project, k)).first;
      g = &it->second;
    }
    Context rc{project, *g, inputs, out, c.config_file};
    check(rc);
  };
  if (c.enabled("cycle")) run("cycle", cycle_rule);
  if (c.enabled("layer")) run("layer", layer_rule);
  if (c.enabled("undeclared")) run("undeclared", undeclared_rule);
  if (c.enabled("private-header")) run("private-header", private_header_rule);
  // The current interfaces are recorded even when the rule is off, so that
  // --update-baseline can write them.
  run("interface-growth", interface_growth_rule);
  if (c.enabled("unused-allowance")) run("unused-allowance", unused_allowance_rule);
  sort_violations(out.violations);
  std::sort(out.checks.begin(), out.checks.end());
  out.checks.erase(std::unique(out.checks.begin(), out.checks.end()), out.checks.end());
  return out;
}

} // namespace seam
