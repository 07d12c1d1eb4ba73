// seam metrics: coupling metrics per module and for the project.
#include "analyzers/pipeline/analyses.h"
#include "reports/graph/graph_report.h"
#include "reports/metrics/metrics_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

int run_metrics(const Options& o) {
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  const std::optional<EdgeKinds> edges = chosen_edges(o);
  ModuleGraph g = pipeline::module_graph(p, edges);
  Metrics m = pipeline::metrics(p, g, edges);
  std::string fmt = o.get("format", "text");
  std::string out = fmt == "json" ? dump_json(metrics_json(p, m)) : fmt == "csv" ? metrics_csv(p, m) : metrics_text(p, m);
  return emit(o, out) ? kOk : kError;
}

Registrar reg({
    "metrics",
    "coupling metrics per module       --format text|json|csv",
    "seam metrics [--format text|json|csv] [--edges include|symbol|all] [options]",
    "Coupling metrics per module: files, lines, symbols; level (Lakos); afferent (Ca) and\n"
    "efferent (Ce) coupling in distinct modules; instability I = Ce/(Ca+Ce); abstractness\n"
    "A = abstract classes / classes; distance from the main sequence D = |A+I-1|; cohesion =\n"
    "references that stay inside / all references it makes to symbols of modules; interface\n"
    "width (its symbols other modules use) and dependency width (other modules' symbols it\n"
    "uses). For the project: Lakos CCD, ACD and NCCD of the module and component graphs,\n"
    "and Newman's modularity Q of the declared modules on the reference graph.\n"
    "--edges picks what makes an edge of the module and component graphs (Ca, Ce, I, D,\n"
    "levels, CCD); cohesion, widths and modularity count references whatever it says.\n"
    "Every formula, with a worked example: docs/metrics.md. JSON: schema seam.metrics/1;\n"
    "CSV: one row per module, header first.",
    {{"format", "FMT", "output format", {"text", "json", "csv"}, "text"},
     edges_option("default: all for the module graph, include for the component graph")},
    0,
    0,
    run_metrics,
});

} // namespace
} // namespace seam::cli
