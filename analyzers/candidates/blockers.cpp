#include "analyzers/candidates/blockers.h"
#include "analyzers/candidates/cycle_exit.h"
#include "analyzers/model/dependency_time.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace seam {

bool is_function_like(SymbolKind k) {
  return k == SymbolKind::Function || k == SymbolKind::Method || k == SymbolKind::StaticMethod ||
         k == SymbolKind::Constructor || k == SymbolKind::Conversion;
}

namespace {

/// Calls f(ref index, outgoing) for every reference crossing the unit's
/// boundary: outgoing = from the unit to another module. A module with the
/// library role is taken along into every service that uses it, so references
/// between it and its users never cross a process boundary.
template <typename F>
void for_each_crossing(const CandidateContext& ctx, const std::vector<char>& in, const Assessment& a, F f) {
  const ModuleGraph& g = ctx.graph();
  auto library = [&](ModuleId m) { return ctx.fixed_role(m) == Role::Library; };
  for (ModuleId m : a.modules) {
    if (library(m)) continue;
    for (uint32_t e : g.out[m])
      if (!in[g.edges[e].to] && !library(g.edges[e].to))
        for (uint32_t r : g.edges[e].refs) f(r, true);
    for (uint32_t e : g.in[m])
      if (!in[g.edges[e].from] && !library(g.edges[e].from))
        for (uint32_t r : g.edges[e].refs) f(r, false);
  }
}

std::string list_modules(const Project& p, const std::vector<ModuleId>& ms) {
  std::string out;
  for (size_t i = 0; i < ms.size(); ++i) out += (i ? ", " : "") + p.module_name(ms[i]);
  return out;
}

class Finder {
public:
  Finder(CandidateContext& ctx, const std::vector<char>& in, Assessment& a)
      : ctx_(ctx), p_(ctx.project()), in_(in), a_(a) {}

  void run() {
    // A library is charged only for mutable state (docs/candidates.md, "Roles").
    const bool library = a_.modules.size() == 1 && ctx_.fixed_role(a_.modules.front()) == Role::Library;
    if (!library) {
      cycle();
      crossing_references();
    }
    globals();
    library_globals();
    if (!library) signatures();
    std::sort(a_.blockers.begin(), a_.blockers.end(), [&](const Blocker& x, const Blocker& y) {
      auto key = [&](const Blocker& b) {
        const std::string& path = b.site.valid() ? p_.files[b.site.file].path : empty_;
        const std::string& sym = b.symbol == kNoSymbol ? empty_ : p_.symbols[b.symbol].name;
        return std::tie(b.kind, path, b.site.line, b.site.column, sym, b.detail);
      };
      return key(x) < key(y);
    });
  }

private:
  const std::string& name(SymbolId s) const { return s == kNoSymbol ? empty_ : p_.symbols[s].name; }
  const std::string& mod(ModuleId m) const { return p_.module_name(m); }

  void add(BlockerKind k, SymbolId s, Loc site, std::string detail, std::vector<ModuleId> partners,
           uint32_t sites = 1) {
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    a_.blockers.push_back(Blocker{k, s, site, std::move(detail), std::move(partners), std::max<uint32_t>(1, sites)});
  }

