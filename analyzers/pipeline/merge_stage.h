// `seam merge`: the facts bundles of `seam scan --shard K/N` into the fact
// cache the other commands read, at the same place they look for it
// (cache_folder(): --cache DIR, else beside the compile database).
#pragma once

#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"
#include "analyzers/pipeline/request.h"

#include <string>
#include <vector>

namespace seam::pipeline {

struct MergedBundles {
  std::string cache;   ///< the fact cache written
  size_t bundles = 0;
  size_t records = 0;  ///< distinct TUs
  size_t files = 0;    ///< distinct (file, content) facts written
};

/// Merges the bundle files into the request's fact cache. --no-cache, a cache
/// folder that cannot be found, or a bundle that cannot be read stops the run.
Outcome<MergedBundles> merge_bundles(const Request& request, const std::vector<std::string>& bundles, const Sink& sink);

} // namespace seam::pipeline
