// Suggested service boundaries: Louvain on the symbol reference graph,
// compared with the declared modules on the same graph and metrics, and the
// files whose code the suggestion would move to another module.
#pragma once

#include "analyzers/cluster/decomposition.h"
#include "analyzers/cluster/symbol_graph.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace seam {

struct SuggestOptions {
  double resolution = 1.0; ///< Louvain gamma
  uint64_t seed = 42;      ///< fixed: the same project gives the same services
  /// Modules left out of the clustering and the metrics: shared kernels,
  /// which every service takes along as a library (sorted).
  std::vector<ModuleId> libraries;
};

struct SuggestedService {
  std::string name;                 ///< "s1", "s2", ... by size, largest first
  ModuleId label = kNoModule;       ///< the declared module with most of its entities
  std::vector<uint32_t> entities;   ///< SymbolGraph entity ids, sorted by qualified name
  /// Declared modules of its entities with counts, most first, then by module.
  std::vector<std::pair<ModuleId, uint32_t>> composition;
};

/// A declared module and where the suggestion puts its entities.
struct ModuleSplit {
  ModuleId module = kNoModule;
  uint32_t entities = 0;
  std::vector<std::pair<uint32_t, uint32_t>> services; ///< (service index, entities), most first
};

/// A file whose symbols mostly land in a service labelled with another module.
struct FileMove {
  FileId file = kNoFile;
  ModuleId from = kNoModule, to = kNoModule;
  uint32_t service = 0;   ///< index into Suggestion::services
  uint32_t symbols = 0;   ///< its symbols in that service
  uint32_t total = 0;     ///< its symbols in the graph
};

struct Suggestion {
  SuggestOptions options;
  SymbolGraph graph;
  std::vector<uint32_t> service_of;       ///< per entity: index into services
  std::vector<SuggestedService> services;
  std::vector<ModuleSplit> modules;       ///< declared modules with entities, by name
  DecompositionMetrics declared, suggested;
  std::vector<FileMove> moves;            ///< sorted by path
};

Suggestion suggest_services(const Project& project, const SuggestOptions& options = {});

} // namespace seam