  // --- cycle: the unit, contracted to one node, in a strongly connected
  // component with modules outside it.
  void cycle() {
    const ModuleGraph& g = ctx_.graph();
    const uint32_t rep = static_cast<uint32_t>(a_.modules.front());
    auto node = [&](ModuleId m) { return in_[m] ? rep : static_cast<uint32_t>(m); };
    std::vector<std::vector<uint32_t>> succ(g.module_count);
    for (const ModuleEdge& e : g.edges) {
      uint32_t f = node(e.from), t = node(e.to);
      if (f != t) succ[f].push_back(t);
    }
    uint32_t count = 0;
    std::vector<uint32_t> comp = component_ids(succ, count);
    std::vector<ModuleId> partners;
    for (ModuleId m = 0; m < static_cast<ModuleId>(g.module_count); ++m)
      if (!in_[m] && comp[m] == comp[rep]) partners.push_back(m);
    if (partners.empty()) return;
    std::vector<char> partner(g.module_count, 0);
    for (ModuleId m : partners) partner[m] = 1;
    // Sites to change to leave the cycle: the lightest edges whose removal
    // leaves no way from the unit back to itself (cycle_exit.h). Node 0 is
    // the unit, then the partners in id order.
    std::vector<uint32_t> vertex(g.module_count, UINT32_MAX);
    for (ModuleId m : a_.modules) vertex[m] = 0;
    for (size_t i = 0; i < partners.size(); ++i) vertex[partners[i]] = static_cast<uint32_t>(i + 1);
    WeightedDigraph wg;
    wg.out.resize(partners.size() + 1);
    for (const ModuleEdge& e : g.edges)
      if (vertex[e.from] != UINT32_MAX && vertex[e.to] != UINT32_MAX) wg.add(vertex[e.from], vertex[e.to], e.weight);
    const CycleExit exit = cycle_exit(wg, 0);
    const uint32_t sites = static_cast<uint32_t>(exit.weight);
    a_.cycle_sites = sites;
    auto node_name = [&](uint32_t v) { return v == 0 ? a_.name : mod(partners[v - 1]); };
    std::string cut;
    for (const WeightedEdge& e : exit.edges)
      cut += (cut.empty() ? "" : ", ") + node_name(e.from) + " -> " + node_name(e.to) + " (" +
             std::to_string(e.weight) + ")";
    // Point at the first call from the unit into the cycle (the call a reader
    // would cut), else the first reference to code, else the first use of a
    // macro (rocksdb opens every namespace with one), else the first include.
    uint32_t best_call = UINT32_MAX, best_ref = UINT32_MAX, best_macro = UINT32_MAX, best_inc = UINT32_MAX;
    for (ModuleId m : a_.modules)
      for (uint32_t e : g.out[m]) {
        const ModuleEdge& edge = g.edges[e];
        if (!partner[edge.to]) continue;
        for (uint32_t r : edge.refs) {
          const RefKind kind = p_.refs[r].kind;
          uint32_t& best = kind == RefKind::Call ? best_call : kind == RefKind::MacroExpansion ? best_macro : best_ref;
          best = std::min(best, r);
        }
        for (uint32_t i : edge.includes) best_inc = std::min(best_inc, i);
      }
    uint32_t r = best_call != UINT32_MAX ? best_call : best_ref != UINT32_MAX ? best_ref : best_macro;
    Loc site;
    SymbolId sym = kNoSymbol;
    if (r != UINT32_MAX) {
      site = p_.refs[r].site;
      sym = p_.refs[r].target;
    } else if (best_inc != UINT32_MAX) {
      site = p_.includes[best_inc].site;
    }
    std::string detail = "in a dependency cycle with " + list_modules(p_, partners) +
                         ": neither side can be deployed first; extract them together or cut " +
                         std::to_string(sites) + (sites == 1 ? " use" : " uses") + ": " + cut;
    add(BlockerKind::Cycle, sym, site, std::move(detail), partners, sites);
  }

