// A compile command cleaned for a syntax-only parse. A compile database is
// untrusted input: flags that would load code into seam are dropped here, in
// one place. This part needs no Clang; prepare_command (extract/extract.h)
// adds the driver's option table and is what every parse uses.
#pragma once

#include "analyzers/compdb/compile_db.h"

#include <string>
#include <string_view>
#include <vector>

namespace seam {

struct AdjustOptions {
  std::string resource_dir; ///< passed as -resource-dir when not empty
  /// Absolute project root: warnings name the file relative to it. Empty:
  /// relative to the entry's directory (absolute when outside either).
  std::string root;
};

/// Turns a compile command into arguments for a syntax-only parse: drops
/// output/dependency-file/compile-only flags and the input file itself,
/// and every flag that loads code
/// (-fplugin=, -fpass-plugin=, -Xclang -load/-plugin/-add-plugin/-plugin-arg-*),
/// each dropped code-loading flag reported in `warnings` naming the entry:
/// "compile_commands.json entry 12 (src/a.cpp): dropped -fplugin=/x/evil.so: flags
/// that load code are never honoured" (entry numbers are 0-based, as `jq '.[12]'`).
/// Adds -fsyntax-only, --no-default-config (Clang would otherwise read config
/// files beside argv[0], a path the database chooses) and -resource-dir.
/// A compiler launcher in argv[0] (ccache, sccache, distcc) is skipped.
/// Result: argv with [0] the compiler and the source file last.
std::vector<std::string> adjust_arguments(const CompileCommand& cmd, const AdjustOptions& opts,
                                          std::vector<std::string>& warnings);

/// GCC's optimiser and diagnostics flags (`-fconserve-stack`, `-fipa-*`,
/// `-ftree-*`, `-flto=N`, `-fdiagnostics-format=json`, ...): none changes a
/// parse, and Clang rejects them, or their values, or ignores them.
bool gcc_only_flag(std::string_view flag);

/// `args` (argv, [0] the compiler, as adjust_arguments returns it) without
/// gcc_only_flag flags; values of flags that take one are never looked at.
std::vector<std::string> drop_gcc_only_flags(const std::vector<std::string>& args);

/// The driver's part of preparing a command (extract/: the option table):
/// returns `args` (argv, [0] the compiler) without the flags the driver does
/// not know, and appends each dropped flag as spelled to `removed`.
using DropUnknownFlags = std::vector<std::string> (*)(const std::vector<std::string>& args,
                                                      std::vector<std::string>& removed);

/// The one sequence every parse uses: adjust_arguments; GCC-only flags dropped
/// without a word (drop_gcc_only_flags: well known, none changes a parse);
/// then `drop` (the driver's table), with a warning per flag it dropped:
/// "compile_commands.json entry 3 (src/a.cpp): dropped -fplan9-extensions: not a flag clang knows".
/// Every argument list seam parses with comes from here (prepare_command).
std::vector<std::string> prepare_arguments(const CompileCommand& cmd, const AdjustOptions& opts,
                                           DropUnknownFlags drop, std::vector<std::string>& warnings);

/// The warning prepare_arguments gives for a flag `drop` removed from `cmd`.
std::string unknown_flag_warning(const CompileCommand& cmd, const AdjustOptions& opts, const std::string& flag);

/// A DropUnknownFlags that keeps every flag: the arguments a scan keys its
/// cache on, so that a run that parses nothing needs no driver table.
std::vector<std::string> keep_every_flag(const std::vector<std::string>& args, std::vector<std::string>& removed);

} // namespace seam
