#include "analyzers/history/read_history.h"

#include "analyzers/core/parallel.h"
#include "analyzers/core/paths.h"
#include "analyzers/history/history_cache.h"
#include "analyzers/vcs/git.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <unordered_map>

namespace seam::history {
namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

/// Commits asked of one git process at most: ids on the command line, 41
/// bytes each, far below any argument limit. (At least HistoryOptions::
/// min_slice: fewer are not worth another process and the pack index it reads.)
constexpr size_t kIdsPerCall = 2000;

} // namespace

bool locate_history(const std::string& root, const std::string& repo, HistoryOptions& options, std::string& why) {
  std::string error;
  const std::string from = repo.empty() ? root : repo;
  std::string top = vcs::work_tree_root(from, error);
  if (top.empty()) {
    why = repo.empty() ? "no history: the project root " + root + " is not in a git work tree"
                       : "--history-repo " + repo + ": not a git work tree";
    return false;
  }
  top = canonical_path(top);
  std::string rel;
  if (repo.empty() && top != root) {
    why = "no history: the project root is a subfolder of the git work tree " + top +
          " (its commits also change code outside the project); --history-repo " + top + " reads them anyway";
    return false;
  }
  options.work_tree = top;
  options.prefix.clear();
  if (relative_to(root, top, rel) && !rel.empty() && rel != ".") options.prefix = rel + "/";
  vcs::GitOutput shallow = vcs::run_git(top, {"rev-parse", "--is-shallow-repository"});
  if (!shallow.ok) {
    why = "no history: " + shallow.error;
    return false;
  }
  if (trimmed(shallow.out) == "true") {
    why = "no history: " + top + " is a shallow clone (its history is cut short); `git fetch --unshallow` there";
    return false;
  }
  if (!vcs::run_git(top, {"rev-parse", "--verify", "-q", "HEAD^{commit}"}).ok) {
    why = "no history: " + top + " has no commits yet";
    return false;
  }
  return true;
}

bool parse_since(const std::string& text, int64_t head_time, int64_t& since_time) {
  int y = 0, mo = 0, d = 0;
  if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3 && text[4] == '-' &&
      text[7] == '-' && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    since_time = static_cast<int64_t>(timegm(&tm));
    return true;
  }
  size_t dot = text.find('.');
  if (dot == std::string::npos || dot == 0) return false;
  uint32_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + dot, n);
  if (ec != std::errc() || p != text.data() + dot || n > 1000000) return false;
  const std::string unit = text.substr(dot + 1);
  // Fixed lengths, so the window depends only on HEAD: a month is 1/12 of
  // the mean Gregorian year.
  int64_t seconds = 0;
  if (unit == "day" || unit == "days") seconds = 86400;
  else if (unit == "week" || unit == "weeks") seconds = 7 * 86400;
  else if (unit == "month" || unit == "months") seconds = 2629746;
  else if (unit == "year" || unit == "years") seconds = 31556952;
  else return false;
  since_time = head_time - static_cast<int64_t>(n) * seconds;
  return true;
}

