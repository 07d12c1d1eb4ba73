// seam-bench: the helpers bench/run needs that a shell does not have on a
// fresh system.
//
//   seam-bench measure [-o FILE] -- CMD ARGS...
//       runs CMD and prints "wall_s user_s sys_s maxrss_kb exit" (getrusage of
//       the children: the peak RSS is that of the largest process of the tree)
//   seam-bench syntax-only [-j N] [--clang EXE] COMPILE_COMMANDS.JSON
//       runs EXE -fsyntax-only on every TU, N at a time, with exactly the
//       arguments seam parses with (the same cleaning: analyzers/compdb)
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/parallel.h"
#include "analyzers/extract/extract.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

int usage() {
  std::fprintf(stderr, "usage: seam-bench measure [-o FILE] -- CMD ARGS...\n"
                       "       seam-bench syntax-only [-j N] [--clang EXE] COMPILE_COMMANDS.JSON\n");
  return 2;
}

int measure(int argc, char** argv) {
  std::string out;
  int i = 0;
  for (; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!std::strcmp(argv[i], "--")) { ++i; break; }
    else return usage();
  }
  if (i >= argc) return usage();
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    ::execvp(argv[i], argv + i);
    std::fprintf(stderr, "seam-bench: cannot run %s: %s\n", argv[i], std::strerror(errno));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  struct rusage ru;
  ::getrusage(RUSAGE_CHILDREN, &ru);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  char line[256];
  std::snprintf(line, sizeof line, "%.3f %.3f %.3f %ld %d\n", wall,
                ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
                ru.ru_maxrss, code);
  if (out.empty()) {
    std::fputs(line, stdout);
  } else if (FILE* f = std::fopen(out.c_str(), "w")) {
    std::fputs(line, f);
    std::fclose(f);
  }
  return code;
}

int syntax_only(int argc, char** argv) {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string clang = "clang-19", db_path;
  for (int i = 0; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-j") && i + 1 < argc) jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--clang") && i + 1 < argc) clang = argv[++i];
    else if (db_path.empty()) db_path = argv[i];
    else return usage();
  }
  if (db_path.empty() || jobs == 0) return usage();
  seam::CompileDb db;
  std::vector<std::string> warnings;
  std::string error;
  if (!seam::load_compile_db(db_path, db, warnings, error)) {
    std::fprintf(stderr, "seam-bench: %s\n", error.c_str());
    return 2;
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> commands;
  for (const seam::CompileCommand& c : db.commands) {
    std::vector<std::string> args = seam::prepare_command(c, seam::AdjustOptions{}, warnings);
    args[0] = clang;
    commands.emplace_back(c.directory, std::move(args));
  }
  std::atomic<size_t> failed{0};
  seam::parallel_for(commands.size(), jobs, [&](size_t n) {
    const auto& [dir, args] = commands[n];
    std::vector<char*> argv_c;
    for (const std::string& a : args) argv_c.push_back(const_cast<char*>(a.c_str()));
    argv_c.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int status = 0;
    if (posix_spawnp(&pid, argv_c[0], &fa, nullptr, argv_c.data(), environ) != 0 ||
        ::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
      ++failed;
    posix_spawn_file_actions_destroy(&fa);
  });
  std::printf("%zu translation units, %zu failed\n", commands.size(), failed.load());
  return failed ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  if (!std::strcmp(argv[1], "measure")) return measure(argc - 2, argv + 2);
  if (!std::strcmp(argv[1], "syntax-only")) return syntax_only(argc - 2, argv + 2);
  return usage();
}
