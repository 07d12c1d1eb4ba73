// seam check: the CI gate. Validates seam.json against the file list before
// parsing anything, runs the gate (analyzers/pipeline/check_stage.h), prints
// the chosen format and exits 1 when a new violation has severity error.
#include "analyzers/baseline/affected_filter.h"
#include "analyzers/pipeline/check_stage.h"
#include "analyzers/vcs/affected.h"
#include "reports/check/check_report.h"
#include "tool/cli.h"


#ifndef SEAM_VERSION
#define SEAM_VERSION "0.0.0"
#endif

namespace seam::cli {
namespace {

int run_check(const Options& o) {
  pipeline::Request request;
  if (!make_request(o, request)) return kError;
  pipeline::Outcome<pipeline::ProjectConfig> config = pipeline::load_config(request, diagnostics(o));
  if (!config) return config.status();
  // git first: a wrong revision or a shallow clone fails in a second, before
  // the compile database is read or anything is parsed.
  vcs::ChangedFiles change;
  if (o.has("affected")) {
    std::string err;
    if (!vcs::changed_files(config->config.root, o.get("affected"), change, err)) {
      error(err);
      return kError;
    }
  }
  if (config->found)
    if (auto files = pipeline::check_config_files(request, *config, diagnostics(o)); !files) return files.status();

  Project p;
  ScanStats st;
  if (int rc = load_project(o, std::move(*config), p, st)) return rc;
  ModuleGraph g = build_module_graph(p);
  if (o.has("affected") && !o.quiet)
    note("--affected " + change.rev + ": " + std::to_string(change.files.size()) + " project file" +
         (change.files.size() == 1 ? "" : "s") + " changed since " + change.merge_base.substr(0, 12) +
         (change.uncommitted ? " (" + std::to_string(change.uncommitted) + " not committed)" : "") + "; " +
         std::to_string(st.parsed) + " of " + std::to_string(st.tus) + " translation units parsed, " +
         std::to_string(st.from_cache) + " from the fact cache");

  pipeline::CheckOptions co;
  co.baseline = o.get("baseline");
  co.update_baseline = o.has("update-baseline");
  pipeline::Outcome<pipeline::CheckRun> run = pipeline::check(p, g, co, diagnostics(o));
  if (!run) return run.status();
  CheckReport& report = run->gate.report;
  if (o.has("affected")) limit_to_change(report, p, g, change.files, change.rev);
  const std::string fail_on = o.get("fail-on", "error");
  report.fail_on = fail_on == "never" ? Severity::Off : fail_on == "warning" ? Severity::Warning
                 : fail_on == "info"  ? Severity::Info : Severity::Error;

  CheckFormatOptions fo;
  fo.path_prefix = o.get("path-prefix");
  // Colour only on standard output: a file written with -o stays plain.
  fo.color = o.get("format", "text") == "text" && (o.output.empty() || o.output == "-") && use_color(o);
  fo.show_baselined = o.has("show-baselined");
  fo.version = SEAM_VERSION;
  if (!emit(o, render_check(o.get("format", "text"), report, fo))) return kError;
  return report.failed() ? kViolations : kOk;
}

Registrar reg({
    "check",
    "enforce seam.json (the CI gate)   --format text|json|sarif|junit|github|gitlab|markdown",
    "seam check [--format FMT] [--baseline FILE] [--update-baseline] [options]",
    "Checks the code against the architecture seam.json declares and exits 1 when a violation\n"
    "that the baseline does not hold has severity error (--fail-on changes the threshold; 0\n"
    "otherwise, 2 on an error).\n"
    "\n"
    "Rules (severity per rule in seam.json: \"rules\": {\"layer\": \"warning\"}; error by default,\n"
    "unused-allowance info):\n"
    "  cycle             modules that depend on each other in a cycle: one violation per\n"
    "                    elementary cycle (seam cycles' breakdown), at its edge in the minimum cut\n"
    "  layer             a dependency on a module of a higher layer (\"layers\", top first)\n"
    "  undeclared        a dependency on a module not in the module's \"may_depend_on\"\n"
    "  private-header    an #include of another module's header not in its \"public\" globs\n"
    "  interface-growth  a module marked \"extract\": true gains an interface symbol the\n"
    "                    baseline does not list\n"
    "  unused-allowance  a \"may_depend_on\" entry that no code uses\n"
    "Each violation is reported at its site (the first use of a symbol or header in a file).\n"
    "\n"
    "The baseline (\"baseline\" in seam.json, default seam-baseline.json beside it) holds accepted\n"
    "violations, keyed by rule, modules, file and symbol or header (no line numbers; a cycle by\n"
    "the modules around it), and the interfaces of the modules being extracted. Violations it\n"
    "holds are reported as baselined and do not fail; entries that no longer occur are listed\n"
    "as fixed.\n"
    "\n"
    "Before parsing, seam.json is checked against the project's files: a \"paths\" or \"public\"\n"
    "glob that matches no file, or a file in two modules, is an error at its line and column.\n"
    "With --affected REV only what a change touches can fail: the files changed since the merge\n"
    "base of REV and HEAD (git diff --name-only -M REV...HEAD, renames followed) plus the work\n"
    "tree's uncommitted and untracked files. A violation fails when its site is in a changed\n"
    "file; a cycle when one of its module edges has a site there; interface-growth when a use\n"
    "or the declaration of the symbol is there; and, as always, only when the baseline does\n"
    "not hold it. The rest is counted as outside the change and never fails. Translation units\n"
    "whose files did not change come from the fact cache. Not a git work tree, or a revision\n"
    "the clone lacks (a shallow CI clone: fetch-depth 0): exit 2 with what to do.\n"
    "\n"
    "Docs: docs/check.md, CI set-up: docs/ci.md.",
    {{"format", "FMT", "output format", check_formats(), "text"},
     {"baseline", "FILE", "baseline file instead of seam.json's \"baseline\" (relative to the current folder)", {}, ""},
     {"update-baseline", "", "write every current violation and the interfaces of \"extract\" modules to the "
                             "baseline (atomically), then report against it (exit 0)", {}, ""},
     {"affected", "REV", "fail only on what changed since the merge base of REV and HEAD (work tree "
                         "included); count the rest (e.g. --affected origin/main)", {}, ""},
     {"fail-on", "SEV", "lowest severity of a new violation that exits 1; never: always exit 0 "
                        "(still 2 on an error)", {"error", "warning", "info", "never"}, "error"},
     {"show-baselined", "", "text: list baselined violations too (as notes); by default they are counted", {}, ""},
     {"path-prefix", "DIR", "prepend DIR/ to file paths in every format but json, when seam.json is not at the "
                            "repository root (CI tools resolve paths against the repository)", {}, ""}},
    0,
    0,
    run_check,
});

} // namespace
} // namespace seam::cli
