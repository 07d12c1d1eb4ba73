// seam candidates: which modules can become services, best first, and what
// blocks the rest; --what-if scores a chosen set; --suggest proposes boundaries.
#include "analyzers/candidates/candidates.h"
#include "analyzers/pipeline/analyses.h"
#include "reports/candidates/candidates_report.h"
#include "reports/candidates/suggest_report.h"
#include "reports/graph/graph_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

/// "a,b , c" -> module ids; an unknown name is an error naming the known ones.
bool parse_module_set(const Project& p, const std::string& list, std::vector<ModuleId>& out) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty()) {
      ModuleId m = p.find_module(name);
      if (m == kNoModule) {
        std::string known;
        for (const Module& mod : p.modules) known += (known.empty() ? "" : ", ") + mod.name;
        error("--what-if: no module named '" + name + "'; the modules are " + known);
        return false;
      }
      out.push_back(m);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (out.empty()) {
    error("--what-if needs one or more module names separated by commas, e.g. --what-if orders,payments");
    return false;
  }
  return true;
}

int run_candidates(const Options& o) {
  const bool json = o.get("format", "text") == "json";
  if (o.has("what-if") && o.has("suggest")) {
    error("--what-if and --suggest answer different questions; give one of them\n"
          "       see `seam candidates --help`");
    return kError;
  }
  double resolution = 1.0;
  if (o.has("resolution")) {
    try {
      size_t used = 0;
      resolution = std::stod(o.get("resolution"), &used);
      if (used != o.get("resolution").size() || !(resolution > 0) || resolution > 100) throw 0;
    } catch (...) {
      error("--resolution needs a number above 0 (1 = plain modularity), not '" + o.get("resolution") + "'");
      return kError;
    }
  }
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  if (p.modules.empty()) {
    error("no modules: declare them in seam.json (`seam init` writes one)");
    return kError;
  }
  if (o.has("suggest")) {
    Suggestion s = pipeline::suggest(p, CandidateContext(p), resolution);
    return emit(o, json ? dump_json(suggest_json(p, s)) : suggest_text(p, s)) ? kOk : kError;
  }
  history::ChangeModel history;
  if (int rc = load_history(o, p, st, false, history)) return rc;
  CandidateContext ctx(p);
  ctx.set_history(&history);
  if (o.has("what-if")) {
    std::vector<ModuleId> set;
    if (!parse_module_set(p, o.get("what-if"), set)) return kError;
    Assessment a = assess(ctx, set);
    return emit(o, json ? dump_json(what_if_json(p, a)) : what_if_text(p, a)) ? kOk : kError;
  }
  Ranking r = rank_modules(ctx);
  return emit(o, json ? dump_json(candidates_json(p, r)) : candidates_text(p, r)) ? kOk : kError;
}

Registrar reg({
    "candidates",
    "extraction candidates, best first    --format text|json  --what-if A,B  --suggest",
    "seam candidates [--format text|json] [--what-if A,B | --suggest [--resolution R]] [options]",
    "Ranks the modules by the effort, in sites to change, to turn each into a service, least\n"
    "first, and says what blocks the rest. Only run-time uses become remote (out-of-line calls,\n"
    "mutable globals, virtual calls); compile-time ones (types, inline code, templates,\n"
    "constants, macros) are headers to take along, listed per module. For every module: its\n"
    "interface (the symbols other modules use, with remote calls and client modules), the\n"
    "modules it would call over the network, those it takes along as a library and those it\n"
    "needs only the headers of, its ports (abstract classes one module implements and another\n"
    "calls: existing contracts, not inheritance blockers), the types crossing the boundary\n"
    "(serialisable or not, and why), blockers (cycle, inheritance, global-state, friend,\n"
    "callback, identity) each at a file:line with its sites, calls from inside loops, the effort\n"
    "per term and a score from 0 to 100 that falls with it (docs/scoring.md). Shared kernels,\n"
    "entry points and modules others use only at compile time are listed but not ranked.\n"
    "Modules in one dependency cycle are also scored together.\n"
    "With git history (the project root is the top of a git work tree, or --history-repo), a\n"
    "module that changed together with modules outside it pays 2 sites of effort per such\n"
    "commit (co-change: a release two services would make in step), with the partner named;\n"
    "--what-if lists the co-change between the set and the rest. --no-history: static only.\n"
    "JSON follows the schema seam.candidates/2, or seam.candidates/3 when history is in the\n"
    "scores (docs/candidates.md, docs/history.md).",
    {{"format", "FMT", "output format", {"text", "json"}, "text"},
     {"what-if", "A,B", "score these modules as one service and list every call that would become remote", {}, ""},
     {"suggest", "", "cluster the symbol reference graph (Louvain, fixed seed) into services and compare the "
                     "partition with the declared modules: modularity, SM, ICP, IFN, NED, files to move", {}, ""},
     {"resolution", "R", "--suggest: Louvain resolution; above 1 gives more, smaller services", {}, "1"},
     history_options(true)[0], history_options(true)[1], history_options(true)[2], history_options(true)[3],
     history_options(true)[4]},
    0,
    0,
    run_candidates,
});

} // namespace
} // namespace seam::cli
