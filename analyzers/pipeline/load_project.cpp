#include "analyzers/pipeline/load_project.h"

#include "analyzers/pipeline/project_stage.h"
#include "analyzers/pipeline/tu_selection.h"

#include <chrono>

namespace seam::pipeline {

Outcome<LoadedProject> load_project(const Request& request, FactSource& source, const Sink& sink) {
  Outcome<ProjectConfig> config = load_config(request, sink);
  if (!config) return Outcome<LoadedProject>::stopped(config.status());
  return load_project(request, std::move(*config), source, sink);
}

Outcome<LoadedProject> load_project(const Request& request, ProjectConfig pc, FactSource& source, const Sink& sink) {
  using Stop = Outcome<LoadedProject>;
  const auto t0 = std::chrono::steady_clock::now();
  LoadedProject out;
  out.config_found = pc.found;
  const std::string root = pc.config.root;

  Outcome<TuSelection> tus = load_tus(request, root, pc.config.exclude, sink);
  if (!tus) return Stop::stopped(tus.status());
  // Without a seam.json, vendored code is left out as `seam init` would write it.
  if (!pc.found)
    for (auto& [glob, why] : leave_out_vendored(*tus, root, sink)) pc.config.exclude.push_back(glob);
  out.stats.compile_db = tus->db_path;

  // Each TU's facts are merged as the scan hands them over (streaming).
  Outcome<Facts> facts = gather_facts(request, root, *tus, source, sink, /*merge=*/true);
  if (!facts) return Stop::stopped(facts.status());
  out.stats.parsed = facts->parsed;
  out.stats.from_cache = facts->from_cache;
  out.stats.cache_dir = facts->cache_dir;
  out.stats.bundle = facts->bundle;
  out.stats.prefix = facts->prefix;
  FactMerger merged = std::move(facts->merged);
  out.stats.tus = merged.tu_count();

  Outcome<size_t> failed = parse_failures(merged.statuses(), request.strict, sink);
  if (!failed) return Stop::stopped(failed.status());
  out.stats.failed = *failed;

  Config config = pc.found ? std::move(pc.config) : inferred_config(pc, tus->rel_files, merged.project_files(), sink);
  Outcome<Project> project = assemble_project(std::move(merged), std::move(config), request.include_tests, sink);
  if (!project) return Stop::stopped(project.status());
  out.project = std::move(*project);
  out.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

} // namespace seam::pipeline
