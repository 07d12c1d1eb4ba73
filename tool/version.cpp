// `seam --version`. SEAM_VERSION (CMake's project VERSION) and
// SEAM_LLVM_VERSION (the LLVM found at configure time) come from
// tool/CMakeLists.txt as definitions: no Clang header is needed for them.
#include "tool/version.h"

#ifndef SEAM_VERSION
#define SEAM_VERSION "0.0.0"
#endif
#ifndef SEAM_LLVM_VERSION
#define SEAM_LLVM_VERSION "unknown"
#endif

namespace seam {

std::string version_text() {
  // First line "seam X.Y.Z" alone: what packaging tools and scripts parse.
  return std::string("seam ") + SEAM_VERSION + "\nLLVM " + SEAM_LLVM_VERSION + "\ncommit " + git_commit() + "\n";
}

} // namespace seam
