// seam check: the CI gate. Validates seam.json against the file list before
// parsing anything, evaluates the rules, compares with the baseline, prints
// the chosen format and exits 1 when a new violation has severity error.
#include "analyzers/baseline/gate.h"
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"
#include "analyzers/rules/config_files.h"
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
  std::vector<std::string> lines;
  for (const ConfigError& w : problems.warnings) {
    std::string text = w.format();
    size_t at = text.find(": error: ");
    if (at != std::string::npos) text.replace(at, 9, ": warning: ");
    lines.push_back(std::move(text));
  }
  print_list(o, lines, MessageLevel::Formatted, "config warnings");
  if (problems.errors.empty()) return kOk;
  lines.clear();
  for (const ConfigError& e : problems.errors) lines.push_back(e.format());
  print_list(o, lines, MessageLevel::Formatted, "config problems");
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
  if (found)
    if (int rc = precheck_config(o, config)) return rc;

  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  ModuleGraph g = build_module_graph(p);

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
      print_list(o, errors, MessageLevel::Formatted, "baseline problems");
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
    "that the baseline does not hold has severity error (0 otherwise, 2 on an error).\n"
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
    "Docs: docs/check.md, CI set-up: docs/ci.md.",
    {{"format", "FMT", "output format", check_formats(), "text"},
     {"baseline", "FILE", "baseline file instead of seam.json's \"baseline\" (relative to the current folder)", {}, ""},
     {"update-baseline", "", "write every current violation and the interfaces of \"extract\" modules to the "
                             "baseline (atomically), then report against it (exit 0)", {}, ""},
     {"show-baselined", "", "text: list baselined violations too (as notes); by default they are counted", {}, ""},
     {"path-prefix", "DIR", "prepend DIR/ to file paths in every format but json, when seam.json is not at the "
                            "repository root (CI tools resolve paths against the repository)", {}, ""}},
    0,
    0,
    run_check,
});

} // namespace
} // namespace seam::cli
