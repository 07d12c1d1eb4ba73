// Where Clang's builtin headers are: Clang-free, part of seam_scan, so that a
// run that parses nothing loads no Clang (clang_api.h).
#include "analyzers/extract/extract.h"

#include "analyzers/core/paths.h"

#include <cstdlib>
#include <filesystem>

#ifndef SEAM_CLANG_RESOURCE_DIR
#define SEAM_CLANG_RESOURCE_DIR ""
#endif

namespace seam {

std::string default_resource_dir(std::string& problem) {
  // 1. SEAM_RESOURCE_DIR overrides; 2. the copy of Clang's builtin headers
  // the Debian package installs beside the binary (<prefix>/lib/seam/clang,
  // so the package needs no -dev package at run time: docs/install.md);
  // 3. the Clang install seam was built against.
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SEAM_RESOURCE_DIR")) candidates.push_back(env);
  if (std::string exe = executable_folder(); !exe.empty())
    candidates.push_back((std::filesystem::path(exe).parent_path() / "lib/seam/clang").string());
  candidates.push_back(SEAM_CLANG_RESOURCE_DIR);
  std::error_code ec;
  for (const std::string& dir : candidates) {
    if (dir.empty()) continue;
    if (std::filesystem::exists(dir + "/include/stddef.h", ec)) return dir;
  }
  problem = "Clang's builtin headers (stddef.h) were not found in '" + std::string(SEAM_CLANG_RESOURCE_DIR) +
            "'; install clang-19 (apt install clang-19) or set SEAM_RESOURCE_DIR to the output of "
            "`clang-19 -print-resource-dir`";
  return "";
}

} // namespace seam
