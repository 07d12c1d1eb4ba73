// seam-cycles-bench: times the breakdown and the minimum cut of one strongly
// connected component the size of rocksdb's component graph (443 components,
// about 3,000 edges; issue 13's target: both under 2 s), on generated graphs,
// because the point is the algorithms and not the parse. Two shapes:
//   layered  an include graph: each node uses a few nodes below it (lower ids)
//            and, now and then, one above — the back edges that make the tangle;
//            a ring through every node keeps it one component;
//   random   the same number of edges between uniformly random pairs: the
//            worst case, far denser in cycles than real code.
// Deterministic (own RNG arithmetic); prints one line per shape.
//
//   cmake --build build --target seam-cycles-bench && build/bench/seam-cycles-bench
//   build/bench/seam-cycles-bench --nodes 443 --edges 3000 --seed 1 --reps 3
#include "rng.h"

#include "analyzers/graph/cycle_breakdown.h"
#include "analyzers/graph/min_cut.h"
#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using seam::bench::Rng;

/// Weights like real edges: mostly 1 to 3 uses, a few heavy ones.
uint64_t weight(Rng& r) {
  uint32_t x = r.below(100);
  return x < 60 ? 1 + r.below(3) : x < 95 ? 4 + r.below(12) : 16 + r.below(200);
}

seam::WeightedDigraph generate(const std::string& shape, uint32_t n, uint32_t m, uint64_t seed) {
  Rng r(seed);
  seam::WeightedDigraph g;
  g.out.resize(n);
  size_t edges = 0;
  auto add = [&](uint32_t a, uint32_t b) {
    if (a == b) return;
    auto& arcs = g.out[a];
    if (std::any_of(arcs.begin(), arcs.end(), [&](const seam::WeightedArc& x) { return x.to == b; })) return;
    g.add(a, b, weight(r));
    ++edges;
  };
  for (uint32_t v = 0; v < n; ++v) add(v, (v + 1) % n); // one component
  while (edges < m) {
    uint32_t a = r.below(n), b;
    if (shape == "random") {
      b = r.below(n);
    } else if (r.below(100) < 92) { // a use of something below, mostly nearby
      if (a == 0) continue;
      uint32_t span = std::min<uint32_t>(a, 1 + r.below(r.below(4) == 0 ? a : 40));
      b = a - span;
    } else { // the occasional use upwards
      if (a + 1 >= n) continue;
      b = a + 1 + r.below(std::min<uint32_t>(n - a - 1, 60));
    }
    add(a, b);
  }
  return g;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
  uint32_t nodes = 443, edges = 3000, reps = 3;
  uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--nodes")) nodes = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--edges")) edges = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<uint64_t>(std::atoll(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--reps")) reps = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "usage: seam-cycles-bench [--nodes N] [--edges M] [--seed S] [--reps R]\n");
      return 2;
    }
  }
  std::printf("%-8s %6s %6s %5s %10s %8s %10s %10s %8s %10s %8s\n", "shape", "nodes", "edges", "sccs", "breakdown",
              "longest", "bd_median", "cut_edges", "weight", "cut_median", "total");
  for (const std::string shape : {"layered", "random"}) {
    seam::WeightedDigraph g = generate(shape, nodes, edges, seed);
    std::vector<std::vector<uint32_t>> succ(g.size());
    for (uint32_t v = 0; v < g.size(); ++v)
      for (const seam::WeightedArc& a : g.out[v]) succ[v].push_back(a.to);
    const size_t sccs = seam::find_cycles(succ).size();
    std::vector<double> bd_times, cut_times;
    size_t cycles = 0, longest = 0;
    seam::MinCut cut;
    for (uint32_t rep = 0; rep < reps; ++rep) {
      auto t0 = std::chrono::steady_clock::now();
      std::vector<seam::BrokenCycle> bd = seam::cycle_breakdown(g);
      bd_times.push_back(seconds_since(t0));
      cycles = bd.size();
      longest = bd.empty() ? 0 : bd.back().path.size() - 1;
      t0 = std::chrono::steady_clock::now();
      cut = seam::minimum_cut(g);
      cut_times.push_back(seconds_since(t0));
    }
    std::sort(bd_times.begin(), bd_times.end());
    std::sort(cut_times.begin(), cut_times.end());
    const double bd = bd_times[reps / 2], ct = cut_times[reps / 2];
    size_t m = 0;
    for (const auto& arcs : g.out) m += arcs.size();
    std::printf("%-8s %6zu %6zu %5zu %10zu %8zu %9.3fs %10zu %8llu %9.3fs %7.3fs%s\n", shape.c_str(), g.size(), m, sccs,
                cycles, longest, bd, cut.edges.size(), static_cast<unsigned long long>(cut.weight), ct, bd + ct,
                cut.exact ? "" : " (heuristic cut)");
  }
  return 0;
}
