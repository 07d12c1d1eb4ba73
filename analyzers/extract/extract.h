// Extraction: runs Clang's front end on translation units and turns what it
// sees into plain facts (analyzers/core/facts.h). The only stage that includes
// Clang headers — and only in its .cpp files, so this header is plain C++.
#pragma once

#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/facts.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace seam {

/// One TU to parse.
struct ExtractInput {
  std::vector<std::string> arguments; ///< adjusted argv (adjust_arguments), [0] the compiler
  std::string directory;              ///< working directory of the command
  std::string main_file;              ///< absolute path of the source file
  /// Files served from memory instead of disk (absolute path -> content); tests use it.
  std::map<std::string, std::string> overlay;
};

struct ExtractOptions {
  std::string root;                   ///< absolute, canonical project root
  unsigned jobs = 0;                  ///< 0 = number of cores
  AdjustOptions adjust;               ///< resource dir etc.
  /// Called from worker threads after each TU (done, total, file); must be thread-safe.
  std::function<void(size_t, size_t, const std::string&)> on_progress;
};

/// The resource directory of the Clang seam was built against, checked to hold
/// include/stddef.h; empty when it does not (the message says what to do).
std::string default_resource_dir(std::string& problem);

/// Removes arguments the Clang driver does not know (gcc-only flags), using the
/// driver's own option table; each removed flag is added to `removed`.
std::vector<std::string> drop_unknown_driver_flags(const std::vector<std::string>& args,
                                                   std::vector<std::string>& removed);

/// Parses one TU and returns its facts. Never throws; a TU that fails to parse
/// has ok=false, first_error set, and the facts gathered up to the error.
TuFacts extract_tu(const ExtractInput& input, const std::string& root);

/// Parses every command of `db` in parallel. Results are in database order,
/// whatever the number of jobs. Warnings (dropped flags) are appended.
std::vector<TuFacts> extract_all(const CompileDb& db, const ExtractOptions& opts,
                                 std::vector<std::string>& warnings);

} // namespace seam
