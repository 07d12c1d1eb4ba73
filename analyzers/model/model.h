// The project model: facts of every TU merged once (headers seen by many TUs
// count once), files mapped to modules, symbols owned by modules. Every later
// stage (graph, metrics, rules, candidates, reports) reads this, never Clang.
#pragma once

#include "analyzers/config/config.h"
#include "analyzers/core/facts.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seam {

using FileId = uint32_t;
using SymbolId = uint32_t;
using ModuleId = int32_t;
inline constexpr ModuleId kNoModule = -1;

struct File {
  std::string path;      ///< project-relative with '/', absolute when external
  bool external = false;
  bool is_header = false;
  uint32_t lines = 0;
  uint64_t hash = 0;
  ModuleId module = kNoModule;
  std::string component; ///< Lakos component (components.h: assign_components)
};

/// A merged symbol. Loc::file indexes Project::files.
struct Symbol : SymbolFact {
  ModuleId module = kNoModule;   ///< module of the defining file, else the declaring file
  FileId owner = kNoFile;        ///< def.file if valid, else decl.file
  SymbolId parent = kNoSymbol;   ///< resolved parent_usr
  std::vector<SymbolId> base_ids;///< resolved bases (unknown USRs dropped)
  // After build_project, `parent_usr` is empty (resolved to `parent`, or the
  // parent is not in the project) and `bases` holds only the base USRs that
  // are not in the project: each resolved USR repeated another symbol's, and
  // on rocksdb they were megabytes of a warm command's peak.
};

/// A merged reference. Loc::file indexes Project::files; symbol ids index Project::symbols.
/// Its modules are looked up (Project::from_module, to_module), not stored,
/// and the referencing symbol, kind and loop flag share one word: 20 bytes
/// instead of 32 for each of rocksdb's 1.8 million references (-22 MB).
struct Reference {
  /// The most symbols a project may have for `from` to fit its 27 bits.
  static constexpr SymbolId kMaxSymbols = (1u << 27) - 1;

  Loc site;
  SymbolId target = kNoSymbol;
  RefKind kind : 4 = RefKind::TypeUse;
  bool in_loop : 1 = false;

  /// The symbol whose body holds the reference (kNoSymbol: file scope).
  SymbolId from() const { return from_ == kMaxSymbols ? kNoSymbol : from_; }
  /// `s` is kNoSymbol or below kMaxSymbols (build_project refuses more symbols).
  void set_from(SymbolId s) { from_ = s == kNoSymbol ? kMaxSymbols : s; }

private:
  uint32_t from_ : 27 = kMaxSymbols;
};
static_assert(sizeof(Reference) == 20, "a reference is five words (model.h)");

struct Include {
  Loc site;
  FileId included = kNoFile;
  std::string spelled;
  bool angled = false;
};

struct Module {
  std::string name;
  int layer = -1;              ///< index into Config::layers (0 = top), -1 = none
  const ModuleDecl* decl = nullptr; ///< null when inferred without config entry
  std::vector<FileId> files;   ///< sorted by path
  ModuleRole role = ModuleRole::Service;
  bool role_inferred = false;  ///< seam.json declares no role: seam inferred it
  std::string role_reason;     ///< one line: where the role comes from
};

struct TuStatus {
  std::string file;            ///< project-relative main file
  bool ok = true;
  std::string first_error;
  uint32_t error_count = 0;
};

/// Not copyable: Module::decl points into Project::config.
struct Project {
  Project() = default;
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;
  Project(Project&&) = default;
  Project& operator=(Project&&) = default;

  std::string root;                           ///< absolute
  Config config;
  std::vector<File> files;                    ///< sorted by path after build
  std::vector<Symbol> symbols;                ///< sorted by USR after build
  std::vector<Reference> refs;                ///< sorted by (file path, line, column, target, kind), unique
  std::vector<Include> includes;              ///< sorted, unique
  std::vector<Module> modules;                ///< sorted by name; ModuleId indexes this
  std::vector<TuStatus> tus;                  ///< sorted by file
  std::vector<FileId> unowned;                ///< project files matched by no module
  /// Test modules left out (Config::include_tests false): their names, and how
  /// many files they held. Those files belong to no module and are not unowned.
  std::vector<std::string> tests_left_out;
  size_t test_files_left_out = 0;

