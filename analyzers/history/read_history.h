// Reading a project's history: which git work tree, which commits (a window
// before HEAD, or the last N), merges and mass commits left out and counted,
// renames followed so a file's history continues under its current name.
// git is run through vcs/git.h; parsed commits are cached per id.
#pragma once

#include "analyzers/history/git_log.h"

#include <cstdint>
#include <string>
#include <vector>

namespace seam::history {

/// What to read. Defaults are the documented ones (docs/history.md).
struct HistoryOptions {
  std::string work_tree;       ///< the git work tree's top folder
  std::string prefix;          ///< the project root relative to work_tree ("" or "a/b/"): only
                               ///< files under it count, and their paths lose it
  std::string since = "12.months"; ///< window before HEAD's commit date (used when commits == 0)
  uint32_t commits = 0;        ///< > 0: the last N commits instead of a time window
  uint32_t max_files = 50;     ///< commits changing more files are left out (mass edits)
  std::string cache_dir;       ///< the history cache folder; empty: no cache
  unsigned jobs = 1;           ///< git processes at once for commits not cached (-j; 0 = cores)
  uint32_t min_slice = 250;    ///< fewest commits one git process is given (tests lower it to see slices)
};

/// The commits to analyse, newest first, with paths relative to the project
/// root under their current names (renames followed). Only files under the
/// root are kept; a commit with none left is still counted in `commits`.
struct History {
  std::string head;            ///< HEAD's commit id
  int64_t head_time = 0;       ///< HEAD's commit time
  int64_t since_time = 0;      ///< oldest commit time admitted (time windows), else 0
  std::string window;          ///< "12.months" or "last 500 commits": what was asked
  std::vector<Commit> commits; ///< analysed: neither merges nor mass commits
  uint32_t in_window = 0;      ///< commits in the window, all kinds
  uint32_t merges = 0;         ///< left out: more than one parent
  uint32_t mass = 0;           ///< left out: more than max_files files
  uint32_t max_files = 0;      ///< the threshold used
  uint32_t renames = 0;        ///< renames followed (within the window)
  uint32_t from_git = 0;       ///< commits git was asked for this run (the rest came from the cache)
  std::string cache_problem;   ///< why the cache was not used, when it was not
};

/// Where the history of the project at `root` is, when `repo` (--history-repo)
/// is empty: the work tree whose top is `root`. With `repo`: that work tree,
/// and the root's place in it (a root outside it means the repository is a
/// clone of the project laid out like the root). Returns false with `why`
/// (one line, for a note) when there is no history to read: not a git work
/// tree, the root is a subfolder of a larger one, a shallow clone, no commits.
bool locate_history(const std::string& root, const std::string& repo, HistoryOptions& options, std::string& why);

/// "N.days|weeks|months|years" or "YYYY-MM-DD" -> the oldest admitted time for
/// a HEAD at `head_time` (a month is 1/12 of 365.2425 days). False when malformed.
bool parse_since(const std::string& text, int64_t head_time, int64_t& since_time);

/// Reads the history. Returns false with `error` when git fails.
bool read_history(const HistoryOptions& options, History& history, std::string& error);

} // namespace seam::history
