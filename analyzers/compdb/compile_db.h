// The compile database: found and read (both `command` and `arguments` forms,
// relative paths, @response files). Cleaning a command for a parse is
// arguments.h.
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

} // namespace seam
