// The session every command shares: config, compile database, parse, model.
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/interrupt.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"
#include "analyzers/cache/codec.h"
#include "analyzers/extract/fact_scan.h"
#include "analyzers/init/vendored.h"
#include "analyzers/roles/library_roles.h"
#include "tool/cli.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <unistd.h>

namespace seam::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}

bool g_stderr_tty = isatty(2);

std::string current_dir() {
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return ".";
  return canonical_path(buf);
}

bool file_exists(const std::string& p) { return access(p.c_str(), F_OK) == 0; }

} // namespace

Registrar::Registrar(Command c) {
  auto& r = registry();
  auto pos = std::lower_bound(r.begin(), r.end(), c.name,
                              [](const Command& a, const std::string& n) { return a.name < n; });
  r.insert(pos, std::move(c));
}
const std::vector<Command>& commands() { return registry(); }

std::string Options::get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() ? fallback : it->second;
}

void error(const std::string& msg) { std::cerr << "seam: error: " << msg << "\n"; }
void warning(const std::string& msg) { std::cerr << "seam: warning: " << msg << "\n"; }
void note(const std::string& msg) { std::cerr << "seam: note: " << msg << "\n"; }

bool use_color(const Options& o) {
  if (o.color == "always") return true;
  if (o.color == "never" || std::getenv("NO_COLOR")) return false;
  return isatty(1);
}

bool emit(const Options& o, const std::string& content) {
  if (o.output.empty() || o.output == "-") {
    std::cout << content;
    std::cout.flush();
    return true;
  }
  std::string err;
  if (!write_file_atomic(o.output, content, err)) {
    error(err);
    return false;
  }
  return true;
}

int load_config_only(const Options& o, Config& config, bool& found) {
  std::string cwd = current_dir();
  std::string path = o.config;
  if (path.empty() && file_exists(cwd + "/seam.json")) path = "seam.json";
  found = !path.empty();
  if (!found) {
    config = Config{};
    config.root = cwd;
    return kOk;
  }
  if (!file_exists(path)) {
    error("config " + path + " does not exist; pass --config FILE or run `seam init` to write one");
    return kError;
  }
  std::vector<ConfigError> errors;
  if (!load_config(path, config, errors)) {
    std::vector<std::string> lines;
    for (const ConfigError& e : errors) lines.push_back(e.format());
    print_list(o, lines, MessageLevel::Formatted, "config problems");
    error(path + ": " + std::to_string(errors.size()) + " problem" + (errors.size() == 1 ? "" : "s") +
          " in the config; nothing was analysed");
    return kError;
  }
  config.root = canonical_path(config.root.empty() ? cwd : config.root);
  return kOk;
}

namespace {

/// Progress on standard error: a live line on a terminal, a line every few
/// seconds otherwise.
class Progress {
public:
  Progress(const Options& o) {
    enabled_ = !o.quiet && o.progress != "never";
    live_ = enabled_ && (o.progress == "always" ? g_stderr_tty : g_stderr_tty);
    if (o.progress == "auto" && !g_stderr_tty) {
      // Not a terminal: periodic lines only for long runs.
      live_ = false;
    }
    start_ = last_ = std::chrono::steady_clock::now();
  }

  void update(size_t done, size_t total, const std::string& file) {
    if (!enabled_ || total == 0) return;
    std::lock_guard<std::mutex> lock(mu_);
    total_ = total;
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double eta = done ? elapsed / done * (total_ - done) : 0;
    char buf[160];
    if (live_) {
      if (now - last_ < std::chrono::milliseconds(100) && done != total_) return;
      last_ = now;
      std::snprintf(buf, sizeof buf, "\r\033[K[%zu/%zu] %3d%%  ETA %d:%02d  ", done, total_,
                    static_cast<int>(100.0 * done / total_), static_cast<int>(eta) / 60,
                    static_cast<int>(eta) % 60);
      std::string line = buf + (file.size() > 60 ? "..." + file.substr(file.size() - 57) : file);
      std::cerr << line << std::flush;
      return;
    }
    if (now - last_ < std::chrono::seconds(5) && done != total_) return;
    if (done == total_ && elapsed < 5) return;
    last_ = now;
    std::snprintf(buf, sizeof buf, "seam: parsed %zu/%zu translation units (%d%%), ETA %ds\n", done,
                  total_, static_cast<int>(100.0 * done / total_), static_cast<int>(eta));
    std::cerr << buf << std::flush;
  }

  void finish() {
    if (live_) std::cerr << "\r\033[K" << std::flush;
  }

private:
  size_t total_ = 0;
  bool enabled_ = false, live_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  std::mutex mu_;
};

/// "K/N" of `scan --shard`: 1 <= K <= N. Prints the error itself.
bool parse_shard(const std::string& text, uint32_t& shard, uint32_t& shards) {
  size_t slash = text.find('/');
  unsigned k = 0, n = 0;
  auto number = [](const std::string& s, unsigned& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = static_cast<unsigned>(std::stoul(s));
    return true;
  };
  if (slash == std::string::npos || !number(text.substr(0, slash), k) || !number(text.substr(slash + 1), n) ||
      n == 0 || k == 0 || k > n) {
    error("--shard takes K/N with 1 <= K <= N (this machine's part of N), not '" + text + "'");
    return false;
  }
  shard = k - 1;
  shards = n;
  return true;
}

} // namespace

