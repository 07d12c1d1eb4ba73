#include "reports/candidates/suggest_report.h"
#include "analyzers/core/rounding.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace seam {

using nlohmann::ordered_json;

namespace {

std::string num(double v) { return fixed(round_to(v, 3), 3); }

ordered_json metrics_json(const DecompositionMetrics& m) {
  ordered_json o;
  o["services"] = m.services;
  o["modularity"] = round_to(m.modularity, 3);
  o["sm"] = round_to(m.sm, 3);
  o["icp"] = round_to(m.icp, 3);
  o["ifn"] = round_to(m.ifn, 3);
  o["ned"] = round_to(m.ned, 3);
  o["calls"] = m.calls;
  o["inter_calls"] = m.inter_calls;
  return o;
}

std::string pad(const std::string& s, size_t width) { return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' '); }

} // namespace

ordered_json suggest_json(const Project& p, const Suggestion& s) {
  const SymbolGraph& g = s.graph;
  ordered_json o;
  o["schema"] = "seam.suggest/1";
  o["algorithm"] = "louvain";
  o["seed"] = s.options.seed;
  o["resolution"] = s.options.resolution;
  o["entities"] = g.entities.size();
  o["edges"] = g.edges.size();
  o["isolated"] = g.isolated;
  ordered_json libs = ordered_json::array();
  for (ModuleId m : s.options.libraries) libs.push_back(p.module_name(m));
  o["libraries"] = std::move(libs);
  ordered_json services = ordered_json::array();
  for (const SuggestedService& svc : s.services) {
    ordered_json j;
    j["name"] = svc.name;
    j["label"] = p.module_name(svc.label);
    j["size"] = svc.entities.size();
    ordered_json comp = ordered_json::object();
    for (const auto& [m, c] : svc.composition) comp[p.module_name(m)] = c;
    j["modules"] = std::move(comp);
    ordered_json syms = ordered_json::array();
    for (uint32_t e : svc.entities) syms.push_back(p.symbols[g.entities[e]].name);
    j["symbols"] = std::move(syms);
    services.push_back(std::move(j));
  }
  o["services"] = std::move(services);
  ordered_json modules = ordered_json::array();
  for (const ModuleSplit& ms : s.modules) {
    ordered_json split = ordered_json::object();
    for (const auto& [svc, c] : ms.services) split[s.services[svc].name] = c;
    modules.push_back({{"module", p.module_name(ms.module)}, {"size", ms.entities}, {"services", split}});
  }
  o["modules"] = std::move(modules);
  o["metrics"] = {{"declared", metrics_json(s.declared)}, {"suggested", metrics_json(s.suggested)}};
  ordered_json moves = ordered_json::array();
  for (const FileMove& m : s.moves)
    moves.push_back({{"file", p.files[m.file].path}, {"from", p.module_name(m.from)}, {"to", p.module_name(m.to)},
                     {"service", s.services[m.service].name}, {"symbols", m.symbols}, {"of", m.total}});
  o["moves"] = std::move(moves);
  return o;
}

std::string suggest_text(const Project& p, const Suggestion& s) {
  const SymbolGraph& g = s.graph;
  std::ostringstream o;
  o << "suggested services: Louvain (seed " << s.options.seed << ", resolution " << s.options.resolution
    << ") on " << g.entities.size() << " symbols and " << g.edges.size() << " reference edges";
  if (g.isolated) o << " (" << g.isolated << " symbols without references left out)";
  o << "\n";
  if (!s.options.libraries.empty()) {
    std::string libs;
    for (ModuleId m : s.options.libraries) libs += (libs.empty() ? "" : ", ") + p.module_name(m);
    o << "shared kernels left out (every service takes them along as a library): " << libs << "\n";
  }
  o << "\n";

  o << pad("declared module", 18) << pad("symbols", 9) << "suggested services\n";
  for (const ModuleSplit& ms : s.modules) {
    std::string where;
    for (const auto& [svc, c] : ms.services) where += (where.empty() ? "" : ", ") + s.services[svc].name + " " + std::to_string(c);
    o << pad(p.module_name(ms.module), 18) << pad(std::to_string(ms.entities), 9) << where << "\n";
  }
  o << "\n" << pad("service", 9) << pad("symbols", 9) << pad("mostly", 16) << "declared modules\n";
  for (const SuggestedService& svc : s.services) {
    std::string comp;
    for (const auto& [m, c] : svc.composition) comp += (comp.empty() ? "" : ", ") + p.module_name(m) + " " + std::to_string(c);
    o << pad(svc.name, 9) << pad(std::to_string(svc.entities.size()), 9) << pad(p.module_name(svc.label), 16) << comp << "\n";
  }

  o << "\n" << pad("metric", 34) << pad("declared", 10) << pad("suggested", 10) << "better\n";
  auto row = [&](const char* name, double d, double sg, bool higher) {
    o << pad(name, 34) << pad(num(d), 10) << pad(num(sg), 10) << (higher ? "higher" : "lower") << "\n";
  };
  o << pad("services", 34) << pad(std::to_string(s.declared.services), 10) << pad(std::to_string(s.suggested.services), 10) << "\n";
  row("modularity (Newman Q)", s.declared.modularity, s.suggested.modularity, true);
  row("structural modularity (SM)", s.declared.sm, s.suggested.sm, true);
  row("inter-call percentage (ICP)", s.declared.icp, s.suggested.icp, false);
  row("interface number (IFN)", s.declared.ifn, s.suggested.ifn, false);
  row("non-extreme distribution (NED)", s.declared.ned, s.suggested.ned, false);

  o << "\nfiles the suggestion would move: " << (s.moves.empty() ? "none" : std::to_string(s.moves.size())) << "\n";
  for (const FileMove& m : s.moves)
    o << "  " << pad(p.files[m.file].path, 44) << pad(p.module_name(m.from) + " -> " + p.module_name(m.to), 28)
      << m.symbols << " of " << m.total << " symbols in " << s.services[m.service].name << "\n";
  o << "\nservices and their symbols:\n";
  for (const SuggestedService& svc : s.services) {
    o << "  " << svc.name << " (" << p.module_name(svc.label) << "):";
    for (size_t i = 0; i < svc.entities.size(); ++i) o << (i ? ", " : " ") << p.symbols[g.entities[svc.entities[i]]].name;
    o << "\n";
  }
  return o.str();
}

} // namespace seam
