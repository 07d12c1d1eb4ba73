// seam graph: the dependency graph at module, component or file level, as
// text, JSON, DOT or SVG.
#include "analyzers/baseline/affected_filter.h"
#include "analyzers/core/paths.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/vcs/affected.h"
#include "reports/graph/graph_report.h"
#include "reports/graph/unit_graph_report.h"
#include "reports/graphviz/graph_render.h"
#include "reports/history/coupling_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

bool parse_min_weight(const std::string& s, uint32_t& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = static_cast<uint32_t>(std::stoul(s));
  return true;
}

/// --coupling change: what changed together in git history, instead of what
/// depends on what.
int run_change_coupling(const Options& o) {
  const std::string level = o.get("level", "module");
  if (level == "component") {
    error("--coupling change draws modules or files; use --level module or --level file");
    return kError;
  }
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  history::ChangeModel model;
  if (int rc = load_history(o, p, st, true, model)) return rc;
  const bool files = level == "file";
  const std::string focus = o.get("focus");
  if (!focus.empty() && (files ? !p.file_index.count(focus) : p.find_module(focus) == kNoModule)) {
    error("--focus: no " + std::string(files ? "file" : "module") + " named '" + focus + "'");
    return kError;
  }
  const std::string fmt = o.get("format", "text");
  std::string out, err;
  if (fmt == "json") {
    out = dump_json(coupling_json(p, model, files, focus));
  } else if (fmt == "dot") {
    out = coupling_dot(p, model, files, focus);
  } else if (fmt == "svg") {
    if (!render_dot_text_svg(coupling_dot(p, model, files, focus), "neato", out, err)) {
      error(err);
      return kError;
    }
  } else {
    out = coupling_text(p, model, files, focus);
  }
  return emit(o, out) ? kOk : kError;
}

int run_graph(const Options& o) {
  if (o.get("coupling", "static") == "change") {
    if (o.has("affected")) {
      error("--affected marks the dependency graph; it does not apply to --coupling change");
      return kError;
    }
    return run_change_coupling(o);
  }
  // The parser fills in defaults (--since 12.months, --max-files 50): only a
  // value the user gave differs from them.
  for (const OptionSpec& h : history_options(false))
    if (o.has(h.name) && o.get(h.name) != h.default_value) {
      error("--" + h.name + " chooses the history that --coupling change draws; add --coupling change");
      return kError;
    }
  GraphLevel level = GraphLevel::Module;
  parse_graph_level(o.get("level", "module"), level); // choices are checked by the parser
  GraphFilter filter;
  filter.focus = o.get("focus");
  if (o.has("min-weight") && !parse_min_weight(o.get("min-weight"), filter.min_weight)) {
    error("--min-weight needs a number of uses (0 or more), not '" + o.get("min-weight") + "'");
    return kError;
  }
  DrawOptions draw;
  draw.external = o.has("external");
  parse_color_by(o.get("color-by", "auto"), draw.color_by);
  if (o.has("module") && level == GraphLevel::Module) {
    error("--module NAME draws the components or files inside one module: add --level component or --level "
          "file (for a module with its neighbours, use --focus NAME)");
    return kError;
  }

  // git first: a wrong revision fails before anything is parsed.
  vcs::ChangedFiles change;
  std::optional<pipeline::ProjectConfig> config;
  if (int rc = load_config_and_change(o, config, change)) return rc;

  Project p;
  ScanStats st;
  if (int rc = config ? load_project(o, std::move(*config), p, st) : load_project(o, p, st)) return rc;
  ModuleId only = kNoModule;
  if (o.has("module")) {
    only = p.find_module(o.get("module"));
    if (only == kNoModule) {
      std::string list;
      for (const Module& m : p.modules) list += (list.empty() ? "" : ", ") + m.name;
      error("--module: no module named '" + o.get("module") + "'; the modules are: " + list);
      return kError;
    }
  }
  UnitGraph g = build_unit_graph(p, level, only, chosen_edges(o));
  GraphContext ctx;
  std::string err;
  if (!make_graph_context(g, only, filter, ctx, err)) {
    error(err);
    return kError;
  }
  if (o.has("affected")) {
    TouchedUnits t = touched_units(p, g, change.files);
    ctx.touched_nodes = std::move(t.nodes);
    ctx.touched_edges = std::move(t.edges);
    ctx.affected_rev = change.rev;
    ctx.changed_files = change.files.size();
  }
  std::string fmt = o.get("format", "text");
  std::string out;
  if (fmt == "json") {
    out = dump_json(unit_graph_json(p, ctx, draw.external));
  } else if (fmt == "dot") {
    out = render_dot(p, ctx, draw);
  } else if (fmt == "svg") {
    if (!render_svg(p, ctx, draw, out, err)) {
      error(err);
      return kError;
    }
  } else {
    out = unit_graph_text(ctx);
  }
  return emit(o, out) ? kOk : kError;
}

