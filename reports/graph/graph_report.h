// The module graph as text (one line per edge) and JSON (seam.graph/1).
#pragma once

#include "analyzers/graph/module_graph.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// "from -> to  weight N  (call a, type b, include c)" per edge, sorted.
std::string graph_text(const Project& project, const ModuleGraph& graph);

/// {"schema":"seam.graph/1","level":"module","nodes":[...],"edges":[...],"external":[...]}
nlohmann::ordered_json graph_json(const Project& project, const ModuleGraph& graph);

/// Deterministic JSON text: two-space indent, trailing newline.
std::string dump_json(const nlohmann::ordered_json& j);

} // namespace seam
