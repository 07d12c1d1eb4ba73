#include "reports/graph/why_report.h"

#include "analyzers/graph/cycles.h"
#include "analyzers/graph/edge_sites.h"
#include "analyzers/graph/shortest_chain.h"
#include "reports/graph/site_report.h"

#include <algorithm>
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

/// Cut edges named in the text of `seam why`; the JSON lists all.
constexpr size_t kWhyCutEdgesInText = 8;

bool in_cut(const UnitGraph& g, const UnitCycle& cy, uint32_t from, uint32_t to) {
  for (uint32_t ei : cy.cut)
    if (g.edges[ei].from == from && g.edges[ei].to == to) return true;
  return false;
}

/// When both ends lie in one cycle: is from -> to among the edges of its
/// minimum cut, and what the cut is otherwise.
std::string cycle_cut_text(const UnitGraph& g, uint32_t from, uint32_t to) {
  UnitCycle cy = cycle_containing(g, from);
  if (!std::binary_search(cy.members.begin(), cy.members.end(), to)) return "";
  std::ostringstream out;
  const std::string what = to_string(g.level);
  out << "\n" << g.names[from] << " and " << g.names[to] << " are in one " << what << " cycle of "
      << cy.members.size() << " " << what << "s; ";
  const std::string weight = plural(cy.cut_weight, "use", "uses") + (cy.cut_exact ? "" : ", found by a heuristic");
  const std::string edge = g.names[from] + " -> " + g.names[to];
  if (in_cut(g, cy, from, to)) {
    if (cy.cut.size() == 1)
      out << "this edge is its minimum cut (" << weight << "): cut " << edge << " and the cycle is gone\n";
    else
      out << "its minimum cut is " << cy.cut.size() << " edges (" << weight << ") and " << edge
          << " is one of them (`seam cycles` lists the others)\n";
    return out.str();
  }
  out << "its minimum cut is " << plural(cy.cut.size(), "edge", "edges") << " (" << weight << ")";
  out << "; " << g.names[from] << " -> " << g.names[to] << " is not in it. The cut:\n";
  for (size_t k = 0; k < cy.cut.size() && k < kWhyCutEdgesInText; ++k) {
    const UnitEdge& e = g.edges[cy.cut[k]];
    out << "  " << g.names[e.from] << " -> " << g.names[e.to] << "  (" << plural(e.weight, "use", "uses") << ")\n";
  }
  if (cy.cut.size() > kWhyCutEdgesInText)
    out << "  ... " << cy.cut.size() - kWhyCutEdgesInText << " more (`seam cycles` lists them)\n";
  return out.str();
}

} // namespace

std::string why_text(const Project& p, const UnitGraph& g, uint32_t from, uint32_t to) {
  std::ostringstream out;
  const std::string& a = g.names[from];
  const std::string& b = g.names[to];
  const UnitEdge* back = g.edge(to, from);
  out << edge_kinds_line(g.edge_kinds) << "\n";
  if (const UnitEdge* e = g.edge(from, to)) {
    out << a << " -> " << b << ": " << plural(e->weight, "use", "uses") << " (" << kinds_text(*e) << ")\n";
    for (const SymbolUse& u : uses_by_symbol(p, e->refs)) {
      const Symbol& s = p.symbols[u.symbol];
      out << "\n" << s.name << "  (" << to_string(s.kind) << ", " << plural(u.refs.size(), "use", "uses") << ")\n";
      for (uint32_t r : u.refs) out << "  " << ref_site_text(p, r, false) << "\n";
    }
    for (const FileInclusion& f : inclusions_by_file(p, e->includes)) {
      out << "\n" << p.files[f.file].path << "  (included " << plural(f.includes.size(), "time", "times") << ")\n";
      for (uint32_t i : f.includes) out << "  " << include_site_text(p, i) << "\n";
    }
    if (back)
      out << "\n" << b << " -> " << a << " exists too (" << plural(back->weight, "use", "uses")
          << "): the two are in a cycle; `seam why " << b << " " << a << "` lists them\n";
    out << cycle_cut_text(g, from, to);
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
  j["edge_kinds"] = to_string(g.edge_kinds);
  j["from"] = g.names[from];
  j["to"] = g.names[to];
  const UnitEdge* e = g.edge(from, to);
  j["direct"] = e != nullptr;
  j["weight"] = e ? e->weight : 0;
  j["kinds"] = e ? kinds_json(*e) : nlohmann::ordered_json::object();
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
  // Both ends in one cycle: its minimum cut, and whether this edge is in it.
  UnitCycle cy = cycle_containing(g, from);
  if (std::binary_search(cy.members.begin(), cy.members.end(), to)) {
    nlohmann::ordered_json cj;
    cj["members"] = cy.members.size();
    cj["in_cut"] = in_cut(g, cy, from, to);
    cj["cut_exact"] = cy.cut_exact;
    cj["cut_weight"] = cy.cut_weight;
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (uint32_t ei : cy.cut)
      edges.push_back({{"from", g.names[g.edges[ei].from]}, {"to", g.names[g.edges[ei].to]}, {"weight", g.edges[ei].weight}});
    cj["cut"] = std::move(edges);
    j["cycle"] = std::move(cj);
  } else {
    j["cycle"] = nullptr;
  }
  return j;
}

} // namespace seam
