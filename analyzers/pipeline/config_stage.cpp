#include "analyzers/pipeline/config_stage.h"

#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/paths.h"
#include "analyzers/rules/config_files.h"

#include <unistd.h>

namespace seam::pipeline {
namespace {

bool file_exists(const std::string& p) { return access(p.c_str(), F_OK) == 0; }

/// "N problem(s) in the config; nothing was analysed": the last line of every config error.
Diagnostic config_failed(const std::string& name, size_t problems) {
  return {Level::Error, name + ": " + count(problems, "problem") + " in the config; nothing was analysed"};
}

} // namespace

std::string current_folder() {
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return ".";
  return canonical_path(buf);
}

Outcome<ProjectConfig> load_config(const Request& request, const Sink& sink) {
  const std::string cwd = current_folder();
  ProjectConfig out;
  std::string path = request.config;
  if (path.empty() && file_exists(cwd + "/seam.json")) path = "seam.json";
  out.found = !path.empty();
  out.name = request.config.empty() ? "seam.json" : request.config;
  if (!out.found) {
    out.config.root = cwd;
    return out;
  }
  if (!file_exists(path)) {
    sink({Level::Error, "config " + path + " does not exist; pass --config FILE or run `seam init` to write one"});
    return Outcome<ProjectConfig>::stopped(kStatusError);
  }
  std::vector<ConfigError> errors;
  if (!seam::load_config(path, out.config, errors)) {
    for (const ConfigError& e : errors) sink({Level::Line, e.format()});
    sink(config_failed(path, errors.size()));
    return Outcome<ProjectConfig>::stopped(kStatusError);
  }
  out.config.root = canonical_path(out.config.root.empty() ? cwd : out.config.root);
  return out;
}

Outcome<bool> check_config_files(const Request& request, const ProjectConfig& pc, const Sink& sink) {
  std::string db_path, err;
  if (!find_compile_db(request.compile_db_dir, db_path, err)) {
    sink({Level::Error, err});
    return Outcome<bool>::stopped(kStatusError);
  }
  CompileDb db;
  std::vector<std::string> ignored; // load_project reports the database's warnings once
  if (!load_compile_db(db_path, db, ignored, err)) {
    sink({Level::Error, err});
    return Outcome<bool>::stopped(kStatusError);
  }
  std::vector<std::string> sources;
  for (const CompileCommand& c : db.commands) {
    std::string rel;
    if (relative_to(canonical_path(c.file), pc.config.root, rel)) sources.push_back(rel);
  }
  std::string db_dir = canonical_path(db_path);
  db_dir = db_dir.substr(0, db_dir.rfind('/'));
  std::vector<std::string> files = list_project_files(pc.config.root, {db_dir}, sources);
  ConfigFileProblems problems = seam::check_config_files(pc.config, files, pc.name);
  for (const ConfigError& w : problems.warnings) {
    std::string text = w.format();
    size_t at = text.find(": error: ");
    if (at != std::string::npos) text.replace(at, 9, ": warning: ");
    sink({Level::Line, text});
  }
  if (problems.errors.empty()) return true;
  for (const ConfigError& e : problems.errors) sink({Level::Line, e.format()});
  sink(config_failed(pc.name, problems.errors.size()));
  return Outcome<bool>::stopped(kStatusError);
}

} // namespace seam::pipeline
