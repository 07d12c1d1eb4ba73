// `seam --version`: the release from CMake's project(VERSION), the LLVM seam
// was built against, and the git commit of the checkout it was built from;
// each compared with what the source tree and the installed LLVM say.
#include "support/run.h"

#include <gtest/gtest.h>

#include <regex>

namespace seam {
namespace {

using test::run;

TEST(Version, SaysReleaseLlvmAndCommit) {
  test::RunResult r = run({SEAM_EXE, "--version"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::smatch m;
  const std::string cmake = test::slurp(std::string(SEAM_SOURCE_DIR) + "/CMakeLists.txt");
  ASSERT_TRUE(std::regex_search(cmake, m, std::regex(R"(project\(seam VERSION ([0-9.]+))")));
  const std::string release = m[1];

  test::RunResult llvm = run({"/usr/lib/llvm-19/bin/llvm-config", "--version"});
  ASSERT_EQ(llvm.status, 0) << "llvm-config-19 (llvm-19-dev) is a build package";
  const std::string llvm_version = llvm.out.substr(0, llvm.out.find('\n'));

  test::RunResult git = run({"git", "-C", SEAM_SOURCE_DIR, "rev-parse", "--short=12", "HEAD"});
  // Built outside a git checkout (a release tarball): the commit is "unknown".
  const std::string commit = git.status == 0 ? git.out.substr(0, 12) : "unknown";

  const std::regex shape("seam " + release + "\nLLVM " + llvm_version + "\ncommit " + commit + "(-dirty)?\n");
  EXPECT_TRUE(std::regex_match(r.out, shape)) << r.out;
  EXPECT_EQ(r.err, "");
  // `seam version` is the same.
  EXPECT_EQ(run({SEAM_EXE, "version"}).out, r.out);
}

} // namespace
} // namespace seam
