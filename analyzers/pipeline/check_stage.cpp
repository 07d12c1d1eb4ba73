#include "analyzers/pipeline/check_stage.h"

#include "analyzers/core/output.h"

namespace seam::pipeline {

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
  return run;
}

} // namespace seam::pipeline
