// seam.json "ownership" checked against the code: each entry must name a
// function of the project and one of its parameters, or a typo would leave a
// function skipped with nothing saying why the entry did not apply.
#pragma once

#include "analyzers/config/config.h"
#include "analyzers/model/model.h"

#include <vector>

namespace seam::stubs {

/// One error (with the entry's position in seam.json) per "ownership" entry
/// naming no function of `project` with a parameter of that name.
std::vector<ConfigError> check_ownership(const Project& project);

} // namespace seam::stubs
