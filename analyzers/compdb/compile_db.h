// The compile database: read (both `command` and `arguments` forms, relative
// paths, @response files) and cleaned for parsing. A compile database is
// untrusted input: flags that would load code into seam are dropped here.
#pragma once

#include <string>
#include <vector>

namespace seam {

struct CompileCommand {
  std::string directory;              ///< absolute, normalised
  std::string file;                   ///< absolute, normalised
  std::vector<std::string> arguments; ///< argv; [0] is the compiler; response files expanded
  std::string output;                 ///< the entry's "output" field, if any
  size_t entry = 0;                   ///< 0-based position in the database (for messages)
};

struct CompileDb {
  std::string path;                   ///< absolute path of compile_commands.json
  std::vector<CompileCommand> commands;
};

/// Finds compile_commands.json as clang-tidy does: `-p DIR` (DIR or DIR/compile_commands.json),
/// else ./compile_commands.json, else ./build/compile_commands.json.
/// Returns false and sets `error` (with what to do) when none is found.
bool find_compile_db(const std::string& p_option, std::string& path, std::string& error);

/// Reads and validates the database. Errors name the file, the entry (and for
/// JSON syntax errors the line and column). Entries with problems that do not
/// prevent the rest (a file that does not exist, a duplicate) become warnings.
bool load_compile_db(const std::string& path, CompileDb& db, std::vector<std::string>& warnings,
                     std::string& error);
bool parse_compile_db(const std::string& text, const std::string& path, CompileDb& db,
                      std::vector<std::string>& warnings, std::string& error);

/// Splits a `command` string as a POSIX shell would (quotes, backslashes).
std::vector<std::string> split_command_line(const std::string& command);

struct AdjustOptions {
  std::string resource_dir; ///< passed as -resource-dir when not empty
  /// Absolute project root: warnings name the file relative to it. Empty:
  /// relative to the entry's directory (absolute when outside either).
  std::string root;
};

/// Turns a compile command into arguments for a syntax-only parse: drops
/// output/dependency-file/compile-only flags and the input file itself,
/// gcc-only flags clang rejects, and every flag that loads code
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

} // namespace seam
