#include "analyzers/cluster/decomposition.h"

#include "analyzers/cluster/louvain.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace seam {

DecompositionMetrics decomposition_metrics(const SymbolGraph& g, const std::vector<uint32_t>& service_in) {
  DecompositionMetrics m;
  const size_t n = g.entities.size();
  if (n == 0 || service_in.size() != n) return m;
  // Dense service ids in order of first entity.
  std::vector<uint32_t> service(n);
  std::map<uint32_t, uint32_t> dense;
  for (size_t i = 0; i < n; ++i) {
    auto [it, inserted] = dense.emplace(service_in[i], static_cast<uint32_t>(dense.size()));
    service[i] = it->second;
  }
  const uint32_t k = static_cast<uint32_t>(dense.size());
  m.services = k;
  std::vector<uint64_t> size(k, 0);
  for (uint32_t s : service) ++size[s];

  // Modularity on the undirected graph weighted by references.
  std::vector<std::tuple<uint32_t, uint32_t, double>> weighted;
  for (const EntityEdge& e : g.edges) weighted.emplace_back(e.from, e.to, double(e.refs));
  m.modularity = modularity(WeightedGraph::from_edges(n, weighted), service);

  // Structural modularity over distinct linked pairs.
  std::unordered_set<uint64_t> pairs;
  std::vector<uint64_t> inside(k, 0);
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> between;
  for (const EntityEdge& e : g.edges) {
    uint32_t a = std::min(e.from, e.to), b = std::max(e.from, e.to);
    if (!pairs.insert((uint64_t(a) << 32) | b).second) continue;
    uint32_t sa = service[a], sb = service[b];
    if (sa == sb)
      ++inside[sa];
    else
      ++between[{std::min(sa, sb), std::max(sa, sb)}];
  }
  double coh = 0;
  for (uint32_t s = 0; s < k; ++s) coh += double(inside[s]) / (double(size[s]) * double(size[s]));
  double cop = 0;
  for (const auto& [st, count] : between) cop += double(count) / (2.0 * double(size[st.first]) * double(size[st.second]));
  m.sm = coh / k - (k > 1 ? cop / (k * (k - 1) / 2.0) : 0.0);

  // Inter-call percentage and interface number.
  std::vector<char> interface(n, 0);
  for (const EntityEdge& e : g.edges) {
    m.calls += e.calls;
    if (service[e.from] != service[e.to]) {
      m.inter_calls += e.calls;
      interface[e.to] = 1;
    }
  }
  m.icp = m.calls ? double(m.inter_calls) / double(m.calls) : 0.0;
  uint64_t interfaces = 0;
  for (char c : interface) interfaces += c;
  m.ifn = double(interfaces) / k;

  // Non-extreme distribution.
  uint64_t extreme = 0;
  for (uint32_t s = 0; s < k; ++s)
    if (size[s] < kNedMin || size[s] > kNedMax) extreme += size[s];
  m.ned = double(extreme) / double(n);
  return m;
}

} // namespace seam
