// What seam.json's declared architecture says about one module edge: does it
// go up the layers, or outside the module's "may_depend_on"? The drawing marks
// such edges; the check command owns the full rules (severities, baselines,
// sites) and may reuse or replace this.
#pragma once

#include "analyzers/model/model.h"

namespace seam {

struct BoundaryBreak {
  bool upward_layer = false; ///< `to` is in a layer above `from` (layers are listed top first)
  bool undeclared = false;   ///< `from` declares "may_depend_on" and `to` is not in it
  bool any() const { return upward_layer || undeclared; }
};

/// The rule breaks of a dependency from -> to (two distinct modules).
/// Modules without a layer, or without "may_depend_on", break nothing.
BoundaryBreak boundary_break(const Project& project, ModuleId from, ModuleId to);

/// The same, without the breaks of a rule seam.json's "rules" turns "off"
/// (what the drawings and the graph JSON mark).
BoundaryBreak boundary_break_in_force(const Project& project, ModuleId from, ModuleId to);

} // namespace seam
