// Stage 2: which translation units are the project's. The compile database
// (-p) read, then only the TUs under the project root and not matched by an
// "exclude" glob kept; without a seam.json, vendored code left out too, as
// `seam init` would write it.
#pragma once

#include "analyzers/compdb/compile_db.h"
#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"
#include "analyzers/pipeline/request.h"

#include <string>
#include <utility>
#include <vector>

namespace seam::pipeline {

struct TuSelection {
  std::string db_path;                 ///< the compile_commands.json read
  CompileDb db;                        ///< the kept commands only
  std::vector<std::string> rel_files;  ///< parallel to db.commands: root-relative source paths
  size_t outside = 0;                  ///< TUs dropped: outside the root
  size_t excluded = 0;                 ///< TUs dropped: an "exclude" glob matched
};

/// Keeps the commands of `db` whose file is under `root` and matched by no
/// `exclude` glob. Pure: no file is read beyond resolving symlinks.
TuSelection select_tus(CompileDb db, const std::string& root, const std::vector<std::string>& exclude);

/// Finds and reads the whole compile database (-p), its warnings left to
/// load_tus (`seam split` reads the flags of a module's TUs from it).
Outcome<CompileDb> read_compile_db(const Request& request, const Sink& sink);

/// Finds and reads the compile database, then select_tus. Notes say how many
/// TUs were skipped and why; no TU left is an error naming the root.
Outcome<TuSelection> load_tus(const Request& request, const std::string& root, const std::vector<std::string>& exclude,
                              const Sink& sink);

/// Vendored code (analyzers/init/vendored.h) among the selected TUs: drops
/// those TUs and returns the "exclude" globs, each with why it counts as
/// vendored. A note names the folders.
std::vector<std::pair<std::string, std::string>> leave_out_vendored(TuSelection& tus, const std::string& root, const Sink& sink);

} // namespace seam::pipeline
