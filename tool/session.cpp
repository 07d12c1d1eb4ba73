// The session every command shares: the options turned into a pipeline
// Request, the pipeline's messages printed to stderr with progress on a
// terminal. The stages and their policies live in analyzers/pipeline.
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"
#include "analyzers/pipeline/clang_facts.h"
#include "analyzers/pipeline/load_project.h"
#include "tool/cli.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
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
      drawn_ = true;
      return;
    }
    if (now - last_ < std::chrono::seconds(5) && done != total_) return;
    if (done == total_ && elapsed < 5) return;
    last_ = now;
    std::snprintf(buf, sizeof buf, "seam: parsed %zu/%zu translation units (%d%%), ETA %ds\n", done,
                  total_, static_cast<int>(100.0 * done / total_), static_cast<int>(eta));
    std::cerr << buf << std::flush;
  }

  /// Clears the live line (before a message, and at the end of the scan).
  void finish() {
    std::lock_guard<std::mutex> lock(mu_);
    if (live_ && drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

private:
  size_t total_ = 0;
  bool enabled_ = false, live_ = false, drawn_ = false;
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

/// Prints what the pipeline reports, as the contract words it: "seam: error: ",
/// "seam: warning: ", "seam: note: " (dropped under -q), or the line as it is.
/// Runs of one level are capped (MessageCap): 100,000 config problems print
/// 20 lines and a count, unless --all-messages.
pipeline::Sink printer(const Options& o, Progress* progress = nullptr) {
  auto cap = std::make_shared<MessageCap>(o.all_messages);
  return [&o, progress, cap](const pipeline::Diagnostic& d) {
    if (d.level == pipeline::Level::Note && o.quiet) return;
    if (!cap->admit(static_cast<int>(d.level))) return;
    if (progress) progress->finish();
    switch (d.level) {
    case pipeline::Level::Error: error(d.text); break;
    case pipeline::Level::Warning: warning(d.text); break;
    case pipeline::Level::Note: note(d.text); break;
    case pipeline::Level::Line: std::cerr << d.text << "\n"; break;
    }
  };
}

} // namespace

bool make_request(const Options& o, pipeline::Request& r) {
  r.compile_db_dir = o.p_dir;
  r.config = o.config;
  r.jobs = o.jobs;
  r.cache = o.cache;
  r.no_cache = o.no_cache;
  r.cache_max_bytes = o.cache_max_bytes;
  r.strict = o.strict;
  r.include_tests = o.include_tests;
  if (o.has("shard") && !parse_shard(o.get("shard"), r.shard, r.shards)) return false;
  r.bundle = o.get("bundle");
  // The hidden switch that turns the shortcuts off, to check they change nothing.
  const char* no_shortcuts = std::getenv("SEAM_NO_SHORTCUTS");
  r.shortcuts = !(no_shortcuts && std::string(no_shortcuts) == "1");
  r.prefix = !o.no_prefix;
  return true;
}

int scan_tus(const Options& o, const std::string& root, const pipeline::TuSelection& tus, pipeline::Facts& facts) {
  pipeline::Request r;
  if (!make_request(o, r)) return kError;
  Progress progress(o);
  r.on_progress = [&](size_t done, size_t total, const std::string& file) { progress.update(done, total, file); };
  std::unique_ptr<pipeline::FactSource> clang = pipeline::clang_facts();
  pipeline::Outcome<pipeline::Facts> out = pipeline::gather_facts(r, root, tus, *clang, printer(o, &progress));
  progress.finish();
  if (!out) return out.status();
  facts = std::move(*out);
  return kOk;
}

namespace {

int load_project(const Options& o, std::optional<pipeline::ProjectConfig> config, Project& project,
                 ScanStats& stats) {
  pipeline::Request r;
  if (!make_request(o, r)) return kError;
  Progress progress(o);
  r.on_progress = [&](size_t done, size_t total, const std::string& file) { progress.update(done, total, file); };
  std::unique_ptr<pipeline::FactSource> clang = pipeline::clang_facts();
  pipeline::Outcome<pipeline::LoadedProject> loaded =
      config ? pipeline::load_project(r, std::move(*config), *clang, printer(o, &progress))
             : pipeline::load_project(r, *clang, printer(o, &progress));
  progress.finish();
  if (!loaded) return loaded.status();
  project = std::move(loaded->project);
  stats = loaded->stats;
  return kOk;
}

} // namespace

pipeline::Sink diagnostics(const Options& o) { return printer(o); }

int load_project(const Options& o, pipeline::ProjectConfig config, Project& project, ScanStats& stats) {
  return load_project(o, std::optional<pipeline::ProjectConfig>(std::move(config)), project, stats);
}

int load_project(const Options& o, Project& project, ScanStats& stats) {
  return load_project(o, std::nullopt, project, stats);
}

} // namespace seam::cli
