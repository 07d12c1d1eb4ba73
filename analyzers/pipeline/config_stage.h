// Stage 1: the config. seam.json from --config, else ./seam.json, else none
// (modules are then inferred once the TUs are known); and, for `check`, the
// config's globs against the project's files before anything is parsed.
#pragma once

#include "analyzers/config/config.h"
#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"
#include "analyzers/pipeline/request.h"

#include <string>

namespace seam::pipeline {

struct ProjectConfig {
  Config config;       ///< root set (canonical); no modules when !found
  bool found = false;  ///< a seam.json was read (else modules are inferred)
  std::string name;    ///< how messages name it: --config as given, else "seam.json"
};

/// The process's current folder, canonical: the root when there is no seam.json.
std::string current_folder();

/// Reads the config the request names (or ./seam.json). No seam.json: an
/// empty config rooted at the current folder. A missing --config file or an
/// invalid config is an error (each problem at its line and column).
Outcome<ProjectConfig> load_config(const Request& request, const Sink& sink);

/// The checks that need the project's file list (a glob that matches no file,
/// a file in two modules), from the compile database's sources and the files
/// under the root; parses nothing. Problems of severity warning are reported
/// as warnings; any error stops the run.
Outcome<bool> check_config_files(const Request& request, const ProjectConfig& config, const Sink& sink);

} // namespace seam::pipeline
