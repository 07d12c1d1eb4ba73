// `seam report`: runs the analyses once and hands their results to the page.
#include "reports/html/report.h"

#include "reports/graphviz/graph_render.h"
#include "reports/html/html_page.h"

#include "analyzers/baseline/affected_filter.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace seam::html {
namespace {

/// Everything the sections show, computed once.
struct Analyses {
  ModuleGraph graph;
  std::vector<std::vector<InterfaceSymbol>> interfaces;
  ProjectCycles cycles;                         ///< module, component and file cycles; levels
  std::vector<int> cycle_of;                    ///< per module: index into module_cycles or -1
  Metrics metrics;
  GateResult gate;
  Ranking ranking;
  Suggestion suggestion;
  std::string svg, svg_error;                   ///< the module graph drawing, or why there is none
  size_t drawn_edges = 0, hidden_edges = 0;
  uint32_t min_weight = 0;                      ///< edges lighter than this are folded away
  std::string baseline_note;
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

void draw_graph(const Project& p, Analyses& a, const ReportOptions& o) {
  GraphFilter filter;
  filter.min_weight = min_weight_for(a.cycles.modules, o.limits.graph_edges);
  GraphContext gc;
  if (!make_graph_context(a.cycles.modules, kNoModule, filter, gc, a.svg_error)) return;
  if (!o.affected_rev.empty()) { // drawn as `seam graph --affected` draws them
    TouchedUnits t = touched_units(p, a.cycles.modules, o.changed_files);
    gc.touched_nodes = std::move(t.nodes);
    gc.touched_edges = std::move(t.edges);
    gc.affected_rev = o.affected_rev;
    gc.changed_files = o.changed_files.size();
  }
  DrawOptions draw;
  draw.color_by = ColorBy::Auto;
  if (!render_svg(p, gc, draw, a.svg, a.svg_error)) {
    a.svg.clear();
    return;
  }
  a.min_weight = filter.min_weight;
  a.drawn_edges = gc.selection.edges.size();
  a.hidden_edges = gc.selection.hidden_edges;
}

Analyses analyse(const Project& p, CandidateContext& ctx, const ReportOptions& o, std::vector<std::string>& notes) {
  Analyses a;
  a.graph = build_module_graph(p, o.edges.value_or(EdgeKinds::All));
  a.interfaces = all_interfaces(p);
  a.cycles = find_project_cycles(p, o.edges);
  a.cycle_of.assign(p.modules.size(), -1);
  for (size_t c = 0; c < a.cycles.module_cycles.size(); ++c)
    for (uint32_t m : a.cycles.module_cycles[c].members) a.cycle_of[m] = static_cast<int>(c);
  a.metrics = compute_metrics(p, a.graph, o.edges);
  a.ranking = rank_modules(ctx);
  // As `seam candidates --suggest`: shared kernels are libraries, not clustered.
  SuggestOptions so;
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m)
    if (ctx.shared_kernel(m)) so.libraries.push_back(m);
  a.suggestion = suggest_services(p, so);
  draw_graph(p, a, o);

  // The gate as `seam check` runs it, against the same baseline.
  std::string path = o.baseline.empty() ? absolute_path(p.config.baseline, p.root) : o.baseline;
  std::string shown;
  if (!relative_to(path, p.root, shown)) shown = path;
  std::error_code ec;
  Baseline baseline;
  std::vector<std::string> errors;
  if (!std::filesystem::exists(path, ec)) {
    a.gate = run_gate(p, a.graph, nullptr);
    a.baseline_note = "No baseline at " + shown + ": every violation counts as new. `seam check --update-baseline` "
                      "records the current ones, so that only new violations fail.";
  } else if (!read_baseline(path, baseline, errors)) {
    for (const std::string& e : errors) notes.push_back(e);
    notes.push_back("the baseline " + shown + " is invalid; the report counts every violation as new");
    a.gate = run_gate(p, a.graph, nullptr);
    a.baseline_note = "The baseline " + shown + " could not be read; every violation counts as new.";
  } else {
    a.gate = run_gate(p, a.graph, &baseline);
    a.baseline_note = "Compared with the baseline " + shown + ": violations it records are marked baselined and do "
                      "not fail `seam check`; entries that no longer occur are counted as fixed.";
  }
  if (!o.affected_rev.empty()) {
    limit_to_change(a.gate.report, p, a.graph, o.changed_files, o.affected_rev);
    a.baseline_note += " Only what changed since " + o.affected_rev + " can fail (--affected): " +
                       std::to_string(a.gate.report.count_outside_change()) + " violations outside the change are "
                       "counted, not failed on.";
  }
  return a;
}

Json summary_json(const Project& p, const Analyses& a, const RunInfo& run) {
  size_t files = 0, lines = 0, iface = 0, cross = 0;
  for (const File& f : p.files)
    if (!f.external) {
      ++files;
      lines += f.lines;
    }
  for (const auto& m : a.interfaces) iface += m.size();
  for (const Reference& r : p.refs)
    if (r.from_module != kNoModule && r.to_module != kNoModule && r.from_module != r.to_module) ++cross;
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

Json build_data(const Project& p, CandidateContext& ctx, const Analyses& a, const ReportOptions& o) {
  DataContext c(p, a.graph, a.interfaces, o.limits);
  Json d;
  d["schema"] = "seam.report/1";
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
  d["modules"] = modules_json(c, a.cycles.module_levels, a.cycle_of);
  d["edges"] = edges_json(c, a.cycle_of);
  d["cycles"] = cycles_json(a.cycles);
  Json graph;
  graph["drawn"] = a.drawn_edges;
  graph["hidden"] = a.hidden_edges;
  graph["min_weight"] = a.min_weight;
  graph["edge_kinds"] = to_string(a.graph.edge_kinds); // of the drawing, the matrix and the metrics
  d["graph"] = std::move(graph);
  d["metrics"] = metrics_json(a.metrics, a.cycles);
  d["candidates"] = candidates_json(c, ctx, a.ranking, a.suggestion);
  d["violations"] = violations_json(a.gate.report, a.baseline_note);
  // The symbol table last: every section above interned into it.
  d["symbols"] = c.symbols_table();
  return d;
}

} // namespace

Json report_data(const Project& project, const ReportOptions& options, std::vector<std::string>& notes) {
  CandidateContext ctx(project);
  Analyses a = analyse(project, ctx, options, notes);
  return build_data(project, ctx, a, options);
}

std::string html_report(const Project& project, const ReportOptions& options, std::vector<std::string>& notes) {
  CandidateContext ctx(project);
  Analyses a = analyse(project, ctx, options, notes);
  Page page;
  page.data = build_data(project, ctx, a, options);
  page.title = page.data["project"]["name"].get<std::string>();
  page.subtitle = options.run.date;
  page.graph_svg = a.svg;
  page.graph_missing = "Graphviz could not draw the module graph: " + a.svg_error;
  if (!a.svg_error.empty()) notes.push_back("the report has no graph drawing: " + a.svg_error);
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