Registrar reg({
    "graph",
    "dependency graph                  --format text|json|dot|svg",
    "seam graph [--format text|json|dot|svg] [--level module|component|file] [--module NAME]\n"
    "                  [--focus NAME] [--min-weight N] [--edges include|symbol|all] [--affected REV]\n"
    "                  [--external] [--coupling static|change [--since WHEN | --commits N] [--max-files N]]\n"
    "                  [options]",
    "Prints the dependency graph. At module level an edge A -> B exists for every reference\n"
    "from code in A to a symbol owned by B and every include of a B file from an A file, with\n"
    "counts per kind (call, type, base, override, member, read, write, address, macro,\n"
    "friend, include); its weight is their sum. In JSON each edge also splits its\n"
    "uses into compile_time (types, inline code, templates, constants, macros, includes: a\n"
    "build dependency) and run_time (out-of-line calls, mutable globals, virtual calls: what\n"
    "becomes remote once B is a service). --level component draws Lakos\n"
    "components (a header and the source of the same name and folder, never across modules)\n"
    "and --level file the files; both with #include edges only unless --edges says otherwise\n"
    "(--edges symbol: references only, all: both). The text output starts with the edges shown.\n"
    "dot and svg are drawings: nodes sized by lines and filled by layer (or level), edges\n"
    "labelled with their weight, red inside a cycle, dashed where they break seam.json (a\n"
    "higher layer, or outside may_depend_on); at module level one rank per Lakos level.\n"
    "SVG is laid out in-process by Graphviz; no `dot` program is needed.\n"
    "--affected REV marks what a change touches (the files changed since the merge base of REV\n"
    "and HEAD, work tree included, as `seam check --affected`): a node holding a changed file and\n"
    "an edge with a use or #include in one. Text tags edges [touched] and lists the nodes; JSON\n"
    "adds \"touched\" to nodes and edges and \"affected\"; DOT/SVG draw them thick and blue.\n"
    "JSON follows the schema seam.graph/1 (docs/graphs.md).\n"
    "--coupling change draws what changed together in git history instead (modules or files):\n"
    "each pair with the commits that touched both, support and confidence both ways, and\n"
    "HIDDEN coupling marked: pairs that change together often with no static dependency\n"
    "(a duplicated protocol, a shared file format). --min-weight N: pairs with N+ shared\n"
    "commits (default 2). JSON schema seam.change-coupling/1 (docs/history.md).",
    {{"format", "FMT", "output format", {"text", "json", "dot", "svg"}, "text"},
     {"level", "LEVEL", "granularity of the nodes", {"module", "component", "file"}, "module"},
     {"module", "NAME", "with --level component|file: only the nodes inside module NAME", {}, ""},
     {"focus", "NAME", "only NAME (a module, or a component/file at those levels) and its direct neighbours", {}, ""},
     {"min-weight", "N", "hide edges with fewer than N uses (references + includes)", {}, ""},
     edges_option("default: all for modules, include for components and files"),
     {"affected", "REV", "mark the nodes and edges a change since the merge base of REV and HEAD touches", {}, ""},
     {"external", "", "also show headers from outside the project (system, third party)", {}, ""},
     {"color-by", "WHAT", "fill nodes by layer, Lakos level or module (auto: layer when seam.json declares layers)",
      {"auto", "layer", "level", "module"}, "auto"},
     {"coupling", "WHAT", "static: dependencies in the code; change: co-change from git history", {"static", "change"},
      "static"},
     history_options(false)[0], history_options(false)[1], history_options(false)[2], history_options(false)[3]},
    0,
    0,
    run_graph,
});

} // namespace
} // namespace seam::cli