  // --- inheritance, friend, callback by address, callback and identity at
  // outgoing calls: one walk over the crossing references.
  void crossing_references() {
    // Keyed by what the blocker is about, valued by the first reference (refs
    // are in site order, so the smallest index is the first site).
    // The count is the blocker's sites: each one is a place to change.
    std::map<std::tuple<int, SymbolId, SymbolId, bool>, std::pair<uint32_t, uint32_t>> first;
    auto note = [&](int what, SymbolId a, SymbolId b, bool out, uint32_t r) {
      auto [it, inserted] = first.emplace(std::make_tuple(what, a, b, out), std::make_pair(r, 0u));
      it->second.first = std::min(it->second.first, r);
      ++it->second.second;
    };
    std::unordered_map<SymbolId, bool> takes_callback;
    for_each_crossing(ctx_, in_, a_, [&](uint32_t ri, bool out) {
      const Reference& r = p_.refs[ri];
      const Symbol& t = p_.symbols[r.target];
      // A library (shared kernel) is linked into the service: deriving from
      // its classes, passing it callbacks or objects stays in one process.
      if (out && ctx_.shared_kernel(p_.to_module(r))) return;
      const bool run_time = dependency_time(p_, r) == DependencyTime::Run;
      switch (r.kind) {
      case RefKind::BaseClass:
        // Deriving from a port is how a module serves an existing contract (ports.h).
        if (!ctx_.ports().of_class(r.target)) note(0, r.from(), r.target, out, ri);
        return;
      case RefKind::Friend:
        note(1, r.from(), r.target, out, ri);
        return;
      case RefKind::AddressOf:
        // The address of inline or template code is taken in the caller's own process.
        if (is_function_like(t.kind) && run_time) note(2, r.target, kNoSymbol, out, ri);
        break;
      default:
        break;
      }
      // A template used outside the unit is compiled into its users: a header
      // they take along, not a blocker (dependency_time.h).
      if (!out) return;
      // Passing a callback or an object to inline code stays in the caller's process.
      if (r.kind != RefKind::Call || !is_function_like(t.kind) || !run_time) return;
      auto [cb, fresh] = takes_callback.emplace(r.target, false);
      if (fresh)
        for (const Param& prm : t.params)
          if (TypeClassifier::has_callback(prm.type)) cb->second = true;
      if (cb->second) note(4, r.target, kNoSymbol, true, ri);
      if (SymbolId own = own_object_param(t); own != kNoSymbol) note(5, r.target, own, true, ri);
    });

    for (const auto& [key, found] : first) {
      auto [what, a, b, out] = key;
      const auto [ri, sites] = found;
      const Reference& r = p_.refs[ri];
      ModuleId other = out ? p_.to_module(r) : p_.from_module(r);
      switch (what) {
      case 0: // a derives from b
        if (out)
          add(BlockerKind::Inheritance, a, r.site,
              "derives from " + name(b) + " of " + mod(other) +
                  ": a base class cannot be shared across processes; call the other side through an "
                  "interface instead",
              {other}, sites);
        else
          add(BlockerKind::Inheritance, b, r.site,
              "is the base class of " + name(a) + " in " + mod(other) +
                  ": a base class cannot be shared across processes",
              {other}, sites);
        break;
      case 1: // a befriends b
        if (out)
          add(BlockerKind::Friend, a == kNoSymbol ? b : a, r.site,
              "declares " + name(b) + " of " + mod(other) + " a friend: code outside may use its private members",
              {other}, sites);
        else
          add(BlockerKind::Friend, b, r.site,
              "is a friend of " + name(a) + " in " + mod(other) + ": it may use that class's private members",
              {other}, sites);
        break;
      case 2: // address of a function taken across the boundary
        if (out)
          add(BlockerKind::Callback, a, r.site,
              "takes the address of " + name(a) + " of " + mod(other) +
                  ": a function pointer cannot point into another process",
              {other}, sites);
        else
          add(BlockerKind::Callback, a, r.site,
              mod(other) + " takes its address: a function pointer cannot point into another process", {other}, sites);
        break;
      case 4: // a callback passed to another module
        add(BlockerKind::Callback, a, r.site,
            "passes a callback to " + name(a) + " of " + mod(other) + ": code cannot be sent to another process",
            {other}, sites);
        break;
      case 5: // the unit hands its own object to another module
        add(BlockerKind::Identity, a, r.site,
            "hands its " + name(b) + " to " + name(a) + " of " + mod(other) +
                " by pointer or reference: across a process that module would hold a copy, not the object",
            {other}, sites);
        break;
      }
    }
  }

