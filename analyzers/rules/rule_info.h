// What each check rule means and how to fix it: one text shared by the SARIF
// driver (rule help GitHub shows beside an alert), `seam check --help`-style
// listings and docs/check.md, so they cannot drift apart.
#pragma once

#include "analyzers/config/config.h"

#include <string>
#include <vector>

namespace seam {

struct RuleInfo {
  std::string id;          ///< "undeclared"; SARIF ruleId is "seam/" + id
  std::string name;        ///< PascalCase, SARIF reportingDescriptor.name
  std::string summary;     ///< one sentence
  std::string help;        ///< what it means, why it matters, how to fix (plain text)
  Severity default_severity = Severity::Error;
};

/// Every rule, in rule_names() order.
const std::vector<RuleInfo>& rule_infos();
const RuleInfo* find_rule_info(const std::string& id);

/// The severity a rule runs with: as given in seam.json's "rules", else its
/// default (error; info for unused-allowance, which reports declarations, not code).
Severity rule_severity(const Config& config, const std::string& rule);

} // namespace seam
