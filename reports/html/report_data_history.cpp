// The history part of the report data: the two public documents from their
// own writers, and the per-module and per-pair lists only the report shows.
#include "reports/html/report_data_history.h"

#include "reports/history/coupling_report.h"
#include "reports/history/history_json.h"
#include "reports/history/history_report.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace seam::html {
namespace {

/// Each module's files with commits, in `seam history --level file` order
/// (hotspot, then commits, then path), the first `limit` kept.
Json hotspot_files(DataContext& c, const history::ChangeModel& m) {
  const Project& p = c.project;
  std::vector<std::vector<const history::FileHistory*>> per(p.modules.size());
  for (const history::FileHistory& f : m.files)
    if (f.commits && f.file < p.files.size() && p.files[f.file].module != kNoModule)
      per[p.files[f.file].module].push_back(&f);
  Json out = Json::array();
  for (size_t mod = 0; mod < per.size(); ++mod) {
    auto& fs = per[mod];
    if (fs.empty()) continue;
    std::sort(fs.begin(), fs.end(), [&](const history::FileHistory* a, const history::FileHistory* b) {
      if (a->hotspot != b->hotspot) return a->hotspot > b->hotspot;
      if (a->commits != b->commits) return a->commits > b->commits;
      return p.files[a->file].path < p.files[b->file].path;
    });
    Json rows = Json::array();
    for (size_t i = 0; i < fs.size() && i < c.limits.history_files; ++i) {
      const history::FileHistory& f = *fs[i];
      rows.push_back(Json::array({c.file(f.file), f.commits, f.added, f.removed, f.hotspot, f.owners.authors,
                                  f.owners.main_author, f.owners.main_commits,
                                  f.last_time ? Json(history_date(f.last_time)) : Json(nullptr)}));
    }
    out.push_back(Json::array({mod, std::move(rows), fs.size() - std::min(fs.size(), c.limits.history_files)}));
  }
  return out;
}

/// Per module pair the document lists, the file pairs across it (one file in
/// each module), most shared first as the model orders them.
Json pair_files(DataContext& c, const history::ChangeModel& m) {
  const Project& p = c.project;
  std::map<std::pair<ModuleId, ModuleId>, std::vector<const history::CoChange*>> per;
  for (const history::CoChange& mp : m.module_pairs) per[{static_cast<ModuleId>(mp.a), static_cast<ModuleId>(mp.b)}];
  for (const history::CoChange& fp : m.file_pairs) {
    ModuleId a = p.files[fp.a].module, b = p.files[fp.b].module;
    if (a == kNoModule || b == kNoModule || a == b) continue;
    auto it = per.find({std::min(a, b), std::max(a, b)});
    if (it != per.end()) it->second.push_back(&fp);
  }
  Json out = Json::array();
  for (const history::CoChange& mp : m.module_pairs) {
    const auto& fps = per[{static_cast<ModuleId>(mp.a), static_cast<ModuleId>(mp.b)}];
    Json rows = Json::array();
    for (size_t i = 0; i < fps.size() && i < c.limits.history_file_pairs; ++i) {
      const history::CoChange& fp = *fps[i];
      // Oriented as the module pair: the file of module a first.
      const bool flip = p.files[fp.a].module != static_cast<ModuleId>(mp.a);
      rows.push_back(Json::array({c.file(flip ? fp.b : fp.a), c.file(flip ? fp.a : fp.b), fp.both,
                                  flip ? fp.confidence_ba : fp.confidence_ab, flip ? fp.confidence_ab : fp.confidence_ba,
                                  fp.static_dependency, fp.hidden}));
    }
    out.push_back(Json::array({mp.a, mp.b, std::move(rows),
                               fps.size() - std::min(fps.size(), c.limits.history_file_pairs)}));
  }
  return out;
}

} // namespace

void add_history(Json& d, DataContext& c, const history::ChangeModel* model) {
  Json view;
  if (!model || !model->available) {
    d["history"] = nullptr;
    d["change_coupling"] = nullptr;
    view["available"] = false;
    // One line: the reason as the terminal's note gives it ("no history: ... is a
    // shallow clone ...", "history left out (--no-history)"), capitalised.
    std::string why = model && !model->why.empty() ? model->why : std::string("no history: none was read");
    why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
    view["note"] = why + ". Everything else in this report is static analysis of the code.";
    d["history_view"] = std::move(view);
    return;
  }
  // The documents as `seam history --format json` and `seam graph --coupling
  // change --format json` print them, from the same writers.
  d["history"] = history_json(c.project, *model, false);
  d["change_coupling"] = coupling_json(c.project, *model, false, "");
  view["available"] = true;
  view["note"] = "History: " + history_window_text(*model) + ".";
  view["files"] = hotspot_files(c, *model);
  view["pairs"] = pair_files(c, *model);
  d["history_view"] = std::move(view);
}

} // namespace seam::html
