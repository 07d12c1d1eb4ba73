// Running programs without a shell, and git through it: what a caller gets
// back for output on both streams, failures, a missing program, and a folder
// that is not a git work tree.
#include "analyzers/core/process.h"
#include "analyzers/vcs/git.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

TEST(Process, CollectsBothStreamsAndTheExitStatus) {
  ProcessResult r = run_process({"sh", "-c", "printf 'to out'; printf 'to err' >&2; exit 3"});
  ASSERT_TRUE(r.started) << r.error;
  EXPECT_EQ(r.exit_status, 3);
  EXPECT_EQ(r.out, "to out");
  EXPECT_EQ(r.err, "to err");
}

// A child that fills the stderr pipe before writing stdout would hang a
// reader that waits on stdout first.
TEST(Process, LargeOutputOnBothStreamsDoesNotDeadlock) {
  ProcessResult r = run_process(
      {"sh", "-c", "head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 300000 /dev/zero | tr '\\0' o"});
  ASSERT_TRUE(r.started) << r.error;
  EXPECT_EQ(r.exit_status, 0);
  EXPECT_EQ(r.err.size(), 300000u);
  EXPECT_EQ(r.out.size(), 300000u);
  EXPECT_EQ(r.out.find_first_not_of('o'), std::string::npos);
}

TEST(Process, ArgumentsAreNotShellSyntax) {
  ProcessResult r = run_process({"printf", "%s|", "$(echo no)", "a b;c"});
  ASSERT_TRUE(r.started) << r.error;
  EXPECT_EQ(r.out, "$(echo no)|a b;c|");
}

TEST(Process, AMissingProgramSaysSo) {
  ProcessResult r = run_process({"seam-no-such-program"});
  EXPECT_FALSE(r.started);
  EXPECT_NE(r.error.find("cannot run seam-no-such-program"), std::string::npos) << r.error;
}

TEST(Process, RunsInTheGivenFolder) {
  ProcessResult r = run_process({"pwd"}, "/");
  ASSERT_TRUE(r.started) << r.error;
  EXPECT_EQ(r.out, "/\n");
}

class GitTest : public test::TempTreeTest {
protected:
  GitTest() : TempTreeTest("seam-git") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "repo";
    std::filesystem::create_directories(root_);
  }
  void git(const std::vector<std::string>& args) {
    vcs::GitOutput r = vcs::run_git(root_.string(), args);
    ASSERT_TRUE(r.ok) << r.error;
  }
};

TEST_F(GitTest, ReadsWhatWasCommitted) {
  git({"init", "-q", "-b", "main"});
  write("a.cpp", "int a;\n");
  git({"add", "a.cpp"});
  git({"-c", "user.name=Ann", "-c", "user.email=ann@example.com", "commit", "-q", "-m", "first"});
  vcs::GitOutput log = vcs::run_git(root_.string(), {"log", "--format=%an %s", "--name-only"});
  ASSERT_TRUE(log.ok) << log.error;
  EXPECT_EQ(log.out, "Ann first\n\na.cpp\n");

  std::string error;
  write("sub/x.txt", "x");
  EXPECT_EQ(vcs::work_tree_root((root_ / "sub").string(), error), root_.string());
}

TEST_F(GitTest, ErrorsNameTheCommandAndGitsReason) {
  std::string error;
  EXPECT_EQ(vcs::work_tree_root(root_.string(), error), "");
  EXPECT_NE(error.find("is not inside a git work tree"), std::string::npos) << error;

  git({"init", "-q"});
  vcs::GitOutput r = vcs::run_git(root_.string(), {"rev-parse", "--verify", "no-such-rev^{commit}"});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("git rev-parse --verify no-such-rev^{commit}: fatal:"), std::string::npos)
      << r.error;
}

} // namespace
} // namespace seam
