#include "analyzers/init/starter_config.h"

#include "analyzers/graph/levels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace seam {

namespace {

std::string q(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// `"key": ["a", "b"]`, wrapped after `width` columns onto lines indented by `indent`.
std::string list(const std::string& key, const std::vector<std::string>& items, size_t start_column,
                 const std::string& indent, size_t width = 100) {
  std::string out = q(key) + ": [";
  size_t col = start_column + out.size();
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item = q(items[i]) + (i + 1 < items.size() ? "," : "");
    if (i && col + 1 + item.size() > width) {
      out += "\n" + indent;
      col = indent.size();
    } else if (i) {
      out += " ";
      ++col;
    }
    out += item;
    col += item.size();
  }
  return out + "]";
}

std::string level_name(uint32_t level) { return "level" + std::to_string(level); }

} // namespace

std::vector<uint32_t> module_levels(const ModuleGraph& graph) { return levelize(graph.successors()); }

std::string starter_config(const Project& p, const ModuleGraph& g, const StarterOptions& opts) {
  std::vector<uint32_t> level = module_levels(g);
  uint32_t top = 0;
  for (uint32_t l : level) top = std::max(top, l);

  std::string out;
  out += "// seam.json written by `seam init` from " + opts.source + ".\n";
  out += "// It declares the architecture the code has today, so `seam check` passes except for\n";
  out += "// cycles. Then tighten it: merge and name the layers, drop the \"may_depend_on\" entries\n";
  out += "// you want gone, add \"public\" header globs, mark a module \"extract\": true.\n";
  out += "// Reference: docs/config.md; the gate: docs/check.md.\n";
  out += "{\n";
  out += "  // Top first, from levelization: a module is one level above the highest module it\n";
  out += "  // uses (the modules of a cycle share one). A module may depend on its own layer and lower.\n";
  std::vector<std::string> layers;
  for (uint32_t l = top; l >= 1; --l) layers.push_back(level_name(l));
  out += "  " + list("layers", layers, 2, "             ") + ",\n";
  out += "  \"modules\": [\n";

  std::vector<std::vector<uint32_t>> cycles = find_cycles(g.successors());
  for (const std::vector<uint32_t>& c : cycles) {
    std::string names;
    for (size_t i = 0; i < c.size(); ++i) names += (i ? ", " : "") + p.module_name(static_cast<ModuleId>(c[i]));
    out += "    // A cycle (seam check reports it until it is broken): " + names + ".\n";
  }
  if (!p.unowned.empty()) {
    const bool one = p.unowned.size() == 1;
    out += "    // " + std::to_string(p.unowned.size()) + (one ? " project file belongs" : " project files belong") +
           " to no module (";
    for (size_t i = 0; i < p.unowned.size() && i < 3; ++i) out += (i ? ", " : "") + p.files[p.unowned[i]].path;
    out += std::string(p.unowned.size() > 3 ? ", ..." : "") + "): add " + (one ? "it" : "them") +
           " to a module or to \"exclude\".\n";
  }

  std::vector<ModuleId> order;
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m) order.push_back(m);
  std::sort(order.begin(), order.end(), [&](ModuleId a, ModuleId b) {
    return std::make_tuple(top - level[a], std::cref(p.modules[a].name)) <
           std::make_tuple(top - level[b], std::cref(p.modules[b].name));
  });
  for (size_t i = 0; i < order.size(); ++i) {
    const Module& m = p.modules[order[i]];
    std::vector<std::string> paths = m.decl ? m.decl->paths : std::vector<std::string>{};
    std::vector<std::string> deps;
    for (uint32_t ei : g.out[order[i]]) deps.push_back(p.module_name(g.edges[ei].to));
    std::sort(deps.begin(), deps.end());
    std::string line = "    {\"name\": " + q(m.name) + ", ";
    line += list("paths", paths, line.size(), "               ") + ", ";
    line += "\"layer\": " + q(level_name(level[order[i]])) + ",\n";
    line += "     " + list("may_depend_on", deps, 5, "                        ") + "}";
    out += line + (i + 1 < order.size() ? ",\n" : "\n");
  }
  out += "  ],\n";
  out += "  \"baseline\": " + q(opts.baseline) + "\n";
  out += "}\n";
  return out;
}

} // namespace seam
