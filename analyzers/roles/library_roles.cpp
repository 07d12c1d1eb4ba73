#include "analyzers/roles/library_roles.h"

#include "analyzers/graph/module_graph.h"

namespace seam {

namespace {

bool is_record(SymbolKind k) { return k == SymbolKind::Class || k == SymbolKind::Struct || k == SymbolKind::Union; }

std::string names(const Project& p, ModuleRole role) {
  std::string out;
  for (const Module& m : p.modules)
    if (m.role == role) out += (out.empty() ? "" : ", ") + m.name;
  return out;
}

} // namespace

std::vector<std::string> library_reasons(const Project& p) {
  const size_t n = p.modules.size();
  ModuleGraph g = build_module_graph(p);
  std::vector<std::string> global(n), object(n);
  for (const Symbol& s : p.symbols) {
    if (s.module == kNoModule) continue;
    if (s.mutable_global && s.kind == SymbolKind::Variable && global[s.module].empty()) global[s.module] = s.name;
    if (is_record(s.kind) && s.def.valid() && (s.is_polymorphic || s.is_abstract) && object[s.module].empty())
      object[s.module] = s.name;
  }
  std::vector<std::string> out(n);
  for (ModuleId m = 0; m < static_cast<ModuleId>(n); ++m) {
    if (p.modules[m].files.empty() || p.modules[m].role == ModuleRole::Test) continue;
    auto test = [&](ModuleId x) { return p.modules[x].role == ModuleRole::Test; };
    size_t deps = 0, users = 0;
    for (uint32_t e : g.out[m]) deps += !test(g.edges[e].to);
    for (uint32_t e : g.in[m]) users += !test(g.edges[e].from);
    if (deps || !users || !global[m].empty() || !object[m].empty()) continue;
    out[m] = "it uses no other module, " + std::to_string(users) + " module" + (users == 1 ? " uses" : "s use") +
             " it, and it has no mutable global and no class with virtual functions";
  }
  return out;
}

void infer_library_roles(Project& p) {
  if (p.config.roles_declared) return;
  std::vector<std::string> why = library_reasons(p);
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m)
    if (!why[m].empty() && p.modules[m].role == ModuleRole::Service) {
      p.modules[m].role = ModuleRole::Library;
      p.modules[m].role_reason = "inferred: " + why[m];
    }
}

std::vector<std::string> role_notes(const Project& p) {
  std::vector<std::string> out;
  if (!p.tests_left_out.empty()) {
    std::string list;
    for (const std::string& t : p.tests_left_out) list += (list.empty() ? "" : ", ") + t;
    const size_t k = p.tests_left_out.size();
    out.push_back("left out " + std::to_string(k) + " test module" + (k == 1 ? "" : "s") + " (" + list + ") with " +
                  std::to_string(p.test_files_left_out) + " file" + (p.test_files_left_out == 1 ? "" : "s") +
                  "; --include-tests analyses them too");
  }
  if (!p.config.roles_declared && !p.modules.empty()) {
    std::string libs = names(p, ModuleRole::Library), tests = names(p, ModuleRole::Test);
    std::string left;
    for (const std::string& t : p.tests_left_out) left += (left.empty() ? "" : ", ") + t;
    if (!tests.empty() && !left.empty()) tests += ", ";
    tests += left;
    out.push_back(std::string(p.config.path.empty() ? "no seam.json" : "seam.json declares no \"role\"") +
                  ": inferred the roles, test: " + (tests.empty() ? "none" : tests) +
                  "; library: " + (libs.empty() ? "none" : libs) +
                  "; every other module is a service (declare \"role\" per module or layer to decide, docs/config.md)");
  }
  return out;
}

} // namespace seam
