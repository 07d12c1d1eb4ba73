#include "analyzers/candidates/ports.h"

#include <algorithm>
#include <tuple>

namespace seam {

namespace {

bool is_record(SymbolKind k) { return k == SymbolKind::Class || k == SymbolKind::Struct; }

/// Members of each record, one pass over the symbols.
std::unordered_map<SymbolId, std::vector<SymbolId>> members_by_parent(const Project& p) {
  std::unordered_map<SymbolId, std::vector<SymbolId>> out;
  for (SymbolId i = 0; i < p.symbols.size(); ++i)
    if (p.symbols[i].parent != kNoSymbol) out[p.symbols[i].parent].push_back(i);
  return out;
}

class ShapeCheck {
public:
  ShapeCheck(const Project& p) : p_(p), members_(members_by_parent(p)) {}

  /// Only pure virtual methods (plus constructors and a destructor), no data,
  /// every base of the same shape.
  bool interface_only(SymbolId c, int depth = 0) {
    if (auto it = memo_.find(c); it != memo_.end()) return it->second;
    const Symbol& s = p_.symbols[c];
    bool ok = is_record(s.kind) && s.is_abstract && !s.is_template && depth < 16;
    if (ok)
      if (auto it = members_.find(c); it != members_.end())
        for (SymbolId m : it->second) {
          const Symbol& x = p_.symbols[m];
          if (x.kind == SymbolKind::Constructor || x.kind == SymbolKind::Destructor) continue;
          if (x.kind == SymbolKind::Method && x.is_pure) continue;
          // Nested types and aliases carry no state; anything else (a field, a
          // static, a method with a body) makes the class more than a contract.
          if (x.kind == SymbolKind::Enum || x.kind == SymbolKind::TypeAlias || x.kind == SymbolKind::EnumConstant)
            continue;
          ok = false;
          break;
        }
    for (SymbolId b : s.base_ids)
      if (ok) ok = interface_only(b, depth + 1);
    memo_[c] = ok;
    return ok;
  }

  std::vector<SymbolId> operations(SymbolId c) const {
    std::vector<SymbolId> ops;
    if (auto it = members_.find(c); it != members_.end())
      for (SymbolId m : it->second)
        if (p_.symbols[m].kind == SymbolKind::Method && p_.symbols[m].is_pure) ops.push_back(m);
    return ops;
  }

private:
  const Project& p_;
  std::unordered_map<SymbolId, std::vector<SymbolId>> members_;
  std::unordered_map<SymbolId, bool> memo_;
};

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

Ports find_ports(const Project& p) {
  ShapeCheck shape(p);
  // Implementations: classes naming an interface-only class as a base.
  std::unordered_map<SymbolId, Port> found;
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& d = p.symbols[i];
    if (!is_record(d.kind) || d.module == kNoModule) continue;
    for (SymbolId b : d.base_ids) {
      if (p.symbols[b].module == kNoModule || !shape.interface_only(b)) continue;
      Port& port = found[b];
      port.symbol = b;
      port.owner = p.symbols[b].module;
      port.implementations.push_back(i);
      port.implementers.push_back(d.module);
    }
  }
  if (found.empty()) return {};
  std::unordered_map<SymbolId, SymbolId> op_class;
  for (auto& [c, port] : found) {
    port.operations = shape.operations(c);
    for (SymbolId op : port.operations) op_class[op] = c;
  }
  for (uint32_t i = 0; i < p.refs.size(); ++i) {
    const Reference& r = p.refs[i];
    if (r.kind != RefKind::Call || p.from_module(r) == kNoModule) continue;
    auto it = op_class.find(r.target);
    if (it == op_class.end()) continue;
    Port& port = found[it->second];
    port.calls.push_back(i);
    port.callers.push_back(p.from_module(r));
  }
  Ports out;
  auto by_name = [&](SymbolId a, SymbolId b) {
    return std::tie(p.symbols[a].name, p.symbols[a].usr) < std::tie(p.symbols[b].name, p.symbols[b].usr);
  };
  for (auto& [c, port] : found) {
    sort_unique(port.implementers);
    sort_unique(port.callers);
    // A contract between two modules: some caller is not the only implementer.
    bool crosses = false;
    for (ModuleId caller : port.callers)
      for (ModuleId impl : port.implementers) crosses |= caller != impl;
    if (!crosses) continue;
    std::sort(port.operations.begin(), port.operations.end(), by_name);
    std::sort(port.implementations.begin(), port.implementations.end(), by_name);
    std::sort(port.calls.begin(), port.calls.end());
    out.list.push_back(std::move(port));
  }
  std::sort(out.list.begin(), out.list.end(), [&](const Port& a, const Port& b) { return by_name(a.symbol, b.symbol); });
  for (uint32_t i = 0; i < out.list.size(); ++i) {
    out.by_class[out.list[i].symbol] = i;
    for (SymbolId op : out.list[i].operations) out.by_operation[op] = i;
  }
  return out;
}

} // namespace seam
