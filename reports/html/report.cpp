// `seam report`: runs the analyses once and hands their results to the page.
#include "reports/html/report.h"

#include "reports/html/html_page.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace seam::html {
namespace {

/// Everything the sections show, computed once.
struct Analyses {
  ModuleGraph graph;
  std::vector<std::vector<InterfaceSymbol>> interfaces;
  std::vector<uint32_t> levels;                 ///< per module, 1-based
  std::vector<std::vector<uint32_t>> cycles;    ///< module cycles, sorted members
  std::vector<int> cycle_of;                    ///< per module: index into cycles or -1
};

/// Lakos levels over the condensation: component ids come in reverse
/// topological order, so one pass in id order sees successors first.
std::vector<uint32_t> module_levels(const ModuleGraph& g) {
  auto succ = g.successors();
  uint32_t count = 0;
  std::vector<uint32_t> comp = component_ids(succ, count);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t v = 0; v < comp.size(); ++v) members[comp[v]].push_back(v);
  std::vector<uint32_t> level(count, 1);
  for (uint32_t c = 0; c < count; ++c)
    for (uint32_t v : members[c])
      for (uint32_t w : succ[v])
        if (comp[w] != c) level[c] = std::max(level[c], level[comp[w]] + 1);
  std::vector<uint32_t> out(comp.size());
  for (uint32_t v = 0; v < comp.size(); ++v) out[v] = level[comp[v]];
  return out;
}

Analyses analyse(const Project& p) {
  Analyses a;
  a.graph = build_module_graph(p);
  a.interfaces = all_interfaces(p);
  a.levels = module_levels(a.graph);
  a.cycles = find_cycles(a.graph.successors());
  a.cycle_of.assign(p.modules.size(), -1);
  for (size_t c = 0; c < a.cycles.size(); ++c)
    for (uint32_t m : a.cycles[c]) a.cycle_of[m] = static_cast<int>(c);
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

Json cycles_json(const Analyses& a) {
  Json out = Json::array();
  for (const auto& c : a.cycles) {
    Json members = Json::array();
    for (uint32_t m : c) members.push_back(m);
    // The lightest edge inside the cycle: the first one to look at cutting.
    const ModuleEdge* cut = nullptr;
    for (const ModuleEdge& e : a.graph.edges)
      if (a.cycle_of[e.from] >= 0 && a.cycle_of[e.from] == a.cycle_of[e.to] &&
          a.cycle_of[e.from] == a.cycle_of[c.front()] && (!cut || e.weight < cut->weight))
        cut = &e;
    Json j;
    j["members"] = std::move(members);
    j["cut"] = cut ? Json::array({cut->from, cut->to}) : Json();
    out.push_back(std::move(j));
  }
  return out;
}

std::string project_name(const Project& p, const RunInfo& run) {
  if (!run.title.empty()) return run.title;
  std::string root = p.root;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  size_t slash = root.rfind('/');
  return slash == std::string::npos ? root : root.substr(slash + 1);
}

Json build_data(const Project& p, const Analyses& a, const ReportOptions& o, std::vector<std::string>& notes) {
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
  Json failed = Json::array();
  for (const TuStatus& t : p.tus)
    if (!t.ok) failed.push_back(Json::array({t.file, t.first_error}));
  d["failed"] = std::move(failed);
  d["kinds"] = kinds_table();
  d["layers"] = p.config.layers;
  d["files"] = c.files_table();
  d["modules"] = modules_json(c, a.levels, a.cycle_of);
  d["edges"] = edges_json(c, a.cycle_of);
  d["cycles"] = cycles_json(a);
  d["graph"] = nullptr;
  d["metrics"] = nullptr;
  d["candidates"] = nullptr;
  d["violations"] = nullptr;
  // The symbol table last: every section above interned into it.
  d["symbols"] = c.symbols_table();
  (void)notes;
  return d;
}

} // namespace

Json report_data(const Project& project, const ReportOptions& options, std::vector<std::string>& notes) {
  Analyses a = analyse(project);
  return build_data(project, a, options, notes);
}

std::string html_report(const Project& project, const ReportOptions& options, std::vector<std::string>& notes) {
  Analyses a = analyse(project);
  Page page;
  page.data = build_data(project, a, options, notes);
  page.title = page.data["project"]["name"].get<std::string>();
  page.subtitle = options.run.date;
  page.graph_missing = "The module graph drawing is not available in this build of seam.";
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
