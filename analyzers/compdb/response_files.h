// @response files in compile commands: expanded when the database is read,
// each file read once however many entries name it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace seam {

/// Response files read once per database: build systems share one file
/// between many entries.
class ResponseFiles {
public:
  /// Expands every `@file` in `args` (nested ones too). A file that cannot be
  /// read, or that includes itself, is left out with a warning.
  /// `where` starts each warning ("compile_commands.json: entry 3: ").
  template <typename Where>
  void expand(std::vector<std::string>& args, const std::string& directory, Where&& where,
              std::vector<std::string>& warnings) {
    bool any = false;
    for (const std::string& a : args)
      if (a.size() > 1 && a[0] == '@') any = true;
    if (!any) return; // the common case: no message prefix built
    const std::string prefix = where();
    std::vector<std::string> out;
    std::vector<std::string> stack;
    for (std::string& a : args)
      append(std::move(a), directory, directory, prefix, stack, out, warnings);
    args = std::move(out);
  }

private:
  std::unordered_map<std::string, std::optional<std::vector<std::string>>> cache_;

  const std::optional<std::vector<std::string>>& read(const std::string& path);
  // Nested names resolve against the including file's folder, as Clang does;
  // GCC resolves them against the working folder, so that is tried second.
  void append(std::string arg, const std::string& base, const std::string& directory,
              const std::string& where, std::vector<std::string>& stack,
              std::vector<std::string>& out, std::vector<std::string>& warnings);
};

} // namespace seam
