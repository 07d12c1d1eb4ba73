// The gate: rules, then the baseline, into the one CheckReport every format
// prints. What `seam check` runs after the project is loaded; tests run it on
// hand-built facts.
#pragma once

#include "analyzers/baseline/baseline.h"

namespace seam {

struct GateResult {
  CheckReport report;
  InterfaceRecord interfaces; ///< current interfaces of the "extract" modules (for --update-baseline)
};

/// Evaluates the rules and compares with `baseline` (null: none, everything is new).
GateResult run_gate(const Project& project, const ModuleGraph& graph, const Baseline* baseline);

} // namespace seam
