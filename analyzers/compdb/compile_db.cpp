// Finding compile_commands.json and loading it. The reader is db_reader.cpp,
// response files response_files.cpp, shell splitting command_line.cpp, and
// the cleaning of each command for a syntax-only parse arguments.cpp.
#include "analyzers/compdb/compile_db.h"

#include "analyzers/compdb/internal.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

namespace seam {

using compdb::current_folder;
using compdb::Kind;
using compdb::kGenerateHint;
using compdb::kind_of;

bool find_compile_db(const std::string& p_option, std::string& path, std::string& error) {
  const std::string cwd = current_folder();
  if (!p_option.empty()) {
    std::string abs = absolute_path(p_option, cwd);
    switch (kind_of(abs)) {
    case Kind::File:
      path = abs;
      return true;
    case Kind::Folder: {
      std::string candidate = abs + "/compile_commands.json";
      if (kind_of(candidate) == Kind::File) {
        path = candidate;
        return true;
      }
      std::string shown_dir = p_option;
      if (shown_dir.back() != '/') shown_dir += '/';
      error = "no compile_commands.json in " + shown_dir + " (from -p); generate it (" +
              kGenerateHint + ")";
      return false;
    }
    case Kind::None:
    case Kind::Other:
      error = "-p " + p_option + ": no such file or folder; pass the build folder that holds compile_commands.json";
      return false;
    }
  }
  for (const char* rel : {"compile_commands.json", "build/compile_commands.json"}) {
    std::string candidate = absolute_path(rel, cwd);
    if (kind_of(candidate) == Kind::File) {
      path = candidate;
      return true;
    }
  }
  error = std::string("no compile_commands.json in ./ or ./build/; pass -p BUILD_DIR (") +
          kGenerateHint + ")";
  return false;
}

bool load_compile_db(const std::string& path, CompileDb& db, std::vector<std::string>& warnings,
                     std::string& error) {
  std::string text;
  if (kind_of(path) == Kind::Folder) {
    error = path + ": is a folder; pass the build folder with -p, or the file itself";
    return false;
  }
  if (!read_file(path, text, error)) return false;
  return parse_compile_db(text, path, db, warnings, error);
}

} // namespace seam
