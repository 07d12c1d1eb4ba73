// seam cycles: cycles of the module, component and file graphs, and levels.
#include "analyzers/graph/cycles.h"
#include "reports/graph/cycles_report.h"
#include "reports/graph/graph_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

int run_cycles(const Options& o) {
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  ProjectCycles c = find_project_cycles(p, chosen_edges(o));
  std::string out = o.get("format", "text") == "json" ? dump_json(cycles_json(p, c)) : cycles_text(p, c);
  return emit(o, out) ? kOk : kError;
}

Registrar reg({
    "cycles",
    "dependency cycles and levels      --format text|json",
    "seam cycles [--format text|json] [--edges include|symbol|all] [options]",
    "Finds the cycles (strongly connected components) of three graphs:\n"
    "  modules     A -> B when code of A references a symbol of B or includes a file of B;\n"
    "  components  Lakos components (a header and the source of the same name and folder,\n"
    "              named by the path without extension, never across modules): includes;\n"
    "  files       the include graph.\n"
    "Each cycle (strongly connected component) is listed with its members and:\n"
    "  its breakdown  the elementary cycles, as include-cycle lints list them: take the\n"
    "                 shortest cycle (ties: its start is the first node by name, and each\n"
    "                 step back to it the first by name), print it `a -> b -> a`, remove its\n"
    "                 closing edge (the one back to the start), repeat until none is left;\n"
    "  its minimum cut  the edges with the fewest uses in total whose removal leaves it\n"
    "                 acyclic, each with its heaviest sites (symbols with file:line:column,\n"
    "                 include directives). Exact up to 20 members; above, a heuristic\n"
    "                 (Eades-Lin-Smyth, then local improvement) that says so.\n"
    "Text shows the first 20 elementary cycles and 12 cut edges of each cycle; JSON lists\n"
    "all, with the members in the cut's order. Every module's level follows (Lakos: level 1\n"
    "depends on no other module; the members of a cycle share a level).\n"
    "Exit status 0 whether or not there are cycles (`seam check` gates on them).\n"
    "--edges include|symbol|all makes every level use #include edges, references, or both\n"
    "(the first line of the text output and \"edge_kinds\" in JSON say what was used).\n"
    "JSON follows the schema seam.cycles/2 (docs/graphs.md).",
    {{"format", "FMT", "output format", {"text", "json"}, "text"},
     edges_option("default: all for modules, include for components and files")},
    0,
    0,
    run_cycles,
});

} // namespace
} // namespace seam::cli
