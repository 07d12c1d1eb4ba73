#include "analyzers/init/cmake_targets.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

namespace seam {

namespace {

namespace fs = std::filesystem;

std::string reply_dir(const std::string& build_dir) { return build_dir + "/.cmake/api/v1/reply"; }

/// The newest index file: CMake names them index-<timestamp>.json, and the
/// File API documentation says the lexicographically largest is current.
std::string latest_index(const std::string& build_dir) {
  std::error_code ec;
  std::string best;
  for (fs::directory_iterator it(reply_dir(build_dir), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("index-", 0) == 0 && name.size() > 11 && name.substr(name.size() - 5) == ".json" && name > best)
      best = name;
  }
  return best.empty() ? "" : reply_dir(build_dir) + "/" + best;
}

bool read_json(const std::string& path, nlohmann::json& out, std::string& error) {
  std::string text;
  if (!read_file(path, text, error)) return false;
  out = nlohmann::json::parse(text, nullptr, false);
  if (out.is_discarded()) {
    error = path + ": not valid JSON (a CMake File API reply); re-run cmake to rewrite it";
    return false;
  }
  return true;
}

std::string stem_glob(const std::string& p) {
  size_t slash = p.rfind('/');
  size_t dot = p.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return p;
  return p.substr(0, dot) + ".*";
}

} // namespace

bool is_test_target_name(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n == "test" || n == "tests" || n.ends_with("_test") || n.ends_with("_tests") || n.ends_with("-test") ||
         n.ends_with("-tests") || n.starts_with("test_") || n.starts_with("test-");
}

bool has_cmake_reply(const std::string& build_dir) { return !latest_index(build_dir).empty(); }

bool read_cmake_targets(const std::string& build_dir, const std::string& root, std::vector<CMakeTarget>& out,
                        std::string& error) {
  out.clear();
  const std::string index_path = latest_index(build_dir);
  if (index_path.empty()) {
    error = build_dir + " has no CMake File API reply; create " + build_dir +
            "/.cmake/api/v1/query/codemodel-v2 (an empty file) and run cmake again";
    return false;
  }
  nlohmann::json index, model;
  if (!read_json(index_path, index, error)) return false;
  std::string model_file;
  for (const nlohmann::json& o : index.value("objects", nlohmann::json::array()))
    if (o.value("kind", "") == "codemodel" && o.contains("jsonFile")) model_file = o["jsonFile"].get<std::string>();
  if (model_file.empty()) {
    error = index_path + ": the reply has no codemodel; create " + build_dir +
            "/.cmake/api/v1/query/codemodel-v2 and run cmake again";
    return false;
  }
  if (!read_json(reply_dir(build_dir) + "/" + model_file, model, error)) return false;
  const std::string source_dir = model.value("paths", nlohmann::json::object()).value("source", "");
  const nlohmann::json& configs = model.value("configurations", nlohmann::json::array());
  if (configs.empty()) {
    error = reply_dir(build_dir) + "/" + model_file + ": no configuration in the codemodel";
    return false;
  }
  for (const nlohmann::json& ref : configs[0].value("targets", nlohmann::json::array())) {
    nlohmann::json t;
    if (!ref.contains("jsonFile") || !read_json(reply_dir(build_dir) + "/" + ref["jsonFile"].get<std::string>(), t, error))
      return false;
    CMakeTarget target;
    target.name = t.value("name", ref.value("name", ""));
    target.type = t.value("type", "");
    for (const nlohmann::json& s : t.value("sources", nlohmann::json::array())) {
      if (s.value("isGenerated", false) || !s.contains("path")) continue;
      std::string rel;
      std::string abs = canonical_path(absolute_path(s["path"].get<std::string>(), source_dir));
      if (relative_to(abs, root, rel)) target.sources.push_back(rel);
    }
    for (const nlohmann::json& group : t.value("compileGroups", nlohmann::json::array()))
      for (const nlohmann::json& inc : group.value("includes", nlohmann::json::array())) {
        if (inc.value("isSystem", false) || !inc.contains("path")) continue;
        std::string rel;
        std::string abs = canonical_path(absolute_path(inc["path"].get<std::string>(), source_dir));
        if (relative_to(abs, root, rel)) target.include_dirs.push_back(rel);
      }
    std::sort(target.include_dirs.begin(), target.include_dirs.end());
    target.include_dirs.erase(std::unique(target.include_dirs.begin(), target.include_dirs.end()),
                              target.include_dirs.end());
    std::sort(target.sources.begin(), target.sources.end());
    target.sources.erase(std::unique(target.sources.begin(), target.sources.end()), target.sources.end());
    if (!target.name.empty() && !target.sources.empty()) out.push_back(std::move(target));
  }
  std::sort(out.begin(), out.end(), [](const CMakeTarget& a, const CMakeTarget& b) { return a.name < b.name; });
  return true;
}

std::vector<LeftOutSource> drop_unreached_sources(std::vector<CMakeTarget>& targets,
                                                  const std::set<std::string>& reached,
                                                  const std::vector<std::string>& build_dirs) {
  std::vector<LeftOutSource> out;
  for (CMakeTarget& t : targets)
    std::erase_if(t.sources, [&](const std::string& s) {
      for (const std::string& d : build_dirs)
        if (d.empty() || is_under(s, d)) {
          out.push_back({s, t.name, "in the build folder " + (d.empty() ? std::string(".") : d) +
                                        " (generated; seam checks the sources, not build outputs)"});
          return true;
        }
      if (reached.count(s)) return false;
      out.push_back({s, t.name, "no translation unit of the compile database reads it (a source for "
                                "another platform, a resource script)"});
      return true;
    });
  std::sort(out.begin(), out.end(), [](const LeftOutSource& a, const LeftOutSource& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  return out;
}

Config config_from_targets(const std::vector<CMakeTarget>& targets, const std::string& root) {
  Config cfg;
  cfg.root = root;
  // A source claimed by two targets stays with the first by name.
  std::set<std::string> taken;
  std::vector<std::vector<std::string>> sources(targets.size());
  for (size_t t = 0; t < targets.size(); ++t)
    for (const std::string& s : targets[t].sources)
      if (taken.insert(s).second) sources[t].push_back(s);
  // The folder each target's sources share.
  std::vector<std::string> home(targets.size());
  for (size_t t = 0; t < targets.size(); ++t) home[t] = common_folder(sources[t]);
  for (size_t t = 0; t < targets.size(); ++t) {
    if (sources[t].empty()) continue;
    bool exclusive = !home[t].empty();
    for (size_t o = 0; o < targets.size() && exclusive; ++o)
      if (o != t)
        for (const std::string& s : sources[o])
          if (s.rfind(home[t] + "/", 0) == 0) {
            exclusive = false;
            break;
          }
    ModuleDecl d;
    d.name = targets[t].name;
    if (is_test_target_name(d.name)) d.role = ModuleRole::Test;
    if (exclusive) {
      d.paths = {home[t] + "/**"};
    } else {
      for (const std::string& s : sources[t]) d.paths.push_back(stem_glob(s));
      std::sort(d.paths.begin(), d.paths.end());
      d.paths.erase(std::unique(d.paths.begin(), d.paths.end()), d.paths.end());
    }
    cfg.modules.push_back(std::move(d));
  }
  return cfg;
}

} // namespace seam
