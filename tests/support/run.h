// Runs the seam binary (or any command) the way a user would, capturing its
// standard output, standard error and exit status.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace seam::test {

struct RunResult {
  int status = -1;  ///< exit status, or 128+signal
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `args` (argv, not a shell string) in `cwd`.
inline RunResult run(const std::vector<std::string>& args, const std::string& cwd = ".") {
  static int counter = 0;
  std::string base = "/tmp/seam-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  std::string cmd = "cd " + shell_quote(cwd) + " &&";
  for (const std::string& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + base + ".out 2>" + base + ".err";
  int rc = std::system(cmd.c_str());
  RunResult r;
  if (WIFEXITED(rc))
    r.status = WEXITSTATUS(rc);
  else if (WIFSIGNALED(rc))
    r.status = 128 + WTERMSIG(rc);
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

/// The samples are configured (compile_commands.json) and built by the ctest
/// fixture "samples" under <build>/samples/<name>.
inline std::string sample_dir(const std::string& name) { return std::string(SEAM_SOURCE_DIR) + "/samples/" + name; }
inline std::string sample_build(const std::string& name) { return std::string(SEAM_BINARY_DIR) + "/samples/" + name; }

/// `seam ARGS -p <sample build>` run in the sample's folder.
inline RunResult seam_on_sample(const std::string& name, std::vector<std::string> args) {
  std::vector<std::string> argv{SEAM_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("-p");
  argv.push_back(sample_build(name));
  return run(argv, sample_dir(name));
}

} // namespace seam::test
