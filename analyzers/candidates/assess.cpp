// assess(): one unit (a module, a cycle, a what-if set) as a service; and the
// ranking of every module.
#include "analyzers/candidates/blockers.h"
#include "analyzers/candidates/candidates.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace seam {

namespace {

std::string percent(uint32_t part, uint32_t whole) {
  return std::to_string(whole ? (part * 100 + whole / 2) / whole : 0) + "%";
}

/// The unit's interface from the modules' interfaces (interface.h, the shared
/// definition), keeping only uses from outside the unit.
void collect_interface(CandidateContext& ctx, const std::vector<char>& in, Assessment& a) {
  const Project& p = ctx.project();
  std::map<ModuleId, ClientUse> clients;
  for (ModuleId m : a.modules)
    for (const InterfaceSymbol& is : ctx.interface_of(m)) {
      InterfaceEntry e;
      e.use.symbol = is.symbol;
      bool used = false; // used other than by overriding it
      for (uint32_t ri : is.refs) {
        const Reference& r = p.refs[ri];
        if (in[r.from_module]) continue; // a use from a partner of the unit stays local
        used |= r.kind != RefKind::Override;
        ++e.use.sites;
        e.use.refs.push_back(ri);
        if (std::find(e.use.clients.begin(), e.use.clients.end(), r.from_module) == e.use.clients.end())
          e.use.clients.push_back(r.from_module);
        ClientUse& c = clients[r.from_module];
        c.module = r.from_module;
        ++c.refs;
        if (r.in_loop) ++e.use.loop_sites;
        if (r.kind != RefKind::Call) continue;
        ++e.use.call_sites;
        ++c.calls;
        ++a.calls;
        a.remote_in.push_back(ri);
        const Symbol& t = p.symbols[r.target];
        if (t.result.shape == TypeShape::Void && t.kind != SymbolKind::Constructor) ++a.void_calls;
        if (r.in_loop) {
          ++e.loop_calls;
          ++c.loop_calls;
          ++a.loop_calls;
          a.loop_call_refs.push_back(ri);
        }
      }
      if (e.use.refs.empty()) continue;
      std::sort(e.use.clients.begin(), e.use.clients.end());
      const SymbolKind k = p.symbols[is.symbol].kind;
      // Overriding a virtual method is inheritance (a blocker), not a call to serve.
      e.operation = (is_function_like(k) || k == SymbolKind::Variable) && used;
      a.interface.push_back(std::move(e));
    }
  std::sort(a.interface.begin(), a.interface.end(), [&](const InterfaceEntry& x, const InterfaceEntry& y) {
    const Symbol& s = p.symbols[x.use.symbol];
    const Symbol& t = p.symbols[y.use.symbol];
    return std::tie(s.name, s.usr) < std::tie(t.name, t.usr);
  });
  for (auto& [m, c] : clients) a.clients.push_back(c);
  std::sort(a.remote_in.begin(), a.remote_in.end());
  std::sort(a.loop_call_refs.begin(), a.loop_call_refs.end());
}

void collect_dependencies(CandidateContext& ctx, const std::vector<char>& in, Assessment& a) {
  const Project& p = ctx.project();
  const ModuleGraph& g = ctx.graph();
  std::map<ModuleId, DependencyUse> deps;
  for (ModuleId m : a.modules)
    for (uint32_t ei : g.out[m]) {
      const ModuleEdge& e = g.edges[ei];
      if (in[e.to]) continue;
      DependencyUse& d = deps[e.to];
      d.module = e.to;
      d.library = ctx.shared_kernel(e.to);
      d.refs += static_cast<uint32_t>(e.refs.size());
      d.includes += e.include_count;
      for (uint32_t ri : e.refs) {
        const Reference& r = p.refs[ri];
        if (r.kind != RefKind::Call) continue;
        ++d.calls;
        if (r.in_loop) ++d.loop_calls;
        if (!d.library) a.remote_out.push_back(ri);
      }
    }
  for (auto& [m, d] : deps) a.dependencies.push_back(d);
  std::sort(a.remote_out.begin(), a.remote_out.end());
}

void collect_data(CandidateContext& ctx, Assessment& a) {
  const Project& p = ctx.project();
  std::map<std::string, DataType> types;
  auto add = [&](const TypeInfo& t, SymbolId user) {
    if (t.shape == TypeShape::Void || t.spelling.empty()) return;
    auto [it, inserted] = types.try_emplace(t.spelling);
    if (inserted) {
      it->second.spelling = t.spelling;
      it->second.verdict = ctx.types().classify(t);
    }
    if (std::find(it->second.used_by.begin(), it->second.used_by.end(), user) == it->second.used_by.end())
      it->second.used_by.push_back(user);
  };
  for (const InterfaceEntry& e : a.interface) {
    const Symbol& s = p.symbols[e.use.symbol];
    if (s.kind == SymbolKind::Class || s.kind == SymbolKind::Struct || s.kind == SymbolKind::Union ||
        s.kind == SymbolKind::Enum) {
      // A type clients name themselves (a member, a local, a base) crosses the
      // boundary as much as one in a signature.
      auto [it, inserted] = types.try_emplace(s.name);
      if (inserted) {
        it->second.spelling = s.name;
        it->second.verdict = s.kind == SymbolKind::Enum ? TypeVerdict{true, ValueKind::Enum, "enum"}
                                                        : ctx.types().classify_record(e.use.symbol);
      }
      it->second.used_by.push_back(e.use.symbol);
      continue;
    }
    if (!e.operation) continue;
    add(s.result, e.use.symbol);
    for (const Param& prm : s.params) add(prm.type, e.use.symbol);
  }
  for (auto& [spelling, d] : types) {
    std::sort(d.used_by.begin(), d.used_by.end(), [&](SymbolId x, SymbolId y) {
      return std::tie(p.symbols[x].name, p.symbols[x].usr) < std::tie(p.symbols[y].name, p.symbols[y].usr);
    });
    a.data.push_back(std::move(d));
  }
}

void explain(CandidateContext& ctx, Assessment& a) {
  const Project& p = ctx.project();
  auto& why = a.reasons;
  if (a.role == Role::SharedKernel || a.role == Role::Library || a.role == Role::Test)
    why.push_back(ctx.kernel_reason(a.modules.front()));
  if (a.role == Role::EntryPoint)
    why.push_back("entry point: no other module uses it, so it is the application that would call the "
                  "services, not a service");
  if (a.blockers.empty()) {
    why.push_back("no blockers");
  } else {
    std::string list;
    for (int k = 0; k < kBlockerKindCount; ++k)
      if (uint32_t n = a.inputs.blockers[k]) list += (list.empty() ? "" : ", ") + std::string(to_string(BlockerKind(k))) + " " + std::to_string(n);
    why.push_back("blockers: " + list + " (-" + std::to_string(static_cast<int>(a.score.penalty + 0.5)) + " points)");
  }
  {
    std::string ops;
    uint32_t shown = 0;
    for (const InterfaceEntry& e : a.interface)
      if (e.operation && shown++ < 4) ops += (ops.empty() ? "" : ", ") + p.symbols[e.use.symbol].name;
    if (a.inputs.operations > 4) ops += ", ...";
    why.push_back(std::to_string(a.inputs.operations) + " interface operation" +
                  (a.inputs.operations == 1 ? "" : "s") + (ops.empty() ? "" : " (" + ops + ")") + " used by " +
                  std::to_string(a.clients.size()) + " module" + (a.clients.size() == 1 ? "" : "s"));
  }
  if (a.inputs.data_types) {
    if (a.inputs.data_serialisable == a.inputs.data_types) {
      why.push_back("all " + std::to_string(a.inputs.data_types) + " types crossing its boundary are serialisable values");
    } else {
      for (const DataType& d : a.data)
        if (!d.verdict.serialisable) {
          why.push_back(std::to_string(a.inputs.data_types - a.inputs.data_serialisable) + " of " +
                        std::to_string(a.inputs.data_types) + " types crossing its boundary are not values, e.g. " +
                        d.spelling + ": " + d.verdict.reason);
          break;
        }
    }
  }
  std::string remote, library;
  for (const DependencyUse& d : a.dependencies)
    (d.library ? library : remote) += ((d.library ? library : remote).empty() ? "" : ", ") + p.module_name(d.module);
  if (remote.empty())
    why.push_back(library.empty() ? "depends on no other module" : "depends only on the shared kernel (" + library + ")");
  else
    why.push_back("would call " + std::to_string(a.inputs.remote_dependencies) + " module" +
                  (a.inputs.remote_dependencies == 1 ? "" : "s") + " over the network (" + remote + ")" +
                  (library.empty() ? "" : "; takes " + library + " along as a library"));
  if (a.calls) {
    if (a.loop_calls)
      why.push_back(std::to_string(a.loop_calls) + " of " + std::to_string(a.calls) +
                    " calls into it sit inside loops (first: " + p.where(p.refs[a.loop_call_refs.front()].site) +
                    "): one round trip per iteration");
    if (a.void_calls)
      why.push_back(percent(a.void_calls, a.calls) + " of the calls into it return nothing: they can become "
                                                     "asynchronous messages");
  }
  if (a.modules.size() == 1) {
    const Module& m = p.modules[a.modules.front()];
    if (m.decl && m.decl->extract) why.push_back("seam.json marks it \"extract\": true");
  }
}

} // namespace

