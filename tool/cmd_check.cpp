// seam check: the CI gate. Validates seam.json against the file list before
// parsing anything, evaluates the rules, compares with the baseline, prints
// the chosen format and exits 1 when a new violation has severity error.
#include "analyzers/baseline/affected_filter.h"
#include "analyzers/baseline/gate.h"
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"
#include "analyzers/rules/config_files.h"
#include "analyzers/vcs/affected.h"
#include "reports/check/check_report.h"
#include "tool/cli.h"

#include <filesystem>
#include <iostream>

#ifndef SEAM_VERSION
#define SEAM_VERSION "0.0.0"
#endif

namespace seam::cli {
namespace {

/// The config checks that need the file list (a glob matching nothing, a file
/// in two modules). Reads the compile database but parses nothing.
int precheck_config(const Options& o, const Config& config) {
  std::string db_path, err;
  if (!find_compile_db(o.p_dir, db_path, err)) {
    error(err);
    return kError;
  }
  CompileDb db;
  std::vector<std::string> ignored; // load_project prints the database's warnings once
  if (!load_compile_db(db_path, db, ignored, err)) {
    error(err);
    return kError;
  }
  std::vector<std::string> sources;
  for (const CompileCommand& c : db.commands) {
    std::string rel;
    if (relative_to(canonical_path(c.file), config.root, rel)) sources.push_back(rel);
  }
  std::string db_dir = canonical_path(db_path);
  db_dir = db_dir.substr(0, db_dir.rfind('/'));
  std::vector<std::string> files = list_project_files(config.root, {db_dir}, sources);
  const std::string name = o.config.empty() ? "seam.json" : o.config;
  ConfigFileProblems problems = check_config_files(config, files, name);
  for (const ConfigError& w : problems.warnings) {
    std::string text = w.format();
    size_t at = text.find(": error: ");
    if (at != std::string::npos) text.replace(at, 9, ": warning: ");
    std::cerr << text << "\n";
  }
  if (problems.errors.empty()) return kOk;
  for (const ConfigError& e : problems.errors) std::cerr << e.format() << "\n";
  error(name + ": " + std::to_string(problems.errors.size()) + " problem" + (problems.errors.size() == 1 ? "" : "s") +
        " in the config; nothing was analysed");
  return kError;
}

/// The baseline's path: --baseline (relative to the current folder), else
/// seam.json's "baseline" relative to the project root.
std::string baseline_path(const Options& o, const Config& config) {
  std::error_code ec;
  if (o.has("baseline")) return absolute_path(o.get("baseline"), std::filesystem::current_path(ec).string());
  return absolute_path(config.baseline, config.root);
}

std::string shown(const std::string& abs, const std::string& root) {
  std::string rel;
  return relative_to(abs, root, rel) ? rel : abs;
}

int run_check(const Options& o) {
  Config config;
  bool found = false;
  if (int rc = load_config_only(o, config, found)) return rc;
  // git first: a wrong revision or a shallow clone fails in a second, before
  // the compile database is read or anything is parsed.
  vcs::ChangedFiles change;
  if (o.has("affected")) {
    std::string err;
    if (!vcs::changed_files(canonical_path(config.root), o.get("affected"), change, err)) {
      error(err);
      return kError;
    }
  }
  if (found)
    if (int rc = precheck_config(o, config)) return rc;

  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  ModuleGraph g = build_module_graph(p);
  if (o.has("affected") && !o.quiet)
    note("--affected " + change.rev + ": " + std::to_string(change.files.size()) + " project file" +
         (change.files.size() == 1 ? "" : "s") + " changed since " + change.merge_base.substr(0, 12) +
         (change.uncommitted ? " (" + std::to_string(change.uncommitted) + " not committed)" : "") + "; " +
         std::to_string(st.parsed) + " of " + std::to_string(st.tus) + " translation units parsed, " +
         std::to_string(st.from_cache) + " from the fact cache");

  const std::string bpath = baseline_path(o, p.config);
  std::error_code ec;
  const bool exists = std::filesystem::exists(bpath, ec);
  Baseline baseline;
  GateResult gate;
  if (o.has("update-baseline")) {
    GateResult current = run_gate(p, g, nullptr);
    baseline = make_baseline(current.report.violations, current.interfaces);
    std::string err;
    if (!write_file_atomic(bpath, format_baseline(baseline), err)) {
      error(err);
      return kError;
    }
    size_t symbols = 0;
    for (const auto& [m, names] : baseline.interfaces) symbols += names.size();
    if (!o.quiet)
      note("wrote " + shown(bpath, p.root) + ": " + std::to_string(baseline.entries.size()) + " violation" +
           (baseline.entries.size() == 1 ? "" : "s") + ", the interface of " +
           std::to_string(baseline.interfaces.size()) + " module" + (baseline.interfaces.size() == 1 ? "" : "s") +
           " being extracted (" + std::to_string(symbols) + " symbols); commit it");
    gate = run_gate(p, g, &baseline);
  } else if (exists) {
    // Messages name the baseline as the user wrote it (or relative to the project root).
    const std::string display = o.has("baseline") ? o.get("baseline") : shown(bpath, p.root);
    std::vector<std::string> errors;
    std::string text, err;
    if (!read_file(bpath, text, err)) {
      error(err);
      return kError;
    }
    if (!parse_baseline(text, display, baseline, errors)) {
      for (const std::string& e : errors) std::cerr << e << "\n";
      error("the baseline " + display + " is invalid; fix it, or rewrite it with `seam check --update-baseline`");
      return kError;
    }
    gate = run_gate(p, g, &baseline);
  } else {
    // No baseline yet (also for an explicit --baseline): every violation is new, as on the
    // first run of a project; the note below says how to create one.
    gate = run_gate(p, g, nullptr);
  }
  CheckReport& report = gate.report;
  if (o.has("affected")) limit_to_change(report, p, g, change.files, change.rev);
  const std::string fail_on = o.get("fail-on", "error");
  report.fail_on = fail_on == "never" ? Severity::Off : fail_on == "warning" ? Severity::Warning
                 : fail_on == "info"  ? Severity::Info : Severity::Error;
  report.config_file = found ? shown(canonical_path(p.config.path), p.root) : "";
  report.baseline_file = shown(bpath, p.root);
  if (!found)
    report.notes.insert(report.notes.begin(), "no seam.json: modules were inferred from the folders and only "
                                              "cycles are checked; `seam init` writes a seam.json to declare "
                                              "layers and dependencies");
  if (!exists && !o.has("update-baseline"))
    report.notes.push_back("no baseline at " + report.baseline_file +
                           ": every violation is new; `seam check --update-baseline` accepts the current ones");

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
    "the modules around it), and the\n"
    "interfaces of the modules being extracted. Violations it holds are reported as baselined and\n"
    "do not fail; entries that no longer occur are listed as fixed.\n"
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
