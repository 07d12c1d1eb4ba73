// The shortest chain of dependencies from one node to another, for
// `seam why A B` when A does not use B directly: it names the modules (or
// components, files) through which A reaches B, so the reader knows which
// link to cut.
#pragma once

#include "analyzers/graph/unit_graph.h"

#include <vector>

namespace seam {

/// Edges (indices into g.edges) of a shortest path from -> to, by number of
/// links; empty when `to` is unreachable or from == to. Breadth-first over
/// successors in id (name) order, so among equally short chains the one whose
/// first differing node comes first by name wins.
std::vector<uint32_t> shortest_chain(const UnitGraph& g, uint32_t from, uint32_t to);

} // namespace seam
