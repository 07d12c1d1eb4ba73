// Lakos' cumulative component dependency ("Large-Scale C++ Software Design",
// 4.12): how much of the system a change or a test pulls in, summed over the
// nodes. A node depends on itself and on everything it reaches; the members of
// a cycle reach each other, which is why cycles make CCD jump.
//
//   CCD  = sum over nodes v of |{w : v reaches w}| (w = v included)
//   ACD  = CCD / N
//   NCCD = CCD / CCD of a balanced binary tree of N nodes,
//          CCD_tree(N) = (N + 1) * (log2(N + 1) - 1) + 1
//
// NCCD below 1 is flatter than a tree, near 1 tree-like, well above 1 tangled.
#pragma once

#include <cstdint>
#include <vector>

namespace seam {

struct DependencyMetrics {
  uint64_t nodes = 0;
  uint64_t ccd = 0;
  double acd = 0;  ///< 0 for an empty graph
  double nccd = 0; ///< 0 for an empty graph
};

/// Number of nodes each node reaches, itself included.
/// Reachability over the condensation with bitsets processed in slices of
/// nodes, so memory stays bounded: O((N + E) * N / 64) time.
std::vector<uint64_t> reach_counts(const std::vector<std::vector<uint32_t>>& successors);

DependencyMetrics dependency_metrics(const std::vector<std::vector<uint32_t>>& successors);

/// CCD of a balanced binary tree with n nodes (Lakos' normaliser).
double balanced_tree_ccd(uint64_t n);

} // namespace seam
