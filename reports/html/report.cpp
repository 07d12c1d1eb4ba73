// `seam report`: the pipeline's analyses (the commands' own results) handed to the page.
#include "reports/html/report.h"

#include "reports/candidates/candidates_report.h"
#include "reports/candidates/suggest_report.h"
#include "reports/check/check_report.h"
#include "reports/graph/cycles_report.h"
#include "reports/graphviz/graph_render.h"
#include "reports/html/html_page.h"
#include "reports/html/report_data_history.h"
#include "reports/metrics/metrics_report.h"

#include "analyzers/baseline/affected_filter.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace seam::html {
namespace {

/// The module graph as the page draws it.
struct Drawing {
  std::string svg, svg_error;                   ///< the module graph drawing, or why there is none
  size_t drawn_edges = 0, hidden_edges = 0;
  uint32_t min_weight = 0;                      ///< edges lighter than this are folded away
};

/// The smallest weight that keeps at most `limit` edges, so a big graph stays
/// legible: the heaviest dependencies are drawn, the thin ones folded away
/// (the DSM still shows every edge).
uint32_t min_weight_for(const UnitGraph& g, size_t limit) {
  if (g.edges.size() <= limit) return 0;
  std::vector<uint32_t> w;
  for (const UnitEdge& e : g.edges) w.push_back(e.weight);
  std::sort(w.begin(), w.end(), std::greater<>());
  // Weights of edge `limit` and beyond must go; if the limit falls in a run of
  // equal weights, the whole run goes, so fewer edges than `limit` remain.
  return w[limit] + 1;
}

Drawing draw_graph(const Project& p, const pipeline::Analyses& a, const ReportOptions& o) {
  Drawing d;
  GraphFilter filter;
  filter.min_weight = min_weight_for(a.cycles.modules, o.limits.graph_edges);
  GraphContext gc;
  if (!make_graph_context(a.cycles.modules, kNoModule, filter, gc, d.svg_error)) return d;
  if (!o.affected_rev.empty()) { // drawn as `seam graph --affected` draws them
    TouchedUnits t = touched_units(p, a.cycles.modules, o.changed_files);
    gc.touched_nodes = std::move(t.nodes);
    gc.touched_edges = std::move(t.edges);
    gc.affected_rev = o.affected_rev;
    gc.changed_files = o.changed_files.size();
  }
  DrawOptions draw;
  draw.color_by = ColorBy::Auto;
  if (!render_svg(p, gc, draw, d.svg, d.svg_error)) {
    d.svg.clear();
    return d;
  }
  d.min_weight = filter.min_weight;
  d.drawn_edges = gc.selection.edges.size();
  d.hidden_edges = gc.selection.hidden_edges;
  return d;
}

/// What the violations section says about the baseline the gate compared with.
std::string baseline_note(const Project& p, const pipeline::BaselineFile& b) {
  const std::string shown = pipeline::shown_path(b.path, p.root);
  if (!b.exists)
    return "No baseline at " + shown + ": every violation counts as new. `seam check --update-baseline` "
           "records the current ones, so that only new violations fail.";
  if (!b.baseline) return "The baseline " + shown + " could not be read; every violation counts as new.";
  return "Compared with the baseline " + shown + ": violations it records are marked baselined and do "
         "not fail `seam check`; entries that no longer occur are counted as fixed.";
}

Json summary_json(const Project& p, const pipeline::Analyses& a, const RunInfo& run) {
  size_t files = 0, lines = 0, iface = 0, cross = 0;
  for (const File& f : p.files)
    if (!f.external) {
      ++files;
      lines += f.lines;
    }
  for (const auto& m : a.interfaces) iface += m.size();
  for (const Reference& r : p.refs)
    if (p.from_module(r) != kNoModule && p.to_module(r) != kNoModule && p.from_module(r) != p.to_module(r)) ++cross;
  Json s;
  s["tus"] = run.tus;
  s["tus_failed"] = run.tus_failed;
  s["modules"] = p.modules.size();
  s["files"] = files;
  s["unowned_files"] = p.unowned.size();
  s["lines"] = lines;
  s["symbols"] = p.symbols.size();
  s["interface_symbols"] = iface;
  s["references"] = p.refs.size();
  s["cross_references"] = cross;
  s["includes"] = p.includes.size();
  return s;
}

std::string project_name(const Project& p, const RunInfo& run) {
  if (!run.title.empty()) return run.title;
  std::string root = p.root;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  size_t slash = root.rfind('/');
  return slash == std::string::npos ? root : root.substr(slash + 1);
}

/// Per module: the index of its cycle in the module cycles, or -1.
std::vector<int> cycle_of(const Project& p, const ProjectCycles& cycles) {
  std::vector<int> out(p.modules.size(), -1);
  for (size_t c = 0; c < cycles.module_cycles.size(); ++c)
    for (uint32_t m : cycles.module_cycles[c].members) out[m] = static_cast<int>(c);
  return out;
}

Json build_data(const Project& p, const pipeline::Analyses& a, const Drawing& drawing, const ReportOptions& o) {
  const std::vector<int> cycles_of = cycle_of(p, a.cycles);
  DataContext c(p, a.graph, a.interfaces, o.limits);
  Json d;
  // 3: `candidates` is the seam.candidates document and `suggest` seam.suggest/1
  // (2 had the report's own view of both under `candidates`).
  d["schema"] = "seam.report/3";
  Json proj;
  proj["name"] = project_name(p, o.run);
  proj["date"] = o.run.date;
  proj["version"] = o.run.version;
  proj["config"] = p.config.inferred || p.config.path.empty() ? "" : "seam.json";
  d["project"] = std::move(proj);
  d["summary"] = summary_json(p, a, o.run);
  if (!o.affected_rev.empty()) {
    Json touched = Json::array();
    TouchedUnits t = touched_units(p, a.cycles.modules, o.changed_files);
    for (size_t v = 0; v < t.nodes.size(); ++v)
      if (t.nodes[v]) touched.push_back(a.cycles.modules.names[v]);
    d["affected"] = {{"rev", o.affected_rev}, {"changed_files", o.changed_files.size()}, {"modules", std::move(touched)}};
  }
  Json failed = Json::array();
  for (const TuStatus& t : p.tus)
    if (!t.ok) failed.push_back(Json::array({t.file, t.first_error}));
  d["failed"] = std::move(failed);
  d["kinds"] = kinds_table();
  d["layers"] = p.config.layers;
  d["files"] = c.files_table();
  d["modules"] = modules_json(c, a.cycles.module_levels, cycles_of);
  d["edges"] = edges_json(c, cycles_of);
  d["cycles"] = seam::cycles_json(p, a.cycles); // seam.cycles/2, as `seam cycles --format json`
  Json graph;
  graph["drawn"] = drawing.drawn_edges;
  graph["hidden"] = drawing.hidden_edges;
  graph["min_weight"] = drawing.min_weight;
  graph["edge_kinds"] = to_string(a.graph.edge_kinds); // of the drawing, the matrix and the metrics
  d["graph"] = std::move(graph);
  // The commands' own documents, from their one writer each.
  d["metrics"] = seam::metrics_json(p, a.metrics);
  d["check"] = seam::check_json(a.check.gate.report);
  // As `seam candidates --format json`, with the first sites of each per-site
  // list (on a large project every call in a loop is most of the document).
  d["candidates"] = seam::candidates_json(p, a.ranking, {o.limits.candidate_sites});
  d["suggest"] = seam::suggest_json(p, a.suggestion);    // as `seam candidates --suggest --format json`
  d["protos"] = proto_previews(p, a.interfaces, a.ranking);
  Json violations;
  violations["note"] = baseline_note(p, a.check.baseline);
  if (!a.check.gate.report.affected_rev.empty())
    violations["note"] = violations["note"].get<std::string>() + " Only what changed since " +
                         a.check.gate.report.affected_rev + " can fail (--affected): " +
                         std::to_string(a.check.gate.report.count_outside_change()) +
                         " violations outside the change are counted, not failed on.";
  violations["rules"] = rules_json();
  d["violations"] = std::move(violations);
  add_history(d, c, o.history); // seam.history/1, seam.change-coupling/1 and the report's views of them
  // The symbol table last: every section above interned into it.
  d["symbols"] = c.symbols_table();
  return d;
}

} // namespace

Json report_data(const Project& project, const pipeline::Analyses& analyses, const ReportOptions& options) {
  return build_data(project, analyses, draw_graph(project, analyses, options), options);
}

std::string html_report(const Project& project, const pipeline::Analyses& analyses, const ReportOptions& options,
                        std::vector<std::string>& notes) {
  Drawing drawing = draw_graph(project, analyses, options);
  Page page;
  page.data = build_data(project, analyses, drawing, options);
  page.title = page.data["project"]["name"].get<std::string>();
  page.subtitle = options.run.date;
  page.graph_svg = drawing.svg;
  page.graph_missing = "Graphviz could not draw the module graph: " + drawing.svg_error;
  if (!drawing.svg_error.empty()) notes.push_back("the report has no graph drawing: " + drawing.svg_error);
  return render_page(page);
}

std::string report_date() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    long long v = std::strtoll(e, &end, 10);
    if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

} // namespace seam::html
