// Scripted git history for tests: commits by named authors on fixed dates in a
// repository the test owns, so every number seam reads from it is known.
// (The history tests' own helpers, shared: the report's tests use it too.)
#pragma once

#include "analyzers/core/process.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace seam::test {

class GitScript {
public:
  explicit GitScript(std::filesystem::path work_tree) : root_(std::move(work_tree)) {}

  /// Runs git in the work tree as `who` (email: the name's letters, lower
  /// case, @example.com), with author and committer date 2026-02-DD 10:00 UTC.
  void git(const std::string& who, int day, const std::vector<std::string>& args) {
    const std::string date = "2026-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T10:00:00Z";
    std::vector<std::string> argv = {"env", "GIT_COMMITTER_DATE=" + date, "GIT_AUTHOR_DATE=" + date, "git", "-C",
                                     root_.string(), "-c", "user.name=" + who, "-c", "user.email=" + email(who),
                                     "-c", "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = run_process(argv);
    ASSERT_TRUE(r.started && r.exit_status == 0) << r.err << r.error;
  }
  void init() { git("Ann", 1, {"init", "-q", "-b", "main"}); }
  /// Commits everything in the work tree.
  void commit(const std::string& who, int day, const std::string& message = "") {
    git(who, day, {"add", "-A"});
    git(who, day, {"commit", "-q", "-m", message.empty() ? "day " + std::to_string(day) : message});
  }
  void append(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::app | std::ios::binary) << text;
  }
  static std::string email(const std::string& who) {
    std::string local;
    for (char c : who)
      if (std::isalnum(static_cast<unsigned char>(c))) local += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return local + "@example.com";
  }

private:
  std::filesystem::path root_;
};

} // namespace seam::test
