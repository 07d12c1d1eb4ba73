#include "analyzers/rules/config_files.h"

#include "analyzers/config/module_globs.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace seam {

bool is_source_or_header(const std::string& path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  static const char* const kExt[] = {"c",   "cc", "cpp", "cxx", "c++", "C",   "cppm", "ixx", "m",  "mm",
                                     "h",   "hh", "hpp", "hxx", "h++", "H",   "inc",  "inl", "ipp", "tcc",
                                     "def", "tpp"};
  std::string ext = path.substr(dot + 1);
  for (const char* e : kExt)
    if (ext == e) return true;
  return false;
}

std::vector<std::string> list_project_files(const std::string& root, const std::vector<std::string>& skip_dirs,
                                            const std::vector<std::string>& extra) {
  namespace fs = std::filesystem;
  std::vector<std::string> out = extra;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    const std::string name = e.path().filename().string();
    std::error_code ec2;
    if (e.is_directory(ec2)) {
      const std::string abs = normalize_path(e.path().string());
      bool skip = name.empty() || name[0] == '.' ||
                  std::find(skip_dirs.begin(), skip_dirs.end(), abs) != skip_dirs.end() ||
                  fs::exists(e.path() / "CMakeCache.txt", ec2) || fs::exists(e.path() / "compile_commands.json", ec2);
      if (skip) it.disable_recursion_pending();
      continue;
    }
    if (!e.is_regular_file(ec2) || !is_source_or_header(name)) continue;
    std::string rel;
    if (relative_to(normalize_path(e.path().string()), normalize_path(root), rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ConfigFileProblems check_config_files(const Config& config, const std::vector<std::string>& files,
                                      const std::string& config_name) {
  ConfigFileProblems out;
  const size_t nmod = config.modules.size();
  const FileOwners owners = assign_files(config, std::vector<std::string_view>(files.begin(), files.end()));
  const auto& path_hits = owners.path_hits;
  const auto& public_hits = owners.public_hits;
  const auto& exclude_hits = owners.exclude_hits;

  auto at = [](const std::vector<ConfigPos>& pos, size_t i, ConfigPos fallback) {
    return i < pos.size() ? pos[i] : fallback;
  };
  for (size_t m = 0; m < nmod; ++m) {
    const ModuleDecl& d = config.modules[m];
    for (size_t g = 0; g < d.paths.size(); ++g)
      if (!path_hits[m][g])
        out.errors.push_back({config_name, at(d.path_pos, g, d.pos),
                              "glob \"" + d.paths[g] + "\" in \"paths\" of module \"" + d.name +
                                  "\" matches no file; fix the glob (paths are relative to the folder of " +
                                  config_name + "; * stays within a folder, ** crosses folders)"});
    if (d.public_headers)
      for (size_t g = 0; g < d.public_headers->size(); ++g)
        if (!public_hits[m][g])
          out.errors.push_back({config_name, at(d.public_pos, g, d.pos),
                                "glob \"" + (*d.public_headers)[g] + "\" in \"public\" of module \"" + d.name +
                                    "\" matches no file; fix the glob or remove it"});
  }
  for (const FileOwners::Shared& sh : owners.shared) out.errors.push_back(shared_files_error(config, sh, config_name));
  for (size_t g = 0; g < config.exclude.size(); ++g)
    if (!exclude_hits[g])
      out.warnings.push_back({config_name, at(config.exclude_pos, g, {}),
                              "glob \"" + config.exclude[g] + "\" in \"exclude\" matches no file"});
  auto by_pos = [](const ConfigError& x, const ConfigError& y) {
    return std::tie(x.pos.line, x.pos.column, x.message) < std::tie(y.pos.line, y.pos.column, y.message);
  };
  std::sort(out.errors.begin(), out.errors.end(), by_pos);
  std::sort(out.warnings.begin(), out.warnings.end(), by_pos);
  return out;
}

} // namespace seam
