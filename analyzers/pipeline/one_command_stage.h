// `seam cc`'s stage: the one compile command a build has just run, parsed as
// `seam scan` parses an entry of compile_commands.json (the same cleaning, so
// the same cache key) and written into the fact cache only. Holds the
// launcher's policies: the project root is the folder of seam.json (given, or
// the nearest above the source), a source outside it is not seam's to
// analyse, the default cache is .seam-cache where the compiler runs (for CMake,
// the build folder `seam check -p BUILD` reads), and the cache is written as
// one of many launchers at once (ScanOptions::launcher).
#pragma once

#include "analyzers/pipeline/fact_stage.h"

#include <string>
#include <vector>

namespace seam::pipeline {

/// One compile the build ran.
struct OneCommand {
  std::vector<std::string> arguments; ///< the compiler command as run, [0] the compiler
  std::string directory;              ///< where it ran: absolute, canonical
  std::string source;                 ///< the one source it compiles, as spelled in `arguments`
  std::string config;                 ///< seam.json (--config, $SEAM_CONFIG); empty: the nearest above the source
  std::string cache;                  ///< the fact cache (--cache, $SEAM_CACHE); empty: <directory>/.seam-cache
};

/// Parses the command's TU with `source` and writes its record and file facts
/// into the fact cache. Returns "" (also for a source outside the project:
/// nothing is done), or what went wrong, for a note: the compile has
/// succeeded either way. The warnings of reading and parsing the command are
/// appended to `warnings`.
std::string cache_one_command(const OneCommand& command, FactSource& source, std::vector<std::string>& warnings);

} // namespace seam::pipeline
