#include "analyzers/init/vendored.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace seam {

namespace {

bool vendor_name(std::string_view folder) {
  return folder == "third_party" || folder == "vendor" || folder == "external" || folder == "extern" ||
         folder == "deps";
}

/// A CMakeLists.txt that starts a project of its own (`project(` at the start
/// of a line, any case), not one added by the parent's add_subdirectory only.
bool own_build(const std::string& folder) {
  std::string text, err;
  if (!read_file(folder + "/CMakeLists.txt", text, err)) return false;
  for (size_t at = 0; at < text.size();) {
    size_t eol = text.find('\n', at);
    std::string_view line(text.data() + at, (eol == std::string::npos ? text.size() : eol) - at);
    size_t s = line.find_first_not_of(" \t");
    if (s != std::string_view::npos) {
      std::string word;
      for (size_t i = s; i < line.size() && line[i] != '(' && line[i] != ' ' && line[i] != '\t'; ++i)
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
      if (word == "project") return true;
    }
    if (eol == std::string::npos) break;
    at = eol + 1;
  }
  return false;
}

} // namespace

std::vector<std::string> vendored_folders(const std::vector<std::string>& files, const std::string& root) {
  std::set<std::string> found;
  std::map<std::string, bool> checked; // folder -> vendored by its own repository or build
  for (const std::string& f : files) {
    // Every folder on the path, outermost first: the outermost vendored one wins.
    size_t start = 0;
    for (size_t slash = f.find('/'); slash != std::string::npos; slash = f.find('/', start)) {
      const std::string folder = f.substr(0, slash);
      const std::string_view name(f.data() + start, slash - start);
      bool vendored = vendor_name(name);
      if (!vendored && !root.empty()) {
        auto [it, fresh] = checked.try_emplace(folder, false);
        if (fresh) {
          std::error_code ec;
          const std::string abs = root + "/" + folder;
          it->second = std::filesystem::exists(abs + "/.git", ec) || own_build(abs);
        }
        vendored = it->second;
      }
      if (vendored) {
        found.insert(folder);
        break;
      }
      start = slash + 1;
    }
  }
  return {found.begin(), found.end()};
}

std::vector<std::string> vendored_globs(const std::vector<std::string>& folders) {
  std::vector<std::string> out;
  for (const std::string& f : folders) out.push_back(f + "/**");
  return out;
}

} // namespace seam
