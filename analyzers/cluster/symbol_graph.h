// The symbol-level reference graph that --suggest clusters. Its nodes are
// entities: namespace-level symbols a module owns (functions, classes,
// structs, unions, enums, variables, aliases); members fold into their class
// and enumerators into their enum, as a class moves between services whole.
// Macros are left out (compile-time, not code that runs in a service). Its
// edges are references between two different entities, counted per kind.
#pragma once

#include "analyzers/model/model.h"

#include <cstdint>
#include <vector>

namespace seam {

struct EntityEdge {
  uint32_t from = 0, to = 0;  ///< entity ids, from != to
  uint32_t refs = 0;          ///< references from `from` to `to`
  uint32_t calls = 0;         ///< of which calls
};

struct SymbolGraph {
  std::vector<SymbolId> entities;    ///< sorted by id (= USR order); entity id = index
  std::vector<ModuleId> module;      ///< per entity: the declared module
  std::vector<EntityEdge> edges;     ///< directed, sorted by (from, to)
  std::vector<uint32_t> entity_of;   ///< per Project symbol: its entity, or UINT32_MAX
  uint32_t isolated = 0;             ///< entities dropped for having no edge
};

/// Builds the graph in one pass over the references (plus a sort of the
/// distinct entity pairs). Entities without any edge are dropped: nothing ties
/// them to a service, and as singletons they would only distort the metrics.
/// Symbols of the modules marked in `left_out` (indexed by ModuleId; shorter
/// means not marked) are not entities, and references to them are not edges:
/// shared kernels go into every service as a library.
SymbolGraph build_symbol_graph(const Project& project, const std::vector<char>& left_out = {});

} // namespace seam
