// Commits as `git log` prints them: one record per commit with its parents,
// author and the files it changed (numstat, renames detected). The raw text of
// a record is also what the history cache stores (history_cache.h), so the
// cache and git are read by the same parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seam::history {

/// One file a commit changed. Paths are relative to the git work tree's top.
struct FileChange {
  std::string path;      ///< the name after the commit
  std::string old_path;  ///< the name before, when git detected a rename (else empty)
  uint32_t added = 0, removed = 0; ///< lines; 0 and 0 for a binary file
  bool binary = false;
};

struct Commit {
  std::string id;
  std::vector<std::string> parents;
  std::string author;    ///< name after .mailmap
  std::string email;     ///< email after .mailmap, lower-cased: who the author is
  int64_t time = 0;      ///< committer time, seconds since 1970 (what git's --since compares)
  std::vector<FileChange> files; ///< empty for a merge (git log shows no diff for merges)
};

/// The options every history read passes to `git log`, so a cached record and
/// a fresh one say the same: -z (NUL-separated, unquoted paths), -M (renames,
/// git's default 50% similarity), --numstat, and one record per commit
/// starting with 0x1E.
std::vector<std::string> git_log_args();

/// Splits `git log` output (git_log_args()) into commit records: each view
/// starts at its 0x1E and ends before the next. Records are not parsed.
std::vector<std::string_view> split_records(std::string_view out);

/// Parses one record. Returns false with `error` saying what is wrong.
bool parse_record(std::string_view record, Commit& out, std::string& error);

} // namespace seam::history
