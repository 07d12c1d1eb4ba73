// Shared by the files of analyzers/compdb (not for other stages): what a path
// names, and the limits and hints of the database's messages.
#pragma once

#include <filesystem>
#include <string>
#include <sys/stat.h>

namespace seam::compdb {

inline constexpr const char* kGenerateHint =
    "CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make";

inline constexpr size_t kMaxListed = 10; // messages of one kind named one by one

inline std::string current_folder() {
  std::error_code ec;
  auto p = std::filesystem::current_path(ec);
  return ec ? std::string("/") : p.string();
}

// Only regular files count as files: a database naming /dev/zero or a FIFO
// as a source or a response file must not hang or exhaust seam.
enum class Kind { None, File, Folder, Other };
inline Kind kind_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Kind::None;
  if (S_ISREG(st.st_mode)) return Kind::File;
  return S_ISDIR(st.st_mode) ? Kind::Folder : Kind::Other;
}

inline std::string parent_folder(const std::string& abs) {
  size_t slash = abs.rfind('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return abs.substr(0, slash);
}

} // namespace seam::compdb
