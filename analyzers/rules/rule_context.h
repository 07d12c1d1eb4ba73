// Shared by the rule files (not part of the public API): the state one
// evaluation passes around, and the grouping of an edge's sites into one
// violation per (file, symbol or header).
#pragma once

#include "analyzers/rules/rules.h"

#include <string>
#include <vector>

namespace seam::rules_detail {

struct Context {
  const Project& p;
  const ModuleGraph& g;
  const RuleInputs& in;
  RuleResult& out;
  std::string config_file; ///< project-relative seam.json, for positions in messages

  Severity severity(const std::string& rule) const;
  bool enabled(const std::string& rule) const { return severity(rule) != Severity::Off; }
  const std::string& name(ModuleId m) const { return p.module_name(m); }
  /// "seam.json:12:6"
  std::string config_at(ConfigPos pos) const;
  void check(const std::string& rule, ModuleId from, ModuleId to);
  /// A violation of `rule` from `from` to `to`, severity filled in.
  Violation make(const std::string& rule, ModuleId from, ModuleId to) const;
};

/// The uses of one symbol or one header by one file, across an edge.
struct SiteGroup {
  Loc site;              ///< the first use in the file
  bool include = false;
  std::string symbol;    ///< qualified name (USR when unnamed)
  std::string header;    ///< project-relative path of the included file
  std::string spelled;   ///< as written in the #include
  RefKind kind = RefKind::TypeUse; ///< of the first use
  uint32_t uses = 0;
};

/// The edge's sites, one group per (file, symbol) and (file, header), sorted by
/// the first site. Linear in the edge's sites.
std::vector<SiteGroup> site_groups(const Project& p, const ModuleEdge& e);

/// Fills file/line/column/symbol/header/spelled/use/uses of `v` from `g`.
void place(const Project& p, const SiteGroup& g, Violation& v);

/// "calls 'shop::catalog::find_product'", "includes \"catalog/catalog.h\"".
std::string describe_use(const SiteGroup& g);

/// " (and 2 more uses in this file)" or "".
std::string more_uses(uint32_t uses);

/// "a, b and c"
std::string join_names(const std::vector<std::string>& names, const std::string& last_sep = " and ");

void cycle_rule(Context& c);
void layer_rule(Context& c);
void undeclared_rule(Context& c);
void unused_allowance_rule(Context& c);
void private_header_rule(Context& c);
void interface_growth_rule(Context& c);

} // namespace seam::rules_detail
