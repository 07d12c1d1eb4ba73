// seam merge: combine the facts bundles of `seam scan --shard K/N` into the
// fact cache, so every other command runs on them without parsing.
#include "analyzers/cache/bundle_merge.h"
#include "analyzers/compdb/compile_db.h"
#include "tool/cli.h"

#include <sstream>

namespace seam::cli {
namespace {

int run_merge(const Options& o) {
  if (o.no_cache) {
    error("seam merge writes into the fact cache; drop --no-cache");
    return kError;
  }
  std::string cache = o.cache, err;
  if (cache.empty()) {
    std::string db_path;
    if (!find_compile_db(o.p_dir, db_path, err)) {
      error(err + " (seam merge writes into <build dir>/.seam-cache; or pass --cache DIR)");
      return kError;
    }
    cache = db_path.substr(0, db_path.rfind('/')) + "/.seam-cache";
  }
  MergeStats stats;
  if (!merge_bundle_files(o.positional, cache, o.cache_max_bytes, stats, err)) {
    error(err);
    return kError;
  }
  std::ostringstream out;
  out << "merged " << stats.bundles << " bundle" << (stats.bundles == 1 ? "" : "s") << ": " << stats.records
      << " translation units, " << stats.shards << " file shards into " << cache << "\n";
  return emit(o, out.str()) ? kOk : kError;
}

Registrar reg({
    "merge",
    "combine facts bundles of `scan --shard` into the fact cache",
    "seam merge BUNDLE... [-p DIR | --cache DIR]",
    "Reads the bundles written by `seam scan --shard K/N` (one per part, typically one per CI\n"
    "job) and writes their facts into the fact cache (--cache DIR, default\n"
    "<build dir>/.seam-cache). Afterwards every command (graph, check, report ...) runs on\n"
    "them without parsing, with exactly the result of a single-machine scan. Bundles may be\n"
    "given in any order; a file indexed by several parts keeps the facts a single machine\n"
    "would have kept. docs/ci.md shows a GitHub Actions and a GitLab pipeline.",
    {},
    1,
    static_cast<size_t>(-1),
    run_merge,
});

} // namespace
} // namespace seam::cli
