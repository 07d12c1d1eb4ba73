#include "analyzers/pipeline/baseline_stage.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <filesystem>

namespace seam::pipeline {

std::string shown_path(const std::string& path, const std::string& root) {
  std::string rel;
  return relative_to(path, root, rel) ? rel : path;
}

BaselineFile locate_baseline(const Config& config, const std::string& given) {
  BaselineFile b;
  std::error_code ec;
  b.given = !given.empty();
  b.path = b.given ? absolute_path(given, std::filesystem::current_path(ec).string()) : absolute_path(config.baseline, config.root);
  // Messages name the baseline as the user wrote it (or relative to the project root).
  b.shown = b.given ? given : shown_path(b.path, config.root);
  b.exists = std::filesystem::exists(b.path, ec);
  return b;
}

void read_baseline(BaselineFile& file) {
  if (!file.exists) return;
  std::string text, err;
  if (!read_file(file.path, text, err)) {
    file.read_error = err;
    return;
  }
  Baseline b;
  if (parse_baseline(text, file.shown, b, file.errors)) file.baseline = std::move(b);
}

} // namespace seam::pipeline
