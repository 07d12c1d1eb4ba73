// `seam candidates --suggest` as text and JSON (schema seam.suggest/1,
// docs/candidates.md): suggested services beside the declared modules, the
// decomposition metrics of both, and the files the suggestion would move.
#pragma once

#include "analyzers/cluster/suggest.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

nlohmann::ordered_json suggest_json(const Project& project, const Suggestion& s);
std::string suggest_text(const Project& project, const Suggestion& s);

} // namespace seam
