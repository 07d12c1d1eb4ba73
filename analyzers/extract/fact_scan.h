// A scan: the facts of every TU of a compile database, from the cache where
// nothing changed and from Clang where something did. Decides what to parse
// (a TU whose command and every file it read are unchanged is not parsed),
// which TU indexes each header (the lowest-ranked reader), writes what it
// learns back to the cache, and assembles the TuFacts build_project merges.
#pragma once

#include "analyzers/extract/prefix.h"

#include "analyzers/cache/codec.h"
#include "analyzers/cache/fact_store.h"
#include "analyzers/extract/extract.h"

#include <functional>
#include <string>
#include <vector>

namespace seam {

struct ScanOptions {
  std::string root;                ///< absolute, canonical project root
  unsigned jobs = 0;               ///< 0 = number of cores
  AdjustOptions adjust;
  std::string cache_dir;           ///< empty: read and write no cache
  uint64_t cache_max_bytes = 0;    ///< LRU bound of the cache; 0 = none
  /// Header facts extracted once across TUs and unneeded function bodies
  /// skipped. Off only to check that they change nothing (SEAM_NO_SHORTCUTS=1).
  bool shortcuts = true;
  /// The leading external #includes that TUs of one command share parsed once
  /// into a precompiled prefix (prefix.h; kept in the cache's prefix/ folder).
  /// Needs the shortcuts. Off: `--no-prefix`.
  bool prefix = true;
  /// Which prefixes (prefix.h): one of every external header per command
  /// (the default), or the leading runs many TUs share.
  PrefixMode prefix_mode = PrefixMode::AnyOrder;
  /// Every TU of this scan is one of many writing to the cache at once (`seam
  /// cc`): a header's facts are written only over those of a higher-ranked TU
  /// (FactStore::store_file_facts_if_lowest), and the cache is not evicted (that
  /// walks the whole cache: once per build, by the next scan, not once per TU).
  bool launcher = false;
  /// Parse only block `shard` (0-based) of `shards` equal blocks of the TUs in rank order.
  uint32_t shard = 0, shards = 1;
  /// Called from worker threads after each parsed TU (done, total to parse, file).
  std::function<void(size_t, size_t, const std::string&)> on_progress;
  /// When set, each TU's facts are handed here, in rank order, as soon as they
  /// are assembled (from the main thread, after the parse), and
  /// ScanResult::tus stays empty: a caller that merges them one by one
  /// (FactMerger) never holds the facts of every TU at once.
  std::function<void(TuFacts&&)> on_tu;
};

struct ScanResult {
  std::vector<TuFacts> tus;        ///< ready for build_project, in rank order (empty with on_tu)
  size_t parsed = 0;               ///< TUs run through Clang
  size_t from_cache = 0;           ///< TUs whose facts came from the cache
  size_t total = 0;                ///< TUs of the database (before --shard)
  size_t files_indexed = 0;        ///< project files indexed by this run (with duplicates)
  size_t steals = 0;               ///< files indexed twice because a lower rank came second
  size_t prefixed = 0;             ///< TUs parsed with a precompiled prefix
  size_t prefix_misfits = 0;       ///< TUs whose prefix did not fit: parsed again whole
  size_t prefix_built = 0, prefix_reused = 0; ///< precompiled prefixes built, reused from the cache
  /// One line on how far the prefix reached, and why the other parsed TUs
  /// had none (`seam scan` prints it); empty when nothing was parsed.
  std::string prefix_summary;
  /// The most files' facts produced by this run held in memory at once while
  /// parsing. With a cache each is let go once written (read back to merge),
  /// so this is at most one per TU in flight (-j), whatever the TUs parsed; with
  /// --no-cache every produced file's facts stay until the merge.
  size_t facts_held_peak = 0;
  /// The most parsed TUs' records (every file a TU read, with stamps) held in
  /// memory at once while parsing: likewise let go once written to the cache.
  size_t records_held_peak = 0;
  FactStore::Usage cache_usage;    ///< after eviction, when anything was written
  uint64_t cache_bytes_written = 0;
  Bundle bundle;                   ///< records and shards of the selected TUs (for --shard)
  std::vector<std::string> warnings;
  std::vector<std::string> notes;  ///< worth knowing, nothing wrong (a prefix not built)
};

/// The key text of a TU (what its record is named by the hash of): cache
/// format, Clang version, project root, directory and adjusted arguments.
std::string tu_key_text(const std::string& root, const std::string& directory,
                        const std::vector<std::string>& arguments);

/// Runs the scan. False with `error` only when the cache folder cannot be used
/// (the caller decides whether that is fatal); parse failures are in the facts.
bool scan_facts(const CompileDb& db, const ScanOptions& opts, ScanResult& out, std::string& error);

} // namespace seam