int load_project_tus(const Options& o, const std::string& root, const std::vector<std::string>& exclude,
                     CompileDb& db, std::string& db_path, std::vector<std::string>& rel_files) {
  std::string err;
  if (!find_compile_db(o.p_dir, db_path, err)) {
    error(err);
    return kError;
  }
  std::vector<std::string> warnings;
  if (!load_compile_db(db_path, db, warnings, err)) {
    error(err);
    return kError;
  }
  print_list(o, warnings, MessageLevel::Warning, "compile database warnings");
  // TUs outside the project root or excluded by the config are not parsed.
  std::vector<CompileCommand> keep;
  size_t outside = 0, excluded = 0;
  for (CompileCommand& c : db.commands) {
    std::string rel;
    if (!relative_to(canonical_path(c.file), root, rel)) {
      ++outside;
      continue;
    }
    bool skip = false;
    for (const std::string& g : exclude)
      if (glob_match(g, rel)) skip = true;
    if (skip) {
      ++excluded;
      continue;
    }
    rel_files.push_back(rel);
    keep.push_back(std::move(c));
  }
  db.commands = std::move(keep);
  if (outside && !o.quiet)
    note(std::to_string(outside) + " translation unit" + (outside == 1 ? "" : "s") + " outside the project root " +
         root + " skipped (the root is the folder of seam.json, else the current folder)");
  if (excluded && !o.quiet)
    note(std::to_string(excluded) + " translation unit" + (excluded == 1 ? "" : "s") + " excluded by \"exclude\"");
  if (db.commands.empty()) {
    error(db_path + ": no translation unit of the project root " + root +
          " in the compile database; run seam from the project's folder or pass --config");
    return kError;
  }
  return kOk;
}

std::vector<std::pair<std::string, std::string>> leave_out_vendored(const Options& o, const std::string& root,
                                                                    CompileDb& db, std::vector<std::string>& rel_files) {
  const std::vector<std::string> folders = vendored_folders(rel_files, root);
  if (folders.empty()) return {};
  const std::vector<std::string> globs = vendored_globs(folders);
  std::vector<CompileCommand> keep;
  std::vector<std::string> keep_rel;
  for (size_t i = 0; i < rel_files.size(); ++i) {
    bool vendored = false;
    for (const std::string& g : globs) vendored |= glob_match(g, rel_files[i]);
    if (vendored) continue;
    keep.push_back(std::move(db.commands[i]));
    keep_rel.push_back(std::move(rel_files[i]));
  }
  const size_t dropped = rel_files.size() - keep_rel.size();
  db.commands = std::move(keep);
  rel_files = std::move(keep_rel);
  std::vector<std::pair<std::string, std::string>> out;
  std::string list;
  for (size_t i = 0; i < folders.size(); ++i) {
    list += (i ? ", " : "") + folders[i];
    const std::string name = folders[i].substr(folders[i].rfind('/') + 1);
    std::error_code ec;
    std::string why = is_vendor_folder_name(name) ? "vendored: a " + name + "/ folder"
                      : std::filesystem::exists(root + "/" + folders[i] + "/.git", ec)
                          ? "vendored: its own git repository"
                          : "vendored: its own build (a CMakeLists.txt with project())";
    out.push_back({globs[i], why});
  }
  if (!o.quiet)
    note("left out vendored code (" + list + "), " + std::to_string(dropped) + " translation unit" +
         (dropped == 1 ? "" : "s") + ", like system headers; a seam.json module listing it brings it back");
  return out;
}

