// The front of the pipeline wired in one place: config -> translation units
// -> facts -> Project. Every command that reads code starts here, so the root,
// exclude, vendored, cache, --strict and --include-tests policies hold for all
// of them alike (and for `seam report`, which shows what the commands print).
#pragma once

#include "analyzers/pipeline/config_stage.h"
#include "analyzers/model/model.h"
#include "analyzers/pipeline/fact_stage.h"

#include <string>

namespace seam::pipeline {

/// What a run of the front end produced, beside the Project.
struct ScanStats {
  size_t tus = 0, failed = 0;
  size_t parsed = 0, from_cache = 0; ///< of tus: run through Clang / taken from the fact cache
  std::string cache_dir;             ///< the fact cache used; empty with --no-cache
  std::string bundle;                ///< scan --shard: the facts bundle written
  std::string prefix;                ///< how far the precompiled prefix reached; empty: nothing parsed
  double seconds = 0;
  std::string compile_db;
};

struct LoadedProject {
  Project project;
  ScanStats stats;
  bool config_found = false; ///< modules come from a seam.json (else inferred)
};

/// Runs the stages in order; each reports to the sink as it goes. Stops at
/// the first stage that cannot go on, with its exit status.
Outcome<LoadedProject> load_project(const Request& request, FactSource& source, const Sink& sink);

/// The same, with the config already read (`seam check` validates it first).
Outcome<LoadedProject> load_project(const Request& request, ProjectConfig config, FactSource& source,
                                    const Sink& sink);

} // namespace seam::pipeline
