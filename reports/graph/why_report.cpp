#include "reports/graph/why_report.h"

#include "analyzers/graph/edge_sites.h"
#include "analyzers/graph/shortest_chain.h"
#include "analyzers/model/dependency_time.h"
#include "reports/graph/site_report.h"

#include <sstream>

namespace seam {

namespace {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// The one site that stands for a link of a chain: the first use of its most
/// used symbol, else its first include directive.
nlohmann::ordered_json link_site_json(const Project& p, const UnitEdge& e) {
  std::vector<SymbolUse> uses = uses_by_symbol(p, e.refs);
  if (!uses.empty()) return ref_site_json(p, uses.front().refs.front());
  nlohmann::ordered_json j = include_site_json(p, e.includes.front());
  j["kind"] = "include";
  return j;
}

std::string link_site_text(const Project& p, const UnitEdge& e) {
  std::vector<SymbolUse> uses = uses_by_symbol(p, e.refs);
  if (!uses.empty()) return ref_site_text(p, uses.front().refs.front());
  return include_site_text(p, e.includes.front());
}

/// "run-time: out-of-line call": what the site costs once B runs in another process.
std::string time_text(const Project& p, uint32_t ref) {
  TimeClass t = classify_dependency(p, p.refs[ref]);
  return std::string(to_string(t.time)) + ": " + to_string(t.rule);
}

} // namespace

std::string why_text(const Project& p, const UnitGraph& g, uint32_t from, uint32_t to) {
  std::ostringstream out;
  const std::string& a = g.names[from];
  const std::string& b = g.names[to];
  const UnitEdge* back = g.edge(to, from);
  if (const UnitEdge* e = g.edge(from, to)) {
    const uint32_t run = run_time_uses(p, *e);
    out << a << " -> " << b << ": " << plural(e->weight, "use", "uses") << " (" << kinds_text(*e) << "); "
        << run << " run-time, " << e->weight - run << " compile-time\n";
    for (const SymbolUse& u : uses_by_symbol(p, e->refs)) {
      const Symbol& s = p.symbols[u.symbol];
      out << "\n" << s.name << "  (" << to_string(s.kind) << ", " << plural(u.refs.size(), "use", "uses") << ")\n";
      for (uint32_t r : u.refs) out << "  " << ref_site_text(p, r, false) << "  (" << time_text(p, r) << ")\n";
    }
    for (const FileInclusion& f : inclusions_by_file(p, e->includes)) {
      out << "\n" << p.files[f.file].path << "  (included " << plural(f.includes.size(), "time", "times") << ")\n";
      for (uint32_t i : f.includes) out << "  " << include_site_text(p, i) << "\n";
    }
    if (back)
      out << "\n" << b << " -> " << a << " exists too (" << plural(back->weight, "use", "uses")
          << "): the two are in a cycle; `seam why " << b << " " << a << "` lists them\n";
    return out.str();
  }
  std::vector<uint32_t> chain = shortest_chain(g, from, to);
  if (chain.empty()) {
    out << a << " does not depend on " << b << ", directly or through other " << to_string(g.level) << "s\n";
    if (!shortest_chain(g, to, from).empty())
      out << "(" << b << " depends on " << a << ": `seam why " << b << " " << a << "`)\n";
    return out.str();
  }
  out << a << " does not use " << b << " directly; the shortest chain has " << plural(chain.size(), "link", "links")
      << ":\n";
  for (uint32_t ei : chain) {
    const UnitEdge& e = g.edges[ei];
    out << "  " << g.names[e.from] << " -> " << g.names[e.to] << "  (" << plural(e.weight, "use", "uses") << ")\n"
        << "      e.g. " << link_site_text(p, e) << "\n";
  }
  return out.str();
}

nlohmann::ordered_json why_json(const Project& p, const UnitGraph& g, uint32_t from, uint32_t to) {
  nlohmann::ordered_json j;
  j["schema"] = "seam.why/1";
  j["level"] = to_string(g.level);
  j["from"] = g.names[from];
  j["to"] = g.names[to];
  const UnitEdge* e = g.edge(from, to);
  j["direct"] = e != nullptr;
  j["weight"] = e ? e->weight : 0;
  j["kinds"] = e ? kinds_json(*e) : nlohmann::ordered_json::object();
  const uint32_t run = e ? run_time_uses(p, *e) : 0;
  j["compile_time"] = e ? e->weight - run : 0;
  j["run_time"] = run;
  nlohmann::ordered_json symbols = nlohmann::ordered_json::array();
  nlohmann::ordered_json includes = nlohmann::ordered_json::array();
  nlohmann::ordered_json chain = nlohmann::ordered_json::array();
  if (e) {
    for (const SymbolUse& u : uses_by_symbol(p, e->refs)) {
      nlohmann::ordered_json s;
      s["symbol"] = p.symbols[u.symbol].name;
      s["symbol_kind"] = to_string(p.symbols[u.symbol].kind);
      s["uses"] = u.refs.size();
      nlohmann::ordered_json sites = nlohmann::ordered_json::array();
      for (uint32_t r : u.refs) {
        nlohmann::ordered_json site = ref_site_json(p, r);
        site.erase("symbol"); // the group names it
        TimeClass t = classify_dependency(p, p.refs[r]);
        site["time"] = to_string(t.time);
        site["time_rule"] = to_string(t.rule);
        sites.push_back(std::move(site));
      }
      s["sites"] = std::move(sites);
      symbols.push_back(std::move(s));
    }
    for (const FileInclusion& f : inclusions_by_file(p, e->includes)) {
      nlohmann::ordered_json x;
      x["file"] = p.files[f.file].path;
      x["count"] = f.includes.size();
      nlohmann::ordered_json sites = nlohmann::ordered_json::array();
      for (uint32_t i : f.includes) {
        nlohmann::ordered_json site = include_site_json(p, i);
        site.erase("included");
        sites.push_back(std::move(site));
      }
      x["sites"] = std::move(sites);
      includes.push_back(std::move(x));
    }
  } else {
    for (uint32_t ei : shortest_chain(g, from, to)) {
      const UnitEdge& link = g.edges[ei];
      chain.push_back({{"from", g.names[link.from]},
                       {"to", g.names[link.to]},
                       {"weight", link.weight},
                       {"site", link_site_json(p, link)}});
    }
  }
  j["symbols"] = std::move(symbols);
  j["includes"] = std::move(includes);
  j["chain"] = std::move(chain);
  const UnitEdge* back = g.edge(to, from);
  j["reverse_weight"] = back ? back->weight : 0;
  return j;
}

} // namespace seam
