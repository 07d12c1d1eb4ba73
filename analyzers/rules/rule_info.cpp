#include "analyzers/rules/rule_info.h"

namespace seam {

const std::vector<RuleInfo>& rule_infos() {
  static const std::vector<RuleInfo> infos = {
      {"cycle", "ModuleCycle", "Modules depend on each other in a cycle.",
       "The modules of a cycle cannot be built, tested, understood or extracted as a service one "
       "without the others. seam reports one violation per elementary cycle (the breakdown of "
       "`seam cycles`: shortest first, as include-cycle lints list them), at the first site of "
       "its edge that the minimum cut removes, and lists the edges around it; the baseline keys "
       "on the cycle, so a new cycle fails even inside an accepted tangle. Fix: invert that "
       "dependency (an interface owned by the lower module, a callback or an event), or move "
       "the shared code into a module both may depend on.",
       Severity::Error},
      {"layer", "LayerViolation", "A module depends on a module of a higher layer.",
       "seam.json's \"layers\" lists the layers top first; a module may depend on modules of its "
       "own layer and of lower ones. A dependency upwards couples stable low-level code to "
       "volatile high-level code. Fix: move the used code down, or invert the dependency (the "
       "lower module defines an interface or an event the higher module implements).",
       Severity::Error},
      {"undeclared", "UndeclaredDependency", "A module depends on a module its may_depend_on does not list.",
       "A module with \"may_depend_on\" in seam.json declares every module it may use; any other "
       "dependency is a violation, whether it comes from a reference to a symbol or an #include. "
       "Fix: remove the dependency, or, when the architecture really allows it, add the module "
       "to \"may_depend_on\" in the same change so the review sees it.",
       Severity::Error},
      {"private-header", "PrivateHeaderInclude", "A file includes another module's private header.",
       "A module with \"public\" globs in seam.json offers only those headers to other modules; "
       "its other headers are its implementation. Including one ties the includer to internals "
       "that may change or disappear when the module is extracted. Fix: use what a public header "
       "offers, or ask the owning module to make the needed function public.",
       Severity::Error},
      {"interface-growth", "ExtractedInterfaceGrowth",
       "A module being extracted gains an interface symbol the baseline does not list.",
       "A module marked \"extract\": true is on its way out as a service: its interface (the "
       "symbols other modules use) becomes the service API, so it may only shrink. The baseline "
       "records the interface; a symbol used from another module that it does not list is a "
       "violation. Fix: use what the interface already offers; if the service API really must "
       "grow, run `seam check --update-baseline` so the change is reviewed.",
       Severity::Error},
      {"unused-allowance", "UnusedAllowance", "A may_depend_on entry that no code uses.",
       "A \"may_depend_on\" entry that no reference or #include uses makes the declared "
       "architecture claim more coupling than the code has, and silently allows it to come "
       "back. Fix: remove the entry from seam.json.",
       Severity::Info},
  };
  return infos;
}

const RuleInfo* find_rule_info(const std::string& id) {
  for (const RuleInfo& r : rule_infos())
    if (r.id == id) return &r;
  return nullptr;
}

Severity rule_severity(const Config& config, const std::string& rule) {
  auto it = config.rules.find(rule);
  if (it != config.rules.end()) return it->second;
  const RuleInfo* info = find_rule_info(rule);
  return info ? info->default_severity : Severity::Off;
}

} // namespace seam
