#include "reports/candidates/candidates_report.h"
#include "analyzers/core/rounding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace seam {

using nlohmann::ordered_json;

namespace {

ordered_json site_json(const Project& p, const Loc& l, ordered_json o = ordered_json::object()) {
  if (l.valid()) {
    o["file"] = p.files[l.file].path;
    o["line"] = l.line;
    o["column"] = l.column;
  } else {
    o["file"] = nullptr;
    o["line"] = nullptr;
    o["column"] = nullptr;
  }
  return o;
}

ordered_json modules_json(const Project& p, const std::vector<ModuleId>& ms) {
  ordered_json a = ordered_json::array();
  for (ModuleId m : ms) a.push_back(p.module_name(m));
  return a;
}

/// Where a call through a port runs: its implementers on the other side of
/// the unit's boundary, joined by ","; empty for any other call.
std::string port_destination(const Project& p, const Assessment& a, uint32_t ri) {
  for (const PortUse& u : a.ports) {
    if (!std::binary_search(u.remote_calls.begin(), u.remote_calls.end(), ri)) continue;
    const bool inside = std::binary_search(a.modules.begin(), a.modules.end(), p.from_module(p.refs[ri]));
    std::string to;
    for (ModuleId m : u.port.implementers)
      if (std::binary_search(a.modules.begin(), a.modules.end(), m) != inside)
        to += (to.empty() ? "" : ",") + p.module_name(m);
    return to;
  }
  return "";
}

ordered_json call_json(const Project& p, uint32_t ri, const char* direction = nullptr, const std::string& to = "") {
  const Reference& r = p.refs[ri];
  ordered_json o;
  if (direction) o["direction"] = direction;
  o["from"] = p.module_name(p.from_module(r));
  o["to"] = to.empty() ? p.module_name(p.to_module(r)) : to;
  o["symbol"] = p.symbols[r.target].name;
  o = site_json(p, r.site, std::move(o));
  o["in_loop"] = r.in_loop;
  return o;
}

ordered_json components_json(const Score& s) {
  ordered_json o = ordered_json::object();
  for (const ScoreComponent& c : s.components) {
    ordered_json j;
    j["sites"] = round_to(c.sites, 1);
    j["weight"] = c.weight;
    j["effort"] = round_to(c.effort, 1);
    o[c.name] = j;
  }
  return o;
}

const char* dependency_kind(const DependencyUse& d) { return d.library ? "library" : d.remote ? "remote" : "headers"; }

std::string port_role(const PortUse& u) {
  std::string r;
  if (u.owns) r += "owns";
  if (u.implements) r += std::string(r.empty() ? "" : ", ") + "implements";
  if (u.calls) r += std::string(r.empty() ? "" : ", ") + "calls";
  return r;
}

} // namespace

