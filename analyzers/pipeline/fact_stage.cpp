#include "analyzers/pipeline/fact_stage.h"

#include "analyzers/cache/codec.h"
#include "analyzers/core/interrupt.h"
#include "analyzers/core/output.h"

namespace seam::pipeline {

std::string cache_folder(const Request& request, const std::string& db_path) {
  if (request.no_cache) return "";
  return request.cache.empty() ? db_path.substr(0, db_path.rfind('/')) + "/.seam-cache" : request.cache;
}

Outcome<Facts> gather_facts(const Request& request, const std::string& root, const TuSelection& tus,
                            FactSource& source, const Sink& sink, bool merge) {
  Facts facts;
  ScanOptions so;
  if (merge) so.on_tu = [&facts](TuFacts&& tu) { facts.merged.add(std::move(tu)); };
  so.root = root;
  so.jobs = request.jobs;
  so.adjust.root = root; // warnings name files relative to the project root
  std::string problem;
  if (!source.prepare(so, problem)) {
    sink({Level::Error, problem});
    return Outcome<Facts>::stopped(kStatusError);
  }
  so.shortcuts = request.shortcuts;
  so.prefix = request.prefix;
  so.cache_dir = cache_folder(request, tus.db_path);
  so.cache_max_bytes = request.cache_max_bytes;
  so.shard = request.shard;
  so.shards = request.shards;
  so.on_progress = request.on_progress;

  ScanResult scan;
  std::string err;
  if (!source.scan(tus.db, so, scan, err)) {
    if (!request.cache.empty()) {
      sink({Level::Error, err + "; pass another --cache DIR, or --no-cache"});
      return Outcome<Facts>::stopped(kStatusError);
    }
    // The default location may be read-only (a shared build folder): go on without.
    sink({Level::Note, err + "; continuing without a fact cache (--cache DIR picks another place)"});
    so.cache_dir.clear();
    scan = ScanResult{};
    facts.merged = FactMerger{};
    source.scan(tus.db, so, scan, err);
  }
  for (const std::string& w : scan.warnings) sink({Level::Warning, w});
  for (const std::string& n : scan.notes) sink({Level::Note, n});
  if (int sig = interrupt_signal()) {
    // The workers stopped taking TUs: the facts are incomplete, so nothing is
    // reported; each TU finished before the signal is already in the cache.
    sink({Level::Error, std::string("interrupted by ") + signal_name(sig) +
                            (so.cache_dir.empty() ? "; nothing was written"
                                                  : "; the translation units parsed so far are in the fact cache, "
                                                    "the next run parses only the rest")});
    return Outcome<Facts>::stopped(128 + sig);
  }
  facts.tus = std::move(scan.tus);
  facts.parsed = scan.parsed;
  facts.from_cache = scan.from_cache;
  facts.prefix = scan.prefix_summary;
  facts.cache_dir = so.cache_dir;
  if (request.shards > 1) {
    std::string out = request.bundle;
    if (out.empty())
      out = "seam-shard-" + std::to_string(request.shard + 1) + "-of-" + std::to_string(request.shards) + ".bundle";
    if (!write_file_atomic(out, encode_bundle(scan.bundle), err)) {
      sink({Level::Error, err});
      return Outcome<Facts>::stopped(kStatusError);
    }
    facts.bundle = out;
  }
  return facts;
}

} // namespace seam::pipeline
