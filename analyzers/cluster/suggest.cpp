#include "analyzers/cluster/suggest.h"

#include "analyzers/cluster/louvain.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace seam {

namespace {

/// (module, count) pairs from a per-key count map, most first, then by key.
template <typename K>
std::vector<std::pair<K, uint32_t>> by_count(const std::map<K, uint32_t>& counts) {
  std::vector<std::pair<K, uint32_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

} // namespace

Suggestion suggest_services(const Project& p, const SuggestOptions& opts) {
  Suggestion s;
  s.options = opts;
  std::vector<char> left_out(p.modules.size(), 0);
  for (ModuleId m : opts.libraries)
    if (m >= 0 && static_cast<size_t>(m) < left_out.size()) left_out[m] = 1;
  s.graph = build_symbol_graph(p, left_out);
  const SymbolGraph& g = s.graph;
  const size_t n = g.entities.size();

  std::vector<std::tuple<uint32_t, uint32_t, double>> weighted;
  for (const EntityEdge& e : g.edges) weighted.emplace_back(e.from, e.to, double(e.refs));
  LouvainOptions lo;
  lo.resolution = opts.resolution;
  lo.seed = opts.seed;
  std::vector<uint32_t> community = louvain(WeightedGraph::from_edges(n, weighted), lo);

  // Services by size (largest first), then by their first entity's name.
  auto name_of = [&](uint32_t e) -> const std::string& { return p.symbols[g.entities[e]].name; };
  uint32_t count = 0;
  for (uint32_t c : community) count = std::max(count, c + 1);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t e = 0; e < n; ++e) members[community[e]].push_back(e);
  for (auto& m : members)
    std::sort(m.begin(), m.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(name_of(a), p.symbols[g.entities[a]].usr) < std::tie(name_of(b), p.symbols[g.entities[b]].usr);
    });
  std::sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return std::tie(name_of(a.front()), p.symbols[g.entities[a.front()]].usr) <
           std::tie(name_of(b.front()), p.symbols[g.entities[b.front()]].usr);
  });
  s.service_of.assign(n, 0);
  for (uint32_t i = 0; i < members.size(); ++i) {
    SuggestedService svc;
    svc.name = "s" + std::to_string(i + 1);
    svc.entities = members[i];
    std::map<ModuleId, uint32_t> comp;
    for (uint32_t e : svc.entities) {
      s.service_of[e] = i;
      ++comp[g.module[e]];
    }
    svc.composition = by_count(comp);
    svc.label = svc.composition.front().first;
    s.services.push_back(std::move(svc));
  }

  // Declared modules side by side.
  std::map<ModuleId, std::map<uint32_t, uint32_t>> split;
  for (uint32_t e = 0; e < n; ++e) ++split[g.module[e]][s.service_of[e]];
  for (const auto& [m, services] : split) {
    ModuleSplit ms;
    ms.module = m;
    for (const auto& [svc, c] : services) ms.entities += c;
    ms.services = by_count(services);
    s.modules.push_back(std::move(ms));
  }

  std::vector<uint32_t> declared(g.module.begin(), g.module.end());
  s.declared = decomposition_metrics(g, declared);
  s.suggested = decomposition_metrics(g, s.service_of);

  // Files: where most of the symbols they define would go.
  std::map<FileId, std::map<uint32_t, uint32_t>> per_file;
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& sym = p.symbols[i];
    uint32_t e = g.entity_of[i];
    if (e == UINT32_MAX || sym.owner == kNoFile || p.files[sym.owner].module == kNoModule) continue;
    ++per_file[sym.owner][s.service_of[e]];
  }
  for (const auto& [file, counts] : per_file) {
    auto ranked = by_count(counts);
    uint32_t total = 0;
    for (const auto& [svc, c] : counts) total += c;
    const auto& [svc, c] = ranked.front();
    ModuleId to = s.services[svc].label;
    if (to == p.files[file].module) continue;
    s.moves.push_back(FileMove{file, p.files[file].module, to, svc, c, total});
  }
  return s;
}

} // namespace seam
