// The files a change touches, for `seam check --affected REV` and `seam graph
// --affected REV`: what `git diff --name-only -M REV...HEAD` lists (renames
// followed: a renamed file counts under its new name), plus the work tree's
// uncommitted and untracked files, mapped to project-relative paths.
//
// Why the work tree too: a pull-request runner checks out a clean commit, so
// there it adds nothing; a developer running the command before committing
// wants the edit in front of them judged, not only what is already committed.
#pragma once

#include <set>
#include <string>

namespace seam::vcs {

struct ChangedFiles {
  std::string rev;             ///< as the user gave it
  std::string merge_base;      ///< full hash of the merge base of rev and HEAD
  std::set<std::string> files; ///< project-relative paths ('/'), inside the project root only
  size_t uncommitted = 0;      ///< of `files`: changed in the work tree only (not committed)
};

/// Lists the files changed since the merge base of `rev` and HEAD in the git
/// work tree holding `project_root` (canonical). False with `error` set — a
/// message that says what to do — when `project_root` is not in a git work
/// tree, `rev` is unknown (in a shallow clone: fetch-depth 0), or no merge
/// base is reachable.
bool changed_files(const std::string& project_root, const std::string& rev, ChangedFiles& out, std::string& error);

} // namespace seam::vcs
