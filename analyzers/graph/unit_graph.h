// One dependency graph type for the three granularities seam draws and
// checks: modules, Lakos components (a header and the source of the same name
// in the same folder) and files. Cycles, levels, DOT/SVG and `seam why` work
// on it, so they behave the same at every level.
//
// What makes an edge is a choice (EdgeKinds: include, symbol or all), with a
// default per level:
//  - module:    all: references to symbols of the other module, and includes
//               (the same edges as build_module_graph);
//  - component: include: Lakos' physical dependency, where a cycle is one a
//               project's include-cycle lint would list;
//  - file:      include: the graph the preprocessor walks.
// A reference edge goes to the node that owns the symbol (its defining file).
#pragma once

#include "analyzers/core/edge_kinds.h"
#include "analyzers/graph/edge_uses.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seam {

enum class GraphLevel : uint8_t { Module, Component, File };
const char* to_string(GraphLevel l); ///< "module", "component", "file"
bool parse_graph_level(const std::string& s, GraphLevel& out);
/// The edges a level shows unless told otherwise: all for modules, include
/// for components and files.
EdgeKinds default_edge_kinds(GraphLevel l);

struct UnitEdge : EdgeUses {
  uint32_t from = 0, to = 0;                    ///< node ids
};

struct UnitGraph {
  GraphLevel level = GraphLevel::Module;
  EdgeKinds edge_kinds = EdgeKinds::All;        ///< what made the edges
  std::vector<std::string> names;               ///< node names, sorted; node id = index
  std::vector<ModuleId> module;                 ///< per node: its module (kNoModule when none)
  std::vector<std::vector<FileId>> files;       ///< per node: its files, by path
  std::vector<uint32_t> lines;                  ///< per node: lines of its files
  std::vector<uint32_t> symbols;                ///< per node: symbols owned by its files, macros excluded
  std::vector<uint32_t> node_of;                ///< per FileId: its node, or kNoNode
  std::vector<UnitEdge> edges;                  ///< sorted by (from, to), no self edges
  std::vector<std::vector<uint32_t>> out, in;   ///< per node: indices into edges

  size_t size() const { return names.size(); }
  /// Node id of a name, or UINT32_MAX.
  uint32_t find(const std::string& name) const;
  const UnitEdge* edge(uint32_t from, uint32_t to) const;
  std::vector<std::vector<uint32_t>> successors() const;
};

inline constexpr uint32_t kNoNode = UINT32_MAX;

/// Builds the graph at `level` in one pass over references and includes.
/// At component and file level, `only` keeps the nodes of that one module and
/// the edges between them (kNoModule: all). Files of no module are left out at
/// every level, as at module level, so the three graphs describe the same code.
/// `edges` picks what makes an edge; absent: default_edge_kinds(level).
UnitGraph build_unit_graph(const Project& project, GraphLevel level, ModuleId only = kNoModule,
                           std::optional<EdgeKinds> edges = std::nullopt);

/// A node's includes of files outside the project root (system, third party).
struct UnitExternal {
  uint32_t node = 0;
  std::string header; ///< as spelled for <...> includes, else the absolute path
  uint32_t count = 0; ///< include directives
};
/// Sorted by node, then header.
std::vector<UnitExternal> unit_external_dependencies(const Project& project, const UnitGraph& g);

} // namespace seam
