// `seam why A B`: what a developer reads to cut the dependency A -> B. Every
// site, grouped by the symbol of B it uses (most used first), then the include
// directives; or, when A reaches B only through others, the shortest chain
// with one site per link.
#pragma once

#include "analyzers/graph/unit_graph.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

std::string why_text(const Project& project, const UnitGraph& g, uint32_t from, uint32_t to);

/// {"schema":"seam.why/1","level","from","to","direct",
///  "weight","kinds","symbols":[{"symbol","symbol_kind","uses","sites":[...]}],
///  "includes":[{"file","count","sites":[...]}],"chain":[{"from","to","weight","site"}],
///  "reverse_weight","cycle":null|{"members":N,"in_cut","cut_exact","cut_weight",
///  "cut":[{"from","to","weight"}]}}: "cycle" when both ends lie in one cycle,
///  with its minimum cut and whether from -> to is one of its edges.
nlohmann::ordered_json why_json(const Project& project, const UnitGraph& g, uint32_t from, uint32_t to);

} // namespace seam
