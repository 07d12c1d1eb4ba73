// The seam.json `seam init` writes: the modules it was given, each with the
// modules its code uses today as "may_depend_on" and a layer from
// levelization, so `seam check` on the day of installation reports only what
// no declaration can allow (cycles), and the team tightens it from there.
#pragma once

#include "analyzers/graph/module_graph.h"

#include <string>
#include <vector>

namespace seam {

struct StarterOptions {
  std::string source;      ///< where the modules came from, for the header comment
  std::string baseline = "seam-baseline.json";
};

/// Layer of each module (index = ModuleId): the Lakos level of the module on
/// the graph's condensation (1 = uses no other module; members of a cycle
/// share one), via analyzers/graph/levels.h.
std::vector<uint32_t> module_levels(const ModuleGraph& graph);

/// seam.json text (JSON with comments), deterministic: layers top first, modules
/// by layer then name, may_depend_on sorted. The config reader accepts it.
std::string starter_config(const Project& project, const ModuleGraph& graph, const StarterOptions& options);

} // namespace seam
