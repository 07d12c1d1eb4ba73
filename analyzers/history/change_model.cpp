#include "analyzers/history/change_model.h"

#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace seam::history {
namespace {

uint64_t pair_key(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b); }

/// Module of each path: the model's when the parse reached it, else the
/// same rule (build_project) run over the remaining paths with the same config.
std::vector<ModuleId> modules_of_paths(const Project& project, const std::vector<std::string>& paths) {
  std::vector<ModuleId> out(paths.size(), kNoModule);
  TuFacts rest;
  std::vector<size_t> rest_index;
  for (size_t i = 0; i < paths.size(); ++i) {
    auto it = project.file_index.find(paths[i]);
    if (it != project.file_index.end()) {
      out[i] = project.files[it->second].module;
      continue;
    }
    FileFact f;
    f.path = paths[i];
    rest.files.push_back(std::move(f));
    rest_index.push_back(i);
  }
  if (rest.files.empty()) return out;
  rest.main_file = rest.files.front().path;
  Project other;
  std::vector<std::string> errors, warnings;
  std::vector<TuFacts> tus;
  tus.push_back(std::move(rest));
  // A file two modules match is an error there; it stays in no module here
  // (the parse never reached it, so the config is not wrong for the code).
  build_project(std::move(tus), project.config, other, errors, warnings);
  for (size_t k = 0; k < rest_index.size(); ++k) {
    const std::string& p = paths[rest_index[k]];
    auto it = other.file_index.find(p);
    if (it == other.file_index.end()) continue;
    ModuleId m = other.files[it->second].module;
    if (m == kNoModule) continue;
    // Module ids differ between the two projects; names do not.
    out[rest_index[k]] = project.find_module(other.modules[m].name);
  }
  return out;
}

/// Counts per author for one module or file.
struct AuthorTally {
  std::map<std::string, uint32_t> commits; ///< email -> commits
  std::map<std::string, std::string> name; ///< email -> name in their newest commit

  void add(const Commit& c) {
    ++commits[c.email];
    name.emplace(c.email, c.author); // commits come newest first
  }
  Ownership result() const {
    Ownership o;
    o.authors = static_cast<uint32_t>(commits.size());
    std::string best;
    for (const auto& [email, n] : commits)
      if (n > o.main_commits) {
        o.main_commits = n;
        best = email;
      }
    if (!best.empty()) o.main_author = name.at(best);
    return o;
  }
};

void finish_pairs(std::unordered_map<uint64_t, uint32_t>& counts, const std::vector<uint32_t>& commits_of,
                  uint32_t total, const CouplingThresholds& t, const std::unordered_set<uint64_t>& statics,
                  std::vector<CoChange>& out) {
  for (const auto& [key, both] : counts) {
    if (both < t.min_shared) continue;
    CoChange c;
    c.a = static_cast<uint32_t>(key >> 32);
    c.b = static_cast<uint32_t>(key & 0xffffffffu);
    c.both = both;
    c.support = total ? round3(static_cast<double>(both) / total) : 0;
    c.confidence_ab = round3(static_cast<double>(both) / commits_of[c.a]);
    c.confidence_ba = round3(static_cast<double>(both) / commits_of[c.b]);
    c.static_dependency = statics.count(key) != 0;
    c.hidden = !c.static_dependency && both >= t.hidden_min_shared &&
               std::max(c.confidence_ab, c.confidence_ba) >= t.hidden_min_confidence;
    out.push_back(c);
  }
}

} // namespace

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

