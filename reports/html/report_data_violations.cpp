// The report data of the violations section beside the embedded seam.check/1
// document: each check rule's help.
#include "reports/html/report_data.h"

#include "analyzers/rules/rule_info.h"

namespace seam::html {

Json rules_json() {
  Json rules = Json::object();
  for (const RuleInfo& info : rule_infos()) rules[info.id] = info.summary + " " + info.help;
  return rules;
}

} // namespace seam::html
