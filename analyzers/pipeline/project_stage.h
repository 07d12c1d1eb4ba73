// Stage 4: facts into the Project (analyzers/model). Holds the policies
// between them: --strict (a TU that failed to parse stops the run, else its
// facts up to the first error are kept), modules inferred from the folders
// when there is no seam.json, --include-tests, and library roles.
#pragma once

#include "analyzers/model/model.h"
#include "analyzers/pipeline/config_stage.h"
#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"

#include <string>
#include <vector>

namespace seam::pipeline {

/// The TUs that failed to parse, as "file: first error (and N more errors)",
/// sorted. With `strict` each is an error and the run stops; without, each is
/// a warning and a note says the rest of the project is analysed.
/// Returns the number of failed TUs.
Outcome<size_t> parse_failures(const std::vector<TuFacts>& tus, bool strict, const Sink& sink);

/// The modules of a project without seam.json: from the folders of the TUs
/// (`tu_files`, root-relative) and of the project files they reach, except
/// those an `exclude` glob (vendored code) matches. A note names them.
Config inferred_config(const ProjectConfig& pc, const std::vector<std::string>& tu_files,
                       const std::vector<TuFacts>& tus, const Sink& sink);

/// Builds the Project from the facts under `config` (with --include-tests as
/// `include_tests`), then infers library roles. Notes name the project files
/// in no module and the roles seam inferred; a config error that needs the
/// files (a file in two modules) stops the run.
Outcome<Project> assemble_project(std::vector<TuFacts>&& tus, Config config, bool include_tests, const Sink& sink);

} // namespace seam::pipeline
