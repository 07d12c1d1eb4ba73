// Files to modules by seam.json's globs ("paths", "public", "exclude"): the one
// implementation of the rule, used by the model (the files the compile database
// reaches) and by `seam check`'s config checks (the files on disk), so both
// assign a file alike and word a file claimed by two modules alike.
#pragma once

#include "analyzers/config/config.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace seam {

/// Where each file of a list goes, and what each glob matched.
struct FileOwners {
  static constexpr uint32_t kNone = UINT32_MAX;

  std::vector<uint32_t> owner;  ///< per file: index into config.modules, or kNone
  std::vector<char> excluded;   ///< per file: matched by an "exclude" glob (then it has no owner)
  /// Per module, per "paths" glob: the files it matched (excluded files not counted).
  std::vector<std::vector<uint32_t>> path_hits;
  /// Per module, per "public" glob: the files it matched (empty without "public").
  std::vector<std::vector<uint32_t>> public_hits;
  std::vector<uint32_t> exclude_hits; ///< per "exclude" glob: the files it matched

  /// Files that two modules of one role claim: one entry per pair of modules
  /// and glob of the second, with the first such file and how many there are.
  struct Shared {
    uint32_t owner = 0;       ///< the module that has the files (first in config order)
    uint32_t owner_glob = 0;  ///< its glob that matched the first file
    uint32_t other = 0;       ///< the module whose glob also matches them
    uint32_t glob = 0;    ///< that glob, an index into other's "paths"
    std::string first_file;
    uint32_t files = 0;
  };
  std::vector<Shared> shared; ///< sorted by (owner, other, glob)
};

/// Assigns `files` (project-relative paths) to the modules of `config`.
/// A file matched by "exclude" belongs to no module. A file matched by two
/// modules belongs to the first in config order and is counted in `shared`,
/// except that a test module's globs win over a module of another role:
/// "**/*_test.cc" carves the tests out of their folders.
/// `on_match(file, module)`, when given, hears every module that matches a
/// file, once each, in config order.
/// Globs are indexed by their folder (the part before the first wildcard), so
/// a file meets only the globs that can match it: linear in the files.
FileOwners assign_files(const Config& config, const std::vector<std::string_view>& files,
                        const std::function<void(size_t file, size_t module)>& on_match = {});

/// The error for files two modules claim, at the position of the second
/// module's glob, naming the file, both modules, the first module's glob and
/// what to do. `config_name`: seam.json as the user named it.
ConfigError shared_files_error(const Config& config, const FileOwners::Shared& s, const std::string& config_name);

} // namespace seam
