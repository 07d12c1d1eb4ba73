// What `seam --version` prints: the seam release, the LLVM it was built
// against, and the git commit (tool/CMakeLists.txt fills them in).
#pragma once

#include <string>

namespace seam {

/// The git commit seam was built from, 12 hex digits (+"-dirty" with
/// uncommitted changes), or "unknown" outside a git checkout. Defined in a
/// .cpp generated at build time so a new commit recompiles only that file.
const char* git_commit();

/// "seam 0.1.0\nLLVM 19.1.7\ncommit 0123456789ab\n"
std::string version_text();

} // namespace seam
