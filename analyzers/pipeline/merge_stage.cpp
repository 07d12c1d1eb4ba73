#include "analyzers/pipeline/merge_stage.h"

#include "analyzers/cache/bundle_merge.h"
#include "analyzers/compdb/compile_db.h"
#include "analyzers/pipeline/fact_stage.h"

namespace seam::pipeline {

Outcome<MergedBundles> merge_bundles(const Request& request, const std::vector<std::string>& bundles,
                                     const Sink& sink) {
  using Stop = Outcome<MergedBundles>;
  if (request.no_cache) {
    sink({Level::Error, "seam merge writes into the fact cache; drop --no-cache"});
    return Stop::stopped(kStatusError);
  }
  std::string db_path, err;
  if (request.cache.empty() && !find_compile_db(request.compile_db_dir, db_path, err)) {
    sink({Level::Error, err + " (seam merge writes into <build dir>/.seam-cache; or pass --cache DIR)"});
    return Stop::stopped(kStatusError);
  }
  MergedBundles out;
  out.cache = cache_folder(request, db_path);
  MergeStats stats;
  if (!merge_bundle_files(bundles, out.cache, request.cache_max_bytes, stats, err)) {
    sink({Level::Error, err});
    return Stop::stopped(kStatusError);
  }
  out.bundles = stats.bundles;
  out.records = stats.records;
  out.files = stats.files;
  return out;
}

} // namespace seam::pipeline