Assessment assess(CandidateContext& ctx, std::vector<ModuleId> modules) {
  const Project& p = ctx.project();
  Assessment a;
  std::sort(modules.begin(), modules.end());
  modules.erase(std::unique(modules.begin(), modules.end()), modules.end());
  a.modules = std::move(modules);
  for (ModuleId m : a.modules) a.name += (a.name.empty() ? "" : "+") + p.module_name(m);
  if (a.modules.empty()) return a;
  std::vector<char> in(p.modules.size(), 0);
  for (ModuleId m : a.modules) in[m] = 1;

  collect_interface(ctx, in, a);
  collect_dependencies(ctx, in, a);
  collect_data(ctx, a);
  find_blockers(ctx, in, a);

  if (a.modules.size() == 1 && ctx.fixed_role(a.modules.front()) != Role::Candidate)
    a.role = ctx.fixed_role(a.modules.front());
  else if (a.clients.empty())
    a.role = Role::EntryPoint;

  ScoreInputs& in_ = a.inputs;
  for (const InterfaceEntry& e : a.interface) in_.operations += e.operation;
  in_.data_types = static_cast<uint32_t>(a.data.size());
  for (const DataType& d : a.data) in_.data_serialisable += d.verdict.serialisable;
  for (const DependencyUse& d : a.dependencies) in_.remote_dependencies += !d.library;
  in_.calls = a.calls;
  in_.loop_calls = a.loop_calls;
  in_.void_calls = a.void_calls;
  in_.clients = static_cast<uint32_t>(a.clients.size());
  for (const Blocker& b : a.blockers) ++in_.blockers[static_cast<size_t>(b.kind)];
  a.score = compute_score(in_);
  explain(ctx, a);
  return a;
}

Ranking rank_modules(CandidateContext& ctx) {
  const Project& p = ctx.project();
  Ranking out;
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m) out.modules.push_back(assess(ctx, {m}));
  std::stable_sort(out.modules.begin(), out.modules.end(), [](const Assessment& a, const Assessment& b) {
    // Candidates first, best first; then shared kernels, then entry points; by name within.
    if (a.role != b.role) return a.role < b.role;
    if (a.role == Role::Candidate && a.score.total != b.score.total) return a.score.total > b.score.total;
    return a.name < b.name;
  });
  uint32_t next = 1;
  for (const Assessment& a : out.modules) out.rank.push_back(a.role == Role::Candidate ? next++ : 0);
  for (const auto& cycle : ctx.cycles()) {
    std::vector<ModuleId> unit(cycle.begin(), cycle.end());
    Assessment g = assess(ctx, unit);
    // A cycle no module outside it uses is the application itself (on
    // rocksdb, all 19 modules), not a service: nothing to extract it from.
    if (g.role == Role::EntryPoint) continue;
    out.groups.push_back(std::move(g));
  }
  return out;
}

} // namespace seam
