// seam why A B: every site behind the dependency A -> B, or the chain A -> ... -> B.
#include "analyzers/graph/unit_graph.h"
#include "reports/graph/graph_report.h"
#include "reports/graph/why_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

int run_why(const Options& o) {
  GraphLevel level = GraphLevel::Module;
  parse_graph_level(o.get("level", "module"), level);
  const std::string& a = o.positional[0];
  const std::string& b = o.positional[1];
  if (a == b) {
    error("seam why needs two different names, got '" + a + "' twice");
    return kError;
  }
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  UnitGraph g = build_unit_graph(p, level, kNoModule, chosen_edges(o));
  uint32_t from = g.find(a), to = g.find(b);
  for (const auto& [name, id] : {std::pair{a, from}, std::pair{b, to}}) {
    if (id != kNoNode) continue;
    std::string msg = "no " + std::string(to_string(level)) + " named '" + name + "'";
    if (g.size() <= 40) {
      std::string list;
      for (const std::string& n : g.names) list += (list.empty() ? "" : ", ") + n;
      msg += "; the " + std::string(to_string(level)) + "s are: " + list;
    } else {
      msg += "; `seam graph --format json --level " + std::string(to_string(level)) + "` lists them";
    }
    error(msg);
    return kError;
  }
  std::string out = o.get("format", "text") == "json" ? dump_json(why_json(p, g, from, to)) : why_text(p, g, from, to);
  return emit(o, out) ? kOk : kError;
}

Registrar reg({
    "why",
    "every site behind a dependency    seam why A B",
    "seam why A B [--level module|component|file] [--edges include|symbol|all] [--format text|json] [options]",
    "Explains the dependency of A on B (modules by default; components or files with\n"
    "--level): every site where code of A uses B - file:line:column, the kind of use, the\n"
    "symbol of A that uses it - grouped by the symbol of B it uses, most used first, then\n"
    "every #include of a B file. This is the list to work through to cut the edge.\n"
    "The edges are those of `seam graph` at the same level: all at module level, #include\n"
    "only for components and files, unless --edges says otherwise.\n"
    "When A does not use B directly, prints the shortest chain A -> ... -> B with one site\n"
    "per link. Exit status 0 either way. JSON follows the schema seam.why/1 (docs/graphs.md).",
    {{"format", "FMT", "output format", {"text", "json"}, "text"},
     {"level", "LEVEL", "what A and B name", {"module", "component", "file"}, "module"},
     edges_option("default: all for modules, include for components and files")},
    2,
    2,
    run_why,
});

} // namespace
} // namespace seam::cli
