// The seam CLI: options, the command registry, and the session that turns a
// compile database and a config into a Project. Each command lives in its own
// cmd_<name>.cpp and registers itself; this layer stays thin.
#pragma once

#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/edge_kinds.h"
#include "analyzers/extract/fact_scan.h"
#include "analyzers/model/model.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace seam::cli {

enum Exit : int { kOk = 0, kViolations = 1, kError = 2 };

/// A command-specific option: `--name VALUE` (takes_value) or `--name` (a flag).
struct OptionSpec {
  std::string name;        ///< without leading dashes, e.g. "format"
  std::string value_name;  ///< e.g. "FMT"; empty for a flag
  std::string help;
  std::vector<std::string> choices; ///< allowed values, when closed
  std::string default_value;
};

/// Parsed command line: common options of the contract plus the command's own.
struct Options {
  std::string command;
  std::string p_dir;               ///< -p DIR
  std::string config;              ///< --config F
  unsigned jobs = 0;               ///< -j N (0 = cores)
  std::string cache;               ///< --cache DIR
  bool no_cache = false;           ///< --no-cache
  uint64_t cache_max_bytes = 2ull << 30; ///< --cache-max-size SIZE (LRU bound; 0 = none)
  std::string output;              ///< -o FILE
  bool strict = false;             ///< --strict
  bool include_tests = false;      ///< --include-tests: test modules join the analysis
  std::string progress = "auto";   ///< --progress auto|always|never
  std::string color = "auto";      ///< --color auto|always|never
  bool quiet = false;              ///< -q: no progress, no notes
  bool all_messages = false;       ///< --all-messages: no cap on per-item message lists
  std::map<std::string, std::string> values; ///< command options given (flags map to "1")
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return values.count(name) != 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
};

struct Command {
  std::string name;
  std::string summary;                ///< one line for `seam --help`
  std::string usage;                  ///< e.g. "seam graph [options]"
  std::string description;            ///< paragraph for `seam graph --help`
  std::vector<OptionSpec> options;
  size_t min_positional = 0, max_positional = 0;
  std::function<int(const Options&)> run;
};

/// A common option, as `seam --help` shows it: "-p DIR", "-q, --quiet".
struct CommonSpec {
  const char* flags;
  const char* help;
};
/// The options every command takes (main.cpp): for --help and the completion scripts.
std::vector<CommonSpec> common_options();

/// Commands register themselves from static initialisers in cmd_*.cpp.
struct Registrar {
  explicit Registrar(Command c);
};
const std::vector<Command>& commands();

/// `--edges include|symbol|all` for a command's option list (edges_option.cpp).
/// `defaults` says what the command shows without it, for --help.
OptionSpec edges_option(const std::string& defaults);
/// The edges --edges chose; absent when not given (each graph's default then).
std::optional<EdgeKinds> chosen_edges(const Options& o);

/// Diagnostics to stderr: "seam: error: ...", "seam: warning: ...", "seam: note: ...".
void error(const std::string& msg);
void warning(const std::string& msg);
void note(const std::string& msg);
bool use_color(const Options& o);

/// How many lines of one per-item message list are printed without --all-messages.
constexpr size_t kMessageCap = 20;
enum class MessageLevel { Error, Warning, Formatted /* lines that carry their own "file:line: error:" */ };
/// Prints a list of per-item messages, one line each: the first kMessageCap
/// (all with --all-messages), then a note "... and N more <what> (...)".
/// Every per-item list goes through here, so no input can flood the terminal.
void print_list(const Options& o, const std::vector<std::string>& lines, MessageLevel level,
                const std::string& what);

/// Writes the command's output to -o FILE (atomically) or to standard output.
/// Returns false (after printing the error) when the file cannot be written.
bool emit(const Options& o, const std::string& content);

/// What a run of the front end produced, beside the Project.
struct ScanStats {
  size_t tus = 0, failed = 0;
  size_t parsed = 0, from_cache = 0; ///< of tus: run through Clang / taken from the fact cache
  std::string cache_dir;             ///< the fact cache used; empty with --no-cache
  std::string bundle;                ///< scan --shard: the facts bundle written
  double seconds = 0;
  std::string compile_db;
};

/// Finds the config (or infers modules), reads the compile database, parses
/// every TU, builds the Project. Prints warnings and progress to stderr.
/// Returns kOk, or kError after printing why (also for --strict failures).
int load_project(const Options& o, Project& project, ScanStats& stats);

/// Finds and reads the compile database (-p) and keeps the TUs under `root`
/// not matched by an `exclude` glob; `rel_files` gets their root-relative
/// paths. Prints warnings and notes; returns kOk, or kError after printing why.
int load_project_tus(const Options& o, const std::string& root, const std::vector<std::string>& exclude,
                     CompileDb& db, std::string& db_path, std::vector<std::string>& rel_files);

/// Vendored code (analyzers/init/vendored.h) among the TUs: drops those TUs
/// from `db` and `rel_files` (parallel) and returns the "exclude" globs, each
/// with why, for the config. Prints a note naming the folders unless -q.
std::vector<std::pair<std::string, std::string>> leave_out_vendored(const Options& o, const std::string& root,
                                                                    CompileDb& db, std::vector<std::string>& rel_files);

/// Parses the TUs of `db` (or takes their facts from the fact cache: --cache,
/// --no-cache, --cache-max-size, --shard/--bundle), with progress on stderr.
/// Returns kOk, kError, or 128+signal after an interrupt (each after printing why).
int scan_project(const Options& o, const std::string& root, const std::string& db_path, const CompileDb& db,
                 ScanResult& scan, ScanStats& stats);

/// Loads only the config (for commands that check it before parsing).
/// `root` receives the project root.
int load_config_only(const Options& o, Config& config, bool& found);

} // namespace seam::cli
