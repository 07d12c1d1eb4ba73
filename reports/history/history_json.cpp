#include "reports/history/history_json.h"

#include <ctime>

namespace seam {

std::string history_date(int64_t time) {
  std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

nlohmann::ordered_json history_window_json(const history::ChangeModel& m) {
  const history::History& h = m.history;
  nlohmann::ordered_json w;
  w["head"] = h.head;
  w["asked"] = h.window;
  int64_t oldest = h.head_time;
  for (const history::Commit& c : h.commits) oldest = std::min(oldest, c.time);
  w["from"] = h.since_time ? history_date(h.since_time) : history_date(oldest);
  w["to"] = history_date(h.head_time);
  w["commits_in_window"] = h.in_window;
  w["merges_left_out"] = h.merges;
  w["mass_commits_left_out"] = h.mass;
  w["max_files"] = h.max_files;
  w["renames_followed"] = h.renames;
  w["analysed"] = h.commits.size();
  w["touching_modules"] = m.module_commits;
  w["touching_no_module"] = m.outside_commits;
  w["paths_in_no_module"] = m.outside_paths;
  return w;
}

std::string history_window_text(const history::ChangeModel& m) {
  const history::History& h = m.history;
  std::string s = h.window + (h.since_time ? " before" : " up to") + " HEAD " + h.head.substr(0, 7) + " (" +
                  (h.since_time ? history_date(h.since_time) + " to " : std::string()) + history_date(h.head_time) +
                  "): " + std::to_string(h.in_window) + " commits, " + std::to_string(h.commits.size()) + " analysed";
  if (h.merges || h.mass) {
    s += " (left out:";
    if (h.merges) s += " " + std::to_string(h.merges) + (h.merges == 1 ? " merge" : " merges");
    if (h.merges && h.mass) s += ",";
    if (h.mass)
      s += " " + std::to_string(h.mass) + (h.mass == 1 ? " commit" : " commits") + " changing more than " +
           std::to_string(h.max_files) + " files";
    s += ")";
  }
  s += ", " + std::to_string(h.renames) + (h.renames == 1 ? " rename" : " renames") + " followed; " +
       std::to_string(m.module_commits) + " touch modules";
  if (m.outside_paths)
    s += ", " + std::to_string(m.outside_paths) + (m.outside_paths == 1 ? " path" : " paths") + " in no module ignored";
  return s;
}

} // namespace seam
