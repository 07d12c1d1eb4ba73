// `seam merge`: the bundles that `seam scan --shard K/N` writes on N machines,
// combined into one fact cache. Every TU record is kept; for a file several
// parts indexed, the facts of the lowest-ranked TU are kept: the one a single
// machine would have used, so the merged cache gives the single-machine result.
#pragma once

#include "analyzers/cache/codec.h"

#include <string>
#include <vector>

namespace seam {

struct MergeStats {
  size_t bundles = 0;
  size_t records = 0;   ///< distinct TUs
  size_t files = 0;     ///< distinct (file, content) facts written
  uint64_t bytes = 0;   ///< written to the cache
};

/// Combines bundles in memory (order of `bundles` does not matter).
Bundle merge_bundles(std::vector<Bundle>&& bundles);

/// Reads the bundle files, merges them and writes the result into the cache at
/// `cache_dir`. False with `error` naming the bundle or the cache and the reason.
bool merge_bundle_files(const std::vector<std::string>& paths, const std::string& cache_dir,
                        uint64_t cache_max_bytes, MergeStats& stats, std::string& error);

} // namespace seam