ChangeModel build_change_model(const Project& project, History&& history, const CouplingThresholds& thresholds) {
  ChangeModel m;
  m.available = true;
  m.thresholds = thresholds;
  m.history = std::move(history);
  const History& h = m.history;

  // Every distinct path, once, mapped to its module.
  std::unordered_map<std::string, uint32_t> path_id;
  std::vector<std::string> paths;
  for (const Commit& c : h.commits)
    for (const FileChange& f : c.files)
      if (path_id.emplace(f.path, static_cast<uint32_t>(paths.size())).second) paths.push_back(f.path);
  const std::vector<ModuleId> module_of = modules_of_paths(project, paths);
  for (ModuleId mod : module_of) m.outside_paths += mod == kNoModule;

  const size_t nm = project.modules.size(), nf = project.files.size();
  m.modules.resize(nm);
  for (size_t i = 0; i < nm; ++i) m.modules[i].module = static_cast<ModuleId>(i);
  std::vector<Activity> file_activity(nf);
  std::vector<AuthorTally> module_authors(nm);
  std::unordered_map<FileId, AuthorTally> file_tally;
  std::unordered_map<uint64_t, uint32_t> module_pairs, file_pairs;
  std::vector<uint32_t> file_commits(nf, 0);

  std::vector<ModuleId> touched;
  std::vector<FileId> touched_files;
  for (const Commit& c : h.commits) {
    touched.clear();
    touched_files.clear();
    std::map<ModuleId, std::pair<uint64_t, uint64_t>> lines; // module -> added, removed
    for (const FileChange& f : c.files) {
      ModuleId mod = module_of[path_id.at(f.path)];
      if (mod == kNoModule) continue;
      touched.push_back(mod);
      lines[mod].first += f.added;
      lines[mod].second += f.removed;
      auto it = project.file_index.find(f.path);
      if (it == project.file_index.end()) continue;
      FileId fid = it->second;
      touched_files.push_back(fid);
      Activity& a = file_activity[fid];
      a.added += f.added;
      a.removed += f.removed;
    }
    if (touched.empty()) {
      ++m.outside_commits;
      continue;
    }
    ++m.module_commits;
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    std::sort(touched_files.begin(), touched_files.end());
    touched_files.erase(std::unique(touched_files.begin(), touched_files.end()), touched_files.end());
    for (ModuleId mod : touched) {
      ModuleHistory& mh = m.modules[mod];
      ++mh.commits;
      mh.added += lines[mod].first;
      mh.removed += lines[mod].second;
      mh.with_others += touched.size() > 1;
      if (!mh.last_time) mh.last_time = c.time;
      module_authors[mod].add(c);
    }
    for (FileId f : touched_files) {
      Activity& a = file_activity[f];
      ++a.commits;
      ++file_commits[f];
      if (!a.last_time) a.last_time = c.time;
      file_tally[f].add(c);
    }
    for (size_t i = 0; i < touched.size(); ++i)
      for (size_t j = i + 1; j < touched.size(); ++j)
        ++module_pairs[pair_key(static_cast<uint32_t>(touched[i]), static_cast<uint32_t>(touched[j]))];
    for (size_t i = 0; i < touched_files.size(); ++i)
      for (size_t j = i + 1; j < touched_files.size(); ++j) ++file_pairs[pair_key(touched_files[i], touched_files[j])];
    m.commit_modules.push_back(touched);
  }

  // Sizes: the lines of the files seam parsed (what a reader has to read).
  for (FileId f = 0; f < nf; ++f) {
    const File& file = project.files[f];
    if (file.external || file.module == kNoModule) continue;
    m.modules[file.module].lines += file.lines;
    file_activity[f].lines = file.lines;
  }
  for (size_t i = 0; i < nm; ++i) {
    ModuleHistory& mh = m.modules[i];
    mh.hotspot = mh.commits * mh.lines;
    mh.owners = module_authors[i].result();
  }
  for (FileId f = 0; f < nf; ++f) {
    Activity& a = file_activity[f];
    if (!a.commits || project.files[f].module == kNoModule) continue;
    FileHistory fh;
    static_cast<Activity&>(fh) = a;
    fh.file = f;
    fh.hotspot = a.commits * a.lines;
    fh.owners = file_tally[f].result();
    m.files.push_back(std::move(fh));
  }

  // Static dependencies, to tell hidden coupling from the visible kind.
  std::unordered_set<uint64_t> module_static, file_static;
  const ModuleGraph g = build_module_graph(project);
  for (const ModuleEdge& e : g.edges)
    if (e.from != e.to) module_static.insert(pair_key(static_cast<uint32_t>(e.from), static_cast<uint32_t>(e.to)));
  std::unordered_set<uint64_t> wanted;
  for (const auto& [key, both] : file_pairs)
    if (both >= thresholds.min_shared) wanted.insert(key);
  auto note_files = [&](FileId a, FileId b) {
    if (a == kNoFile || b == kNoFile || a == b) return;
    uint64_t k = pair_key(a, b);
    if (wanted.count(k)) file_static.insert(k);
  };
  if (!wanted.empty()) {
    for (const Include& inc : project.includes) note_files(inc.site.file, inc.included);
    for (const Reference& r : project.refs) note_files(r.site.file, project.symbols[r.target].owner);
  }
  std::vector<uint32_t> module_commit_counts(nm);
  for (size_t i = 0; i < nm; ++i) module_commit_counts[i] = m.modules[i].commits;
  finish_pairs(module_pairs, module_commit_counts, m.module_commits, thresholds, module_static, m.module_pairs);
  finish_pairs(file_pairs, file_commits, m.module_commits, thresholds, file_static, m.file_pairs);
  auto by_strength = [&](bool modules) {
    return [&project, modules](const CoChange& x, const CoChange& y) {
      if (x.both != y.both) return x.both > y.both;
      auto name = [&](uint32_t id) -> const std::string& {
        return modules ? project.modules[id].name : project.files[id].path;
      };
      if (x.a != y.a) return name(x.a) < name(y.a);
      return name(x.b) < name(y.b);
    };
  };
  std::sort(m.module_pairs.begin(), m.module_pairs.end(), by_strength(true));
  std::sort(m.file_pairs.begin(), m.file_pairs.end(), by_strength(false));
  return m;
}

SetCoChange co_change_of(const ChangeModel& model, const std::vector<ModuleId>& set,
                         const std::vector<bool>& taken_along) {
  SetCoChange s;
  std::vector<uint32_t> shared(model.modules.size(), 0);
  std::vector<bool> in_set(model.modules.size(), false);
  for (ModuleId m : set)
    if (m >= 0 && static_cast<size_t>(m) < in_set.size()) in_set[m] = true;
  for (const std::vector<ModuleId>& touched : model.commit_modules) {
    bool inside = false, outside = false;
    for (ModuleId m : touched) {
      if (in_set[m]) inside = true;
      else if (taken_along.empty() || !taken_along[m]) outside = true;
    }
    if (!inside) continue;
    ++s.commits;
    if (!outside) continue;
    ++s.with_outside;
    for (ModuleId m : touched)
      if (!in_set[m] && (taken_along.empty() || !taken_along[m])) ++shared[m];
  }
  for (size_t m = 0; m < shared.size(); ++m)
    if (shared[m]) s.partners.push_back({static_cast<ModuleId>(m), shared[m]});
  std::stable_sort(s.partners.begin(), s.partners.end(),
                   [](const SetCoChange::Partner& a, const SetCoChange::Partner& b) { return a.both > b.both; });
  return s;
}

} // namespace seam::history
