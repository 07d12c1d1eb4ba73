// Which part of a UnitGraph to show: one node and its direct neighbours
// (--focus), and only edges of at least some weight (--min-weight). Shared by
// every output format of `seam graph`, so text, JSON and pictures agree.
#pragma once

#include "analyzers/graph/unit_graph.h"

#include <string>
#include <vector>

namespace seam {

struct GraphFilter {
  std::string focus;       ///< node name; empty = all nodes
  uint32_t min_weight = 0; ///< edges lighter than this are hidden (0, 1: none)
};

struct GraphSelection {
  std::vector<uint32_t> nodes; ///< node ids, sorted
  std::vector<uint32_t> edges; ///< indices into UnitGraph::edges, sorted, both ends selected
  uint32_t focus = kNoNode;
  size_t hidden_edges = 0;     ///< edges between selected nodes hidden by min_weight
};

/// Applies `filter`. With a focus, the nodes are the focus and every node it
/// has an edge to or from (of at least min_weight), and the edges are all
/// edges among them. Returns false with a message naming the choices when the
/// focus is not a node of the graph.
bool select_graph(const UnitGraph& g, const GraphFilter& filter, GraphSelection& out, std::string& error);

} // namespace seam
