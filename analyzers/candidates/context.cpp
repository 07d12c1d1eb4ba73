// CandidateContext: what every assessment of one Project shares, computed
// once — the module graph, interfaces, cycles, shared kernels, and who touches
// each mutable global.
#include "analyzers/candidates/candidates.h"
#include "analyzers/model/dependency_time.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace seam {

namespace {

constexpr std::array<const char*, kBlockerKindCount> kBlockerKinds = {
    "cycle", "inheritance", "global-state", "template", "friend", "callback", "identity"};
constexpr std::array<const char*, 6> kRoles = {"candidate", "shared-kernel", "entry-point", "compile-time-only", "library", "test"};
constexpr std::array<const char*, 6> kRoleLabels = {"candidate", "shared kernel", "entry point", "compile-time only", "library", "test"};
constexpr std::array<const char*, 6> kRoleSummaries = {
    "ranked", "shared kernel: a library to take along, not a service",
    "entry point: nothing uses it; it calls the services",
    "compile-time only: others use its headers, nothing to call",
    "library: taken along into every service that uses it, not a service", "test code: not a service"};

static_assert(kBlockerKindCount == kScoreBlockerKinds, "scoring.h and candidates.h disagree on blocker kinds");

bool is_record(SymbolKind k) {
  return k == SymbolKind::Class || k == SymbolKind::Struct || k == SymbolKind::Union;
}

} // namespace

const char* to_string(BlockerKind k) { return kBlockerKinds[static_cast<size_t>(k)]; }
const char* to_string(Role r) { return kRoles[static_cast<size_t>(r)]; }
const char* role_label(Role r) { return kRoleLabels[static_cast<size_t>(r)]; }
const char* role_summary(Role r) { return kRoleSummaries[static_cast<size_t>(r)]; }

CandidateContext::CandidateContext(const Project& p)
    : project_(p), graph_(build_module_graph(p)), types_(p), ports_(find_ports(p)), interfaces_(all_interfaces(p)) {
  const size_t n = p.modules.size();
  cycles_ = find_cycles(graph_.successors());

  // Mutable globals: one pass over the references.
  std::unordered_map<SymbolId, uint32_t> global_index;
  std::vector<std::vector<uint32_t>> first_write; // per global, per use: first write ref or UINT32_MAX
  for (uint32_t i = 0; i < p.refs.size(); ++i) {
    const Reference& r = p.refs[i];
    const Symbol& s = p.symbols[r.target];
    if (!s.mutable_global || s.kind != SymbolKind::Variable || p.from_module(r) == kNoModule) continue;
    auto [it, inserted] = global_index.emplace(r.target, static_cast<uint32_t>(globals_.size()));
    if (inserted) globals_.push_back(Global{r.target, s.module, {}});
    Global& g = globals_[it->second];
    auto u = std::find_if(g.uses.begin(), g.uses.end(), [&](const GlobalUse& x) { return x.module == p.from_module(r); });
    const bool write = r.kind == RefKind::Write;
    if (u == g.uses.end()) {
      g.uses.push_back(GlobalUse{p.from_module(r), i, write});
    } else if (write && !u->writes) {
      // The write is what makes the global shared state: point at it.
      u->writes = true;
      u->first_ref = i;
    }
  }
  std::sort(globals_.begin(), globals_.end(), [](const Global& a, const Global& b) { return a.symbol < b.symbol; });
  globals_of_.assign(n, {});
  for (uint32_t gi = 0; gi < globals_.size(); ++gi) {
    auto& uses = globals_[gi].uses;
    std::sort(uses.begin(), uses.end(), [](const GlobalUse& a, const GlobalUse& b) { return a.module < b.module; });
    for (const GlobalUse& u : uses) globals_of_[u.module].push_back(gi);
    // The owner answers for its global even when only others touch it.
    const ModuleId owner = globals_[gi].owner;
    if (owner != kNoModule && std::none_of(uses.begin(), uses.end(), [&](const GlobalUse& u) { return u.module == owner; }))
      globals_of_[owner].push_back(gi);
  }
  for (auto& list : globals_of_) std::sort(list.begin(), list.end());

  // Shared kernels: leaf modules of values and pure functions.
  std::vector<bool> has_global(n, false), has_files(n, false);
  std::vector<std::string> not_value(n);
  for (ModuleId m = 0; m < static_cast<ModuleId>(n); ++m) has_files[m] = !p.modules[m].files.empty();
  for (SymbolId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& s = p.symbols[i];
    if (s.module == kNoModule) continue;
    if (s.mutable_global && s.kind == SymbolKind::Variable) has_global[s.module] = true;
    // Templates are compiled into their users anyway, which is what taking a
    // library along means; every other record must be a plain value.
    if (is_record(s.kind) && s.def.valid() && !s.is_template && enclosing_template(i) == kNoSymbol &&
        not_value[s.module].empty()) {
      TypeVerdict v = types_.classify_record(i);
      if (!v.serialisable) not_value[s.module] = s.name + " (" + v.reason + ")";
    }
  }
  kernel_.assign(n, false);
  kernel_reason_.assign(n, "");
  fixed_role_.assign(n, Role::Candidate);
  for (ModuleId m = 0; m < static_cast<ModuleId>(n); ++m) {
    std::string& why = kernel_reason_[m];
    const Module& mod = p.modules[m];
    if (mod.role == ModuleRole::Library) {
      // A library is taken along like a shared kernel, whatever it holds.
      kernel_[m] = true;
      fixed_role_[m] = Role::Library;
      why = "library (" + mod.role_reason + "): taken along into every service that uses it; calls into it stay "
            "local";
    } else if (mod.role == ModuleRole::Test) {
      fixed_role_[m] = Role::Test;
      why = "test code (" + mod.role_reason + "): not a service";
    } else if (!has_files[m]) {
      why = "owns no file";
    } else if (!graph_.out[m].empty()) {
      why = "depends on " + p.module_name(graph_.edges[graph_.out[m].front()].to) +
            (graph_.out[m].size() > 1 ? " and " + std::to_string(graph_.out[m].size() - 1) + " more" : "");
    } else if (has_global[m]) {
      why = "owns mutable global state";
    } else if (!not_value[m].empty()) {
      why = "defines a type that is not a value: " + not_value[m];
    } else {
      kernel_[m] = true;
      fixed_role_[m] = Role::SharedKernel;
      why = "shared kernel: a leaf module of value types and functions without global state; "
            "take it along as a library";
    }
  }
}

SymbolId CandidateContext::enclosing_template(SymbolId s) const { return seam::enclosing_template(project_, s); }

} // namespace seam
