// seam check: the CI gate. Validates seam.json against the file list before
// parsing anything, runs the gate (analyzers/pipeline/check_stage.h), prints
// the chosen format and exits 1 when a new violation has severity error.
#include "analyzers/pipeline/check_stage.h"
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
  if (config->found)
    if (auto files = pipeline::check_config_files(request, *config, diagnostics(o)); !files) return files.status();

  Project p;
  ScanStats st;
  if (int rc = load_project(o, std::move(*config), p, st)) return rc;
  ModuleGraph g = build_module_graph(p);

  pipeline::CheckOptions co;
  co.baseline = o.get("baseline");
  co.update_baseline = o.has("update-baseline");
  pipeline::Outcome<pipeline::CheckRun> run = pipeline::check(p, g, co, diagnostics(o));
  if (!run) return run.status();
  CheckReport& report = run->gate.report;

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