ordered_json assessment_json(const Project& p, const Assessment& a, uint32_t rank, bool ranked_list,
                             const CandidatesJsonLimits& limits) {
  const bool unranked = ranked_list && a.role != Role::Candidate;
  ordered_json o;
  o["module"] = a.name;
  o["rank"] = rank ? ordered_json(rank) : ordered_json(nullptr);
  o["score"] = unranked ? ordered_json(nullptr) : ordered_json(a.score.total);
  o["role"] = to_string(a.role);
  // True for every module taken along rather than extracted (a library too),
  // so readers of seam.candidates/1 that skip shared kernels skip libraries.
  o["shared_kernel"] = a.role == Role::SharedKernel || a.role == Role::Library;
  o["modules"] = modules_json(p, a.modules);
  o["effort"] = unranked ? ordered_json(nullptr) : ordered_json(round_to(a.score.effort, 1));
  if (!unranked) o["components"] = components_json(a.score);

  ordered_json iface = ordered_json::array();
  for (const InterfaceEntry& e : a.interface) {
    const Symbol& s = p.symbols[e.use.symbol];
    ordered_json j;
    j["symbol"] = s.name;
    j["kind"] = to_string(s.kind);
    if (!s.signature.empty()) j["signature"] = s.signature;
    j["operation"] = e.operation;
    j = site_json(p, s.decl.valid() ? s.decl : s.def, std::move(j));
    j["sites"] = e.use.sites;
    j["call_sites"] = e.use.call_sites;
    j["calls"] = e.remote_calls;
    j["loop_calls"] = e.loop_calls;
    j["time"] = e.run_time ? "run-time" : "compile-time";
    j["clients"] = modules_json(p, e.use.clients);
    iface.push_back(std::move(j));
  }
  o["interface"] = std::move(iface);

  ordered_json clients = ordered_json::array();
  for (const ClientUse& c : a.clients)
    clients.push_back({{"module", p.module_name(c.module)}, {"references", c.refs}, {"calls", c.calls},
                       {"loop_calls", c.loop_calls}});
  o["clients"] = std::move(clients);

  ordered_json deps = ordered_json::array();
  for (const DependencyUse& d : a.dependencies)
    deps.push_back({{"module", p.module_name(d.module)}, {"kind", dependency_kind(d)},
                    {"references", d.refs}, {"calls", d.calls}, {"loop_calls", d.loop_calls},
                    {"includes", d.includes}, {"run_time", d.run_time}, {"compile_time", d.compile_time}});
  o["dependencies"] = std::move(deps);

  ordered_json along = ordered_json::array();
  for (const TakeAlong& t : a.take_along) {
    ordered_json headers = ordered_json::array();
    for (FileId f : t.headers) headers.push_back(p.files[f].path);
    along.push_back({{"module", p.module_name(t.module)}, {"headers", std::move(headers)}, {"symbols", t.symbols},
                     {"references", t.refs}});
  }
  o["take_along"] = std::move(along);

  ordered_json ports = ordered_json::array();
  for (const PortUse& u : a.ports) {
    const Port& port = u.port;
    ordered_json impls = ordered_json::array(), ops = ordered_json::array(), calls = ordered_json::array();
    for (SymbolId s : port.implementations) impls.push_back(p.symbols[s].name);
    for (SymbolId s : port.operations) ops.push_back(p.symbols[s].name);
    for (size_t i = 0; i < u.remote_calls.size() && i < limits.sites; ++i)
      calls.push_back(call_json(p, u.remote_calls[i], nullptr, port_destination(p, a, u.remote_calls[i])));
    ordered_json j;
    j["class"] = p.symbols[port.symbol].name;
    j = site_json(p, p.symbols[port.symbol].def.valid() ? p.symbols[port.symbol].def : p.symbols[port.symbol].decl,
                  std::move(j));
    j["owner"] = p.module_name(port.owner);
    j["implementers"] = modules_json(p, port.implementers);
    j["implementations"] = std::move(impls);
    j["callers"] = modules_json(p, port.callers);
    j["operations"] = std::move(ops);
    j["role"] = port_role(u);
    j["remote_calls"] = std::move(calls);
    ports.push_back(std::move(j));
  }
  o["ports"] = std::move(ports);

  ordered_json data = ordered_json::array();
  for (const DataType& d : a.data) {
    ordered_json users = ordered_json::array();
    for (SymbolId s : d.used_by) users.push_back(p.symbols[s].name);
    data.push_back({{"type", d.spelling}, {"serialisable", d.verdict.serialisable},
                    {"kind", to_string(d.verdict.kind)}, {"reason", d.verdict.reason}, {"used_by", users}});
  }
  o["data"] = std::move(data);

  ordered_json blockers = ordered_json::array();
  for (const Blocker& b : a.blockers) {
    ordered_json j;
    j["kind"] = to_string(b.kind);
    j["symbol"] = b.symbol == kNoSymbol ? ordered_json(nullptr) : ordered_json(p.symbols[b.symbol].name);
    j = site_json(p, b.site, std::move(j));
    j["detail"] = b.detail;
    j["partners"] = modules_json(p, b.partners);
    j["sites"] = b.sites;
    blockers.push_back(std::move(j));
  }
  o["blockers"] = std::move(blockers);

  ordered_json chat;
  chat["calls"] = a.calls;
  chat["loop_calls"] = a.loop_calls;
  chat["void_calls"] = a.void_calls;
  ordered_json loops = ordered_json::array();
  for (size_t i = 0; i < a.loop_call_refs.size() && i < limits.sites; ++i)
    loops.push_back(call_json(p, a.loop_call_refs[i], nullptr, port_destination(p, a, a.loop_call_refs[i])));
  chat["loop_sites"] = std::move(loops);
  o["chattiness"] = std::move(chat);

  if (a.has_history) {
    ordered_json cc;
    cc["commits"] = a.co_change.commits;
    cc["with_outside"] = a.co_change.with_outside;
    ordered_json partners = ordered_json::array();
    for (const history::SetCoChange::Partner& q : a.co_change.partners)
      partners.push_back({{"module", p.module_name(q.module)}, {"commits", q.both}});
    cc["partners"] = std::move(partners);
    o["co_change"] = std::move(cc);
  }
  o["reasons"] = a.reasons;
  return o;
}

