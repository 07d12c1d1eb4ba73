// Coupling metrics per module and for the whole project. Formulas, their
// sources and a worked example on samples/shop: docs/metrics.md.
//
// Per module (Robert C. Martin's package metrics, on seam's module graph):
//   Ca = modules that depend on it, Ce = modules it depends on (distinct)
//   I  = Ce / (Ca + Ce)                       (none when Ca + Ce = 0)
//   A  = abstract classes / classes           (0 when it has no class)
//   D  = |A + I - 1|                          (none when I is none)
//   cohesion = references that stay inside / references it makes to
//              symbols of any module          (none when it makes none)
//   interface width  = distinct symbols of it that other modules reference
//   dependency width = distinct symbols of other modules it references
// Project: Lakos CCD/ACD/NCCD on the module and the component graph, and
// Newman's modularity Q of the declared modules on the reference graph.
#pragma once

#include "analyzers/graph/module_graph.h"
#include "analyzers/metrics/dependency_metrics.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace seam {

struct ModuleMetrics {
  ModuleId module = kNoModule;
  uint32_t level = 0;               ///< Lakos level in the module graph (1 = depends on no module)
  uint32_t files = 0, lines = 0, symbols = 0; ///< symbols it owns, macros excluded
  uint32_t afferent = 0;            ///< Ca
  uint32_t efferent = 0;            ///< Ce
  std::optional<double> instability;///< I
  uint32_t classes = 0;             ///< classes and structs it owns (with a definition)
  uint32_t abstract_classes = 0;    ///< of which abstract (at least one pure virtual method)
  double abstractness = 0;          ///< A
  std::optional<double> distance;   ///< D
  uint32_t internal_refs = 0;       ///< references from it to its own symbols
  uint32_t outgoing_refs = 0;       ///< references from it to symbols of other modules
  uint32_t incoming_refs = 0;       ///< references from other modules to its symbols
  std::optional<double> cohesion;
  uint32_t interface_width = 0;
  uint32_t dependency_width = 0;
};

struct ProjectMetrics {
  EdgeKinds module_edges = EdgeKinds::All;        ///< what made the module graph's edges
  EdgeKinds component_edges = EdgeKinds::Include; ///< what made the component graph's edges
  DependencyMetrics module_dependency;    ///< over the module graph
  DependencyMetrics component_dependency; ///< over the Lakos component graph
  /// Newman's Q for directed graphs (Leicht & Newman 2008), communities =
  /// declared modules, edges = references between symbols of modules:
  ///   Q = sum over modules c of [ L_c / m - (out_c * in_c) / m^2 ]
  /// m = references counted, L_c = those inside c, out_c / in_c = those made
  /// by / made to c. None when there is no reference.
  std::optional<double> modularity;
  uint64_t modularity_refs = 0;           ///< m
};

struct Metrics {
  std::vector<ModuleMetrics> modules;     ///< index = ModuleId
  ProjectMetrics project;
};

/// Everything in one call; linear in references plus the CCD cost
/// (dependency_metrics.h). Ca, Ce, I, D and the module CCD follow `graph`'s
/// edges; the component graph uses `edges` when given (`--edges`), else its
/// default (include). Cohesion, widths and modularity count references by
/// definition, whatever the edges.
Metrics compute_metrics(const Project& project, const ModuleGraph& graph,
                        std::optional<EdgeKinds> edges = std::nullopt);

/// Modularity alone (exposed for tests).
std::optional<double> modularity(const Project& project, uint64_t* refs_counted = nullptr);

} // namespace seam
