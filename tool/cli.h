// The seam CLI: options, the command registry, and the session that turns a
// compile database and a config into a Project. Each command lives in its own
// cmd_<name>.cpp and registers itself; this layer stays thin.
#pragma once

#include "analyzers/core/edge_kinds.h"
#include "analyzers/history/change_model.h"
#include "analyzers/model/model.h"
#include "analyzers/pipeline/load_project.h"
#include "analyzers/vcs/affected.h"

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
  bool no_prefix = false;          ///< --no-prefix: no precompiled prefix of external headers
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

/// --affected REV (affected_option.cpp): with the option, reads the config into
/// `config` and the files changed since REV into `change` (git, before any
/// parse); without it, does nothing. Returns kOk, or the error status after
/// printing why (not a work tree, unknown revision, shallow clone).
int load_config_and_change(const Options& o, std::optional<pipeline::ProjectConfig>& config,
                           vcs::ChangedFiles& change);

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

/// How many lines of one run of messages are printed without --all-messages.
constexpr size_t kMessageCap = 20;

/// Caps runs of messages of one kind (consecutive errors, warnings, lines of
/// a config file...): the first kMessageCap pass, the rest are counted and a
/// note "... and N more of these (M in all; --all-messages prints every one)"
/// follows when the kind changes or the cap goes away. One object per stream
/// of diagnostics; with `all` (--all-messages) everything passes.
class MessageCap {
public:
  explicit MessageCap(bool all) : all_(all) {}
  ~MessageCap();
  MessageCap(const MessageCap&) = delete;
  MessageCap& operator=(const MessageCap&) = delete;
  /// Whether to print a message of `kind` (any number naming it).
  bool admit(int kind);
  /// Prints the count of what was held back, if anything.
  void flush();

private:
  bool all_;
  int kind_ = -1;
  size_t seen_ = 0;
};

enum class MessageLevel { Error, Warning, Formatted /* lines that carry their own "file:line: error:" */ };
/// Prints a list of per-item messages through a MessageCap.
void print_list(const Options& o, const std::vector<std::string>& lines, MessageLevel level);

/// Writes the command's output to -o FILE (atomically) or to standard output.
/// Returns false (after printing the error) when the file cannot be written.
bool emit(const Options& o, const std::string& content);

/// What a run of the front end produced, beside the Project.
using ScanStats = pipeline::ScanStats;

/// The history options (history_option.cpp): --since, --commits, --max-files,
/// --history-repo, and --no-history when `optional` (the command works without).
std::vector<OptionSpec> history_options(bool optional);
/// Reads the history for `project` as the options say (history/load_history.h).
/// `required`: the command shows only history, so no history is an error.
/// Returns kOk (the model may be unavailable: a note says why) or kError.
int load_history(const Options& o, const Project& project, const ScanStats& stats, bool required,
                 history::ChangeModel& model);

/// The pipeline request the common options make (--shard K/N checked here).
/// False after printing why.
bool make_request(const Options& o, pipeline::Request& request);

/// Prints the pipeline's messages to stderr as error(), warning(), note() do;
/// notes are dropped under -q.
pipeline::Sink diagnostics(const Options& o);

/// load_project with the config already read (`seam check` validates it first).
int load_project(const Options& o, pipeline::ProjectConfig config, Project& project, ScanStats& stats);

/// pipeline::load_project with Clang: finds the config (or infers modules),
/// reads the compile database, parses every TU, builds the Project. Prints
/// warnings and progress to stderr. Returns kOk, or the exit status after
/// printing why (kError, also for --strict failures; 128+signal).
int load_project(const Options& o, Project& project, ScanStats& stats);

/// `seam cc ARGS` (cmd_cc.cpp): ARGS are the launcher's options and the
/// compiler command, never parsed as seam options. Returns the compiler's status.
int run_cc(int argc, char** argv);

/// pipeline::gather_facts with Clang, with progress on stderr: the facts of
/// the selected TUs (`seam init`, which builds its own config). Returns kOk,
/// or the exit status after printing why.
int scan_tus(const Options& o, const std::string& root, const pipeline::TuSelection& tus, pipeline::Facts& facts);

} // namespace seam::cli
