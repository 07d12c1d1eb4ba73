#include "analyzers/pipeline/project_stage.h"

#include "analyzers/core/paths.h"
#include "analyzers/roles/library_roles.h"

#include <algorithm>

namespace seam::pipeline {

Outcome<size_t> parse_failures(const std::vector<TuFacts>& tus, bool strict, const Sink& sink) {
  std::vector<std::string> failed;
  for (const TuFacts& t : tus)
    if (!t.ok)
      failed.push_back(t.main_file + ": " + t.first_error +
                       (t.error_count > 1 ? " (and " + std::to_string(t.error_count - 1) + " more errors)" : ""));
  std::sort(failed.begin(), failed.end());
  for (const std::string& f : failed) sink({strict ? Level::Error : Level::Warning, "failed to parse " + f});
  if (!failed.empty() && strict) {
    sink({Level::Error, count(failed.size(), "translation unit") + " failed to parse (--strict)"});
    return Outcome<size_t>::stopped(kStatusError);
  }
  if (!failed.empty())
    sink({Level::Note, std::to_string(failed.size()) + " of " + std::to_string(tus.size()) +
                           " translation units failed to parse; their facts up to the first error are kept, the "
                           "rest of the project is analysed (--strict makes this an error)"});
  return failed.size();
}

Config inferred_config(const ProjectConfig& pc, const std::vector<std::string>& tu_files,
                       const std::vector<TuFacts>& tus, const Sink& sink) {
  std::vector<std::string> reached;
  for (std::string& f : reached_project_files(tus)) {
    bool excluded = false;
    for (const std::string& g : pc.config.exclude) excluded |= glob_match(g, f);
    if (!excluded) reached.push_back(std::move(f));
  }
  Config config = infer_config(tu_files, reached, pc.config.root);
  config.exclude = pc.config.exclude;
  std::string names;
  for (const ModuleDecl& m : config.modules) names += (names.empty() ? "" : ", ") + m.name;
  sink({Level::Note, "no seam.json: inferred " + std::to_string(config.modules.size()) +
                         " modules from the folder layout (" + names + "); `seam init` writes a seam.json to edit"});
  return config;
}

Outcome<Project> assemble_project(std::vector<TuFacts>&& tus, Config config, bool include_tests, const Sink& sink) {
  config.include_tests = include_tests;
  Project project;
  std::vector<std::string> errors, warnings;
  bool ok = build_project(std::move(tus), config, project, errors, warnings);
  for (const std::string& w : warnings) sink({Level::Line, w});
  if (!ok) {
    for (const std::string& e : errors) sink({Level::Line, e});
    return Outcome<Project>::stopped(kStatusError);
  }
  if (!project.unowned.empty()) {
    std::string list;
    for (size_t i = 0; i < project.unowned.size() && i < 3; ++i)
      list += (i ? ", " : "") + project.files[project.unowned[i]].path;
    if (project.unowned.size() > 3) list += ", ...";
    sink({Level::Note, std::to_string(project.unowned.size()) + " project file" +
                           (project.unowned.size() == 1 ? " belongs" : "s belong") + " to no module (" + list +
                           "); add them to a module's \"paths\" or to \"exclude\""});
  }
  infer_library_roles(project);
  for (const std::string& n : role_notes(project)) sink({Level::Note, n});
  return project;
}

} // namespace seam::pipeline
