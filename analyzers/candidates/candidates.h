// Extraction candidates: for a module, or a set of modules extracted together,
// what becoming a service would take — its interface (the future service API),
// the modules it would call over the network and those it can take along as a
// library, the data crossing the boundary, what blocks it, how chatty its
// clients are — and a score from docs/scoring.md. Every number traces to
// references in the Project (file:line).
#pragma once

#include "analyzers/candidates/ports.h"
#include "analyzers/candidates/scoring.h"
#include "analyzers/candidates/type_class.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/history/change_model.h"
#include "analyzers/model/interface.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace seam {

/// What keeps a unit from leaving the monolith as it is. Stable names in JSON:
/// see to_string(BlockerKind).
enum class BlockerKind : uint8_t {
  Cycle,       ///< the unit is in a dependency cycle with modules outside it
  Inheritance, ///< a class on one side derives from a class on the other
  GlobalState, ///< a mutable global written on one side and used on the other
  Template,    ///< no longer reported (seam.candidates/2): a template is a compile-time
               ///< dependency, a header its users take along

  Friend,      ///< a friend declaration crosses the boundary
  Callback,    ///< a function pointer or std::function crosses the boundary
  Identity,    ///< a pointer or reference to a live object crosses the boundary
};
inline constexpr int kBlockerKindCount = static_cast<int>(BlockerKind::Identity) + 1;
const char* to_string(BlockerKind k);

struct Blocker {
  BlockerKind kind = BlockerKind::Cycle;
  SymbolId symbol = kNoSymbol;   ///< the symbol at issue (kNoSymbol for cycle)
  Loc site;                      ///< where to look (Project file ids)
  std::string detail;            ///< one line
  std::vector<ModuleId> partners;///< the modules on the other side, sorted
  uint32_t sites = 1;            ///< sites to change to remove it (docs/scoring.md)
};

/// A symbol of the unit's interface: InterfaceSymbol (the shared definition)
/// plus the calls made to it from inside loops.
struct InterfaceEntry {
  InterfaceSymbol use;
  uint32_t loop_calls = 0;       ///< remote calls inside loops
  uint32_t remote_calls = 0;     ///< run-time calls from clients: calls that become remote
  uint32_t run_time = 0;         ///< run-time uses from clients (calls, addresses, global uses)
  bool operation = false;        ///< used at run time from outside: an rpc once extracted
};

/// A module that uses the unit, with how much. `calls` and `loop_calls` are
/// remote calls (run-time), through ports included.
struct ClientUse {
  ModuleId module = kNoModule;
  uint32_t refs = 0, calls = 0, loop_calls = 0;
};

/// A module the unit uses. `calls` and `loop_calls` are run-time calls.
struct DependencyUse {
  ModuleId module = kNoModule;
  bool library = false;          ///< a library or shared kernel: taken along, not called remotely
  bool remote = false;           ///< not a library and used at run time: called over the network
  uint32_t refs = 0, calls = 0, loop_calls = 0, includes = 0;
  uint32_t run_time = 0;         ///< run-time references
  uint32_t compile_time = 0;     ///< compile-time references plus includes
};

/// The compile-time uses of one module the unit depends on: the headers a
/// service built from the unit needs, though it never calls that module.
struct TakeAlong {
  ModuleId module = kNoModule;
  std::vector<FileId> headers;   ///< files holding the symbols used, by path
  uint32_t symbols = 0;          ///< distinct symbols used
  uint32_t refs = 0;             ///< compile-time references
};

/// A port (ports.h) the unit takes part in, and how.
struct PortUse {
  Port port;                     ///< a copy: reports read it without the context
  bool owns = false, implements = false, calls = false;
  /// Calls through the port that cross the unit's boundary (Project::refs, site order).
  std::vector<uint32_t> remote_calls;
};

/// A type crossing the boundary: in the interface's signatures, or a class,
/// struct, union or enum of the unit that clients name themselves.
struct DataType {
  std::string spelling;
  TypeVerdict verdict;
  std::vector<SymbolId> used_by; ///< interface symbols whose signature has it (or the type itself), sorted by name
};

/// Why a module gets no rank.
enum class Role : uint8_t {
  Candidate,   ///< ranked
  SharedKernel,///< leaf module of values and pure functions: a library, not a service
  EntryPoint,  ///< no module uses it: it is the application that would call the services
  CompileTime, ///< others use only its headers (types, inline code, templates, constants,
               ///< macros): nothing to call remotely, so nothing to serve
  Library,     ///< "role": "library" (declared or inferred): taken along into every service using it
  Test,        ///< "role": "test" (only seen with --include-tests): test code, not a service
};
const char* to_string(Role r);   ///< "candidate", "shared-kernel", "entry-point", "compile-time-only", "library", "test"
/// For text reports: "shared kernel", "entry point", "compile-time only", "library", "test" ("candidate").
const char* role_label(Role r);
/// One line for text reports saying why a role is not ranked.
const char* role_summary(Role r);

