#include "analyzers/core/paths.h"

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace seam {

std::string normalize_path(std::string_view path) {
  const bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    if (seg.empty() || seg == ".") {
      // skip
    } else if (seg == "..") {
      if (!parts.empty() && parts.back() != "..")
        parts.pop_back();
      else if (!absolute)
        parts.push_back(seg);
    } else {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string absolute_path(std::string_view path, std::string_view base) {
  if (!path.empty() && path.front() == '/') return normalize_path(path);
  std::string joined(base);
  joined += '/';
  joined += path;
  return normalize_path(joined);
}

bool relative_to(std::string_view path, std::string_view root, std::string& out) {
  if (root == "/") {
    out = std::string(path.substr(1));
    return true;
  }
  if (path.size() <= root.size() || path.substr(0, root.size()) != root ||
      path[root.size()] != '/')
    return false;
  out = std::string(path.substr(root.size() + 1));
  return true;
}

std::string canonical_path(const std::string& path) {
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf)) return buf;
  return normalize_path(path);
}

std::string executable_folder() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string folder_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool is_under(std::string_view path, std::string_view folder) {
  return folder.empty() ||
         (path.size() > folder.size() && path.substr(0, folder.size()) == folder && path[folder.size()] == '/');
}

std::string common_folder(const std::vector<std::string>& paths) {
  if (paths.empty()) return {};
  std::string common = folder_of(paths.front());
  for (const std::string& p : paths) {
    const std::string folder = folder_of(p);
    while (!common.empty() && folder != common && !is_under(folder, common)) common = folder_of(common);
  }
  return common;
}

bool is_header_path(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return true; // <vector>, <string>: extensionless headers
  std::string_view ext = path.substr(dot + 1);
  return ext == "h" || ext == "hh" || ext == "hpp" || ext == "hxx" || ext == "H" ||
         ext == "inc" || ext == "inl" || ext == "ipp" || ext == "tcc" || ext == "def";
}

std::string strip_extension(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return std::string(path);
  return std::string(path.substr(0, dot));
}

namespace {
// Iterative glob matcher with backtracking for `*` (one segment) and `**` (any).
bool match_from(std::string_view g, std::string_view p) {
  size_t gi = 0, pi = 0;
  while (gi < g.size()) {
    if (g[gi] == '*') {
      const bool dbl = gi + 1 < g.size() && g[gi + 1] == '*';
      if (dbl) {
        size_t rest = gi + 2;
        // "**/" also matches zero folders.
        if (rest < g.size() && g[rest] == '/') {
          if (match_from(g.substr(rest + 1), p.substr(pi))) return true;
        }
        for (size_t k = pi; k <= p.size(); ++k)
          if (match_from(g.substr(rest), p.substr(k))) return true;
        return false;
      }
      for (size_t k = pi; k <= p.size(); ++k) {
        if (match_from(g.substr(gi + 1), p.substr(k))) return true;
        if (k < p.size() && p[k] == '/') break;
      }
      return false;
    }
    if (pi >= p.size()) return false;
    if (g[gi] == '?') {
      if (p[pi] == '/') return false;
    } else if (g[gi] != p[pi]) {
      return false;
    }
    ++gi;
    ++pi;
  }
  return pi == p.size();
}
} // namespace

bool glob_match(std::string_view glob, std::string_view path) { return match_from(glob, path); }

std::string_view glob_folder(std::string_view glob) {
  size_t wild = glob.find_first_of("*?");
  std::string_view lit = glob.substr(0, wild);
  size_t slash = lit.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : lit.substr(0, slash);
}

} // namespace seam
