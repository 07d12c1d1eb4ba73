// Which uses make a dependency edge: #include directives (compile time, Lakos'
// physical dependency), references to symbols (link and run time), or both.
// One vocabulary for `--edges` on the commands and "edges" in seam.json's
// rules; the graph builders apply it (unit_graph.h, module_graph.h).
#pragma once

#include <cstdint>
#include <string>

namespace seam {

enum class EdgeKinds : uint8_t {
  Include, ///< #include edges only
  Symbol,  ///< references to symbols only
  All,     ///< both
};

const char* to_string(EdgeKinds k); ///< "include", "symbol", "all"
bool parse_edge_kinds(const std::string& s, EdgeKinds& out);
/// What the edges are, for a header line: "#include directives",
/// "references to symbols", "#include directives and references to symbols".
const char* edge_kinds_meaning(EdgeKinds k);
/// "edges: include (#include directives)": the line a text output starts with.
std::string edge_kinds_line(EdgeKinds k);

inline bool has_includes(EdgeKinds k) { return k != EdgeKinds::Symbol; }
inline bool has_references(EdgeKinds k) { return k != EdgeKinds::Include; }

} // namespace seam
