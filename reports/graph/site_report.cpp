#include "reports/graph/site_report.h"

#include "analyzers/model/dependency_time.h"

#include <sstream>

namespace seam {

nlohmann::ordered_json ref_site_json(const Project& p, uint32_t ref) {
  const Reference& r = p.refs[ref];
  nlohmann::ordered_json j;
  j["file"] = p.files[r.site.file].path;
  j["line"] = r.site.line;
  j["column"] = r.site.column;
  j["from"] = referencing_name(p, r);
  j["symbol"] = p.symbols[r.target].name;
  j["kind"] = to_string(r.kind);
  return j;
}

nlohmann::ordered_json include_site_json(const Project& p, uint32_t inc) {
  const Include& i = p.includes[inc];
  nlohmann::ordered_json j;
  j["file"] = p.files[i.site.file].path;
  j["line"] = i.site.line;
  j["included"] = i.included == kNoFile ? std::string() : p.files[i.included].path;
  j["spelled"] = i.spelled;
  return j;
}

std::string ref_site_text(const Project& p, uint32_t ref, bool with_symbol) {
  const Reference& r = p.refs[ref];
  std::string s = p.where(r.site) + "  " + to_string(r.kind) + "  in " + referencing_name(p, r);
  if (with_symbol) s += "  -> " + p.symbols[r.target].name;
  return s;
}

std::string include_site_text(const Project& p, uint32_t inc) {
  const Include& i = p.includes[inc];
  std::string spelled = i.angled ? "<" + i.spelled + ">" : "\"" + i.spelled + "\"";
  return p.files[i.site.file].path + ":" + std::to_string(i.site.line) + "  #include " + spelled;
}

nlohmann::ordered_json heaviest_sites_json(const Project& p, const UnitEdge& e, size_t max_symbols,
                                           size_t max_includes) {
  nlohmann::ordered_json j;
  nlohmann::ordered_json syms = nlohmann::ordered_json::array();
  std::vector<SymbolUse> uses = uses_by_symbol(p, e.refs);
  for (size_t i = 0; i < uses.size() && i < max_symbols; ++i) {
    nlohmann::ordered_json s;
    s["symbol"] = p.symbols[uses[i].symbol].name;
    s["uses"] = uses[i].refs.size();
    s["site"] = ref_site_json(p, uses[i].refs.front());
    syms.push_back(std::move(s));
  }
  j["symbols"] = std::move(syms);
  j["more_symbols"] = uses.size() > max_symbols ? uses.size() - max_symbols : 0;
  nlohmann::ordered_json incs = nlohmann::ordered_json::array();
  for (size_t i = 0; i < e.includes.size() && i < max_includes; ++i) incs.push_back(include_site_json(p, e.includes[i]));
  j["includes"] = std::move(incs);
  j["more_includes"] = e.includes.size() > max_includes ? e.includes.size() - max_includes : 0;
  return j;
}

std::string heaviest_sites_text(const Project& p, const UnitEdge& e, size_t max_symbols, size_t max_includes,
                                const std::string& indent) {
  std::ostringstream out;
  std::vector<SymbolUse> uses = uses_by_symbol(p, e.refs);
  for (size_t i = 0; i < uses.size() && i < max_symbols; ++i) {
    const Reference& r = p.refs[uses[i].refs.front()];
    out << indent << p.symbols[uses[i].symbol].name << "  x" << uses[i].refs.size() << "  e.g. "
        << p.where(r.site) << " " << to_string(r.kind) << " in " << referencing_name(p, r) << "\n";
  }
  if (uses.size() > max_symbols) out << indent << "... " << uses.size() - max_symbols << " more symbols\n";
  for (size_t i = 0; i < e.includes.size() && i < max_includes; ++i)
    out << indent << include_site_text(p, e.includes[i]) << "\n";
  if (e.includes.size() > max_includes)
    out << indent << "... " << e.includes.size() - max_includes << " more includes\n";
  return out.str();
}

std::string kinds_text(const EdgeUses& e) {
  std::string s;
  for (const auto& [k, v] : kind_counts(e)) s += (s.empty() ? "" : ", ") + k + " " + std::to_string(v);
  return s;
}

nlohmann::ordered_json kinds_json(const EdgeUses& e) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : kind_counts(e)) j[k] = v;
  return j;
}

nlohmann::ordered_json edge_json(const std::string& from, const std::string& to, const EdgeUses& e) {
  nlohmann::ordered_json j;
  j["from"] = from;
  j["to"] = to;
  j["weight"] = e.weight;
  j["kinds"] = kinds_json(e);
  return j;
}

uint32_t run_time_uses(const Project& p, const EdgeUses& e) {
  uint32_t run = 0;
  for (uint32_t r : e.refs) run += dependency_time(p, p.refs[r]) == DependencyTime::Run;
  return run;
}

nlohmann::ordered_json edge_json(const Project& p, const std::string& from, const std::string& to,
                                 const EdgeUses& e) {
  nlohmann::ordered_json j = edge_json(from, to, e);
  const uint32_t run = run_time_uses(p, e);
  j["compile_time"] = e.weight - run;
  j["run_time"] = run;
  return j;
}

} // namespace seam
