#include "analyzers/config/module_globs.h"

#include "analyzers/core/paths.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace seam {
namespace {

/// Globs by the folder before their first wildcard: a path meets the globs of
/// its own folder and of the folders above it, nothing else.
class GlobIndex {
public:
  /// `owner` and `index` say whose glob it is (a module and its n-th glob).
  void add(std::string_view glob, uint32_t owner, uint32_t index) {
    by_folder_[glob_folder(glob)].push_back({glob, owner, index});
  }
  /// Every glob matching `path`, sorted by (owner, index), into `out`.
  void match(std::string_view path, std::vector<std::pair<uint32_t, uint32_t>>& out) const {
    out.clear();
    for (std::string_view folder = path;;) {
      size_t slash = folder.rfind('/');
      folder = slash == std::string_view::npos ? std::string_view() : folder.substr(0, slash);
      if (auto it = by_folder_.find(folder); it != by_folder_.end())
        for (const Entry& e : it->second)
          if (glob_match(e.glob, path)) out.push_back({e.owner, e.index});
      if (folder.empty()) break;
    }
    std::sort(out.begin(), out.end());
  }
  bool empty() const { return by_folder_.empty(); }

private:
  struct Entry {
    std::string_view glob;
    uint32_t owner, index;
  };
  std::unordered_map<std::string_view, std::vector<Entry>> by_folder_;
};

std::string at(const std::string& config_name, ConfigPos pos) {
  return config_name + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

ConfigPos glob_pos(const ModuleDecl& d, size_t g) { return g < d.path_pos.size() ? d.path_pos[g] : d.pos; }

} // namespace

FileOwners assign_files(const Config& config, const std::vector<std::string_view>& files,
                        const std::function<void(size_t, size_t)>& on_match) {
  const size_t nmod = config.modules.size();
  FileOwners out;
  out.owner.assign(files.size(), FileOwners::kNone);
  out.excluded.assign(files.size(), 0);
  out.path_hits.resize(nmod);
  out.public_hits.resize(nmod);
  out.exclude_hits.assign(config.exclude.size(), 0);

  GlobIndex paths, publics, exclude;
  std::vector<char> is_test(nmod, 0);
  for (uint32_t m = 0; m < nmod; ++m) {
    const ModuleDecl& d = config.modules[m];
    is_test[m] = config.role_of(d) == ModuleRole::Test;
    out.path_hits[m].assign(d.paths.size(), 0);
    for (uint32_t g = 0; g < d.paths.size(); ++g) paths.add(d.paths[g], m, g);
    if (d.public_headers) {
      out.public_hits[m].assign(d.public_headers->size(), 0);
      for (uint32_t g = 0; g < d.public_headers->size(); ++g) publics.add((*d.public_headers)[g], m, g);
    }
  }
  for (uint32_t g = 0; g < config.exclude.size(); ++g) exclude.add(config.exclude[g], 0, g);

  // (owner, other, glob of other) -> entry
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, FileOwners::Shared> shared;
  std::vector<std::pair<uint32_t, uint32_t>> hits;
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string_view path = files[f];
    exclude.match(path, hits);
    for (auto [unused, g] : hits) ++out.exclude_hits[g];
    if (!hits.empty()) {
      out.excluded[f] = 1;
      continue;
    }
    if (!publics.empty()) {
      publics.match(path, hits);
      for (auto [m, g] : hits) ++out.public_hits[m][g];
    }
    paths.match(path, hits);
    uint32_t owner = FileOwners::kNone, owner_glob = 0, last = FileOwners::kNone;
    for (auto [m, g] : hits) {
      ++out.path_hits[m][g];
      if (m == last) continue; // a second glob of the same module
      last = m;
      if (on_match) on_match(f, m);
      if (owner == FileOwners::kNone) {
        owner = m;
        owner_glob = g;
        continue;
      }
      if (is_test[owner] != is_test[m]) {
        if (is_test[m]) {
          owner = m;
          owner_glob = g;
        }
        continue;
      }
      auto [it, added] = shared.try_emplace({owner, m, g});
      if (added) it->second = {owner, owner_glob, m, g, std::string(path), 0};
      ++it->second.files;
    }
    out.owner[f] = owner;
  }
  for (auto& [key, s] : shared) out.shared.push_back(std::move(s));
  return out;
}

ConfigError shared_files_error(const Config& config, const FileOwners::Shared& s, const std::string& config_name) {
  const ModuleDecl& a = config.modules[s.owner];
  const ModuleDecl& b = config.modules[s.other];
  const std::string more =
      s.files > 1 ? " and " + std::to_string(s.files - 1) + " more file" + (s.files == 2 ? "" : "s") : "";
  return {config_name, glob_pos(b, s.glob),
          "glob \"" + b.paths[s.glob] + "\" of module \"" + b.name + "\" matches " + s.first_file + more +
              ", already in module \"" + a.name + "\" (by \"" + a.paths[s.owner_glob] + "\" at " +
              at(config_name, glob_pos(a, s.owner_glob)) + "); a file belongs to one module: narrow one module's "
              "\"paths\" or add the files to \"exclude\""};
}

} // namespace seam
