// The seam.json `seam init` writes: the modules it was given, each with the
// modules its code uses today as "may_depend_on" and a layer from
// levelization, so `seam check` on the day of installation reports only what
// no declaration can allow (cycles), and the team tightens it from there.
#pragma once

#include "analyzers/graph/module_graph.h"
#include "analyzers/init/cmake_targets.h"

#include <string>
#include <vector>

namespace seam {

struct StarterOptions {
  std::string source;      ///< where the modules came from, for the header comment
  std::string baseline = "seam-baseline.json";
  /// "exclude" globs to write, each with why (vendored code), in this order.
  std::vector<std::pair<std::string, std::string>> exclude;
  /// Sources the modules' origin lists (CMake targets) that get no glob, each
  /// with its target and why; written as a comment, so the next `seam check`
  /// finds no glob matching nothing (drop_unreached_sources).
  std::vector<LeftOutSource> left_out;
};

/// Layer of each module (index = ModuleId): the Lakos level of the module on
/// the graph's condensation (1 = uses no other module; members of a cycle
/// share one), via analyzers/graph/levels.h.
std::vector<uint32_t> module_levels(const ModuleGraph& graph);
/// Same, on the graph without the modules marked in `skip` (they get level 0).
std::vector<uint32_t> module_levels(const ModuleGraph& graph, const std::vector<bool>& skip);

/// Globs that hold exactly these test files and no file of a test folder's
/// own module: "F/*_test.*" (or *_tests.*, test_*.*) per folder F of a file
/// named so, "…/test/**" for a file in a test folder. Sorted, each once.
std::vector<std::string> test_module_globs(const std::vector<std::string>& files);

/// seam.json text (JSON with comments), deterministic: layers top first, modules
/// by layer then name, may_depend_on sorted. The config reader accepts it.
/// A module whose Module::role is not service gets "role" with a `//` line
/// saying why (Module::role_reason); test modules get no layer (levels are of
/// the other modules) and come last. A module without a ModuleDecl (the test
/// files gathered from other modules' folders) gets test_module_globs().
std::string starter_config(const Project& project, const ModuleGraph& graph, const StarterOptions& options);

} // namespace seam
