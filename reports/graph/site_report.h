// One site (a reference or an include) as JSON and as a text line, written
// the same way by every report that traces a number back to file:line.
#pragma once

#include "analyzers/graph/edge_sites.h"
#include "analyzers/graph/unit_graph.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// {"file","line","column","from","symbol","kind"} of Project::refs[ref].
nlohmann::ordered_json ref_site_json(const Project& project, uint32_t ref);
/// {"file","line","included","spelled"} of Project::includes[inc].
nlohmann::ordered_json include_site_json(const Project& project, uint32_t inc);

/// "path:line:col  kind  from -> symbol" (symbol omitted when `with_symbol` is false).
std::string ref_site_text(const Project& project, uint32_t ref, bool with_symbol = true);
/// "path:line  #include \"spelled\"".
std::string include_site_text(const Project& project, uint32_t inc);

/// The heaviest sites of an edge: its `max_symbols` most used symbols (first
/// site of each, with the use count) and its first `max_includes` include
/// directives. JSON: {"symbols":[{"symbol","uses","site":{...}}],"includes":[...]}.
nlohmann::ordered_json heaviest_sites_json(const Project& project, const UnitEdge& e, size_t max_symbols,
                                           size_t max_includes);
/// The same as indented text lines.
std::string heaviest_sites_text(const Project& project, const UnitEdge& e, size_t max_symbols,
                                size_t max_includes, const std::string& indent);

/// "call 1, include 3, type 4".
std::string kinds_text(const EdgeUses& e);
/// {"call":1,"include":3,"type":4}
nlohmann::ordered_json kinds_json(const EdgeUses& e);
/// {"from","to","weight","kinds"}: the start every graph report gives an edge
/// in JSON; callers add their own keys after these.
nlohmann::ordered_json edge_json(const std::string& from, const std::string& to, const EdgeUses& e);
/// The references of `e` that are run-time dependencies
/// (analyzers/model/dependency_time.h); the rest of its weight, includes
/// among it, is compile-time.
uint32_t run_time_uses(const Project& project, const EdgeUses& e);
/// The same, then "compile_time" and "run_time": the edge's uses split by
/// analyzers/model/dependency_time.h; includes are compile-time, so the two
/// add up to the weight.
nlohmann::ordered_json edge_json(const Project& project, const std::string& from, const std::string& to,
                                 const EdgeUses& e);

} // namespace seam
