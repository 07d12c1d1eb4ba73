// The library role when seam.json declares no role: a module at the lowest
// level of the module graph (it uses no other module), with no mutable global
// and an interface of types and functions (no class with virtual functions),
// that some module uses. The rule `seam init` proposes libraries by.
#pragma once

#include "analyzers/model/model.h"

#include <string>
#include <vector>

namespace seam {

/// Per module: why it is a library by the rule above, one line, or empty
/// when it is not one. Reads the module graph of `p`; test modules neither
/// count as users nor as dependencies.
std::vector<std::string> library_reasons(const Project& p);

/// When p.config declares no role, sets the role of every service module the
/// rule makes a library (Module::role_inferred stays true). Otherwise nothing.
void infer_library_roles(Project& p);

/// The notes a run prints about roles: test modules left out (and
/// --include-tests), roles inferred rather than declared. Empty when there is
/// nothing to say.
std::vector<std::string> role_notes(const Project& p);

} // namespace seam
