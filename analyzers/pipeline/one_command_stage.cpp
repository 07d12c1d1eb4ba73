#include "analyzers/pipeline/one_command_stage.h"

#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/paths.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

namespace seam::pipeline {
namespace {

/// The seam.json that holds `file`: the nearest one in its folder or above.
std::string config_above(const std::string& file) {
  std::string dir = file.substr(0, file.rfind('/'));
  while (!dir.empty()) {
    struct stat st;
    if (::stat((dir + "/seam.json").c_str(), &st) == 0) return dir + "/seam.json";
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) break;
    dir = dir.substr(0, slash);
  }
  return {};
}

} // namespace

std::string cache_one_command(const OneCommand& command, FactSource& source, std::vector<std::string>& warnings) {
  const std::string& cwd = command.directory;
  const std::string file = canonical_path(absolute_path(command.source, cwd));
  const std::string config = !command.config.empty() ? command.config : config_above(file);
  if (config.empty())
    return "no seam.json in the folders above " + file +
           " (the project root is its folder); pass --config FILE or set SEAM_CONFIG";
  const std::string config_abs = canonical_path(absolute_path(config, cwd));
  const std::string root = config_abs.substr(0, config_abs.rfind('/'));
  std::string rel;
  if (!relative_to(file, root, rel)) return {}; // outside the project: not seam's to analyse

  // The command as a one-entry compile database: read exactly as `seam scan`
  // reads compile_commands.json (response files, normalised paths), so the
  // cache key comes out the same.
  nlohmann::json entry = {{"directory", cwd}, {"file", file}, {"arguments", command.arguments}};
  CompileDb db;
  std::string err;
  if (!parse_compile_db(nlohmann::json::array({entry}).dump(), cwd + "/(seam cc)", db, warnings, err)) return err;

  ScanOptions so;
  so.root = root;
  so.jobs = 1;
  so.launcher = true;
  so.adjust.root = root;
  if (!source.prepare(so, err)) return err;
  so.cache_dir = !command.cache.empty() ? command.cache : cwd + "/.seam-cache";
  so.on_tu = [](TuFacts&&) {}; // the facts are for the cache only
  ScanResult scan;
  if (!source.scan(db, so, scan, err)) return err;
  for (std::string& w : scan.warnings) warnings.push_back(std::move(w));
  return {};
}

} // namespace seam::pipeline
