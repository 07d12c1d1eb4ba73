// seam init: a starter seam.json for an existing project, so a team can gate
// the day it installs seam. Modules come from CMake targets (File API reply in
// the build folder) or from the folder layout; may_depend_on and layers from
// the code as it is. Parses the project once, with its own config, so it does
// not read (or trip over) an existing seam.json.
#include "analyzers/core/interrupt.h"
#include "analyzers/core/paths.h"
#include "analyzers/init/cmake_targets.h"
#include "analyzers/init/header_placement.h"
#include "analyzers/init/infer_config.h"
#include "analyzers/init/starter_config.h"
#include "analyzers/pipeline/tu_selection.h"
#include "analyzers/roles/library_roles.h"
#include "tool/cli.h"

#include <filesystem>
#include <iostream>
#include <set>

namespace seam::cli {
namespace {

std::string plural(size_t n, const std::string& one, const std::string& many = "") {
  return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

int run_init(const Options& o) {
  std::error_code ec;
  const std::string root = canonical_path(std::filesystem::current_path(ec).string());
  Options out = o;
  if (out.output.empty()) out.output = "seam.json";
  if (out.output != "-" && std::filesystem::exists(out.output, ec) && !o.has("force")) {
    error(out.output + " already exists; `seam init --force` overwrites it, `-o FILE` writes elsewhere");
    return kError;
  }

  std::string err;
  std::vector<std::string> warnings;
  pipeline::Request request;
  if (!make_request(o, request)) return kError;
  pipeline::Outcome<pipeline::TuSelection> selected = pipeline::load_tus(request, root, {}, diagnostics(o));
  if (!selected) return selected.status();
  pipeline::TuSelection& tu_selection = *selected;
  const std::vector<std::string>& rel_files = tu_selection.rel_files;
  StarterOptions so;
  so.exclude = pipeline::leave_out_vendored(tu_selection, root, diagnostics(o));
  auto excluded = [&](const std::string& f) {
    for (const auto& [glob, why] : so.exclude)
      if (glob_match(glob, f)) return true;
    return false;
  };

  // Where the modules come from.
  const std::string db_path = canonical_path(tu_selection.db_path);
  const std::string db_dir = db_path.substr(0, db_path.rfind('/'));
  const std::string mode = o.get("modules", "auto");
  Config config;
  std::vector<CMakeTarget> targets;
  const bool from_folders = !(mode == "cmake" || (mode == "auto" && has_cmake_reply(db_dir)));
  std::vector<std::string> build_dirs; ///< the compile database's folder, when inside the root
  if (!from_folders) {
    if (!read_cmake_targets(db_dir, root, targets, err)) {
      error(err);
      return kError;
    }
    // Vendored targets (googletest's gtest, gmock) go with their folders.
    for (CMakeTarget& t : targets) std::erase_if(t.sources, excluded);
  } else {
    so.source = "the folder layout of its " + plural(rel_files.size(), "translation unit");
  }

  if (!o.quiet) note("reading " + plural(rel_files.size(), "translation unit") + " to find today's dependencies");
  pipeline::Facts facts;
  if (int rc = scan_tus(o, root, tu_selection, facts)) return rc;
  std::vector<TuFacts> tus = std::move(facts.tus);
  size_t failed = 0;
  for (const TuFacts& t : tus) failed += !t.ok;
  if (failed && !o.quiet)
    note(plural(failed, "translation unit") + " failed to parse; their dependencies up to the first error are kept");

  if (!from_folders) {
    // Only what a translation unit reaches gets a glob (issue 15: .rc files and
    // headers generated under build/ made the first `seam check` refuse the config).
    std::vector<std::string> reached_list = reached_project_files(tus);
    std::set<std::string> reached(reached_list.begin(), reached_list.end());
    reached.insert(rel_files.begin(), rel_files.end());
    std::string build_rel;
    if (relative_to(db_dir, root, build_rel)) build_dirs.push_back(build_rel);
    so.left_out = drop_unreached_sources(targets, reached, build_dirs);
    std::erase_if(targets, [](const CMakeTarget& t) { return t.sources.empty(); });
    config = config_from_targets(targets, root);
    so.source = "its " + plural(targets.size(), "CMake target") + " (CMake File API)";
    if (!o.quiet && !so.left_out.empty()) {
      std::string list;
      for (size_t i = 0; i < so.left_out.size() && i < 3; ++i) list += (i ? ", " : "") + so.left_out[i].source;
      note("left out " + plural(so.left_out.size(), "source") + " CMake lists but no glob can stand for (" + list +
           (so.left_out.size() > 3 ? ", ..." : "") + "): no translation unit reads them, or they are generated "
           "in the build folder; seam.json names them in a comment");
    }
  }
  // From the folders of the sources and of every project header they reach.
  if (from_folders) {
    std::vector<std::string> reached = reached_project_files(tus);
    std::erase_if(reached, excluded);
    config = infer_config(rel_files, reached, root);
  }
  config.root = root;
  config.inferred = true;
  for (const auto& [glob, why] : so.exclude) config.exclude.push_back(glob);
  // Roles are proposed the way seam infers them (test files, test targets,
  // libraries) with every module kept, so the file can declare them.
  config.roles_declared = false;
  config.include_tests = true;
  if (config.modules.empty()) {
    error("found no module in " + so.source + "; write seam.json by hand (docs/config.md)");
    return kError;
  }

  Project p;
  std::vector<std::string> errors;
  warnings.clear();
  if (!build_project(std::move(tus), config, p, errors, warnings)) {
    print_list(o, errors, MessageLevel::Formatted);
    return kError;
  }
  for (Module& m : p.modules)
    if (m.decl && m.decl->role == ModuleRole::Test) m.role_reason = "a CMake test target, by its name";
  if (!from_folders) {
    HeaderPlacement hp = place_headers(p, targets, build_dirs);
    if (!o.quiet && !hp.placed.empty())
      note("placed " + plural(hp.placed.size(), "header") + " no target lists (by include directory, else the "
           "target including it most), e.g. " + hp.placed.front().header + " in " + hp.placed.front().module + ": " +
           hp.placed.front().why);
    if (!o.quiet && !hp.unplaced.empty()) {
      std::string list;
      for (size_t i = 0; i < hp.unplaced.size() && i < 5; ++i) list += (i ? ", " : "") + hp.unplaced[i];
      note(plural(hp.unplaced.size(), "project header") + " still in no module (" + list +
           (hp.unplaced.size() > 5 ? ", ..." : "") + "): no target's include directory holds it and no module "
           "includes it; the starter config lists them");
    }
  }
  std::vector<std::string> libs = library_reasons(p);
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m)
    if (!libs[m].empty() && p.modules[m].role == ModuleRole::Service) {
      p.modules[m].role = ModuleRole::Library;
      p.modules[m].role_reason = libs[m];
    }
  ModuleGraph g = build_module_graph(p);
  const std::string text = starter_config(p, g, so);

  // The file must be one seam accepts: check it with the reader it is written for.
  Config back;
  std::vector<ConfigError> problems;
  if (!parse_config(text, out.output, back, problems)) {
    std::vector<std::string> lines;
    for (const ConfigError& e : problems) lines.push_back(e.format());
    print_list(o, lines, MessageLevel::Formatted);
    error("internal error: the starter config does not validate; please report it");
    return kError;
  }
  if (!emit(out, text)) return kError;
  if (!o.quiet && out.output != "-") {
    uint32_t layers = 0;
    std::vector<bool> test(p.modules.size());
    size_t tests = 0, libraries = 0;
    for (size_t m = 0; m < p.modules.size(); ++m) {
      test[m] = p.modules[m].role == ModuleRole::Test;
      tests += test[m];
      libraries += p.modules[m].role == ModuleRole::Library;
    }
    for (uint32_t l : module_levels(g, test)) layers = std::max(layers, l);
    note("wrote " + out.output + ": " + plural(p.modules.size(), "module") + " from " + so.source + " (" +
         plural(tests, "test module") + ", " + plural(libraries, "library", "libraries") + "), " + plural(layers, "layer") + "; next: `seam check --update-baseline` accepts today's violations, then run "
         "`seam check` in CI (docs/ci.md)");
  }
  return kOk;
}

Registrar reg({
    "init",
    "write a starter seam.json        --modules auto|folders|cmake",
    "seam init [--modules auto|folders|cmake] [--force] [-o FILE] [options]",
    "Writes a starter seam.json for the project in the current folder: its modules, each with\n"
    "the modules its code uses today as \"may_depend_on\" and a layer from levelization (a\n"
    "module is one level above the highest module it uses; the modules of a cycle share one),\n"
    "so `seam check` passes at once except for cycles, and the team tightens it from there.\n"
    "\n"
    "Modules come from the CMake targets when the build folder (-p) has a CMake File API reply\n"
    "(create <build>/.cmake/api/v1/query/codemodel-v2 and run cmake once), else from the folder\n"
    "layout (the first folder level under the common folder of all sources; headers elsewhere\n"
    "join a module by their folder, include/NAME/ the module NAME). With CMake targets, a\n"
    "project header no target lists joins the target with the deepest include directory\n"
    "holding it (when only one target has it), else the module whose files include it most;\n"
    "the rest are listed as belonging to no module. Parses every translation unit once (or\n"
    "takes its facts from the fact cache of an earlier run).\n"
    "\n"
    "Roles, each written with a // comment saying why (docs/config.md, \"Roles\"):\n"
    "  test     a CMake test target (test, tests, *_test(s), test_* names), a module whose files\n"
    "           are all tests (test/ and tests/ folders, *_test, *_tests, test_* files); test\n"
    "           files inside another module's folder (db/db_test.cc) go to a module \"tests\" with\n"
    "           globs such as \"db/*_test.*\", so the module's own code is counted without them\n"
    "  library  the lowest level (uses no other module), used by another module, no mutable\n"
    "           global and no class with virtual functions\n"
    "  service  every other module (the default, not written)\n"
    "Vendored code (third_party/, vendor/, external/, extern/, deps/, or a folder with its own\n"
    "git repository or its own CMake project()) goes to \"exclude\", like system headers.\n"
    "Refuses to overwrite an existing file without --force.\n"
    "Docs: docs/check.md.",
    {{"modules", "FROM", "where modules come from: CMake targets when there is a reply (auto), or always folders or "
                         "cmake", {"auto", "folders", "cmake"}, "auto"},
     {"force", "", "overwrite an existing seam.json (or -o FILE)", {}, ""}},
    0,
    0,
    run_init,
});

} // namespace
} // namespace seam::cli
