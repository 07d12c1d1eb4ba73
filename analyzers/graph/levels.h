// Levelization (Lakos, "Large-Scale C++ Software Design", ch. 4): a node that
// depends on nothing inside the graph is at level 1; any other node is one
// above the highest node it depends on. The members of a cycle depend on each
// other, so they are treated as one node and share a level. A layered drawing
// puts each level on its own rank, dependencies below their users.
#pragma once

#include <cstdint>
#include <vector>

namespace seam {

/// Level of every node (1-based) of a graph given as successor lists.
/// Linear: one Tarjan pass, then one pass over the condensation in reverse
/// topological order.
std::vector<uint32_t> levelize(const std::vector<std::vector<uint32_t>>& successors);

} // namespace seam
