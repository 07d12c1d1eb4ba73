#include "analyzers/baseline/gate.h"

#include "analyzers/rules/rule_info.h"

namespace seam {

GateResult run_gate(const Project& project, const ModuleGraph& graph, const Baseline* baseline) {
  RuleInputs in;
  if (baseline) in.recorded_interfaces = &baseline->interfaces;
  RuleResult rules = evaluate_rules(project, graph, in);
  GateResult g;
  g.report.violations = std::move(rules.violations);
  g.report.checks = std::move(rules.checks);
  g.report.notes = std::move(rules.notes);
  g.report.baseline_present = baseline != nullptr;
  for (const std::string& rule : rule_names()) g.report.severities[rule] = rule_severity(project.config, rule);
  if (baseline) g.report.fixed = apply_baseline(g.report.violations, *baseline, rules.interfaces, project.config);
  g.interfaces = std::move(rules.interfaces);
  return g;
}

} // namespace seam
