// Deterministic JSON text, shared by every JSON writer.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// Deterministic JSON text: two-space indent, trailing newline.
std::string dump_json(const nlohmann::ordered_json& j);

} // namespace seam
