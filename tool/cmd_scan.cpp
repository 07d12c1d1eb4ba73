// seam scan: parse every TU (or, with the fact cache, only what changed) and
// print a summary; with --shard K/N, parse one machine's part and write a
// facts bundle for `seam merge`.
#include "analyzers/core/rounding.h"
#include "tool/cli.h"

#include <cstdio>
#include <sstream>

namespace seam::cli {
namespace {

int run_scan(const Options& o) {
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  size_t project_files = 0, external = 0;
  for (const File& f : p.files) (f.external ? external : project_files)++;
  std::ostringstream out;
  const std::string secs = fixed(st.seconds, 2);
  out << "translation units  " << st.tus - st.failed << " ok, " << st.failed << " failed (" << st.parsed
      << " parsed, " << st.from_cache << " from cache)\n"
      << "files              " << project_files << " in the project, " << external << " external\n"
      << "modules            " << p.modules.size() << (p.config.inferred ? " (inferred)" : "") << "\n"
      << "symbols            " << p.symbols.size() << "\n"
      << "references         " << p.refs.size() << "\n"
      << "includes           " << p.includes.size() << "\n"
      << "time               " << secs << " s\n";
  if (!st.prefix.empty()) out << "precompiled prefix " << st.prefix << "\n";
  if (!st.bundle.empty()) out << "bundle             " << st.bundle << " (shard " << o.get("shard") << ")\n";
  for (const TuStatus& t : p.tus)
    if (!t.ok) out << "failed: " << t.file << ": " << t.first_error << "\n";
  return emit(o, out.str()) ? kOk : kError;
}

Registrar reg({
    "scan",
    "parse every translation unit and print a summary",
    "seam scan [--shard K/N [--bundle FILE]] [options]",
    "Parses every translation unit of the compile database with Clang and prints what was\n"
    "found: translation units (how many were parsed and how many came unchanged from the\n"
    "fact cache), files, modules, symbols, references, time, and how many of the parsed\n"
    "TUs used a precompiled prefix, one per compile command of every external header its\n"
    "TUs include (and why the others did not: docs/performance.md, \"The precompiled\n"
    "prefix\"). The facts are those of a plain parse either way.\n"
    "\n"
    "The fact cache (--cache DIR, default <build dir>/.seam-cache) keeps the facts of every\n"
    "file; a TU whose command and every file it read are unchanged is not parsed again, so a\n"
    "re-run after editing one file parses only the TUs that read it. docs/cache.md.\n"
    "\n"
    "--shard K/N parses only the K-th of N equal parts of the TUs (the same split on every\n"
    "machine) and writes their facts to a bundle; `seam merge` combines the bundles of all N\n"
    "parts into a cache that every other command reads. docs/ci.md shows a CI matrix.",
    {{"shard", "K/N", "parse only part K of N (1 <= K <= N) and write a facts bundle", {}, ""},
     {"bundle", "FILE", "where --shard writes the bundle [default: seam-shard-K-of-N.bundle]", {}, ""}},
    0,
    0,
    run_scan,
});

} // namespace
} // namespace seam::cli