int scan_project(const Options& o, const std::string& root, const std::string& db_path, const CompileDb& db,
                 ScanResult& scan, ScanStats& stats) {
  std::string err;
  ScanOptions so;
  so.root = root;
  so.jobs = o.jobs;
  std::string problem;
  so.adjust.root = root; // warnings name files relative to the project root
  so.adjust.resource_dir = default_resource_dir(problem);
  if (so.adjust.resource_dir.empty()) {
    error(problem);
    return kError;
  }
  // The hidden switch that turns the shortcuts off, to check they change nothing.
  const char* no_shortcuts = std::getenv("SEAM_NO_SHORTCUTS");
  so.shortcuts = !(no_shortcuts && std::string(no_shortcuts) == "1");
  if (!o.no_cache) so.cache_dir = o.cache.empty() ? db_path.substr(0, db_path.rfind('/')) + "/.seam-cache" : o.cache;
  so.cache_max_bytes = o.cache_max_bytes;
  uint32_t shard = 0, shards = 1;
  if (o.has("shard") && !parse_shard(o.get("shard"), shard, shards)) return kError;
  so.shard = shard;
  so.shards = shards;
  Progress progress(o);
  so.on_progress = [&](size_t done, size_t total, const std::string& file) { progress.update(done, total, file); };
  if (!scan_facts(db, so, scan, err)) {
    if (!o.cache.empty()) {
      error(err + "; pass another --cache DIR, or --no-cache");
      return kError;
    }
    // The default location may be read-only (a shared build folder): go on without.
    if (!o.quiet) note(err + "; continuing without a fact cache (--cache DIR picks another place)");
    so.cache_dir.clear();
    scan = ScanResult{};
    scan_facts(db, so, scan, err);
  }
  progress.finish();
  print_list(o, scan.warnings, MessageLevel::Warning, "warnings about compile commands");
  if (int sig = interrupt_signal()) {
    // The workers stopped taking TUs: the facts are incomplete, so nothing is
    // reported; each TU finished before the signal is already in the cache.
    error(std::string("interrupted by ") + signal_name(sig) +
          (so.cache_dir.empty() ? "; nothing was written"
                                : "; the translation units parsed so far are in the fact cache, the next run "
                                  "parses only the rest"));
    return 128 + sig;
  }
  stats.parsed = scan.parsed;
  stats.from_cache = scan.from_cache;
  stats.cache_dir = so.cache_dir;
  if (shards > 1) {
    std::string out = o.get("bundle");
    if (out.empty())
      out = "seam-shard-" + std::to_string(shard + 1) + "-of-" + std::to_string(shards) + ".bundle";
    if (!write_file_atomic(out, encode_bundle(scan.bundle), err)) {
      error(err);
      return kError;
    }
    stats.bundle = out;
  }
  return kOk;
}

int load_project(const Options& o, Project& project, ScanStats& stats) {
  auto t0 = std::chrono::steady_clock::now();
  Config config;
  bool found = false;
  if (int rc = load_config_only(o, config, found)) return rc;

  std::string db_path, err;
  CompileDb db;
  std::vector<std::string> rel_files, warnings;
  if (int rc = load_project_tus(o, config.root, config.exclude, db, db_path, rel_files)) return rc;
  // Without a seam.json, vendored code is left out as `seam init` would write it.
  if (!found)
    for (auto& [glob, why] : leave_out_vendored(o, config.root, db, rel_files)) config.exclude.push_back(glob);
  stats.compile_db = db_path;
  const std::string root = config.root;
  ScanResult scan;
  if (int rc = scan_project(o, root, db_path, db, scan, stats)) return rc;
  std::vector<TuFacts> tus = std::move(scan.tus);

  stats.tus = tus.size();
  std::vector<std::string> failed;
  for (const TuFacts& t : tus)
    if (!t.ok) failed.push_back(t.main_file + ": " + t.first_error +
                                (t.error_count > 1 ? " (and " + std::to_string(t.error_count - 1) + " more errors)" : ""));
  stats.failed = failed.size();
  std::sort(failed.begin(), failed.end());
  for (std::string& f : failed) f = "failed to parse " + f;
  print_list(o, failed, o.strict ? MessageLevel::Error : MessageLevel::Warning, "translation units that failed to parse");
  if (!failed.empty() && o.strict) {
    error(std::to_string(failed.size()) + " translation unit" + (failed.size() == 1 ? "" : "s") +
          " failed to parse (--strict)");
    return kError;
  }
  if (!failed.empty() && !o.quiet)
    note(std::to_string(failed.size()) + " of " + std::to_string(tus.size()) +
         " translation units failed to parse; their facts up to the first error are kept, the rest "
         "of the project is analysed (--strict makes this an error)");

  if (!found) {
    std::vector<std::string> exclude = std::move(config.exclude), reached;
    for (std::string& f : reached_project_files(tus)) {
      bool excluded = false;
      for (const std::string& g : exclude) excluded |= glob_match(g, f);
      if (!excluded) reached.push_back(std::move(f));
    }
    config = infer_config(rel_files, reached, root);
    config.exclude = std::move(exclude);
    if (!o.quiet) {
      std::string names;
      for (const ModuleDecl& m : config.modules) names += (names.empty() ? "" : ", ") + m.name;
      note("no seam.json: inferred " + std::to_string(config.modules.size()) +
           " modules from the folder layout (" + names + "); `seam init` writes a seam.json to edit");
    }
  }

  config.include_tests = o.include_tests;
  std::vector<std::string> errors;
  warnings.clear();
  bool ok = build_project(std::move(tus), config, project, errors, warnings);
  print_list(o, warnings, MessageLevel::Formatted, "warnings");
  if (!ok) {
    print_list(o, errors, MessageLevel::Formatted, "errors");
    return kError;
  }
  if (!project.unowned.empty() && !o.quiet) {
    std::string list;
    for (size_t i = 0; i < project.unowned.size() && i < 3; ++i)
      list += (i ? ", " : "") + project.files[project.unowned[i]].path;
    if (project.unowned.size() > 3) list += ", ...";
    note(std::to_string(project.unowned.size()) + " project file" + (project.unowned.size() == 1 ? " belongs" : "s belong") +
         " to no module (" + list + "); add them to a module's \"paths\" or to \"exclude\"");
  }
  infer_library_roles(project);
  if (!o.quiet) {
    for (const std::string& n : role_notes(project)) note(n);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return kOk;
}

} // namespace seam::cli
