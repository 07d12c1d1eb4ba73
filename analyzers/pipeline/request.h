// What a run of the pipeline is asked to do: the common options of the CLI
// contract, as values. tool/ fills it from the command line; tests fill it by
// hand. Each field says which option sets it. Relative paths (--config, -p,
// ./seam.json) are read from the process's current folder, which is also the
// project root when there is no seam.json.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace seam::pipeline {

struct Request {
  std::string compile_db_dir;          ///< -p DIR ("" = ./compile_commands.json, else ./build/...)
  std::string config;                  ///< --config F ("" = ./seam.json when present, else inferred)
  unsigned jobs = 0;                   ///< -j N (0 = cores)
  std::string cache;                   ///< --cache DIR ("" = <build dir>/.seam-cache)
  bool no_cache = false;               ///< --no-cache
  uint64_t cache_max_bytes = 2ull << 30; ///< --cache-max-size (LRU bound; 0 = none)
  /// --strict: a TU that fails to parse is an error. Without it the facts up to
  /// the first error are kept and the rest of the project is analysed.
  bool strict = false;
  /// --include-tests: test modules join the architecture (off: left out of the Project).
  bool include_tests = false;
  /// scan --shard K/N as 0-based shard of `shards`; >1 writes a facts bundle.
  uint32_t shard = 0, shards = 1;
  std::string bundle;                  ///< scan --bundle FILE ("" = seam-shard-K-of-N.bundle)
  /// Header facts once across TUs and unneeded bodies skipped; off only to
  /// check they change nothing (SEAM_NO_SHORTCUTS=1).
  bool shortcuts = true;
  /// --no-prefix off: shared leading external headers precompiled once (ScanOptions::prefix).
  bool prefix = true;
  /// Called from worker threads after each parsed TU (done, total to parse, file).
  std::function<void(size_t, size_t, const std::string&)> on_progress;
};

} // namespace seam::pipeline
