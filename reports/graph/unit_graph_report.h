// `seam graph` as text and JSON (seam.graph/1) at any level — module,
// component or file — after --module/--focus/--min-weight.
#pragma once

#include "analyzers/graph/cycles.h"
#include "analyzers/graph/graph_filter.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// What the drawing and the JSON need besides the graph itself.
struct GraphContext {
  const UnitGraph* graph = nullptr;
  GraphSelection selection;
  std::vector<uint32_t> levels;       ///< Lakos level per node (of the whole graph at this level)
  std::vector<UnitCycle> cycles;      ///< cycles of the whole graph at this level
  std::vector<uint32_t> cycle_of;     ///< per node: index into cycles or UINT32_MAX
  ModuleId only = kNoModule;          ///< --module
  GraphFilter filter;
  /// --affected REV: per node and per edge of the graph, touched by the change
  /// (analyzers/baseline/affected_filter.h); empty without --affected.
  std::vector<bool> touched_nodes, touched_edges;
  std::string affected_rev;
  size_t changed_files = 0;
};

/// Levels and cycles of `g`, then the selection by `filter`; false + error on a bad focus.
bool make_graph_context(const UnitGraph& g, ModuleId only, const GraphFilter& filter, GraphContext& out,
                        std::string& error);

/// True when edge `e` lies inside a cycle (both ends in the same cycle).
bool edge_in_cycle(const GraphContext& c, const UnitEdge& e);
/// True when edge `edge` (index into the graph's edges) is in its cycle's minimum cut.
bool edge_in_cut(const GraphContext& c, uint32_t edge);

/// "from -> to  weight  (kinds)" per selected edge.
std::string unit_graph_text(const GraphContext& c);

nlohmann::ordered_json unit_graph_json(const Project& project, const GraphContext& c, bool external);

} // namespace seam
