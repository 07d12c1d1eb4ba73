// The seam.json checks that need the project's file list but no parsing: a
// "paths" or "public" glob that matches no file (a typo, or a folder that moved)
// and a file claimed by two modules. `seam check` runs them before it parses
// anything, so a broken config fails in a second, at its line and column.
#pragma once

#include "analyzers/config/config.h"

#include <string>
#include <vector>

namespace seam {

/// The C and C++ files under `root` a module can hold: sources and headers
/// found on disk, skipping hidden folders, build folders (holding
/// CMakeCache.txt or compile_commands.json) and `skip_dirs` (absolute), merged
/// with `extra` (project-relative, e.g. the compile database's sources, which
/// may be generated). Project-relative, sorted, unique.
std::vector<std::string> list_project_files(const std::string& root, const std::vector<std::string>& skip_dirs,
                                            const std::vector<std::string>& extra);

/// True for the extensions list_project_files keeps (C/C++ sources and headers).
bool is_source_or_header(const std::string& path);

struct ConfigFileProblems {
  std::vector<ConfigError> errors;   ///< a paths/public glob matching nothing, a file in two modules
  std::vector<ConfigError> warnings; ///< an exclude glob matching nothing
};

/// Checks `config` against `files` (project-relative; files matching
/// "exclude" are ignored). One error per glob and per pair of modules sharing
/// files (naming the first file and how many), at the position of the glob.
/// Sorted by position. Linear in the files (assign_files, module_globs.h).
ConfigFileProblems check_config_files(const Config& config, const std::vector<std::string>& files,
                                      const std::string& config_name);

} // namespace seam
