#include "analyzers/stubs/contract.h"

#include "analyzers/stubs/names.h"

#include <algorithm>
#include <tuple>

namespace seam::stubs {
namespace {

bool is_record(SymbolKind k) { return k == SymbolKind::Class || k == SymbolKind::Struct; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Levenshtein distance ignoring case.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::string where(const Project& p, const Symbol& s) {
  const Loc& l = s.def.valid() ? s.def : s.decl;
  return l.valid() ? p.files[l.file].path + ":" + std::to_string(l.line) : "?";
}

std::string list(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string modules(const Project& p, const std::vector<ModuleId>& ms) {
  std::vector<std::string> names;
  for (ModuleId m : ms) names.push_back(p.module_name(m));
  return list(names);
}

/// Up to three class names closest to `name`: ports first (what --contract
/// takes), then other classes, by distance on the unqualified name.
std::string suggestions(const Project& p, const Ports& ports, const std::string& name) {
  const std::string want = last_component(name);
  std::vector<std::tuple<bool, size_t, std::string>> scored;
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& s = p.symbols[i];
    if (!is_record(s.kind) || s.module == kNoModule) continue;
    size_t d = edit_distance(want, last_component(s.name));
    if (d > std::max<size_t>(2, want.size() / 3)) continue;
    scored.emplace_back(ports.of_class(i) == nullptr, d, s.name);
  }
  std::sort(scored.begin(), scored.end());
  scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
  std::vector<std::string> names;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) names.push_back(std::get<2>(scored[i]));
  std::string ports_list;
  for (const Port& port : ports.list) ports_list += (ports_list.empty() ? "" : ", ") + p.symbols[port.symbol].name;
  std::string out = names.empty() ? "." : "; did you mean " + list(names) + "?";
  out += ports_list.empty() ? " The project has no ports (abstract classes with only pure virtual methods "
                              "that one module implements and another calls)."
                            : " The ports are: " + ports_list + ".";
  return out;
}

/// Why class `c`, not a port, cannot be a contract.
std::string not_a_port(const Project& p, SymbolId c) {
  const Symbol& s = p.symbols[c];
  const std::string head = "'" + s.name + "' (" + where(p, s) + ") is not a port: ";
  if (s.is_template) return head + "it is a template; a contract needs one set of signatures";
  if (!s.is_abstract) return head + "it has no pure virtual method, so it is a class to move, not a contract";
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& m = p.symbols[i];
    if (m.parent != c) continue;
    if (m.kind == SymbolKind::Constructor || m.kind == SymbolKind::Destructor || m.kind == SymbolKind::Enum ||
        m.kind == SymbolKind::TypeAlias || m.kind == SymbolKind::EnumConstant)
      continue;
    if (m.kind == SymbolKind::Method && m.is_pure) continue;
    std::string what = m.kind == SymbolKind::Field || m.kind == SymbolKind::Variable ? "data member" : "member";
    return head + "it has a " + what + " '" + last_component(m.name) + "' (" + where(p, m) +
           "); a contract has only pure virtual methods and no data, so its implementation can live in "
           "another process";
  }
  for (SymbolId b : s.base_ids)
    if (p.symbols[b].module != kNoModule) {
      std::string inner = not_a_port(p, b);
      if (inner.find(" is not a port: it is a template") == std::string::npos &&
          inner.find(" is not a port: it has no pure") == std::string::npos)
        return head + "its base " + inner;
    }
  // The right shape: what is missing is an implementer and a caller in two modules.
  std::vector<std::string> impls;
  std::vector<ModuleId> impl_modules, callers;
  for (SymbolId i = 0; i < p.symbols.size(); ++i)
    if (is_record(p.symbols[i].kind) &&
        std::find(p.symbols[i].base_ids.begin(), p.symbols[i].base_ids.end(), c) != p.symbols[i].base_ids.end()) {
      impls.push_back(p.symbols[i].name);
      impl_modules.push_back(p.symbols[i].module);
    }
  for (const Reference& r : p.refs)
    if (r.kind == RefKind::Call && p.from_module(r) != kNoModule && r.target < p.symbols.size() &&
        p.symbols[r.target].parent == c)
      callers.push_back(p.from_module(r));
  std::sort(callers.begin(), callers.end());
  callers.erase(std::unique(callers.begin(), callers.end()), callers.end());
  if (impls.empty()) return head + "no class of the project implements it";
  return head + "it is implemented by " + list(impls) + " but " +
         (callers.empty() ? std::string("nothing calls its operations")
                          : "called only from " + modules(p, callers) + ", the implementer's own module") +
         "; a contract is between two modules";
}

} // namespace

ContractLookup find_contract(const Project& p, const Ports& ports, ModuleId module, const std::string& name) {
  std::string want = name.rfind("::", 0) == 0 ? name.substr(2) : name;
  std::vector<SymbolId> exact, by_last;
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& s = p.symbols[i];
    if (!is_record(s.kind) || s.module == kNoModule) continue;
    if (s.name == want) exact.push_back(i);
    else if (last_component(s.name) == want) by_last.push_back(i);
  }
  if (exact.empty() && by_last.size() > 1) {
    std::vector<std::string> names;
    for (SymbolId i : by_last) names.push_back(p.symbols[i].name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (names.size() > 1)
      return {nullptr, "class name '" + name + "' is ambiguous: " + list(names) + "; give the qualified name"};
  }
  const std::vector<SymbolId>& found = exact.empty() ? by_last : exact;
  if (found.empty()) return {nullptr, "unknown class '" + name + "'" + suggestions(p, ports, want)};
  // The same class seen under several records (a forward declaration and the
  // definition): the port, if any of them is one.
  for (SymbolId c : found)
    if (const Port* port = ports.of_class(c)) {
      const std::string cls = p.symbols[c].name;
      if (std::find(port->implementers.begin(), port->implementers.end(), module) != port->implementers.end())
        return {port, ""};
      std::vector<std::string> impls;
      for (SymbolId i : port->implementations)
        impls.push_back(p.symbols[i].name + " (" + p.module_name(p.symbols[i].module) + ")");
      return {nullptr, "'" + cls + "' is a port, but module '" + p.module_name(module) +
                           "' does not implement it: it is implemented by " + list(impls) + " and called from " +
                           modules(p, port->callers) + "; run `seam split " +
                           p.module_name(port->implementers.front()) + " --contract " + cls + "`"};
    }
  return {nullptr, not_a_port(p, found.front())};
}

} // namespace seam::stubs
