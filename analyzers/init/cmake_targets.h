// Modules from CMake targets, read through the CMake File API (codemodel v2)
// reply in a build folder: what the build already says a module is. CMake
// writes the reply when the folder holds the query file
// .cmake/api/v1/query/codemodel-v2 at configure time.
#pragma once

#include "analyzers/config/config.h"

#include <set>
#include <string>
#include <vector>

namespace seam {

struct CMakeTarget {
  std::string name;
  std::string type;                 ///< STATIC_LIBRARY, EXECUTABLE, ...
  std::vector<std::string> sources; ///< project-relative, sorted; generated and outside-root sources left out
  /// Its non-system include directories inside the root, project-relative, sorted.
  std::vector<std::string> include_dirs;
};

/// A source a target lists that the starter config gives no glob.
struct LeftOutSource {
  std::string source; ///< project-relative
  std::string target;
  std::string why;
};

/// Removes from `targets` the sources a glob of seam.json could not stand for:
/// those inside a build folder (`build_dirs`, project-relative: generated
/// there, and `seam check` never lists files there) and those no translation
/// unit reads (`reached`: project-relative main files and files they read; a
/// Windows .rc resource script, a platform source compiled elsewhere). A glob
/// for either would match no file, and `seam check` refuses such a config.
/// Returns them sorted by source, then target. Targets may be left empty.
std::vector<LeftOutSource> drop_unreached_sources(std::vector<CMakeTarget>& targets,
                                                  const std::set<std::string>& reached,
                                                  const std::vector<std::string>& build_dirs);

/// A test target by its name: test, tests, or *_test(s), *-test(s), test_*, test-*
/// (leveldb_tests, env_posix_test, test_bitcoin).
bool is_test_target_name(const std::string& name);

/// True when `build_dir` has a File API reply index (.cmake/api/v1/reply/index-*.json).
bool has_cmake_reply(const std::string& build_dir);

/// The targets of the first configuration of the reply, with sources inside
/// `root`; targets without such sources are left out. Sorted by name. False
/// with `error` (naming the file) when the reply cannot be read.
bool read_cmake_targets(const std::string& build_dir, const std::string& root, std::vector<CMakeTarget>& out,
                        std::string& error);

/// One module per target. A target whose sources share a folder no other
/// target has sources in gets "folder/**" (its headers come along); otherwise
/// one "folder/stem.*" glob per source, so foo.h goes with foo.cpp. A source
/// of two targets stays with the first by name.
Config config_from_targets(const std::vector<CMakeTarget>& targets, const std::string& root);

} // namespace seam
