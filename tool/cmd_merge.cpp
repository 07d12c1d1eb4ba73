// seam merge: combine the facts bundles of `seam scan --shard K/N` into the
// fact cache, so every other command runs on them without parsing.
#include "analyzers/pipeline/merge_stage.h"
#include "tool/cli.h"

#include <sstream>

namespace seam::cli {
namespace {

int run_merge(const Options& o) {
  pipeline::Request request;
  if (!make_request(o, request)) return kError;
  pipeline::Outcome<pipeline::MergedBundles> merged = pipeline::merge_bundles(request, o.positional, diagnostics(o));
  if (!merged) return merged.status();
  std::ostringstream out;
  out << "merged " << merged->bundles << " bundle" << (merged->bundles == 1 ? "" : "s") << ": " << merged->records
      << " translation units, " << merged->files << " files' facts into " << merged->cache << "\n";
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