  /// A record of the unit that `f` takes by pointer or reference.
  SymbolId own_object_param(const Symbol& f) const {
    for (const Param& prm : f.params) {
      const TypeInfo& t = prm.type;
      if ((t.shape != TypeShape::Pointer && t.shape != TypeShape::Reference) || t.args.empty()) continue;
      const TypeInfo& obj = t.args[0];
      if (obj.shape != TypeShape::Record) continue;
      auto it = p_.symbol_index.find(obj.decl_usr);
      if (it == p_.symbol_index.end()) continue;
      ModuleId m = p_.symbols[it->second].module;
      if (m != kNoModule && in_[m]) return it->second;
    }
    return kNoSymbol;
  }

  // --- global-state: a mutable global written somewhere is charged to the
  // module that owns it and to every module that touches it, whenever a
  // module outside the unit owns or touches it too.
  void globals() {
    std::set<uint32_t> seen;
    for (ModuleId m : a_.modules)
      for (uint32_t gi : ctx_.globals_of(m)) {
        if (!seen.insert(gi).second) continue;
        const CandidateContext::Global& g = ctx_.globals()[gi];
        const CandidateContext::GlobalUse* mine = nullptr;
        std::vector<const CandidateContext::GlobalUse*> theirs;
        bool writes = false;
        for (const auto& u : g.uses) {
          writes |= u.writes;
          if (in_[u.module]) {
            if (!mine || (u.writes && !mine->writes)) mine = &u;
          } else {
            theirs.push_back(&u);
          }
        }
        const bool owned_here = g.owner != kNoModule && in_[g.owner];
        const bool owned_outside = g.owner != kNoModule && !in_[g.owner];
        const bool owner_touches = std::any_of(g.uses.begin(), g.uses.end(),
                                               [&](const auto& u) { return u.module == g.owner; });
        if (!writes || (theirs.empty() && !(owned_outside && !owner_touches))) continue;
        if (!mine && !owned_here) continue;
        std::string others;
        std::vector<ModuleId> partners;
        for (const auto* u : theirs) {
          others += (others.empty() ? "" : ", ") + std::string(u->writes ? "written by " : "read by ") +
                    mod(u->module) + " (" + p_.where(p_.refs[u->first_ref].site) + ")";
          partners.push_back(u->module);
        }
        if (owned_outside && !owner_touches) {
          others += (others.empty() ? "" : ", ") + std::string("owned by ") + mod(g.owner);
          partners.push_back(g.owner);
        }
        const Symbol& s = p_.symbols[g.symbol];
        Loc site = mine ? p_.refs[mine->first_ref].site : (s.def.valid() ? s.def : s.decl);
        std::string what = mine ? std::string("mutable global ") + (mine->writes ? "written" : "read") + " here and "
                                : std::string("owns mutable global, ");
        // One access path to change per module touching it.
        add(BlockerKind::GlobalState, g.symbol, site, what + others + ": two processes cannot share it", partners,
            static_cast<uint32_t>(partners.size() + (mine ? 1 : 0)));
      }
  }

