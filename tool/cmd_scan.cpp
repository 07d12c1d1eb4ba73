// seam scan: parse every TU and print a summary.
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
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", st.seconds);
  out << "translation units  " << st.tus - st.failed << " ok, " << st.failed << " failed\n"
      << "files              " << project_files << " in the project, " << external << " external\n"
      << "modules            " << p.modules.size() << (p.config.inferred ? " (inferred)" : "") << "\n"
      << "symbols            " << p.symbols.size() << "\n"
      << "references         " << p.refs.size() << "\n"
      << "includes           " << p.includes.size() << "\n"
      << "time               " << secs << " s\n";
  for (const TuStatus& t : p.tus)
    if (!t.ok) out << "failed: " << t.file << ": " << t.first_error << "\n";
  return emit(o, out.str()) ? kOk : kError;
}

Registrar reg({
    "scan",
    "parse every translation unit and print a summary",
    "seam scan [options]",
    "Parses every translation unit of the compile database with Clang and prints what was\n"
    "found: translation units parsed and failed, files, modules, symbols, references, time.",
    {},
    0,
    0,
    run_scan,
});

} // namespace
} // namespace seam::cli