bool read_history(const HistoryOptions& o, History& h, std::string& error) {
  h = History{};
  h.max_files = o.max_files;
  vcs::GitOutput head = vcs::run_git(o.work_tree, {"log", "-1", "--format=%H %ct", "HEAD"});
  if (!head.ok) {
    error = head.error;
    return false;
  }
  {
    std::string line = trimmed(head.out);
    size_t sp = line.find(' ');
    h.head = line.substr(0, sp);
    if (sp == std::string::npos) {
      error = "git log -1: unexpected output '" + line + "'";
      return false;
    }
    h.head_time = std::stoll(line.substr(sp + 1));
  }
  // The window as git arguments. --topo-order: children before parents, so
  // a rename is met before the older commits that used the old name.
  std::vector<std::string> window = {"--topo-order"};
  if (o.commits > 0) {
    window.push_back("--max-count=" + std::to_string(o.commits));
    h.window = "last " + std::to_string(o.commits) + " commits";
  } else {
    if (!parse_since(o.since, h.head_time, h.since_time)) {
      error = "--since " + o.since + ": give N.days, N.weeks, N.months, N.years or a date YYYY-MM-DD";
      return false;
    }
    window.push_back("--max-age=" + std::to_string(h.since_time));
    h.window = o.since;
  }
  window.push_back("HEAD");

  std::vector<std::string> args = {"rev-list"};
  args.insert(args.end(), window.begin(), window.end());
  vcs::GitOutput list = vcs::run_git(o.work_tree, args);
  if (!list.ok) {
    error = list.error;
    return false;
  }
  std::vector<std::string> ids;
  for (size_t s = 0; s < list.out.size();) {
    size_t nl = list.out.find('\n', s);
    if (nl == std::string::npos) nl = list.out.size();
    if (nl > s) ids.push_back(list.out.substr(s, nl - s));
    s = nl + 1;
  }
  h.in_window = static_cast<uint32_t>(ids.size());

  RecordMap records;
  if (!o.cache_dir.empty()) load_cache(o.cache_dir, records, h.cache_problem);
  std::vector<std::string> missing;
  for (const std::string& id : ids)
    if (!records.count(id)) missing.push_back(id);
  auto take = [&](const std::string& out) {
    for (std::string_view r : split_records(out)) {
      size_t end = r.find('\0', 1);
      if (end != std::string_view::npos) records[std::string(r.substr(1, end - 1))] = std::string(r);
    }
  };
  if (!missing.empty()) {
    h.from_git = static_cast<uint32_t>(missing.size());
    // git's diff for --numstat is nearly all the cost of a cold read (15 s of
    // CPU for rocksdb's last 10,000 commits), one core per process: the
    // missing commits go to -j git processes in slices, by id. A slice's
    // records land in its own slot and are keyed by id, so neither the
    // result nor the cache depends on -j.
    const size_t slices_wanted = std::max<size_t>(1, static_cast<size_t>(worker_count(o.jobs, missing.size())) * 4);
    const size_t per = std::clamp<size_t>((missing.size() + slices_wanted - 1) / slices_wanted,
                                          std::clamp<size_t>(o.min_slice, 1, kIdsPerCall), kIdsPerCall);
    const size_t slices = (missing.size() + per - 1) / per;
    std::vector<vcs::GitOutput> outs(slices);
    parallel_for(slices, o.jobs, [&](size_t s) {
      std::vector<std::string> log = git_log_args();
      log.push_back("--no-walk=unsorted");
      for (size_t k = s * per; k < missing.size() && k < (s + 1) * per; ++k) log.push_back(missing[k]);
      outs[s] = vcs::run_git(o.work_tree, log);
      if (!outs[s].ok) {
        // run_git's message repeats every argument: up to 2000 ids. Keep git's reason.
        std::string args;
        for (const std::string& a : log) args += " " + a;
        const std::string prefix = "git" + args + ": ";
        std::string why = outs[s].error.compare(0, prefix.size(), prefix) == 0 ? outs[s].error.substr(prefix.size())
                                                                                : outs[s].error;
        outs[s].error = "git log --no-walk " + missing[s * per] + " and " + std::to_string(log.size() - git_log_args().size() - 2) +
                        " more commits: " + why;
        if (why.find("unable to read") != std::string::npos || why.find("missing") != std::string::npos)
          outs[s].error += " (the clone lacks objects of these commits: a partial clone whose source cannot serve them,"
                           " or a damaged repository; fetch them or clone in full, or read fewer commits with"
                           " --commits N or --since)";
      }
    });
    for (vcs::GitOutput& r : outs) {
      if (!r.ok) {
        // Not started: interrupted (SIGINT) before this slice's turn.
        error = r.error.empty() ? "interrupted while reading the history" : r.error;
        return false;
      }
      take(r.out);
      r.out.clear();
      r.out.shrink_to_fit();
    }
    if (!o.cache_dir.empty()) {
      std::string problem;
      if (!save_cache(o.cache_dir, records, problem) && h.cache_problem.empty()) h.cache_problem = problem;
    }
  }

  // Newest first: each rename maps the old name to the current one for the
  // older commits. Mass commits still carry their renames (a folder move is
  // exactly a mass commit); merges show no diff.
  std::unordered_map<std::string, std::string> current; // old name -> current name
  auto resolve = [&](const std::string& p) -> const std::string& {
    auto it = current.find(p);
    return it == current.end() ? p : it->second;
  };
  for (const std::string& id : ids) {
    auto it = records.find(id);
    if (it == records.end()) {
      error = "git log did not print commit " + id;
      return false;
    }
    Commit c;
    if (!parse_record(it->second, c, error)) return false;
    if (c.parents.size() > 1) {
      ++h.merges;
      continue;
    }
    std::vector<FileChange> kept;
    for (FileChange& f : c.files) {
      std::string now = resolve(f.path);
      if (!f.old_path.empty()) {
        current[f.old_path] = now;
        ++h.renames;
      }
      f.old_path.clear();
      if (now.compare(0, o.prefix.size(), o.prefix) != 0) continue;
      f.path = now.substr(o.prefix.size());
      kept.push_back(std::move(f));
    }
    c.files = std::move(kept);
    if (c.files.size() > o.max_files) {
      ++h.mass;
      continue;
    }
    h.commits.push_back(std::move(c));
  }
  return true;
}

} // namespace seam::history
