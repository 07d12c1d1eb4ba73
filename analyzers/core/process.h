// Running another program (git, the real compiler) without a shell: the
// arguments reach it exactly as given, so nothing from a compile database or a
// config can be interpreted as shell syntax.
#pragma once

#include <string>
#include <vector>

namespace seam {

struct ProcessResult {
  bool started = false; ///< false: the program could not be run; `error` says why
  int exit_status = -1; ///< the exit status, or 128 + signal when it was killed
  std::string out;      ///< everything it wrote to stdout
  std::string err;      ///< everything it wrote to stderr
  std::string error;    ///< why it did not start (empty when it did)
};

/// Runs `argv` (argv[0] looked up on PATH) in `cwd` (empty: the current
/// directory) with stdin closed, and collects stdout and stderr in full.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = {});

} // namespace seam
