#include "analyzers/vcs/affected.h"

#include "analyzers/core/paths.h"
#include "analyzers/vcs/git.h"

#include <vector>

namespace seam::vcs {
namespace {

/// NUL-separated names (`-z`: no quoting, any byte but NUL allowed in a name).
std::vector<std::string> split_z(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

/// What to run so that `rev` exists locally: `origin/main` -> `git fetch origin main`.
std::string fetch_hint(const std::string& rev) {
  const std::string remote = "origin/";
  if (rev.rfind(remote, 0) == 0) return "git fetch origin " + rev.substr(remote.size());
  return "git fetch origin " + rev;
}

/// The advice for a revision or merge base the clone lacks. CI checkouts are
/// shallow by default (actions/checkout fetches one commit, GitLab 20 or 50),
/// which is the usual reason.
std::string missing_history_hint(const std::string& top, const std::string& rev) {
  GitOutput shallow = run_git(top, {"rev-parse", "--is-shallow-repository"});
  std::string hint = "fetch the base branch (`" + fetch_hint(rev) + "`)";
  if (shallow.ok && trimmed(shallow.out) == "true")
    hint = "this is a shallow clone: fetch the history (GitHub actions/checkout with `fetch-depth: 0`, GitLab "
           "`GIT_DEPTH: 0`, or `git fetch --unshallow`), and " + hint;
  return hint;
}

} // namespace

bool changed_files(const std::string& project_root, const std::string& rev, ChangedFiles& out, std::string& error) {
  out = ChangedFiles{};
  out.rev = rev;
  if (rev.empty() || rev[0] == '-') {
    error = "--affected '" + rev + "': not a revision (give a branch, tag or commit, e.g. --affected origin/main)";
    return false;
  }
  std::string why;
  std::string top = work_tree_root(project_root, why);
  if (top.empty()) {
    error = "--affected needs a git work tree: " + why + "; run seam in a clone of the repository, or leave out --affected";
    return false;
  }
  top = canonical_path(top);

  GitOutput commit = run_git(top, {"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"});
  if (!commit.ok) {
    error = "--affected " + rev + ": unknown revision in " + top + "; " + missing_history_hint(top, rev);
    return false;
  }
  GitOutput base = run_git(top, {"merge-base", trimmed(commit.out), "HEAD"});
  if (!base.ok) {
    error = "--affected " + rev + ": no common history with HEAD (" + base.error + "); " +
            missing_history_hint(top, rev);
    return false;
  }
  out.merge_base = trimmed(base.out);

  // REV...HEAD is the diff from the merge base to HEAD; from the merge base to
  // the work tree adds staged and unstaged edits, and ls-files the new files
  // git does not track yet.
  GitOutput committed = run_git(top, {"diff", "--name-only", "-z", "-M", out.merge_base, "HEAD", "--"});
  GitOutput worktree = run_git(top, {"diff", "--name-only", "-z", "-M", out.merge_base, "--"});
  GitOutput untracked = run_git(top, {"ls-files", "--others", "--exclude-standard", "-z"});
  for (const GitOutput* r : {&committed, &worktree, &untracked})
    if (!r->ok) {
      error = "--affected " + rev + ": " + r->error;
      return false;
    }
  std::set<std::string> in_commits;
  auto add = [&](const std::string& name, bool from_commits) {
    std::string rel;
    if (!relative_to(top + "/" + name, project_root, rel)) return; // outside the project
    if (from_commits) in_commits.insert(rel);
    out.files.insert(rel);
  };
  for (const std::string& n : split_z(committed.out)) add(n, true);
  for (const std::string& n : split_z(worktree.out)) add(n, false);
  for (const std::string& n : split_z(untracked.out)) add(n, false);
  out.uncommitted = out.files.size() - in_commits.size();
  return true;
}

} // namespace seam::vcs