  std::unordered_map<std::string, FileId> file_index;
  /// USR -> id. The keys view Symbol::usr of `symbols` (no copy of every USR:
  /// -7 MB on rocksdb), so `symbols` must not be resized or reordered once
  /// the index is built; moving the Project keeps the views valid.
  std::unordered_map<std::string_view, SymbolId> symbol_index;

  /// Module of the file a reference sits in (kNoModule: none).
  ModuleId from_module(const Reference& r) const { return files[r.site.file].module; }
  /// Module of the symbol a reference uses (kNoModule: none).
  ModuleId to_module(const Reference& r) const { return symbols[r.target].module; }

  ModuleId find_module(const std::string& name) const;
  const std::string& module_name(ModuleId m) const;
  /// "path:line:col" for a site.
  std::string where(const Loc& l) const;
};

/// The parameter list and qualifiers of a function's signature: "(int) const"
/// of "bool (int) const"; empty when `signature` has none. Tells overloads
/// (const and non-const begin()) apart where the name alone does not.
std::string signature_params(const std::string& signature);

class FactMerger;

/// Merges TU facts into `project`. The conflict rule: a file is identified by
/// its path, a symbol by its USR; a symbol's definition wins over a declaration
/// (of two definitions, a header's over a source's, then the first by path),
/// whichever TU saw it and in whatever order; flags are OR-ed, the first non-empty signature is kept; references and
/// includes are identified by (site, target, kind) and kept once.
/// Then assigns files and symbols to modules from `config` (Project::config):
/// a file matched by a test module and by another module goes to the test
/// module. Roles come from the config; when it declares none, a module whose
/// files all pass is_test_path() is a test module, and test files of other
/// modules join one inferred test module (kInferredTestModule). Unless
/// config.include_tests, test modules are left out: their files belong to no
/// module, so no graph, metric, rule or candidate sees them.
/// Returns false with messages in `errors` on a config error that needs files
/// (a file in two modules); `warnings` gets globs that match no file.
bool build_project(std::vector<TuFacts>&& tus, const Config& config, Project& project,
                   std::vector<std::string>& errors, std::vector<std::string>& warnings);

/// Merges the facts of TUs one at a time, so that a caller streaming them (the
/// fact cache: one TU assembled from its files' facts, merged, freed) never holds the
/// facts of every TU at once: memory is the merged project plus one TU. Adding
/// the same TUs in the same order gives exactly what build_project(vector) gives
/// (the conflict rule is build_project's).
class FactMerger {
public:
  FactMerger();
  ~FactMerger();
  FactMerger(FactMerger&&) noexcept;
  FactMerger& operator=(FactMerger&&) noexcept;

  /// Merges `tu` and frees its memory.
  void add(TuFacts&& tu);
  /// TUs added so far.
  size_t tu_count() const;
  /// The status of every TU added, in the order added.
  const std::vector<TuStatus>& statuses() const;
  /// The project files (not external) of the TUs added, sorted, each once
  /// (what reached_project_files gives for the same TUs).
  std::vector<std::string> project_files() const;

  struct Impl;

private:
  friend bool build_project(FactMerger&& merged, const Config& config, Project& project,
                            std::vector<std::string>& errors, std::vector<std::string>& warnings);
  std::unique_ptr<Impl> impl_;
};

/// build_project over facts merged already.
bool build_project(FactMerger&& merged, const Config& config, Project& project,
                   std::vector<std::string>& errors, std::vector<std::string>& warnings);

/// Sets Symbol::module from the modules of the files (after build_project, or after files changed module).
void assign_symbols_and_refs(Project& project);

} // namespace seam
