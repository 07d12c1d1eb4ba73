#include "analyzers/stubs/build_inputs.h"

#include "analyzers/core/paths.h"
#include "analyzers/graph/module_graph.h"

#include <algorithm>
#include <set>

namespace seam::stubs {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

/// "c++17", "gnu++2a" ... -> 17, 20; 0 when not a C++ standard.
int standard_number(const std::string& std) {
  size_t pp = std.find("++");
  if (pp == std::string::npos) return 0;
  std::string v = std.substr(pp + 2);
  if (v == "98" || v == "03") return 98;
  if (v == "11" || v == "0x") return 11;
  if (v == "14" || v == "1y") return 14;
  if (v == "17" || v == "1z") return 17;
  if (v == "20" || v == "2a") return 20;
  if (v == "23" || v == "2b") return 23;
  if (v == "26" || v == "2c") return 26;
  return 0;
}

} // namespace

void collect_flags(const CompileCommand& cmd, StubBuildInputs& out) {
  const std::vector<std::string>& a = cmd.arguments;
  auto dir = [&](const std::string& d) { return absolute_path(d, cmd.directory); };
  for (size_t i = 1; i < a.size(); ++i) {
    const std::string& s = a[i];
    auto value = [&](const std::string& flag, std::string& v) {
      if (s == flag) {
        if (i + 1 >= a.size()) return false;
        v = a[++i];
        return true;
      }
      if (s.size() > flag.size() && s.compare(0, flag.size(), flag) == 0) {
        v = s.substr(flag.size());
        return true;
      }
      return false;
    };
    std::string v;
    if (value("-isystem", v)) add_unique(out.system_dirs, dir(v));
    else if (value("-iquote", v)) add_unique(out.include_dirs, dir(v));
    else if (value("-I", v)) add_unique(out.include_dirs, dir(v));
    else if (value("-D", v)) add_unique(out.defines, v);
    else if (s.rfind("-std=", 0) == 0 || s.rfind("--std=", 0) == 0) {
      int n = standard_number(s.substr(s.find('=') + 1));
      if (n != 98 && n > out.cxx_standard) out.cxx_standard = n;
    }
  }
}

StubBuildInputs stub_build_inputs(const Project& p, ModuleId module, const CompileDb& db) {
  StubBuildInputs in;
  in.root = p.root;
  // The module and everything it depends on, transitively.
  ModuleGraph g = build_module_graph(p);
  std::vector<std::vector<uint32_t>> succ = g.successors();
  std::set<ModuleId> closure;
  std::vector<ModuleId> todo{module};
  while (!todo.empty()) {
    ModuleId m = todo.back();
    todo.pop_back();
    if (m < 0 || !closure.insert(m).second) continue;
    for (uint32_t s : succ[m]) todo.push_back(static_cast<ModuleId>(s));
  }
  for (ModuleId m : closure) in.impl_modules.push_back(p.module_name(m));
  std::sort(in.impl_modules.begin(), in.impl_modules.end());

  // Files that define a program's main(): the server has its own.
  std::set<FileId> has_main;
  for (const Symbol& s : p.symbols)
    if (s.kind == SymbolKind::Function && s.name == "main" && s.def.valid()) has_main.insert(s.def.file);
  std::set<std::string> sources;
  for (const TuStatus& tu : p.tus) {
    auto it = p.file_index.find(tu.file);
    if (it == p.file_index.end()) continue;
    const File& f = p.files[it->second];
    if (f.module == kNoModule || !closure.count(f.module) || has_main.count(it->second)) continue;
    sources.insert(tu.file);
  }
  in.impl_sources.assign(sources.begin(), sources.end());

  // Flags of those TUs, in database order.
  for (const CompileCommand& c : db.commands) {
    std::string rel;
    if (!relative_to(canonical_path(c.file), p.root, rel) || !sources.count(rel)) continue;
    collect_flags(c, in);
  }
  return in;
}

} // namespace seam::stubs
