#include "analyzers/model/test_files.h"

#include "analyzers/core/paths.h"

namespace seam {

bool is_test_path(std::string_view path) {
  size_t start = 0;
  for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', start)) {
    std::string_view folder = path.substr(start, slash - start);
    if (folder == "test" || folder == "tests") return true;
    start = slash + 1;
  }
  std::string_view name = path.substr(start);
  size_t dot = name.rfind('.');
  std::string_view stem = dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
  return stem.ends_with("_test") || stem.ends_with("_tests") || stem.starts_with("test_");
}

const std::vector<std::string>& test_file_globs() {
  static const std::vector<std::string> globs = {"**/test/**", "**/tests/**", "**/*_test.*", "**/*_tests.*",
                                                 "**/test_*.*"};
  return globs;
}

} // namespace seam