struct Assessment {
  std::vector<ModuleId> modules; ///< the unit, sorted
  std::string name;              ///< module name, or names joined by '+'
  Role role = Role::Candidate;
  std::vector<InterfaceEntry> interface; ///< sorted by qualified name, then USR
  std::vector<ClientUse> clients;        ///< sorted by module
  std::vector<DependencyUse> dependencies; ///< sorted by module
  std::vector<DataType> data;            ///< sorted by spelling
  std::vector<Blocker> blockers;         ///< sorted by kind, site, symbol
  std::vector<TakeAlong> take_along;     ///< compile-time dependencies, by module (libraries excluded)
  std::vector<PortUse> ports;            ///< by port class name
  std::vector<SymbolId> port_operations; ///< port operations it implements that outsiders call (rpcs), by name
  /// Client modules that reach it only by calling back through ports it
  /// implements (sorted): an application implementing a callback interface of
  /// the code it drives (ninja's NinjaMain answering graph's IsPathDead).
  std::vector<ModuleId> callback_clients;
  uint32_t cycle_sites = 0;              ///< sites to change to leave its cycle (0: in none)
  uint32_t calls = 0;                    ///< remote calls from clients (run-time, ports included)
  uint32_t loop_calls = 0;               ///< of which inside loops
  uint32_t void_calls = 0;               ///< of which to functions returning void
  std::vector<uint32_t> loop_call_refs;  ///< indices into Project::refs, in site order
  /// Calls that would become remote: into the unit from outside, and from the
  /// unit to modules it would call over the network (Project::refs indices, site order).
  std::vector<uint32_t> remote_in, remote_out;
  /// With history: the commits that changed the unit, and those that also
  /// changed modules outside it (co_change_of; libraries are taken along).
  bool has_history = false;
  history::SetCoChange co_change;
  ScoreInputs inputs;
  Score score;
  std::vector<std::string> reasons;      ///< one line each: what drives the score
};

/// Facts shared by every assessment of one Project: computed once, linear in
/// references and symbols.
class CandidateContext {
public:
  explicit CandidateContext(const Project& project);

  const Project& project() const { return project_; }
  const ModuleGraph& graph() const { return graph_; }
  /// Taken along into every service that uses it (a library role or an
  /// inferred shared kernel): calls into it stay local, and references into
  /// it are never blockers of its users.
  bool shared_kernel(ModuleId m) const { return kernel_[m]; }
  /// Why a module is or is not a shared kernel (or library, or test), one line.
  const std::string& kernel_reason(ModuleId m) const { return kernel_reason_[m]; }
  /// The role that keeps a module unranked whatever its score (Library, Test,
  /// SharedKernel), else Candidate.
  Role fixed_role(ModuleId m) const { return fixed_role_[m]; }
  /// Strongly connected components of the module graph with more than one module.
  const std::vector<std::vector<uint32_t>>& cycles() const { return cycles_; }
  TypeClassifier& types() { return types_; }
  const Ports& ports() const { return ports_; }
  /// Co-change from git history, when read (null: static only, --no-history).
  /// The model must outlive the context.
  void set_history(const history::ChangeModel* model) { history_ = model && model->available ? model : nullptr; }
  const history::ChangeModel* history() const { return history_; }
  const std::vector<InterfaceSymbol>& interface_of(ModuleId m) const { return interfaces_[m]; }

  /// One mutable global and who touches it.
  struct GlobalUse {
    ModuleId module = kNoModule;
    uint32_t first_ref = 0;      ///< the module's first reference (write first, if any)
    bool writes = false;
  };
  struct Global {
    SymbolId symbol = kNoSymbol;
    ModuleId owner = kNoModule;  ///< the module that defines it
    std::vector<GlobalUse> uses; ///< sorted by module
  };
  const std::vector<Global>& globals() const { return globals_; }
  /// Indices into globals() of the globals module `m` touches or owns.
  const std::vector<uint32_t>& globals_of(ModuleId m) const { return globals_of_[m]; }

  /// The outermost template `s` is part of (itself, or a class template it is a
  /// member of), kNoSymbol when none.
  SymbolId enclosing_template(SymbolId s) const;

private:
  const Project& project_;
  const history::ChangeModel* history_ = nullptr;
  ModuleGraph graph_;
  TypeClassifier types_;
  Ports ports_;
  std::vector<std::vector<InterfaceSymbol>> interfaces_;
  std::vector<bool> kernel_;
  std::vector<std::string> kernel_reason_;
  std::vector<Role> fixed_role_;
  std::vector<std::vector<uint32_t>> cycles_;
  std::vector<Global> globals_;
  std::vector<std::vector<uint32_t>> globals_of_;
};

/// Assesses `modules` (one or more) as one service. Cost: the references on the
/// module-graph edges that touch the unit, plus its interface's signatures.
Assessment assess(CandidateContext& ctx, std::vector<ModuleId> modules);

/// Every module assessed alone, ranked: candidates best first (score, then
/// name), then shared kernels and entry points (by name). `rank` is 1-based
/// for candidates and 0 for the others.
struct Ranking {
  std::vector<Assessment> modules;
  std::vector<uint32_t> rank;              ///< parallel to modules
  std::vector<Assessment> groups;          ///< one per module cycle: "extract together"
};
Ranking rank_modules(CandidateContext& ctx);

} // namespace seam
