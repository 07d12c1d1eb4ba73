#include "analyzers/init/header_placement.h"

#include "analyzers/core/paths.h"
#include "analyzers/model/components.h"

#include <algorithm>
#include <map>

namespace seam {

HeaderPlacement place_headers(Project& p, const std::vector<CMakeTarget>& targets,
                              const std::vector<std::string>& build_dirs) {
  HeaderPlacement out;
  std::vector<FileId> open;
  std::vector<bool> generated(p.files.size(), false);
  for (FileId f : p.unowned) {
    generated[f] = std::any_of(build_dirs.begin(), build_dirs.end(),
                               [&](const std::string& d) { return d.empty() || is_under(p.files[f].path, d); });
    if (p.files[f].is_header && !generated[f]) open.push_back(f);
  }
  std::vector<ModuleId> chosen(p.files.size(), kNoModule);
  std::vector<std::string> why(p.files.size());

  // 1. Include directories: the deepest one holding the header, if one target's alone.
  for (FileId f : open) {
    const std::string& path = p.files[f].path;
    size_t best_len = 0;
    bool any = false;
    std::vector<std::string> owners;
    for (const CMakeTarget& t : targets)
      for (const std::string& dir : t.include_dirs) {
        if (!dir.empty() && !is_under(path, dir)) continue;
        if (!any || dir.size() > best_len) {
          best_len = dir.size();
          owners.clear();
          any = true;
        }
        if (dir.size() == best_len) owners.push_back(t.name);
      }
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    if (owners.size() != 1) continue;
    ModuleId m = p.find_module(owners[0]);
    if (m == kNoModule) continue;
    chosen[f] = m;
    why[f] = "in an include directory only target " + owners[0] + " has";
  }

  // 2. By use: the module whose files include it most, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    std::map<FileId, std::map<ModuleId, uint32_t>> uses;
    for (const Include& inc : p.includes) {
      if (inc.included == kNoFile || chosen[inc.included] != kNoModule || p.files[inc.included].module != kNoModule)
        continue;
      const FileId site = inc.site.file;
      ModuleId from = p.files[site].module != kNoModule ? p.files[site].module : chosen[site];
      if (from != kNoModule) ++uses[inc.included][from];
    }
    for (auto& [f, counts] : uses) {
      if (!p.files[f].is_header || generated[f]) continue;
      auto best = counts.begin();
      for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it->second > best->second) best = it; // ties keep the lower id: the first by name
      chosen[f] = best->first;
      why[f] = "included most by " + p.module_name(best->first) + " (" + std::to_string(best->second) + " of " +
               std::to_string([&] {
                 uint32_t n = 0;
                 for (auto& [m, c] : counts) n += c;
                 return n;
               }()) +
               " includes)";
      changed = true;
    }
  }

  // Apply: the file joins the module, its path the module's globs.
  std::vector<FileId> still;
  for (FileId f : p.unowned) {
    if (chosen[f] == kNoModule) {
      still.push_back(f);
      if (p.files[f].is_header && !generated[f]) out.unplaced.push_back(p.files[f].path);
      continue;
    }
    Module& m = p.modules[chosen[f]];
    p.files[f].module = chosen[f];
    m.files.insert(std::upper_bound(m.files.begin(), m.files.end(), f), f);
    for (ModuleDecl& d : p.config.modules)
      if (d.name == m.name) d.paths.push_back(p.files[f].path);
    out.placed.push_back({p.files[f].path, m.name, why[f]});
  }
  p.unowned = std::move(still);
  assign_symbols_and_refs(p);
  assign_components(p); // a component never spans two modules: placing may join or split some
  std::sort(out.unplaced.begin(), out.unplaced.end());
  return out;
}

} // namespace seam
