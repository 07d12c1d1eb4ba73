#include "analyzers/init/starter_config.h"

#include "analyzers/core/paths.h"
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

std::vector<uint32_t> module_levels(const ModuleGraph& graph, const std::vector<bool>& skip) {
  std::vector<std::vector<uint32_t>> succ = graph.successors();
  for (size_t m = 0; m < succ.size(); ++m) {
    if (skip[m]) succ[m].clear();
    std::erase_if(succ[m], [&](uint32_t t) { return skip[t]; });
  }
  std::vector<uint32_t> level = levelize(succ);
  for (size_t m = 0; m < level.size(); ++m)
    if (skip[m]) level[m] = 0;
  return level;
}

std::vector<std::string> test_module_globs(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const std::string& f : files) {
    size_t start = 0;
    bool in_folder = false;
    for (size_t slash = f.find('/'); slash != std::string::npos; slash = f.find('/', start)) {
      std::string_view folder(f.data() + start, slash - start);
      if (folder == "test" || folder == "tests") {
        out.push_back(f.substr(0, slash) + "/**");
        in_folder = true;
        break;
      }
      start = slash + 1;
    }
    if (in_folder) continue;
    const std::string dir = folder_of(f);
    std::string name = f.substr(dir.empty() ? 0 : dir.size() + 1);
    size_t dot = name.rfind('.');
    std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
    std::string pattern = stem.ends_with("_tests") ? "*_tests.*" : stem.ends_with("_test") ? "*_test.*" : "test_*.*";
    out.push_back(dir.empty() ? pattern : dir + "/" + pattern);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string starter_config(const Project& p, const ModuleGraph& g, const StarterOptions& opts) {
  std::vector<bool> is_test(p.modules.size());
  for (size_t m = 0; m < p.modules.size(); ++m) is_test[m] = p.modules[m].role == ModuleRole::Test;
  std::vector<uint32_t> level = module_levels(g, is_test);
  uint32_t top = 0;
  for (uint32_t l : level) top = std::max(top, l);

  std::string out;
  out += "// seam.json written by `seam init` from " + opts.source + ".\n";
  out += "// It declares the architecture the code has today, so `seam check` passes except for\n";
  out += "// cycles. Then tighten it: merge and name the layers, drop the \"may_depend_on\" entries\n";
  out += "// you want gone, add \"public\" header globs, mark a module \"extract\": true.\n";
  out += "// Reference: docs/config.md; the gate: docs/check.md.\n";
  if (!opts.left_out.empty()) {
    out += "//\n// Left out: sources the CMake targets list that no glob here stands for, since\n";
    out += "// a glob for them would match no file seam checks:\n";
    for (const LeftOutSource& l : opts.left_out) {
      std::string line = "//   " + l.source + " (" + l.target + "): " + l.why;
      for (char& c : line)
        if (c == '\n' || c == '\r') c = ' '; // a name must not end the comment
      out += line + "\n";
    }
  }
  out += "{\n";
  if (!opts.exclude.empty()) {
    out += "  // Vendored code, left out of the project like system headers: not the team's modules.\n";
    out += "  \"exclude\": [\n";
    for (size_t i = 0; i < opts.exclude.size(); ++i)
      out += "    " + q(opts.exclude[i].first) + (i + 1 < opts.exclude.size() ? "," : "") + "  // " +
             opts.exclude[i].second + "\n";
    out += "  ],\n";
  }
  out += "  // Top first, from levelization: a module is one level above the highest module it\n";
  out += "  // uses (the modules of a cycle share one). A module may depend on its own layer and lower.\n";
  std::vector<std::string> layers;
  for (uint32_t l = top; l >= 1; --l) layers.push_back(level_name(l));
  out += "  " + list("layers", layers, 2, "             ") + ",\n";
  out += "  \"modules\": [\n";

  // The cycles `seam check` reports: test modules are left out of it by default.
  std::vector<std::vector<uint32_t>> succ = g.successors();
  for (size_t m = 0; m < succ.size(); ++m) {
    if (is_test[m]) succ[m].clear();
    std::erase_if(succ[m], [&](uint32_t t) { return is_test[t]; });
  }
  std::vector<std::vector<uint32_t>> cycles = find_cycles(succ);
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
  // Test modules last (no layer), then by layer, then by name.
  std::sort(order.begin(), order.end(), [&](ModuleId a, ModuleId b) {
    return std::make_tuple(is_test[a], top - level[a], std::cref(p.modules[a].name)) <
           std::make_tuple(is_test[b], top - level[b], std::cref(p.modules[b].name));
  });
  for (size_t i = 0; i < order.size(); ++i) {
    const Module& m = p.modules[order[i]];
    // Its globs, and for test files gathered from other modules' folders, globs that name them.
    std::vector<std::string> paths = m.decl ? m.decl->paths : std::vector<std::string>{};
    if (m.role == ModuleRole::Test) {
      std::vector<std::string> gathered;
      for (FileId f : m.files)
        if (std::none_of(paths.begin(), paths.end(), [&](const std::string& g) { return glob_match(g, p.files[f].path); }))
          gathered.push_back(p.files[f].path);
      for (std::string& g : test_module_globs(gathered)) paths.push_back(std::move(g));
    }
    std::vector<std::string> deps;
    for (uint32_t ei : g.out[order[i]])
      if (!is_test[g.edges[ei].to] || is_test[order[i]]) deps.push_back(p.module_name(g.edges[ei].to));
    std::sort(deps.begin(), deps.end());
    std::string line;
    if (m.role != ModuleRole::Service)
      line += "    // " + std::string(to_string(m.role)) + ": " + m.role_reason + "\n";
    line += "    {\"name\": " + q(m.name) + ", ";
    const size_t eol = line.rfind('\n');
    line += list("paths", paths, eol == std::string::npos ? line.size() : line.size() - eol - 1, "               ");
    if (m.role != ModuleRole::Service) line += ", \"role\": " + q(to_string(m.role));
    if (!is_test[order[i]]) line += ", \"layer\": " + q(level_name(level[order[i]]));
    line += ",\n     " + list("may_depend_on", deps, 5, "                        ") + "}";
    out += line + (i + 1 < order.size() ? ",\n" : "\n");
  }
  out += "  ],\n";
  out += "  \"baseline\": " + q(opts.baseline) + "\n";
  out += "}\n";
  return out;
}

} // namespace seam
