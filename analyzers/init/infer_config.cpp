// Modules inferred from the source tree when there is no seam.json (seam
// init, and every command run without a config).
#include "analyzers/init/infer_config.h"

#include "analyzers/core/paths.h"

#include <algorithm>
#include <map>
#include <set>

namespace seam {

std::vector<std::string> reached_project_files(const std::vector<TuFacts>& tus) {
  std::vector<std::string> files;
  for (const TuFacts& t : tus)
    for (const FileFact& f : t.files)
      if (!f.external) files.push_back(f.path);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

Config infer_config(const std::vector<std::string>& tu_files, const std::vector<std::string>& reached,
                    const std::string& root) {
  Config cfg;
  cfg.root = root;
  cfg.inferred = true;
  if (tu_files.empty()) return cfg;
  const std::string common = common_folder(tu_files);
  const std::string prefix = common.empty() ? "" : common + "/";
  std::map<std::string, std::vector<std::string>> globs; // module -> globs
  const std::string top = common.empty() ? "root" : common.substr(common.rfind('/') + 1);
  bool top_files = false;
  for (const std::string& f : tu_files) {
    std::string rest = f.substr(prefix.size());
    size_t s = rest.find('/');
    if (s == std::string::npos)
      top_files = true;
    else
      globs[rest.substr(0, s)] = {prefix + rest.substr(0, s) + "/**"};
  }
  // Files directly in the common folder form one module named after it.
  std::string top_name = top;
  if (globs.count(top_name)) top_name += "-top";
  if (top_files) globs[top_name] = {prefix + "*"};

  // The other files the parse reached that no module holds yet.
  auto held = [&](const std::string& f) {
    for (const auto& [name, gs] : globs)
      for (const std::string& g : gs)
        if (glob_match(g, f)) return true;
    return false;
  };
  // Each such file gets a (module, folder): the module's glob is folder/**
  // when no other module's glob lies inside that folder, else one glob per
  // folder of its files (folder/*), so no file is matched by two modules.
  std::map<std::string, std::set<std::string>> wanted; // module -> folders
  std::map<std::string, std::set<std::string>> dirs;   // module -> folders of its files
  for (const std::string& f : reached) {
    if (held(f)) continue;
    std::string name, folder;
    size_t inc = f.rfind("include/", 0) == 0 ? 0 : f.find("/include/");
    if (inc != std::string::npos) {
      size_t begin = inc == 0 ? 8 : inc + 9;
      size_t slash = f.find('/', begin);
      if (slash != std::string::npos) {
        name = f.substr(begin, slash - begin); // include/<name>/...: the public headers of <name>
        folder = f.substr(0, slash);
      }
    }
    if (name.empty()) {
      const std::string base = is_under(f, common) ? prefix : std::string();
      std::string rest = f.substr(base.size());
      size_t s = rest.find('/');
      if (s == std::string::npos) {
        name = base.empty() ? "root" : top_name;
        folder = base.empty() ? "" : common;
      } else {
        name = rest.substr(0, s);
        folder = base + name;
      }
    }
    wanted[name].insert(folder);
    dirs[name].insert(folder_of(f));
  }
  for (const auto& [name, folders] : wanted) {
    std::vector<std::string>& gs = globs[name];
    for (const std::string& folder : folders) {
      bool clash = folder.empty();
      for (const auto& [other, ogs] : globs)
        for (const std::string& g : ogs)
          if (&ogs != &gs && at_or_under(glob_folder(g), folder)) clash = true;
      for (const auto& [other, ofs] : wanted)
        if (other != name)
          for (const std::string& of : ofs)
            if (is_under(of, folder)) clash = true;
      if (!clash) {
        gs.push_back(folder + "/**");
        continue;
      }
      for (const std::string& d : dirs[name])
        if (at_or_under(d, folder))
          gs.push_back(d.empty() ? "*" : d + "/*");
    }
  }
  for (auto& [name, gs] : globs) {
    std::sort(gs.begin(), gs.end());
    gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
    ModuleDecl d;
    d.name = name;
    d.paths = gs;
    cfg.modules.push_back(std::move(d));
  }
  return cfg;
}

} // namespace seam