/// seam.candidates/3 when history is in the scores (the co-change term and
/// "co_change"); without it the document is seam.candidates/2, unchanged.
const char* candidates_schema(bool history) { return history ? "seam.candidates/3" : "seam.candidates/2"; }

ordered_json candidates_json(const Project& p, const Ranking& r, const CandidatesJsonLimits& limits) {
  ordered_json o;
  o["schema"] = candidates_schema(!r.modules.empty() && r.modules.front().has_history);
  ordered_json list = ordered_json::array();
  for (size_t i = 0; i < r.modules.size(); ++i) list.push_back(assessment_json(p, r.modules[i], r.rank[i], true, limits));
  o["candidates"] = std::move(list);
  ordered_json groups = ordered_json::array();
  for (const Assessment& g : r.groups) groups.push_back(assessment_json(p, g, 0, false, limits));
  o["groups"] = std::move(groups);
  return o;
}

ordered_json what_if_json(const Project& p, const Assessment& a) {
  ordered_json o;
  o["schema"] = candidates_schema(a.has_history);
  o["what_if"] = modules_json(p, a.modules);
  ordered_json entry = assessment_json(p, a, 0, false);
  ordered_json calls = ordered_json::array();
  for (uint32_t ri : a.remote_in) calls.push_back(call_json(p, ri, "in", port_destination(p, a, ri)));
  for (uint32_t ri : a.remote_out) calls.push_back(call_json(p, ri, "out", port_destination(p, a, ri)));
  entry["remote_calls"] = std::move(calls);
  o["candidates"] = ordered_json::array({std::move(entry)});
  return o;
}

// ---------------------------------------------------------------------------
// Text.

namespace {

std::string last_name(const std::string& qualified) {
  size_t at = qualified.rfind("::");
  return at == std::string::npos ? qualified : qualified.substr(at + 2);
}

std::string pad(const std::string& s, size_t width) { return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' '); }
std::string lpad(const std::string& s, size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }

std::string join_modules(const Project& p, const std::vector<ModuleId>& ms) {
  std::string out;
  for (ModuleId m : ms) out += (out.empty() ? "" : ", ") + p.module_name(m);
  return out;
}

std::string blocker_summary(const Assessment& a) {
  if (a.blockers.empty()) return "-";
  std::string out;
  for (int k = 0; k < kBlockerKindCount; ++k)
    if (uint32_t n = a.inputs.blockers[k])
      out += (out.empty() ? "" : ", ") + std::string(to_string(BlockerKind(k))) + (n > 1 ? " x" + std::to_string(n) : "");
  return out;
}

