// The history options shared by graph, candidates, report and history: they
// only fill a HistoryRequest; the policy is history/load_history.h.
#include "analyzers/history/load_history.h"
#include "tool/cli.h"

namespace seam::cli {
namespace {

bool parse_count(const std::string& s, uint32_t& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = static_cast<uint32_t>(std::stoul(s));
  return true;
}

} // namespace

std::vector<OptionSpec> history_options(bool optional) {
  std::vector<OptionSpec> o = {
      // No default_value: the parser would fill it in, and "given" matters
      // (--since and --commits exclude each other; graph wants --coupling change).
      {"since", "WHEN",
       "history window before HEAD's commit date: N.days|N.weeks|N.months|N.years or YYYY-MM-DD (default 12.months)",
       {}, ""},
      {"commits", "N", "history: the last N commits instead of a time window", {}, ""},
      {"max-files", "N", "history: leave out commits changing more than N files (mass renames, reformatting; default 50)", {}, ""},
      {"history-repo", "DIR", "read the history of this git work tree (default: the project root's, when the root is "
                              "its top folder)", {}, ""}};
  if (optional)
    o.push_back({"no-history", "", "leave git history out: static analysis only (today's scores)", {}, ""});
  return o;
}

int load_history(const Options& o, const Project& project, const ScanStats& stats, bool required,
                 history::ChangeModel& model) {
  history::HistoryRequest req;
  req.enabled = !o.has("no-history");
  req.required = required;
  req.repo = o.get("history-repo");
  req.read.since = o.get("since", "12.months");
  req.read.jobs = o.jobs; // git processes for commits not yet cached
  if (o.has("commits") && (!parse_count(o.get("commits"), req.read.commits) || req.read.commits == 0)) {
    error("--commits needs a number of commits (1 or more), not '" + o.get("commits") + "'");
    return kError;
  }
  if (o.has("commits") && o.has("since")) {
    error("--since and --commits both choose the history window; give one of them");
    return kError;
  }
  if (o.has("max-files") && (!parse_count(o.get("max-files"), req.read.max_files) || req.read.max_files == 0)) {
    error("--max-files needs a number of files (1 or more), not '" + o.get("max-files") + "'");
    return kError;
  }
  if (o.has("min-weight") && !parse_count(o.get("min-weight"), req.thresholds.min_shared)) {
    error("--min-weight needs a number (0 or more), not '" + o.get("min-weight") + "'");
    return kError;
  }
  if (req.thresholds.min_shared == 0) req.thresholds.min_shared = 1;
  // Beside the fact cache: parsed commits are as reusable as parsed TUs.
  if (!stats.cache_dir.empty()) req.read.cache_dir = stats.cache_dir + "/history";
  std::vector<std::string> notes;
  std::string err;
  if (!history::load_change_model(project, req, model, notes, err)) {
    error(err);
    return kError;
  }
  if (!o.quiet)
    for (const std::string& n : notes) note(n);
  return kOk;
}

} // namespace seam::cli
