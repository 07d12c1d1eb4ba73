#include "analyzers/model/interface.h"

#include <algorithm>
#include <unordered_map>

namespace seam {

std::vector<std::vector<InterfaceSymbol>> all_interfaces(const Project& p) {
  std::vector<std::unordered_map<SymbolId, InterfaceSymbol>> acc(p.modules.size());
  for (uint32_t i = 0; i < p.refs.size(); ++i) {
    const Reference& r = p.refs[i];
    if (p.to_module(r) == kNoModule || p.from_module(r) == kNoModule || p.from_module(r) == p.to_module(r)) continue;
    InterfaceSymbol& s = acc[p.to_module(r)][r.target];
    s.symbol = r.target;
    ++s.sites;
    if (r.kind == RefKind::Call) ++s.call_sites;
    if (r.in_loop) ++s.loop_sites;
    if (std::find(s.clients.begin(), s.clients.end(), p.from_module(r)) == s.clients.end())
      s.clients.push_back(p.from_module(r));
    s.refs.push_back(i);
  }
  std::vector<std::vector<InterfaceSymbol>> out(p.modules.size());
  for (size_t m = 0; m < acc.size(); ++m) {
    for (auto& [id, s] : acc[m]) {
      std::sort(s.clients.begin(), s.clients.end());
      out[m].push_back(std::move(s));
    }
    std::sort(out[m].begin(), out[m].end(), [&](const InterfaceSymbol& a, const InterfaceSymbol& b) {
      const Symbol& x = p.symbols[a.symbol];
      const Symbol& y = p.symbols[b.symbol];
      return std::tie(x.name, x.usr) < std::tie(y.name, y.usr);
    });
  }
  return out;
}

std::vector<InterfaceSymbol> module_interface(const Project& p, ModuleId module) {
  if (module < 0 || static_cast<size_t>(module) >= p.modules.size()) return {};
  return std::move(all_interfaces(p)[module]);
}

} // namespace seam