void detail(std::ostringstream& o, const Project& p, const Assessment& a, bool with_score) {
  if (with_score) {
    // Only the terms that cost something: "interface 4x3 | calls 5x1 | ... = 31 sites".
    o << "  effort      ";
    bool first = true;
    for (const ScoreComponent& c : a.score.components) {
      if (c.effort == 0) continue;
      o << (first ? "" : " | ") << c.name << " " << fixed_trimmed(c.sites, 1) << "x" << fixed_trimmed(c.weight, 1);
      first = false;
    }
    o << (first ? "nothing" : "") << "  = " << fixed_trimmed(a.score.effort, 1) << " sites, score " << a.score.total << "\n";
  }
  o << "  interface   " << a.inputs.operations << " operation" << (a.inputs.operations == 1 ? "" : "s") << ", "
    << a.interface.size() << " symbol" << (a.interface.size() == 1 ? "" : "s") << " used by "
    << (a.clients.empty() ? "no module" : std::to_string(a.clients.size()) + " module" + (a.clients.size() == 1 ? "" : "s")) << "\n";
  std::map<std::string, int> name_count; // overloads show their parameters
  for (const InterfaceEntry& e : a.interface) ++name_count[p.symbols[e.use.symbol].name];
  for (const InterfaceEntry& e : a.interface) {
    const Symbol& s = p.symbols[e.use.symbol];
    const std::string name = name_count[s.name] > 1 ? s.name + signature_params(s.signature) : s.name;
    // Remote calls for operations; uses for what compiles into the client.
    std::string uses = e.remote_calls ? std::to_string(e.remote_calls) + " call" + (e.remote_calls == 1 ? "" : "s")
                                      : std::to_string(e.use.sites) + " use" + (e.use.sites == 1 ? "" : "s") +
                                            (e.run_time ? "" : ", compile");
    if (e.loop_calls) uses += " (" + std::to_string(e.loop_calls) + (e.loop_calls == 1 ? " in a loop)" : " in loops)");
    o << "    " << pad(name, 46) << pad(to_string(s.kind), 12) << pad(uses, 22) << join_modules(p, e.use.clients) << "\n";
  }
  o << "  depends on  ";
  if (a.dependencies.empty()) o << "nothing";
  for (size_t i = 0; i < a.dependencies.size(); ++i) {
    const DependencyUse& d = a.dependencies[i];
    o << (i ? ", " : "") << p.module_name(d.module)
      << (d.library  ? " (library)"
          : d.remote ? " (remote, " + std::to_string(d.calls) + " call" + (d.calls == 1 ? "" : "s") + ")"
                     : " (headers only)");
  }
  o << "\n";
  if (!a.take_along.empty()) {
    o << "  take along  headers of the modules it uses at compile time (types, inline code, templates, constants)\n";
    for (const TakeAlong& t : a.take_along) {
      std::string files;
      for (size_t i = 0; i < t.headers.size() && i < 4; ++i) files += (i ? ", " : "") + p.files[t.headers[i]].path;
      if (t.headers.size() > 4) files += ", ... " + std::to_string(t.headers.size() - 4) + " more";
      o << "    " << pad(p.module_name(t.module), 16) << pad(std::to_string(t.symbols) + " symbol" + (t.symbols == 1 ? "" : "s"), 12)
        << files << "\n";
    }
  }
  if (!a.ports.empty()) {
    o << "  ports       abstract classes one module implements and another calls: existing contracts\n";
    for (const PortUse& u : a.ports) {
      const Port& port = u.port;
      std::string ops;
      for (SymbolId s : port.operations) ops += (ops.empty() ? "" : ", ") + last_name(p.symbols[s].name);
      o << "    " << p.symbols[port.symbol].name << " (" << port_role(u) << "): owner " << p.module_name(port.owner)
        << ", implemented by " << join_modules(p, port.implementers) << ", called by "
        << join_modules(p, port.callers) << "; operations " << ops << "; " << u.remote_calls.size()
        << " remote call" << (u.remote_calls.size() == 1 ? "" : "s") << "\n";
    }
  }
  if (!a.data.empty()) {
    o << "  data\n";
    for (const DataType& d : a.data)
      o << "    " << (d.verdict.serialisable ? "value  " : "NOT    ") << pad(d.spelling, 52) << d.verdict.reason << "\n";
  }
  o << "  blockers    " << (a.blockers.empty() ? "none" : std::to_string(a.blockers.size())) << "\n";
  for (const Blocker& b : a.blockers) {
    o << "    " << pad(to_string(b.kind), 13) << pad(p.where(b.site), 40)
      << pad(std::to_string(b.sites) + (b.sites == 1 ? " site" : " sites"), 10);
    if (b.symbol != kNoSymbol) o << p.symbols[b.symbol].name << ": ";
    o << b.detail << "\n";
  }
  if (a.calls) {
    o << "  chattiness  " << a.loop_calls << " of " << a.calls << " calls in loops";
    for (size_t i = 0; i < a.loop_call_refs.size(); ++i) {
      const Reference& r = p.refs[a.loop_call_refs[i]];
      o << (i ? ", " : ": ") << p.where(r.site) << " " << p.symbols[r.target].name;
    }
    o << "\n";
  }
  o << "  why\n";
  for (const std::string& w : a.reasons) o << "    - " << w << "\n";
}

} // namespace

