// The module dependency graph: an edge A->B for every reference from code in A
// to a symbol owned by B and every include of a B file from an A file (or only
// one of the two: EdgeKinds), with counts per kind and the sites behind them
// (indices into the Project).
#pragma once

#include "analyzers/core/edge_kinds.h"
#include "analyzers/graph/edge_uses.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace seam {

struct ModuleEdge : EdgeUses {
  ModuleId from = kNoModule;
  ModuleId to = kNoModule;
};

struct ModuleGraph {
  size_t module_count = 0;
  EdgeKinds edge_kinds = EdgeKinds::All;       ///< what made the edges
  std::vector<ModuleEdge> edges;               ///< sorted by (from, to); ids follow name order
  std::vector<std::vector<uint32_t>> out;      ///< per module: indices into edges
  std::vector<std::vector<uint32_t>> in;       ///< per module: indices into edges

  const ModuleEdge* find(ModuleId from, ModuleId to) const;
  /// Adjacency as module ids (successors), for graph algorithms.
  std::vector<std::vector<uint32_t>> successors() const;
};

/// Builds the graph in one pass over references and includes (linear);
/// `edges` picks which of the two make an edge.
ModuleGraph build_module_graph(const Project& project, EdgeKinds edges = EdgeKinds::All);

/// Strongly connected components of a directed graph given as successor
/// lists (Tarjan, iterative, linear). Returns only components that are
/// cycles (two or more nodes, or one node with a self-loop); each sorted,
/// the list sorted by first member.
std::vector<std::vector<uint32_t>> find_cycles(const std::vector<std::vector<uint32_t>>& successors);

/// The component each node belongs to (every node, cycles or not), numbered in
/// reverse topological order (a component's successors have smaller numbers).
std::vector<uint32_t> component_ids(const std::vector<std::vector<uint32_t>>& successors,
                                    uint32_t& component_count);

} // namespace seam
