// seam report: one self-contained HTML file with every finding.
#include "analyzers/baseline/affected_filter.h"
#include "analyzers/core/paths.h"
#include "analyzers/vcs/affected.h"
#include "reports/html/report.h"
#include "tool/cli.h"

#include <unistd.h>

#ifndef SEAM_VERSION
#define SEAM_VERSION "0.0.0"
#endif

namespace seam::cli {
namespace {

int run_report(const Options& o) {
  if (o.output.empty() || o.output == "-") {
    // A report on a terminal helps nobody; say how to get the file.
    if (isatty(1)) {
      error("seam report writes HTML; pass -o report.html");
      return kError;
    }
  }
  // git first: a wrong revision fails before anything is parsed.
  vcs::ChangedFiles change;
  std::optional<pipeline::ProjectConfig> config;
  if (int rc = load_config_and_change(o, config, change)) return rc;
  Project p;
  ScanStats st;
  if (int rc = config ? load_project(o, std::move(*config), p, st) : load_project(o, p, st)) return rc;
  html::ReportOptions ro;
  ro.affected_rev = change.rev;
  ro.changed_files = change.files;
  ro.run.date = html::report_date();
  ro.run.version = SEAM_VERSION;
  ro.run.tus = st.tus;
  ro.run.tus_failed = st.failed;
  ro.run.title = o.get("title");
  // The commands' own analyses, once; the baseline as `seam check --baseline`
  // reads it, except that an invalid one counts as none (with a note).
  // The candidates with co-change from git history, as `seam candidates` ranks them.
  history::ChangeModel history;
  if (int rc = load_history(o, p, st, false, history)) return rc;
  pipeline::Analyses analyses =
      pipeline::analyse_all(p, chosen_edges(o), o.get("baseline"), diagnostics(o), &history);
  ro.history = &history;
  if (o.has("affected")) limit_to_change(analyses.check.gate.report, p, analyses.graph, change.files, change.rev);
  std::vector<std::string> notes;
  std::string page = html::html_report(p, analyses, ro, notes);
  if (!o.quiet)
    for (const std::string& n : notes) note(n);
  if (!emit(o, page)) return kError;
  if (!o.quiet && !o.output.empty() && o.output != "-")
    note("wrote " + o.output + " (" + std::to_string((page.size() + 1023) / 1024) + " KiB); open it in a browser");
  return kOk;
}

Registrar reg({
    "report",
    "self-contained HTML report        -o FILE",
    "seam report -o FILE [--title NAME] [--baseline FILE] [--edges include|symbol|all] [options]",
    "Writes one HTML file with everything seam finds: an overview, the module graph (click a\n"
    "module for its page; search, pan and zoom), the dependency structure matrix (click a cell\n"
    "for its sites), coupling metrics with the main-sequence chart, extraction candidates with\n"
    "their blockers and proto previews, the violations of seam.json, and one page per module.\n"
    "The file has its styles, script, data and drawings inlined and makes no network request;\n"
    "it opens from disk in any current browser. The date it shows is today's, or the one\n"
    "SOURCE_DATE_EPOCH gives, so the file can be reproduced byte for byte.\n"
    "--edges picks what makes an edge of the graph, the matrix, the metrics and the cycles\n"
    "(default: all for modules, include for components and files); the violations follow\n"
    "seam.json's rules, as in `seam check`. --affected REV draws the modules and edges a change\n"
    "since the merge base of REV and HEAD touches thick and blue, and marks the violations outside\n"
    "it in the data (as `seam check --affected`). With git history (the project root is the top of\n"
    "a git work tree, or --history-repo), a Change coupling page shows which modules change in the\n"
    "same commits, hidden coupling (no static dependency) in red, and each module page its commits,\n"
    "lines, authors, hotspot files and co-changing modules; the candidates carry co-change as\n"
    "`seam candidates` ranks them. --no-history, no work tree or a shallow clone: the report says so\n"
    "in one line and shows the static analysis. Docs: docs/report.md, docs/history.md",
    {{"title", "NAME", "project name shown in the report (default: the project folder's name)", {}, ""},
     {"affected", "REV", "mark what a change since the merge base of REV and HEAD touches", {}, ""},
     {"baseline", "FILE", "the check's baseline instead of seam.json's \"baseline\" (relative to the current "
                          "folder); violations it holds show as baselined", {}, ""},
     edges_option("default: all for modules, include for components and files"), history_options(true)[0],
     history_options(true)[1], history_options(true)[2], history_options(true)[3], history_options(true)[4]},
    0,
    0,
    run_report,
});

} // namespace
} // namespace seam::cli