std::string candidates_text(const Project& p, const Ranking& r) {
  std::ostringstream o;
  o << "rank  score  " << pad("module", 16) << "effort  ops  clients  remote  blockers\n";
  for (size_t i = 0; i < r.modules.size(); ++i) {
    const Assessment& a = r.modules[i];
    if (a.role != Role::Candidate) {
      o << "   -      -  " << pad(a.name, 16) << role_summary(a.role) << "\n";
      continue;
    }
    o << lpad(std::to_string(r.rank[i]), 4) << lpad(std::to_string(a.score.total), 7) << "  " << pad(a.name, 16)
      << lpad(fixed_trimmed(a.score.effort, 1), 6) << lpad(std::to_string(a.inputs.operations), 5) << lpad(std::to_string(a.inputs.clients), 9)
      << lpad(std::to_string(a.inputs.remote_dependencies), 8) << "  " << blocker_summary(a) << "\n";
  }
  if (!r.groups.empty()) {
    o << "\nextract together (modules in one dependency cycle):\n";
    for (const Assessment& g : r.groups)
      o << "      " << lpad(std::to_string(g.score.total), 5) << "  " << pad(g.name, 16)
        << lpad(fixed_trimmed(g.score.effort, 1), 6) << lpad(std::to_string(g.inputs.operations), 5) << lpad(std::to_string(g.inputs.clients), 9)
        << lpad(std::to_string(g.inputs.remote_dependencies), 8) << "  " << blocker_summary(g) << "\n";
  }
  for (size_t i = 0; i < r.modules.size(); ++i) {
    const Assessment& a = r.modules[i];
    o << "\n" << a.name;
    if (a.role == Role::Candidate)
      o << "  #" << r.rank[i] << ", score " << a.score.total << "\n";
    else
      o << "  (" << role_label(a.role) << ", not ranked)\n";
    detail(o, p, a, a.role == Role::Candidate);
  }
  for (const Assessment& g : r.groups) {
    o << "\n" << g.name << "  extract together, score " << g.score.total << "\n";
    detail(o, p, g, true);
  }
  return o.str();
}

std::string what_if_text(const Project& p, const Assessment& a) {
  std::ostringstream o;
  o << "what if " << a.name << " became one service: score " << a.score.total << "\n";
  detail(o, p, a, true);
  o << "  remote calls " << a.remote_in.size() + a.remote_out.size() << " (" << a.remote_in.size() << " in, "
    << a.remote_out.size() << " out)\n";
  auto line = [&](uint32_t ri, const char* dir) {
    const Reference& r = p.refs[ri];
    const std::string port_to = port_destination(p, a, ri);
    const std::string to = port_to.empty() ? p.module_name(p.to_module(r)) : port_to;
    o << "    " << dir << "  " << pad(p.where(r.site), 40) << pad(p.module_name(p.from_module(r)) + " -> " + to, 28)
      << p.symbols[r.target].name << (r.in_loop ? "  (in a loop)" : "") << "\n";
  };
  for (uint32_t ri : a.remote_in) line(ri, "in ");
  for (uint32_t ri : a.remote_out) line(ri, "out");
  if (a.has_history) {
    // What a release of the set would have had to coordinate.
    o << "  co-change    " << a.co_change.with_outside << " of its " << a.co_change.commits
      << " commits also changed modules outside it\n";
    for (const history::SetCoChange::Partner& q : a.co_change.partners)
      o << "    " << pad(p.module_name(q.module), 28) << q.both << (q.both == 1 ? " commit" : " commits") << "\n";
  }
  return o.str();
}

} // namespace seam
