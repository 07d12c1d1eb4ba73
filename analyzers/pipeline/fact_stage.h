// Stage 3: the facts of the selected TUs, from the fact cache where nothing
// changed and from a FactSource (Clang: clang_facts.h) where something did.
// Holds the cache policies: where the cache lives by default, and that a
// default cache that cannot be used (a read-only build folder) is skipped with
// a note while one named by --cache is an error.
#pragma once

#include "analyzers/extract/fact_scan.h"
#include "analyzers/model/model.h"
#include "analyzers/pipeline/diagnostics.h"
#include "analyzers/pipeline/outcome.h"
#include "analyzers/pipeline/request.h"
#include "analyzers/pipeline/tu_selection.h"

#include <string>

namespace seam::pipeline {

/// Where facts come from. The CLI uses Clang (clang_facts()); the policy tests
/// hand over facts written by hand, so they run without a compiler.
class FactSource {
public:
  virtual ~FactSource() = default;
  /// Completes `options` with what this source needs (Clang's resource
  /// directory). False with `problem` when it cannot produce facts at all.
  virtual bool prepare(ScanOptions& options, std::string& problem) = 0;
  /// scan_facts()'s contract: false with `error` only when the cache folder
  /// `options.cache_dir` cannot be used; parse failures are in the facts.
  virtual bool scan(const CompileDb& db, const ScanOptions& options, ScanResult& out, std::string& error) = 0;
};

/// The fact cache a request uses: --cache DIR, else <folder of the compile
/// database>/.seam-cache; empty with --no-cache.
std::string cache_folder(const Request& request, const std::string& db_path);

struct Facts {
  std::vector<TuFacts> tus;          ///< ready for build_project, in rank order (empty when merged)
  /// With `merge` (gather_facts): each TU's facts merged as the scan hands
  /// them over, so the facts of all TUs are never in memory at once.
  FactMerger merged;
  size_t parsed = 0, from_cache = 0; ///< TUs run through the source / taken from the cache
  std::string cache_dir;             ///< the fact cache used; empty without one
  std::string bundle;                ///< scan --shard: the facts bundle written
  std::string prefix;                ///< how far the precompiled prefix reached (ScanResult::prefix_summary)
};

/// Runs the source over the selected TUs. Warnings of the scan go to the sink;
/// after an interrupt (SIGINT, SIGTERM) the facts are incomplete, so the run
/// stops with 128 + the signal. With request.shards > 1 the facts bundle is written.
/// With `merge`, the TUs go into Facts::merged instead of Facts::tus.
Outcome<Facts> gather_facts(const Request& request, const std::string& root, const TuSelection& tus,
                            FactSource& source, const Sink& sink, bool merge = false);

} // namespace seam::pipeline
