// Extraction: runs Clang's front end on translation units and turns what it
// sees into plain facts (analyzers/core/facts.h). The only stage that includes
// Clang headers — and only in its .cpp files, so this header is plain C++.
#pragma once

#include "analyzers/cache/file_stamps.h"
#include "analyzers/cache/file_facts.h"
#include "analyzers/compdb/arguments.h"
#include "analyzers/core/facts.h"
#include "analyzers/extract/claims.h"
#include "analyzers/extract/prefix.h"

#include <map>
#include <string>
#include <vector>

namespace seam {

/// One TU to parse.
struct ExtractInput {
  std::vector<std::string> arguments; ///< argv from prepare_command, [0] the compiler
  std::string directory;              ///< working directory of the command
  std::string main_file;              ///< absolute path of the source file
  /// Files served from memory instead of disk (absolute path -> content); tests use it.
  std::map<std::string, std::string> overlay;
  /// The TU's rank: of the TUs reading a project file, the lowest-ranked indexes it.
  int64_t rank = 0;
  /// Shared by the workers of a run. With claims, a TU indexes only the project
  /// files it claims and the parser skips every function body whose facts are
  /// not needed (external headers, files another TU indexes). Null: every
  /// project file is indexed and every body parsed (SEAM_NO_SHORTCUTS).
  FileClaims* claims = nullptr;
  /// Shared memo of file stamps (size, time, hash) for the cache; may be null.
  FileStamps* stamps = nullptr;
  /// The precompiled prefix of external headers this TU is expected to start
  /// with (prefix.h; needs claims: the PCH skips every body); null: parse whole.
  const PrefixPch* prefix = nullptr;
  /// The second parse of a TU whose prefix did not fit (FileClaims::claim).
  bool again = false;
};

/// What extraction knows beyond TuFacts: how to split it per file, and how to
/// tell later whether the files it read changed.
struct TuExtras {
  SplitInfo split;
  std::vector<Stamp> stamps;          ///< per TuFacts::files, when ExtractInput::stamps was given
  /// An #include was not found: the TU must be parsed again on the next run
  /// (the file may appear), and the files on the include stack at that point
  /// were not read to their end, so their facts are not cached.
  bool missing_include = false;
  std::vector<uint32_t> incomplete;   ///< indices into TuFacts::files
  /// 0: parsed whole; 1: with its precompiled prefix; 2: the prefix did not fit, parsed again whole.
  int prefix = 0;
};

/// The resource directory of the Clang seam was built against, checked to hold
/// include/stddef.h; empty when it does not (the message says what to do).
std::string default_resource_dir(std::string& problem);

/// Removes arguments the Clang driver does not know (gcc-only flags), using the
/// driver's own option table; each removed flag is added to `removed`.
std::vector<std::string> drop_unknown_driver_flags(const std::vector<std::string>& args,
                                                   std::vector<std::string>& removed);

/// The argv seam parses `cmd` with: compdb's prepare_arguments (adjust, GCC-only
/// flags out, warnings) with the driver's option table as its `drop` step.
std::vector<std::string> prepare_command(const CompileCommand& cmd, const AdjustOptions& opts,
                                         std::vector<std::string>& warnings);

/// Installs LLVM's signal handlers on the calling thread, before any worker
/// parses. LLVM installs them the first time a thread writes an output file
/// (a precompiled prefix), with an alternate signal stack it mallocs for that
/// thread. Were that a worker, the stack would belong to a thread that exits:
/// ASan unmaps an exiting thread's alternate stack, and aborts on one it did
/// not map itself (a prefix test, one run in two). Called once per scan that
/// parses, on the thread that runs the scan.
void prepare_clang_threads();

/// The Clang that parses, as it names itself ("Debian clang version 19.1.7 ..."):
/// part of each precompiled prefix's key (a PCH loads only into its own build).
std::string clang_full_version();

/// Parses one TU and returns its facts. Never throws; a TU that fails to parse
/// has ok=false, first_error set, and the facts gathered up to the error.
TuFacts extract_tu(const ExtractInput& input, const std::string& root);
TuFacts extract_tu(const ExtractInput& input, const std::string& root, TuExtras* extras);

} // namespace seam
