// The fact cache on disk: one file per TU record and one per file's facts, in
// DIR/v<format>-<extractor id>/ (so a seam never reads facts of another format
// or of another build of the extractor).
//
//   tu/<key>.tu          TU record, named by the hash of the TU's command
//   files/<xx>/<h>.facts one file's facts, named by the hash of (path, content hash):
//                        immutable, so two versions of a header can coexist
//
// Safety: every entry is written to a unique temporary name and renamed into
// place, so readers (this or another seam process) see a whole entry or none;
// an interrupted run leaves at most a temporary file, removed later. No fsync:
// a power cut can at worst leave a truncated entry, which the checksum catches
// and the cache treats as missing. Size is bounded by least-recently-used
// eviction: an entry read by a run has its modification time refreshed.
#pragma once

#include "analyzers/cache/codec.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace seam {

/// Parses "500M", "2G", "1024K", "123" (bytes); false when malformed.
bool parse_size(const std::string& text, uint64_t& bytes);

class FactStore {
public:
  /// Opens DIR/v<kCacheFormat>, creating folders as needed. False with `error`
  /// (naming the folder and why) when it cannot be created or written.
  bool open(const std::string& dir, std::string& error);
  const std::string& folder() const { return root_; }
  /// When open() created this build's folder and DIR holds folders of other
  /// seam builds (another version, or a rebuilt extractor): their names. A
  /// scan says so, since none of their facts can be read (every TU is parsed).
  const std::vector<std::string>& other_builds() const { return other_builds_; }

  /// False when absent or unreadable; a corrupt entry is removed.
  bool load_record(uint64_t key, TuRecord& out);
  bool load_file_facts(const std::string& path, uint64_t content_hash, FileFacts& out);
  /// The file's facts are there and whole (checksum checked), without decoding its
  /// facts: `producer` is the TU that indexed it. A corrupt entry is removed.
  bool check_file_facts(const std::string& path, uint64_t content_hash, TuId& producer);

  /// Atomic writes; false (with `error`) when the file system refuses.
  bool store_record(const TuRecord& record, std::string& error);
  bool store_file_facts(const FileFacts& file, std::string& error);
  /// As store_encoded_file_facts, unless the cache holds the facts of this content
  /// from a TU that ranks as low or lower than `producer` (TuId order is rank
  /// order): what many `seam cc` processes, each indexing every header it
  /// reads, leave is then the facts of each header's lowest-ranked reader,
  /// which is the one a scan keeps. Check and write are one step under a lock
  /// file (flock), so concurrent launchers cannot interleave them.
  bool store_file_facts_if_lowest(const std::string& path, uint64_t content_hash, const TuId& producer,
                             const std::string& encoded, std::string& error);
  /// A file's facts already encoded (encode_file_facts) for the file `path` with content `content_hash`.
  bool store_encoded_file_facts(const std::string& path, uint64_t content_hash, const std::string& encoded,
                           std::string& error);

  struct Usage {
    uint64_t bytes = 0;
    size_t entries = 0;
    size_t evicted = 0;
    uint64_t evicted_bytes = 0;
  };
  /// Removes least-recently-used entries until the cache holds at most
  /// `max_bytes` (0 = no bound), and temporary files older than an hour. The
  /// stores of other seam builds in the same folder count towards the bound
  /// (and, never used by this build, are the first to go).
  Usage evict(uint64_t max_bytes);

  /// Bytes written by store_* since open.
  uint64_t bytes_written() const { return written_; }

private:
  std::string record_path(uint64_t key) const;
  std::string file_facts_path(const std::string& path, uint64_t content_hash) const;
  bool read(const std::string& file, std::string& data);
  bool write(const std::string& file, const std::string& data, std::string& error);

  std::string base_;
  std::vector<std::string> other_builds_;  ///< the cache folder (--cache DIR)
  std::string root_;  ///< this build's store in it: base_/v<format>-<extractor id>
  std::atomic<uint64_t> written_{0};
  std::atomic<uint64_t> tmp_counter_{0};
};

/// The key of a file-facts entry: (path, content hash).
uint64_t file_facts_key(const std::string& path, uint64_t content_hash);

} // namespace seam
