// seam history: what git says about the modules: hotspots (change frequency x
// size) and ownership (authors), per module or per file.
#include "reports/graph/graph_report.h"
#include "reports/history/history_report.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

int run_history(const Options& o) {
  size_t top = 0;
  if (o.has("top")) {
    const std::string t = o.get("top");
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) {
      error("--top needs a number of rows, not '" + t + "'");
      return kError;
    }
    top = std::stoul(t);
  }
  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  history::ChangeModel model;
  if (int rc = load_history(o, p, st, true, model)) return rc;
  const bool files = o.get("level", "module") == "file";
  const bool json = o.get("format", "text") == "json";
  return emit(o, json ? dump_json(history_json(p, model, files, top)) : history_text(p, model, files, top)) ? kOk
                                                                                                             : kError;
}

std::vector<OptionSpec> options() {
  std::vector<OptionSpec> o = {{"format", "FMT", "output format", {"text", "json"}, "text"},
                               {"level", "LEVEL", "rows per module or per file", {"module", "file"}, "module"},
                               {"top", "N", "only the first N rows (0: all)", {}, "0"}};
  for (OptionSpec& s : history_options(false)) o.push_back(std::move(s));
  return o;
}

Registrar reg({
    "history",
    "hotspots and ownership from git history --format text|json  --level module|file",
    "seam history [--format text|json] [--level module|file] [--top N] [--since WHEN | --commits N]\n"
    "                  [--max-files N] [--history-repo DIR] [options]",
    "Reads the project's git history (git log, renames followed) in a window before HEAD\n"
    "(default 12 months, or --commits N), leaves out merges and commits changing more than\n"
    "--max-files files (mass renames, reformatting), maps each changed file to its module with\n"
    "seam.json's rules, and prints per module (or file): commits, lines added and removed, its\n"
    "current size in lines, the hotspot score (commits x lines: code that is both big and\n"
    "often changed), distinct authors and the main author's share of the commits, and for\n"
    "modules the share of commits that also changed another module. The history is read from\n"
    "the git work tree whose top folder is the project root (else --history-repo DIR); commits\n"
    "are cached by id beside the fact cache, so a second run reads only new ones (commits not\n"
    "cached are read by -j git processes at once).\n"
    "`seam graph --coupling change` shows what changes together.\n"
    "JSON follows the schema seam.history/1 (docs/history.md).",
    options(),
    0,
    0,
    run_history,
});

} // namespace
} // namespace seam::cli
