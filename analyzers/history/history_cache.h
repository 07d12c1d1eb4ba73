// The history cache: every commit seam has read, as the raw `git log` record
// (git_log.h), keyed by commit id. A commit never changes, so its record never
// goes stale; a window or threshold change reuses the records, and a second
// run asks git only for commits it has not seen. One file,
// <fact cache>/history/commits.v1, written atomically, checked by a hash.
#pragma once

#include <map>
#include <string>

namespace seam::history {

/// Commit id -> its raw record.
using RecordMap = std::map<std::string, std::string>;

/// Reads the cache in `dir` into `records`. A missing file is an empty cache;
/// a damaged one is too, with `problem` saying why (the caller notes it and
/// the records are read from git again).
void load_cache(const std::string& dir, RecordMap& records, std::string& problem);

/// Writes `records` to the cache in `dir` (making the folder). Returns false
/// with `error` when it cannot.
bool save_cache(const std::string& dir, const RecordMap& records, std::string& error);

} // namespace seam::history
