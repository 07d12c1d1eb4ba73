// assess(): one unit (a module, a cycle, a what-if set) as a service; and the
// ranking of every module. What becomes remote follows dependency_time.h:
// only run-time uses (out-of-line calls, mutable globals, virtual calls) cross
// the network; compile-time uses are headers the service takes along. Calls
// through a port (ports.h) go to the port's implementers, whoever owns it.
#include "analyzers/candidates/blockers.h"
#include "analyzers/candidates/candidates.h"
#include "analyzers/core/rounding.h"
#include "analyzers/model/dependency_time.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace seam {

namespace {

std::string percent(uint32_t part, uint32_t whole) {
  return std::to_string(whole ? (part * 100 + whole / 2) / whole : 0) + "%";
}

std::string plural(uint32_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// A call into the unit that becomes remote: counted once, for its client.
void count_call_in(const Project& p, uint32_t ri, ClientUse& c, Assessment& a) {
  const Reference& r = p.refs[ri];
  ++c.calls;
  ++a.calls;
  a.remote_in.push_back(ri);
  const Symbol& t = p.symbols[r.target];
  if (t.result.shape == TypeShape::Void && t.kind != SymbolKind::Constructor) ++a.void_calls;
  if (r.in_loop) {
    ++c.loop_calls;
    ++a.loop_calls;
    a.loop_call_refs.push_back(ri);
  }
}

/// The unit's interface from the modules' interfaces (interface.h, the shared
/// definition), keeping only uses from outside the unit; and the calls through
/// ports it implements, which reach it from outside at run time.
void collect_interface(CandidateContext& ctx, const std::vector<char>& in, Assessment& a) {
  const Project& p = ctx.project();
  std::map<ModuleId, ClientUse> clients;
  auto client = [&](ModuleId m) -> ClientUse& {
    ClientUse& c = clients[m];
    c.module = m;
    return c;
  };
  for (ModuleId m : a.modules)
    for (const InterfaceSymbol& is : ctx.interface_of(m)) {
      InterfaceEntry e;
      e.use.symbol = is.symbol;
      // A call to a port's operation runs in the port's implementers: it is
      // counted with the ports below, not as a call to the port's owner.
      const bool port_op = ctx.ports().of_operation(is.symbol) != nullptr;
      for (uint32_t ri : is.refs) {
        const Reference& r = p.refs[ri];
        if (in[p.from_module(r)]) continue; // a use from a partner of the unit stays local
        ++e.use.sites;
        e.use.refs.push_back(ri);
        if (std::find(e.use.clients.begin(), e.use.clients.end(), p.from_module(r)) == e.use.clients.end())
          e.use.clients.push_back(p.from_module(r));
        ClientUse& c = client(p.from_module(r));
        ++c.refs;
        if (r.in_loop) ++e.use.loop_sites;
        if (r.kind == RefKind::Call) ++e.use.call_sites;
        if (port_op || dependency_time(p, r) != DependencyTime::Run) continue;
        ++e.run_time;
        if (r.kind != RefKind::Call) continue;
        ++e.remote_calls;
        if (r.in_loop) ++e.loop_calls;
        count_call_in(p, ri, c, a);
      }
      if (e.use.refs.empty()) continue;
      std::sort(e.use.clients.begin(), e.use.clients.end());
      const SymbolKind k = p.symbols[is.symbol].kind;
      // Compile-time uses (types, constants, inline code, overriding a method)
      // stay in the client's process: only run-time uses make an rpc.
      e.operation = (is_function_like(k) || k == SymbolKind::Variable) && e.run_time > 0;
      a.interface.push_back(std::move(e));
    }
  std::sort(a.interface.begin(), a.interface.end(), [&](const InterfaceEntry& x, const InterfaceEntry& y) {
    const Symbol& s = p.symbols[x.use.symbol];
    const Symbol& t = p.symbols[y.use.symbol];
    return std::tie(s.name, s.usr) < std::tie(t.name, t.usr);
  });

  std::set<ModuleId> direct;
  for (const auto& [m, c] : clients) direct.insert(m);

  // Ports: calls that cross the boundary between a caller and an implementer.
  const Ports& ports = ctx.ports();
  std::set<SymbolId> served;
  for (uint32_t pi = 0; pi < ports.list.size(); ++pi) {
    const Port& port = ports.list[pi];
    PortUse u;
    u.port = port;
    u.owns = in[port.owner];
    for (ModuleId m : port.implementers) u.implements |= in[m] != 0;
    for (ModuleId m : port.callers) u.calls |= in[m] != 0;
    if (!u.owns && !u.implements && !u.calls) continue;
    for (uint32_t ri : port.calls) {
      const Reference& r = p.refs[ri];
      const bool inside = in[p.from_module(r)];
      bool crosses = false;
      for (ModuleId m : port.implementers)
        crosses |= inside ? !in[m] && !ctx.shared_kernel(m) : in[m] != 0;
      if (!crosses) continue;
      u.remote_calls.push_back(ri);
      if (inside) {
        a.remote_out.push_back(ri);
        continue;
      }
      count_call_in(p, ri, client(p.from_module(r)), a);
      // A port the unit owns is in its interface: the reference is counted there.
      if (!u.owns) ++client(p.from_module(r)).refs;
      served.insert(r.target);
    }
    a.ports.push_back(std::move(u));
  }
  a.port_operations.assign(served.begin(), served.end());
  std::sort(a.port_operations.begin(), a.port_operations.end(), [&](SymbolId x, SymbolId y) {
    return std::tie(p.symbols[x].name, p.symbols[x].usr) < std::tie(p.symbols[y].name, p.symbols[y].usr);
  });

  for (auto& [m, c] : clients) {
    a.clients.push_back(c);
    if (!direct.count(m)) a.callback_clients.push_back(m);
  }
  std::sort(a.remote_in.begin(), a.remote_in.end());
  std::sort(a.loop_call_refs.begin(), a.loop_call_refs.end());
}

void collect_dependencies(CandidateContext& ctx, const std::vector<char>& in, Assessment& a) {
  const Project& p = ctx.project();
  const ModuleGraph& g = ctx.graph();
  std::map<ModuleId, DependencyUse> deps;
  struct Along {
    std::set<FileId> files;
    std::set<SymbolId> symbols;
    uint32_t refs = 0;
  };
  std::map<ModuleId, Along> along;
  for (ModuleId m : a.modules)
    for (uint32_t ei : g.out[m]) {
      const ModuleEdge& e = g.edges[ei];
      if (in[e.to]) continue;
      DependencyUse& d = deps[e.to];
      d.module = e.to;
      d.library = ctx.shared_kernel(e.to);
      d.refs += static_cast<uint32_t>(e.refs.size());
      d.includes += e.include_count;
      d.compile_time += e.include_count;
      for (uint32_t ri : e.refs) {
        const Reference& r = p.refs[ri];
        // A call through a port of e.to runs in the port's implementers
        // (collect_interface); of e.to itself it only needs the class.
        const bool port_op = r.kind == RefKind::Call && ctx.ports().of_operation(r.target);
        if (port_op || dependency_time(p, r) != DependencyTime::Run) {
          ++d.compile_time;
          if (d.library) continue;
          Along& t = along[e.to];
          ++t.refs;
          t.symbols.insert(r.target);
          const Symbol& s = p.symbols[r.target];
          if (s.owner != kNoFile) t.files.insert(s.owner);
          continue;
        }
        ++d.run_time;
        if (r.kind != RefKind::Call) continue;
        ++d.calls;
        if (r.in_loop) ++d.loop_calls;
        if (!d.library) a.remote_out.push_back(ri);
      }
      d.remote = !d.library && d.run_time > 0;
    }
  for (auto& [m, d] : deps) a.dependencies.push_back(d);
  for (auto& [m, t] : along) {
    TakeAlong x;
    x.module = m;
    x.headers.assign(t.files.begin(), t.files.end());
    std::sort(x.headers.begin(), x.headers.end(), [&](FileId f1, FileId f2) { return p.files[f1].path < p.files[f2].path; });
    x.symbols = static_cast<uint32_t>(t.symbols.size());
    x.refs = t.refs;
    a.take_along.push_back(std::move(x));
  }
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
  auto signature = [&](SymbolId id) {
    const Symbol& s = p.symbols[id];
    add(s.result, id);
    for (const Param& prm : s.params) add(prm.type, id);
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
    if (e.operation) signature(e.use.symbol);
  }
  // The port operations it serves are rpcs too: their arguments are messages.
  for (SymbolId op : a.port_operations) signature(op);
  for (auto& [spelling, d] : types) {
    std::sort(d.used_by.begin(), d.used_by.end(), [&](SymbolId x, SymbolId y) {
      return std::tie(p.symbols[x].name, p.symbols[x].usr) < std::tie(p.symbols[y].name, p.symbols[y].usr);
    });
    a.data.push_back(std::move(d));
  }
}

/// "12.5", "3": sites are never negative, so no "-0" to worry about.
std::string sites_text(double v) { return fixed_trimmed(v, 1); }

/// True when every client reaches the unit only through callback interfaces
/// (ports) it implements, and the unit calls each such client at run time
/// itself: it is the application driving them, not a service they use.
bool drives_its_only_clients(const Assessment& a) {
  if (a.callback_clients.size() != a.clients.size()) return false;
  for (ModuleId m : a.callback_clients) {
    auto d = std::find_if(a.dependencies.begin(), a.dependencies.end(),
                          [&](const DependencyUse& u) { return u.module == m; });
    if (d == a.dependencies.end() || d->run_time == 0) return false;
  }
  return true;
}

void explain(CandidateContext& ctx, Assessment& a) {
  const Project& p = ctx.project();
  auto& why = a.reasons;
  if (a.role == Role::SharedKernel || a.role == Role::Library || a.role == Role::Test)
    why.push_back(ctx.kernel_reason(a.modules.front()));
  if (a.role == Role::EntryPoint && a.clients.empty())
    why.push_back("entry point: no other module uses it, so it is the application that would call the "
                  "services, not a service");
  if (a.role == Role::EntryPoint && !a.clients.empty()) {
    std::string names;
    for (ModuleId m : a.callback_clients) names += (names.empty() ? "" : ", ") + p.module_name(m);
    why.push_back("entry point: " + names +
                  " reach it only by calling back through interfaces it implements, and it calls them "
                  "itself: it is the application driving them, not a service");
  }
  if (a.role == Role::CompileTime)
    why.push_back("compile-time only: other modules use only its headers (types, inline code, templates, "
                  "constants, macros), so a service would have nothing to serve; its users take it along");
  if (a.role == Role::Candidate)
    why.push_back("effort: " + sites_text(a.score.effort) + " sites to change (score " +
                  std::to_string(a.score.total) + ")");
  auto effort_of = [&](const std::string& name) {
    for (const ScoreComponent& c : a.score.components)
      if (c.name == name) return c.effort;
    return 0.0;
  };
  for (const Blocker& b : a.blockers)
    if (b.kind == BlockerKind::Cycle) {
      std::string members;
      for (ModuleId m : a.modules) members += (members.empty() ? "" : ",") + p.module_name(m);
      for (ModuleId m : b.partners) members += "," + p.module_name(m);
      why.push_back("cycle: " + plural(a.cycle_sites, "site", "sites") + " to change to leave {" + members + "}");
    }
  {
    std::string list;
    for (int k = 0; k < kBlockerKindCount; ++k) {
      if (BlockerKind(k) == BlockerKind::Cycle || !a.inputs.blockers[k]) continue;
      list += (list.empty() ? "" : ", ") + std::string(to_string(BlockerKind(k))) + " " +
              std::to_string(a.inputs.blockers[k]) + " (" + plural(a.inputs.blocker_sites[k], "site", "sites") +
              ", effort " + sites_text(effort_of(to_string(BlockerKind(k)))) + ")";
    }
    if (a.blockers.empty())
      why.push_back("no blockers");
    else if (!list.empty())
      why.push_back("blockers: " + list);
  }
  {
    std::string ops;
    uint32_t shown = 0;
    for (const InterfaceEntry& e : a.interface)
      if (e.operation && shown++ < 4) ops += (ops.empty() ? "" : ", ") + p.symbols[e.use.symbol].name;
    for (SymbolId op : a.port_operations)
      if (shown++ < 4) ops += (ops.empty() ? "" : ", ") + p.symbols[op].name;
    if (a.inputs.operations > 4) ops += ", ...";
    why.push_back(plural(a.inputs.operations, "interface operation", "interface operations") +
                  (ops.empty() ? "" : " (" + ops + ")") + " used by " +
                  plural(static_cast<uint32_t>(a.clients.size()), "module", "modules") + " (effort " +
                  sites_text(effort_of("interface") + effort_of("clients")) + ")");
  }
  if (a.inputs.data_types) {
    if (a.inputs.data_serialisable == a.inputs.data_types) {
      why.push_back("all " + std::to_string(a.inputs.data_types) + " types crossing its boundary are serialisable values");
    } else {
      for (const DataType& d : a.data)
        if (!d.verdict.serialisable) {
          why.push_back(std::to_string(a.inputs.data_types - a.inputs.data_serialisable) + " of " +
                        std::to_string(a.inputs.data_types) + " types crossing its boundary are not values, e.g. " +
                        d.spelling + ": " + d.verdict.reason + " (effort " + sites_text(effort_of("data")) + ")");
          break;
        }
    }
  }
  std::string remote, library, headers;
  for (const DependencyUse& d : a.dependencies) {
    std::string& to = d.library ? library : d.remote ? remote : headers;
    to += (to.empty() ? "" : ", ") + p.module_name(d.module);
  }
  if (remote.empty())
    why.push_back(library.empty() && headers.empty() ? "depends on no other module"
                                                      : "calls no other module at run time");
  else
    why.push_back("would call " + plural(a.inputs.remote_dependencies, "module", "modules") + " over the network (" +
                  remote + "; effort " + sites_text(effort_of("dependencies")) + ")");
  if (!library.empty()) why.push_back("takes " + library + " along as a library");
  if (!headers.empty()) why.push_back("uses only headers of " + headers + " (compile-time: types, inline code, "
                                      "templates, constants)");
  for (const PortUse& u : a.ports) {
    const Port& port = u.port;
    if (u.implements && !u.remote_calls.empty())
      why.push_back("serves the port " + p.symbols[port.symbol].name + " of " + p.module_name(port.owner) + ": " +
                    plural(static_cast<uint32_t>(u.remote_calls.size()), "remote call", "remote calls") +
                    " through it, an existing contract");
    else if (!u.remote_calls.empty())
      why.push_back("calls the port " + p.symbols[port.symbol].name + " at " +
                    plural(static_cast<uint32_t>(u.remote_calls.size()), "site", "sites") +
                    " that reach its implementers over the network");
  }
  const uint32_t calls = a.calls + static_cast<uint32_t>(a.remote_out.size());
  if (calls)
    why.push_back(plural(calls, "call", "calls") + " would become remote (" + std::to_string(a.calls) + " in, " +
                  std::to_string(a.remote_out.size()) + " out; effort " +
                  sites_text(effort_of("calls") + effort_of("messages")) + ")");
  if (a.calls) {
    if (a.loop_calls)
      why.push_back(std::to_string(a.loop_calls) + " of " + std::to_string(a.calls) +
                    " calls into it sit inside loops (first: " + p.where(p.refs[a.loop_call_refs.front()].site) +
                    "): one round trip per iteration");
    if (a.void_calls)
      why.push_back(percent(a.void_calls, a.calls) + " of the calls into it return nothing: they can become "
                                                     "asynchronous messages");
  }
  if (a.has_history && a.co_change.commits) {
    const history::SetCoChange& cc = a.co_change;
    if (cc.with_outside == 0) {
      why.push_back("changed alone in all " + plural(cc.commits, "commit", "commits") +
                    " of the history: no release in step with another module");
    } else {
      const history::SetCoChange::Partner& top = cc.partners.front();
      std::string line = "changed together with " + p.module_name(top.module) + " in " + std::to_string(top.both) +
                         " of its " + plural(cc.commits, "commit", "commits");
      if (cc.partners.size() > 1)
        line += "; with " + plural(static_cast<uint32_t>(cc.partners.size()), "module", "modules") + " outside it in " +
                std::to_string(cc.with_outside);
      why.push_back(line + " (effort " + sites_text(effort_of("co-change")) + ")");
    }
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
  else if (a.clients.empty() || drives_its_only_clients(a))
    a.role = Role::EntryPoint;

  ScoreInputs& in_ = a.inputs;
  in_.cycle_sites = a.cycle_sites;
  for (const InterfaceEntry& e : a.interface) in_.operations += e.operation;
  in_.operations += static_cast<uint32_t>(a.port_operations.size());
  in_.data_types = static_cast<uint32_t>(a.data.size());
  for (const DataType& d : a.data) in_.data_serialisable += d.verdict.serialisable;
  for (const DependencyUse& d : a.dependencies) in_.remote_dependencies += d.remote;
  in_.calls = a.calls;
  in_.loop_calls = a.loop_calls;
  in_.void_calls = a.void_calls;
  for (uint32_t ri : a.remote_out) {
    const Reference& r = p.refs[ri];
    const Symbol& t = p.symbols[r.target];
    ++in_.out_calls;
    in_.out_loop_calls += r.in_loop;
    in_.out_void_calls += t.result.shape == TypeShape::Void && t.kind != SymbolKind::Constructor;
  }
  in_.clients = static_cast<uint32_t>(a.clients.size());
  if (a.role == Role::Candidate && in_.operations == 0) a.role = Role::CompileTime;
  for (const Blocker& b : a.blockers) {
    ++in_.blockers[static_cast<size_t>(b.kind)];
    in_.blocker_sites[static_cast<size_t>(b.kind)] += b.sites;
  }
  if (const history::ChangeModel* h = ctx.history()) {
    std::vector<bool> taken_along(p.modules.size());
    for (size_t m = 0; m < taken_along.size(); ++m) taken_along[m] = ctx.shared_kernel(static_cast<ModuleId>(m));
    a.has_history = true;
    a.co_change = history::co_change_of(*h, a.modules, taken_along);
    in_.history = true;
    in_.co_changes = a.co_change.with_outside;
  }
  a.score = compute_score(in_);
  explain(ctx, a);
  return a;
}

Ranking rank_modules(CandidateContext& ctx) {
  const Project& p = ctx.project();
  Ranking out;
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m) out.modules.push_back(assess(ctx, {m}));
  std::stable_sort(out.modules.begin(), out.modules.end(), [](const Assessment& a, const Assessment& b) {
    // Candidates first, least effort first (the score is a rounding of it);
    // then shared kernels, then entry points; by name within.
    if (a.role != b.role) return a.role < b.role;
    if (a.role == Role::Candidate && a.score.effort != b.score.effort) return a.score.effort < b.score.effort;
    return a.name < b.name;
  });
  uint32_t next = 1;
  for (const Assessment& a : out.modules) out.rank.push_back(a.role == Role::Candidate ? next++ : 0);
  for (const auto& cycle : ctx.cycles()) {
    std::vector<ModuleId> unit(cycle.begin(), cycle.end());
    Assessment g = assess(ctx, unit);
    // A cycle no module outside it uses is the application itself (on
    // rocksdb, all 19 modules), not a service: nothing to extract it from;
    // nor is one that others use only at compile time.
    if (g.role == Role::EntryPoint || g.role == Role::CompileTime) continue;
    out.groups.push_back(std::move(g));
  }
  return out;
}

} // namespace seam
