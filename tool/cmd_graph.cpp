// seam graph: the module dependency graph.
#include "analyzers/graph/module_graph.h"
#include "reports/graph/graph_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

int run_graph(const Options& o) {
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  ModuleGraph g = build_module_graph(p);
  std::string fmt = o.get("format", "text");
  std::string out = fmt == "json" ? dump_json(graph_json(p, g)) : graph_text(p, g);
  return emit(o, out) ? kOk : kError;
}

Registrar reg({
    "graph",
    "dependency graph                  --format text|json",
    "seam graph [--format text|json] [options]",
    "Prints the module dependency graph: an edge A -> B for every reference from code in A\n"
    "to a symbol owned by B and every include of a B file from an A file, with the counts per\n"
    "kind (call, type, base, override, member, read, write, address, template-arg, macro,\n"
    "friend, include). JSON follows the schema seam.graph/1 (docs/cli.md).",
    {{"format", "FMT", "output format", {"text", "json"}, "text"}},
    0,
    0,
    run_graph,
});

} // namespace
} // namespace seam::cli
