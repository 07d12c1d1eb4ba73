// `seam check`'s gate over a loaded Project: the rules, then the baseline —
// located, read (or rewritten with --update-baseline) and compared in one
// place for the check and for the report, which must show the same verdict.
#pragma once

#include "analyzers/baseline/gate.h"
#include "analyzers/pipeline/baseline_stage.h"
#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"

#include <string>

namespace seam::pipeline {

/// What an invalid (or unreadable) baseline does to the run.
enum class InvalidBaseline {
  Stop,       ///< `seam check`: an error; a gate must not pass on a baseline it cannot read
  AllNew,     ///< `seam report`: notes say so, and every violation counts as new
};

struct CheckOptions {
  std::string baseline;            ///< --baseline as given ("": seam.json's "baseline")
  bool update_baseline = false;    ///< --update-baseline: write the current state, then compare with it
  InvalidBaseline invalid = InvalidBaseline::Stop;
};

struct CheckRun {
  BaselineFile baseline;           ///< where it is, whether it exists, what it held
  GateResult gate;
};

/// Runs the gate. `graph` is any module graph of the project (each rule reads
/// the edges seam.json gives it, building that graph when `graph` has others).
/// With update_baseline the baseline file is written (atomically) and a note
/// says what it holds. The report names the config and the baseline and notes
/// an inferred config or a missing baseline, as every format of the check shows.
Outcome<CheckRun> check(const Project& project, const ModuleGraph& graph, const CheckOptions& options,
                        const Sink& sink);

} // namespace seam::pipeline
