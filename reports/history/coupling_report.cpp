#include "reports/history/coupling_report.h"

#include "reports/history/history_json.h"
#include "analyzers/core/rounding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace seam {
namespace {

using nlohmann::ordered_json;

const std::vector<history::CoChange>& pairs(const history::ChangeModel& m, bool files) {
  return files ? m.file_pairs : m.module_pairs;
}

std::string name_of(const Project& p, bool files, uint32_t id) {
  return files ? p.files[id].path : p.modules[id].name;
}

uint32_t commits_of(const history::ChangeModel& m, bool files, uint32_t id) {
  if (!files) return m.modules[id].commits;
  for (const history::FileHistory& f : m.files)
    if (f.file == id) return f.commits;
  return 0;
}

bool shown(const Project& p, bool files, const history::CoChange& c, const std::string& focus) {
  return focus.empty() || name_of(p, files, c.a) == focus || name_of(p, files, c.b) == focus;
}

std::string fixed3(double v) { return fixed(v, 3); }

/// A DOT double-quoted string: quotes and backslashes escaped.
std::string dot_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

ordered_json coupling_json(const Project& p, const history::ChangeModel& m, bool files, const std::string& focus) {
  ordered_json o;
  o["schema"] = "seam.change-coupling/1";
  o["level"] = files ? "file" : "module";
  o["window"] = history_window_json(m);
  o["thresholds"] = {{"min_shared", m.thresholds.min_shared},
                     {"hidden_min_shared", m.thresholds.hidden_min_shared},
                     {"hidden_min_confidence", m.thresholds.hidden_min_confidence}};
  std::set<uint32_t> ids;
  ordered_json edges = ordered_json::array();
  for (const history::CoChange& c : pairs(m, files)) {
    if (!shown(p, files, c, focus)) continue;
    ids.insert(c.a);
    ids.insert(c.b);
    ordered_json e;
    e["a"] = name_of(p, files, c.a);
    e["b"] = name_of(p, files, c.b);
    e["commits"] = c.both;
    e["support"] = c.support;
    e["confidence_a_to_b"] = c.confidence_ab;
    e["confidence_b_to_a"] = c.confidence_ba;
    e["static_dependency"] = c.static_dependency;
    e["hidden"] = c.hidden;
    edges.push_back(std::move(e));
  }
  std::vector<std::string> names;
  for (uint32_t id : ids) names.push_back(name_of(p, files, id));
  std::vector<std::pair<std::string, uint32_t>> nodes;
  for (uint32_t id : ids) nodes.push_back({name_of(p, files, id), commits_of(m, files, id)});
  std::sort(nodes.begin(), nodes.end());
  ordered_json jn = ordered_json::array();
  for (const auto& [name, commits] : nodes) jn.push_back({{"id", name}, {"commits", commits}});
  o["nodes"] = std::move(jn);
  o["edges"] = std::move(edges);
  return o;
}

std::string coupling_text(const Project& p, const history::ChangeModel& m, bool files, const std::string& focus) {
  std::ostringstream out;
  out << "change coupling (" << (files ? "files" : "modules") << "): " << history_window_text(m) << "\n";
  out << "pairs changed together in " << m.thresholds.min_shared
      << "+ commits, most first; confidence a->b = shared / commits of a; HIDDEN = no static dependency, "
      << m.thresholds.hidden_min_shared << "+ shared commits and confidence >= " << fixed3(m.thresholds.hidden_min_confidence)
      << " one way\n\n";
  size_t shown_pairs = 0, hidden = 0;
  for (const history::CoChange& c : pairs(m, files)) {
    if (!shown(p, files, c, focus)) continue;
    ++shown_pairs;
    hidden += c.hidden;
    out << "  " << name_of(p, files, c.a) << " <-> " << name_of(p, files, c.b) << ": " << c.both << " commits ("
        << name_of(p, files, c.a) << " " << commits_of(m, files, c.a) << ", " << name_of(p, files, c.b) << " "
        << commits_of(m, files, c.b) << "), confidence " << fixed3(c.confidence_ab) << " / " << fixed3(c.confidence_ba)
        << ", support " << fixed3(c.support) << (c.hidden ? "  HIDDEN" : c.static_dependency ? "" : "  no static dependency")
        << "\n";
  }
  if (!shown_pairs) out << "  (no pair changed together in " << m.thresholds.min_shared << " or more commits)\n";
  out << "\n" << shown_pairs << (shown_pairs == 1 ? " pair, " : " pairs, ") << hidden << " hidden coupling\n";
  return out.str();
}

std::string coupling_dot(const Project& p, const history::ChangeModel& m, bool files, const std::string& focus) {
  std::ostringstream out;
  out << "graph \"change coupling\" {\n"
      << "  graph [layout=neato, overlap=false, splines=true, fontname=\"Helvetica\", label="
      << dot_quote("change coupling, " + m.history.window + " before " + m.history.head.substr(0, 7) +
                   ": red dashed = hidden (no static dependency)")
      << "];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::set<uint32_t> ids;
  uint32_t strongest = 1;
  for (const history::CoChange& c : pairs(m, files))
    if (shown(p, files, c, focus)) {
      ids.insert(c.a);
      ids.insert(c.b);
      strongest = std::max(strongest, c.both);
    }
  std::vector<std::string> names;
  for (uint32_t id : ids) names.push_back(name_of(p, files, id));
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) out << "  " << dot_quote(n) << ";\n";
  for (const history::CoChange& c : pairs(m, files)) {
    if (!shown(p, files, c, focus)) continue;
    const std::string width = fixed(1.0 + 4.0 * c.both / strongest, 2);
    out << "  " << dot_quote(name_of(p, files, c.a)) << " -- " << dot_quote(name_of(p, files, c.b)) << " [label=\""
        << c.both << "\", penwidth=" << width
        << (c.hidden ? ", color=\"#d62728\", style=dashed, fontcolor=\"#d62728\""
                     : c.static_dependency ? ", color=\"#9e9e9e\"" : ", color=\"#505050\"")
        << ", tooltip=" << dot_quote(name_of(p, files, c.a) + " and " + name_of(p, files, c.b) + ": " +
                                     std::to_string(c.both) + " commits" + (c.hidden ? " (hidden coupling)" : ""))
        << "];\n";
  }
  out << "}\n";
  return out.str();
}

} // namespace seam
