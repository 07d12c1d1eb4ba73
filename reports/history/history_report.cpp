#include "reports/history/history_report.h"

#include "reports/history/history_json.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace seam {
namespace {

using nlohmann::ordered_json;

void activity_json(ordered_json& o, const history::Activity& a) {
  o["commits"] = a.commits;
  o["added"] = a.added;
  o["removed"] = a.removed;
  o["lines"] = a.lines;
  o["hotspot"] = a.hotspot;
  o["authors"] = a.owners.authors;
  o["main_author"] = a.owners.main_author;
  o["main_author_commits"] = a.owners.main_commits;
  o["main_author_share"] = a.commits ? history::round3(static_cast<double>(a.owners.main_commits) / a.commits) : 0.0;
  o["last_change"] = a.last_time ? ordered_json(history_date(a.last_time)) : ordered_json(nullptr);
}

/// Indices of the rows to show, in hotspot order.
template <class Row, class Name>
std::vector<size_t> order(const std::vector<Row>& rows, Name name, size_t top) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].commits) idx.push_back(i);
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (rows[a].hotspot != rows[b].hotspot) return rows[a].hotspot > rows[b].hotspot;
    if (rows[a].commits != rows[b].commits) return rows[a].commits > rows[b].commits;
    return name(rows[a]) < name(rows[b]);
  });
  if (top && idx.size() > top) idx.resize(top);
  return idx;
}

std::string percent(uint32_t part, uint32_t whole) {
  return whole ? std::to_string((part * 100 + whole / 2) / whole) + "%" : "-";
}

} // namespace

ordered_json module_history_json(const Project& p, const history::ChangeModel& model, ModuleId m) {
  const history::ModuleHistory& mh = model.modules[m];
  ordered_json o;
  o["name"] = p.modules[m].name;
  activity_json(o, mh);
  o["with_other_modules"] = mh.with_others;
  ordered_json partners = ordered_json::array();
  for (const history::CoChange& c : model.module_pairs) {
    if (static_cast<ModuleId>(c.a) != m && static_cast<ModuleId>(c.b) != m) continue;
    const bool first = static_cast<ModuleId>(c.a) == m;
    ordered_json e;
    e["module"] = p.modules[first ? c.b : c.a].name;
    e["commits"] = c.both;
    e["confidence"] = first ? c.confidence_ab : c.confidence_ba;
    e["static_dependency"] = c.static_dependency;
    e["hidden"] = c.hidden;
    partners.push_back(std::move(e));
  }
  o["changes_with"] = std::move(partners);
  return o;
}

ordered_json history_json(const Project& p, const history::ChangeModel& model, bool files, size_t top) {
  ordered_json o;
  o["schema"] = "seam.history/1";
  o["level"] = files ? "file" : "module";
  o["window"] = history_window_json(model);
  ordered_json rows = ordered_json::array();
  if (files) {
    auto name = [&](const history::FileHistory& f) -> const std::string& { return p.files[f.file].path; };
    for (size_t i : order(model.files, name, top)) {
      const history::FileHistory& f = model.files[i];
      ordered_json r;
      r["path"] = p.files[f.file].path;
      r["module"] = p.module_name(p.files[f.file].module);
      activity_json(r, f);
      rows.push_back(std::move(r));
    }
    o["files"] = std::move(rows);
  } else {
    auto name = [&](const history::ModuleHistory& m) -> const std::string& { return p.modules[m.module].name; };
    for (size_t i : order(model.modules, name, top)) rows.push_back(module_history_json(p, model, static_cast<ModuleId>(i)));
    o["modules"] = std::move(rows);
  }
  return o;
}

std::string history_text(const Project& p, const history::ChangeModel& model, bool files, size_t top) {
  std::ostringstream out;
  out << "history: " << history_window_text(model) << "\n\n";
  struct Row {
    std::string name;
    const history::Activity* a;
    std::string extra;
  };
  std::vector<Row> rows;
  if (files) {
    auto name = [&](const history::FileHistory& f) -> const std::string& { return p.files[f.file].path; };
    for (size_t i : order(model.files, name, top)) rows.push_back({p.files[model.files[i].file].path, &model.files[i], ""});
  } else {
    auto name = [&](const history::ModuleHistory& m) -> const std::string& { return p.modules[m.module].name; };
    for (size_t i : order(model.modules, name, top))
      rows.push_back({p.modules[i].name, &model.modules[i],
                      percent(model.modules[i].with_others, model.modules[i].commits)});
  }
  if (rows.empty()) {
    out << "no commit in the window changed a " << (files ? "file seam parsed" : "module's files") << "\n";
    return out.str();
  }
  size_t w = files ? 4 : 6;
  for (const Row& r : rows) w = std::max(w, r.name.size());
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-*s %8s %9s %9s %8s %12s %8s  %s\n", static_cast<int>(w), files ? "file" : "module",
                "commits", "+lines", "-lines", "lines", "hotspot", "authors", files ? "main author (share)"
                                                                                     : "main author (share), with others");
  out << "hotspots (hotspot = commits x lines; " << (files ? "files" : "modules") << " by hotspot):\n" << buf;
  for (const Row& r : rows) {
    const history::Activity& a = *r.a;
    std::string owner = a.owners.main_author + " (" + percent(a.owners.main_commits, a.commits) + ")";
    if (!files) owner += ", " + r.extra;
    std::snprintf(buf, sizeof buf, "%-*s %8u %9llu %9llu %8llu %12llu %8u  %s\n", static_cast<int>(w), r.name.c_str(),
                  a.commits, static_cast<unsigned long long>(a.added), static_cast<unsigned long long>(a.removed),
                  static_cast<unsigned long long>(a.lines), static_cast<unsigned long long>(a.hotspot),
                  a.owners.authors, owner.c_str());
    out << buf;
  }
  return out.str();
}

} // namespace seam
