// Size, modification time and content hash of the files TUs read, each
// looked up once per process: hundreds of TUs read the same system headers, so
// a file is stat'ed once and hashed at most once per run (and on a warm run
// only when its size or time changed). Thread-safe.
#pragma once

#include "analyzers/cache/file_facts.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace seam {

struct Stamp {
  bool exists = false;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool hashed = false;
  uint64_t hash = 0;  ///< hash_bytes of the content, when hashed
};

class FileStamps {
public:
  /// stat() of an absolute path, memoised.
  Stamp stat(const std::string& path);
  /// The content hash, reading the file only when not known yet. False when
  /// the file cannot be read.
  bool hash(const std::string& path, uint64_t& out);
  /// The stamp of a file whose content the caller already holds (the parser
  /// read it): hashes `content` unless an earlier TU did, without reading it again.
  Stamp with_content(const std::string& path, std::string_view content);

  size_t files_hashed() const { return hashed_count_; }

private:
  /// Records `h` as the content hash of `path`, counting the file the first
  /// time. The caller holds mu_ (hashing happens before, outside the lock).
  Stamp& remember_hash(const std::string& path, uint64_t h);

  std::mutex mu_;
  std::unordered_map<std::string, Stamp> stamps_;
  size_t hashed_count_ = 0;
};

/// Whether every file `record` lists is unchanged: size and modification time
/// first; the content hash only when those differ, or when the file was
/// modified after the parse began (a "racy" time, as git calls it: an edit in
/// the same clock tick as the read would otherwise go unnoticed). `rehashed`
/// is set when a hash was needed and matched: the record is worth rewriting
/// with the new times (and the time of this check) so the next run needs none.
bool record_is_fresh(const TuRecord& record, const std::string& root, FileStamps& stamps, bool& rehashed);

} // namespace seam
