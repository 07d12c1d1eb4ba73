#include "analyzers/pipeline/check_stage.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

namespace seam::pipeline {

namespace {

/// What every format of the check says about where its inputs came from.
void describe_inputs(const Project& project, const CheckOptions& options, CheckRun& run) {
  CheckReport& report = run.gate.report;
  const bool found = !project.config.path.empty();
  report.config_file = found ? shown_path(canonical_path(project.config.path), project.root) : "";
  report.baseline_file = shown_path(run.baseline.path, project.root);
  if (!found)
    report.notes.insert(report.notes.begin(), "no seam.json: modules were inferred from the folders and only "
                                              "cycles are checked; `seam init` writes a seam.json to declare "
                                              "layers and dependencies");
  if (!run.baseline.exists && !options.update_baseline)
    report.notes.push_back("no baseline at " + report.baseline_file +
                           ": every violation is new; `seam check --update-baseline` accepts the current ones");
}

} // namespace

Outcome<CheckRun> check(const Project& project, const ModuleGraph& graph, const CheckOptions& options,
                        const Sink& sink) {
  CheckRun run;
  run.baseline = locate_baseline(project.config, options.baseline);
  BaselineFile& file = run.baseline;
  if (options.update_baseline) {
    GateResult current = run_gate(project, graph, nullptr);
    Baseline baseline = make_baseline(current.report.violations, current.interfaces);
    std::string err;
    if (!write_file_atomic(file.path, format_baseline(baseline), err)) {
      sink({Level::Error, err});
      return Outcome<CheckRun>::stopped(kStatusError);
    }
    size_t symbols = 0;
    for (const auto& [m, names] : baseline.interfaces) symbols += names.size();
    sink({Level::Note, "wrote " + shown_path(file.path, project.root) + ": " +
                           count(baseline.entries.size(), "violation") + ", the interface of " +
                           count(baseline.interfaces.size(), "module") + " being extracted (" +
                           std::to_string(symbols) + " symbols); commit it"});
    run.gate = run_gate(project, graph, &baseline);
    file.baseline = std::move(baseline);
    describe_inputs(project, options, run);
    return run;
  }
  read_baseline(file);
  if (file.exists && !file.baseline) {
    if (options.invalid == InvalidBaseline::Stop) {
      if (!file.read_error.empty()) {
        sink({Level::Error, file.read_error});
      } else {
        for (const std::string& e : file.errors) sink({Level::Line, e});
        sink({Level::Error, "the baseline " + file.shown +
                                " is invalid; fix it, or rewrite it with `seam check --update-baseline`"});
      }
      return Outcome<CheckRun>::stopped(kStatusError);
    }
    if (!file.read_error.empty()) sink({Level::Note, file.read_error});
    for (const std::string& e : file.errors) sink({Level::Note, e});
    sink({Level::Note, "the baseline " + shown_path(file.path, project.root) +
                           " is invalid; the report counts every violation as new"});
  }
  // No baseline yet (also for an explicit --baseline): every violation is new,
  // as on the first run of a project.
  run.gate = run_gate(project, graph, file.baseline ? &*file.baseline : nullptr);
  describe_inputs(project, options, run);
  return run;
}

} // namespace seam::pipeline
