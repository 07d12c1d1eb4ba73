#include "analyzers/graph/boundary.h"

#include <algorithm>

namespace seam {

BoundaryBreak boundary_break(const Project& p, ModuleId from, ModuleId to) {
  BoundaryBreak b;
  if (from == to || from < 0 || to < 0 || static_cast<size_t>(from) >= p.modules.size() ||
      static_cast<size_t>(to) >= p.modules.size())
    return b;
  const Module& a = p.modules[from];
  const Module& z = p.modules[to];
  // Layer 0 is the top: a module may use its own layer and the ones below it.
  if (a.layer >= 0 && z.layer >= 0 && z.layer < a.layer) b.upward_layer = true;
  if (a.decl && a.decl->may_depend_on) {
    const auto& allowed = *a.decl->may_depend_on;
    b.undeclared = std::find(allowed.begin(), allowed.end(), z.name) == allowed.end();
  }
  return b;
}

BoundaryBreak boundary_break_in_force(const Project& p, ModuleId from, ModuleId to) {
  BoundaryBreak b = boundary_break(p, from, to);
  if (p.config.severity("layer") == Severity::Off) b.upward_layer = false;
  if (p.config.severity("undeclared") == Severity::Off) b.undeclared = false;
  return b;
}

} // namespace seam
