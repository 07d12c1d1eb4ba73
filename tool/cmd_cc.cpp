// seam cc: a compiler launcher that fills the fact cache as the build runs.
//
//   CMAKE_CXX_COMPILER_LAUNCHER="seam;cc"        (CMake, any generator)
//   seam cc [--cache DIR] [--config F] [-q] -- <compiler command>   (any build system)
//
// It runs the compiler exactly as given (same arguments, same environment,
// standard streams passed through, its exit status returned), then, when the
// compile succeeded, parses the TU as `seam scan` would and writes its record
// and file facts into the fact cache, so the next `seam check` or `seam graph`
// parses nothing. The extraction runs in a child process: whatever happens to
// it (a crash, a full disk), the compile's result and exit status stand, and a
// note on standard error says what went wrong.
//
// The command line is untrusted input for the extraction exactly as a compile
// database entry is: flags that load code (-fplugin=, -Xclang -load ...) are
// dropped from the parse (adjust_arguments). The compile itself runs unchanged:
// the launcher is part of the build, which runs those flags anyway.
#include "analyzers/core/paths.h"
#include "analyzers/pipeline/clang_facts.h"
#include "analyzers/pipeline/one_command_stage.h"
#include "tool/cli.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace seam::cli {
namespace {

const char* const kUsage = "seam cc [--cache DIR] [--config F] [-q] [--] COMPILER ARGS...";

/// Runs argv with this process's standard streams and environment; the exit
/// status, 128+signal when killed, 127 when it cannot be run (as a shell says).
int run_compiler(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    error("cannot run the compiler " + args[0] + ": " + std::strerror(rc));
    return 127;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 127;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool is_source(const std::string& a) {
  size_t dot = a.rfind('.');
  if (dot == std::string::npos || a[0] == '-') return false;
  const std::string ext = a.substr(dot + 1);
  for (const char* e : {"c", "cc", "cpp", "cxx", "c++", "C", "cp", "CPP", "m", "mm", "cu"})
    if (ext == e) return true;
  return false;
}

/// The source file a compile command compiles: the one argument naming a
/// source that is not the value of an option (-o x.cc, -MF ...). Empty when the
/// command is not a compile to an object (-c) of exactly one source: a link,
/// a preprocessing run, a version query is only run.
std::string source_of(const std::vector<std::string>& args) {
  static const char* const kTakesValue[] = {"-o", "-MF", "-MT", "-MQ", "-x", "-include", "-imacros", "-Xclang",
                                            "-I", "-isystem", "-iquote", "-idirafter", "-D", "-U", "-arch",
                                            "-target", "--target", "-Xpreprocessor", "-Xassembler", "-Xlinker"};
  bool compile = false;
  std::string source;
  int sources = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "-c") compile = true;
    bool value = false;
    for (const char* f : kTakesValue) value |= args[i - 1] == f;
    if (!value && is_source(args[i])) {
      source = args[i];
      ++sources;
    }
  }
  return compile && sources == 1 ? source : std::string();
}

struct CcOptions {
  std::string cache, config;
  bool quiet = false;
};

/// Parses the TU and writes its facts into the cache (the pipeline's
/// one-command stage). Returns an empty string, or what went wrong (for a
/// note: the compile has succeeded either way).
std::string extract(const CcOptions& o, const std::vector<std::string>& compiler, const std::string& source) {
  pipeline::OneCommand command;
  command.arguments = compiler;
  command.directory = canonical_path(".");
  command.source = source;
  const char* env_config = std::getenv("SEAM_CONFIG");
  command.config = !o.config.empty() ? o.config : env_config ? env_config : "";
  const char* env_cache = std::getenv("SEAM_CACHE");
  command.cache = !o.cache.empty() ? o.cache : env_cache && *env_cache ? env_cache : "";
  std::vector<std::string> warnings;
  std::unique_ptr<pipeline::FactSource> clang = pipeline::clang_facts();
  std::string why = pipeline::cache_one_command(command, *clang, warnings);
  if (why.empty() && !o.quiet)
    for (const std::string& w : warnings) note("seam cc: " + w);
  return why;
}

int run_cc_command(const Options&) {
  error(std::string("usage: ") + kUsage);
  return kError;
}

} // namespace

int run_cc(int argc, char** argv) {
  CcOptions o;
  int i = 0;
  for (; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if ((a == "--cache" || a == "--config") && i + 1 < argc) {
      (a == "--cache" ? o.cache : o.config) = argv[++i];
      continue;
    }
    if (a == "-q" || a == "--quiet") {
      o.quiet = true;
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      error("seam cc: unknown option " + a + "; usage: " + kUsage);
      return kError;
    }
    break; // the compiler
  }
  if (i >= argc) {
    error(std::string("seam cc: no compiler command; usage: ") + kUsage);
    return kError;
  }
  std::vector<std::string> compiler(argv + i, argv + argc);
  std::cout.flush();
  const int status = run_compiler(compiler);
  const std::string source = status == 0 ? source_of(compiler) : std::string();
  if (source.empty()) return status;

  // The extraction in a child: nothing it does can change the compile's outcome.
  pid_t pid = fork();
  if (pid == 0) {
    std::string why;
    try {
      why = extract(o, compiler, source);
    } catch (const std::exception& e) {
      why = e.what();
    }
    if (!why.empty() && !o.quiet) note("seam cc: facts of " + source + " not cached: " + why);
    std::cerr.flush();
    _exit(why.empty() ? 0 : 1);
  }
  if (pid < 0) {
    if (!o.quiet) note(std::string("seam cc: facts of ") + source + " not cached: cannot fork: " + std::strerror(errno));
    return status;
  }
  int ex = 0;
  while (waitpid(pid, &ex, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(ex) && !o.quiet)
    note("seam cc: facts of " + source + " not cached: the extraction died of signal " + std::to_string(WTERMSIG(ex)) +
         "; `seam scan` parses it instead");
  return status;
}

namespace {
Registrar reg({
    "cc",
    "compiler launcher: compile unchanged, and cache the TU's facts",
    kUsage,
    "Runs the compiler command exactly as given (arguments, environment, output and exit\n"
    "status unchanged), then parses the translation unit as `seam scan` would and writes its\n"
    "facts into the fact cache, so that after a build every seam command reads them and\n"
    "parses nothing. With CMake: -DCMAKE_CXX_COMPILER_LAUNCHER=\"seam;cc\" (and\n"
    "CMAKE_C_COMPILER_LAUNCHER for C); any other build system: prefix the compile command\n"
    "with `seam cc --`.\n"
    "\n"
    "The facts go to --cache DIR, else $SEAM_CACHE, else .seam-cache in the folder the\n"
    "compiler runs in: for CMake the build folder, which is where `seam check -p BUILD`\n"
    "looks. The project root is the folder of --config F, else $SEAM_CONFIG, else the\n"
    "nearest seam.json above the source file. Many launchers may run at once: every cache\n"
    "write is atomic, and of the TUs that read a header the lowest-ranked one's facts are\n"
    "kept, as in a scan. If the extraction fails, the compile still succeeds and a note says\n"
    "why; flags that load code are dropped from the extraction (never from the compile).\n"
    "docs/cli.md and docs/ci.md.",
    {},
    0,
    static_cast<size_t>(-1),
    run_cc_command,
});
} // namespace

} // namespace seam::cli
