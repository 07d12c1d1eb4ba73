// The check's baseline, located and read once for whoever compares with it:
// `seam check` (which stops on an invalid one) and `seam report` (which says
// so on the page and counts every violation as new).
#pragma once

#include "analyzers/baseline/baseline.h"
#include "analyzers/config/config.h"
#include "analyzers/pipeline/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace seam::pipeline {

struct BaselineFile {
  std::string path;    ///< absolute
  std::string shown;   ///< how messages name it: --baseline as given, else relative to the root
  bool exists = false;
  std::optional<Baseline> baseline;  ///< read and valid
  std::string read_error;            ///< it exists but cannot be read ("cannot read PATH: why")
  std::vector<std::string> errors;   ///< "file:line:col: error: ..." when it is read but invalid
  bool given = false;  ///< --baseline named it
};

/// Where the baseline is: --baseline (`given`, relative to the current folder),
/// else seam.json's "baseline" relative to the project root.
BaselineFile locate_baseline(const Config& config, const std::string& given);

/// `path` relative to `root` when inside it, else as it is.
std::string shown_path(const std::string& path, const std::string& root);

/// Reads the located baseline when it exists: `baseline` when valid, else
/// `read_error` or `errors` say why.
void read_baseline(BaselineFile& file);

} // namespace seam::pipeline
