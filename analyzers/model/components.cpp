#include "analyzers/model/components.h"

#include "analyzers/core/paths.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace seam {
namespace {

/// "fees" of "src/util/fees.h" and of "src/rpc/fees.cpp".
std::string_view stem(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? base : base.substr(0, dot);
}

/// The include root an include was resolved through: `resolved` minus the
/// spelled name ("include" of "include/rocksdb/x.h" spelled "rocksdb/x.h";
/// "" when spelled as the whole path). False when the spelled name is not the
/// tail of the path (relative to the includer, "../x.h", or a different name).
bool include_root(std::string_view resolved, std::string_view spelled, std::string& root) {
  if (spelled.empty() || spelled.front() == '/' || spelled.find("./") != std::string_view::npos) return false;
  if (resolved == spelled) {
    root.clear();
    return true;
  }
  if (resolved.size() <= spelled.size() + 1 || resolved.substr(resolved.size() - spelled.size()) != spelled ||
      resolved[resolved.size() - spelled.size() - 1] != '/')
    return false;
  root = std::string(resolved.substr(0, resolved.size() - spelled.size() - 1));
  return true;
}

} // namespace

void assign_components(Project& p) {
  // Rule 1: the same folder and stem.
  for (File& f : p.files) f.component = strip_extension(f.path);

  // Rule 3 before rule 2: a folder-and-stem group whose files are in two
  // modules splits into one component per file.
  struct Group {
    ModuleId module = kNoModule;
    bool mixed = false;
    uint32_t headers = 0, sources = 0;
  };
  std::unordered_map<std::string_view, Group> groups;
  for (const File& f : p.files) {
    if (f.external) continue;
    auto [it, inserted] = groups.try_emplace(f.component);
    Group& g = it->second;
    if (inserted)
      g.module = f.module;
    else if (g.module != f.module)
      g.mixed = true;
    ++(f.is_header ? g.headers : g.sources);
  }
  std::vector<bool> split(p.files.size(), false);
  for (FileId f = 0; f < p.files.size(); ++f)
    if (!p.files[f].external && groups.at(p.files[f].component).mixed) split[f] = true;

  // Rule 2: sources with no header beside them, paired across folders when unambiguous.
  std::unordered_map<std::string_view, uint32_t> sources_per_stem;
  for (const File& f : p.files)
    if (!f.external && !f.is_header) ++sources_per_stem[stem(f.path)];
  std::vector<FileId> header_of(p.files.size(), kNoFile);
  std::vector<bool> ambiguous(p.files.size(), false);
  std::string root;
  for (const Include& inc : p.includes) {
    const FileId s = inc.site.file, h = inc.included;
    if (h == kNoFile || h == s) continue;
    const File& src = p.files[s];
    const File& hdr = p.files[h];
    if (src.external || src.is_header || hdr.external || !hdr.is_header || stem(hdr.path) != stem(src.path)) continue;
    if (folder_of(hdr.path) == folder_of(src.path)) continue; // rule 1 already holds it
    if (header_of[s] != kNoFile && header_of[s] != h) ambiguous[s] = true; // two headers of its stem
    header_of[s] = h;
    const Group& sg = groups.at(src.component);
    const Group& hg = groups.at(hdr.component);
    bool ok = sg.headers == 0 && !sg.mixed && hg.sources == 0 && !hg.mixed && src.module != kNoModule &&
              src.module == hdr.module && sources_per_stem[stem(src.path)] == 1 &&
              include_root(hdr.path, inc.spelled, root) && !is_under(src.path, root);
    if (!ok) ambiguous[s] = true;
  }
  std::vector<std::string> paired(p.files.size());
  for (FileId s = 0; s < p.files.size(); ++s)
    if (header_of[s] != kNoFile && !ambiguous[s]) paired[s] = p.files[header_of[s]].component;

  for (FileId f = 0; f < p.files.size(); ++f) {
    if (split[f])
      p.files[f].component = p.files[f].path;
    else if (!paired[f].empty())
      p.files[f].component = std::move(paired[f]);
  }
}

} // namespace seam