  // --- global-state taken along: a library's mutable globals go into every
  // service that uses the library, each with its own copy. A service that uses
  // such a library is charged when another service uses it too; the library
  // when two services use it.
  void library_globals() {
    const ModuleGraph& g = ctx_.graph();
    std::set<SymbolId> charged;
    for (const Blocker& b : a_.blockers)
      if (b.kind == BlockerKind::GlobalState) charged.insert(b.symbol);
    // The services outside the unit that take library `lib` along.
    auto users_of = [&](ModuleId lib) {
      std::vector<ModuleId> users;
      for (uint32_t ie : g.in[lib]) {
        const ModuleId u = g.edges[ie].from;
        if (!in_[u] && !ctx_.shared_kernel(u)) users.push_back(u);
      }
      return users;
    };
    auto charge = [&](ModuleId lib, const std::vector<ModuleId>& users, const std::string& into) {
      for (uint32_t gi : ctx_.globals_of(lib)) {
        const CandidateContext::Global& gl = ctx_.globals()[gi];
        if (gl.owner != lib || charged.count(gl.symbol)) continue;
        bool writes = false;
        for (const auto& u : gl.uses) writes |= u.writes;
        if (!writes) continue;
        charged.insert(gl.symbol);
        const Symbol& s = p_.symbols[gl.symbol];
        add(BlockerKind::GlobalState, gl.symbol, s.def.valid() ? s.def : s.decl,
            "mutable global of library " + mod(lib) + ", which is taken along into " + into +
                list_modules(p_, users) + ": each process would hold its own copy",
            users, static_cast<uint32_t>(users.size()));
      }
    };
    if (a_.modules.size() == 1 && ctx_.fixed_role(a_.modules.front()) == Role::Library) {
      std::vector<ModuleId> users = users_of(a_.modules.front());
      if (users.size() >= 2) charge(a_.modules.front(), users, "");
      return;
    }
    for (ModuleId m : a_.modules)
      for (uint32_t e : g.out[m]) {
        const ModuleId lib = g.edges[e].to;
        if (in_[lib] || ctx_.fixed_role(lib) != Role::Library) continue;
        std::vector<ModuleId> users = users_of(lib);
        if (!users.empty()) charge(lib, users, "this service and into ");
      }
  }

  // --- callback and identity in the unit's own interface signatures.
  void signatures() {
    for (const InterfaceEntry& e : a_.interface) {
      const Symbol& s = p_.symbols[e.use.symbol];
      // Only operations cross the wire; inline code runs in the caller with its own objects.
      if (!is_function_like(s.kind) || !e.operation) continue;
      std::string callbacks, identity;
      auto join = [](std::string& to, const std::string& what) { to += (to.empty() ? "" : "; ") + what; };
      if (TypeClassifier::has_callback(s.result)) join(callbacks, "returns " + s.result.spelling);
      for (const Param& prm : s.params)
        if (TypeClassifier::has_callback(prm.type)) join(callbacks, "takes " + prm.type.spelling);
      if (std::string why = result_identity(s.result); !why.empty()) join(identity, why);
      for (const Param& prm : s.params)
        if (std::string why = param_identity(prm.type); !why.empty()) join(identity, why);
      Loc site = s.decl.valid() ? s.decl : s.def;
      // Every remote call site has to change with the signature.
      if (!callbacks.empty())
        add(BlockerKind::Callback, e.use.symbol, site,
            callbacks + ": code cannot be sent to another process", e.use.clients, e.remote_calls);
      if (!identity.empty())
        add(BlockerKind::Identity, e.use.symbol, site,
            identity + ": across a process a pointer or reference can only refer to a copy", e.use.clients,
            e.remote_calls);
    }
  }

  static bool is_c_string(const TypeInfo& t) {
    return t.shape == TypeShape::Pointer && !t.args.empty() && t.args[0].shape == TypeShape::Char && t.args[0].is_const;
  }

  std::string result_identity(const TypeInfo& t) const {
    if (TypeClassifier::has_callback(t) || is_c_string(t)) return "";
    if (t.shape == TypeShape::Pointer || t.shape == TypeShape::Reference || t.shape == TypeShape::SmartPointer)
      return "returns " + t.spelling + " into its own memory";
    return "";
  }

  std::string param_identity(const TypeInfo& t) {
    if (TypeClassifier::has_callback(t) || is_c_string(t)) return "";
    if (t.shape == TypeShape::Pointer || t.shape == TypeShape::SmartPointer) return "takes " + t.spelling;
    if (t.shape == TypeShape::Reference) {
      TypeVerdict v = ctx_.types().classify(t);
      if (!v.serialisable) return "takes " + t.spelling;
    }
    return "";
  }

  CandidateContext& ctx_;
  const Project& p_;
  const std::vector<char>& in_;
  Assessment& a_;
  const std::string empty_;
};

} // namespace

void find_blockers(CandidateContext& ctx, const std::vector<char>& in_unit, Assessment& a) {
  Finder(ctx, in_unit, a).run();
}

} // namespace seam
