// Decomposition-quality metrics from the microservice-identification
// literature, for any partition of a SymbolGraph's entities into services
// (declared modules or a suggestion), so the two can be compared on the same
// graph. Definitions, sources and a worked example: docs/scoring.md.
//
//   modularity  Newman-Girvan Q of the undirected graph weighted by
//               references (higher is better)
//   SM          structural modularity (Jin et al. 2019):
//               (1/K) sum_i mu_i / N_i^2  -  (1 / (K(K-1)/2)) sum_{i<j} sigma_ij / (2 N_i N_j)
//               mu_i = entity pairs linked inside service i, sigma_ij = pairs
//               linked between i and j, N_i = entities of i; the second term
//               is 0 when K = 1 (higher is better)
//   ICP         inter-call percentage (Kalia et al. 2021, Mono2Micro): calls
//               between services / all calls between entities (lower is better)
//   IFN         interface number: entities of a service referenced from
//               another service, averaged over services (lower is better)
//   NED         non-extreme distribution: share of entities in services with
//               fewer than 5 or more than 20 entities (lower is better)
#pragma once

#include "analyzers/cluster/symbol_graph.h"

#include <cstdint>
#include <vector>

namespace seam {

inline constexpr uint32_t kNedMin = 5;  ///< smallest non-extreme service (entities)
inline constexpr uint32_t kNedMax = 20; ///< largest non-extreme service (entities)

struct DecompositionMetrics {
  uint32_t services = 0;   ///< K: services holding at least one entity
  double modularity = 0;
  double sm = 0;
  double icp = 0;          ///< 0..1
  double ifn = 0;
  double ned = 0;          ///< 0..1
  uint64_t calls = 0, inter_calls = 0; ///< ICP's denominator and numerator
};

/// Metrics of `service` (per entity, any ids) on `g`. Linear in edges plus
/// the number of distinct service pairs that are linked.
DecompositionMetrics decomposition_metrics(const SymbolGraph& g, const std::vector<uint32_t>& service);

} // namespace seam
