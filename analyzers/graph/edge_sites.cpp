#include "analyzers/graph/edge_sites.h"

#include <algorithm>
#include <unordered_map>

namespace seam {

std::vector<SymbolUse> uses_by_symbol(const Project& p, const std::vector<uint32_t>& refs) {
  std::unordered_map<SymbolId, size_t> at;
  std::vector<SymbolUse> out;
  for (uint32_t r : refs) {
    auto [it, inserted] = at.emplace(p.refs[r].target, out.size());
    if (inserted) out.push_back({p.refs[r].target, {}});
    out[it->second].refs.push_back(r);
  }
  std::sort(out.begin(), out.end(), [&](const SymbolUse& a, const SymbolUse& b) {
    if (a.refs.size() != b.refs.size()) return a.refs.size() > b.refs.size();
    const Symbol& x = p.symbols[a.symbol];
    const Symbol& y = p.symbols[b.symbol];
    return std::tie(x.name, x.usr) < std::tie(y.name, y.usr);
  });
  return out;
}

std::vector<FileInclusion> inclusions_by_file(const Project& p, const std::vector<uint32_t>& includes) {
  std::unordered_map<FileId, size_t> at;
  std::vector<FileInclusion> out;
  for (uint32_t i : includes) {
    auto [it, inserted] = at.emplace(p.includes[i].included, out.size());
    if (inserted) out.push_back({p.includes[i].included, {}});
    out[it->second].includes.push_back(i);
  }
  std::sort(out.begin(), out.end(), [](const FileInclusion& a, const FileInclusion& b) {
    if (a.includes.size() != b.includes.size()) return a.includes.size() > b.includes.size();
    return a.file < b.file; // file ids follow path order
  });
  return out;
}

const std::string& referencing_name(const Project& p, const Reference& r) {
  static const std::string file_scope = "(file scope)";
  return r.from() == kNoSymbol ? file_scope : p.symbols[r.from()].name;
}

} // namespace seam
