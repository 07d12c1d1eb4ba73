// The git command line, the one way seam reads a repository (history for
// co-change, changed files for --affected). seam never parses git's object
// files itself: `git` is on every machine that has a checkout.
#pragma once

#include <string>
#include <vector>

namespace seam::vcs {

struct GitOutput {
  bool ok = false;
  std::string out;   ///< git's stdout when ok
  std::string error; ///< when !ok: "git <args>: <git's first stderr line or why it did not run>"
};

/// Runs `git -C <repo> <args...>` with the settings that change what git
/// prints (pager, colour, quoted paths, signatures) fixed, whatever the
/// user's or the repository's config says. Options that change content
/// (rename detection, diff algorithms) are for callers to pass in `args`.
GitOutput run_git(const std::string& repo, const std::vector<std::string>& args);

/// The work tree's top folder containing `path`, or "" with `error` set when
/// `path` is not inside a git work tree (or git is missing).
std::string work_tree_root(const std::string& path, std::string& error);

} // namespace seam::vcs
