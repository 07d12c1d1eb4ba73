// seam.json: the architecture a team declares. Read with positions so every
// validation error names file:line:column. Format: ../../docs/config.md.
#pragma once

#include "analyzers/core/edge_kinds.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seam {

/// Where something was written in the config file (1-based; 0 = unknown).
struct ConfigPos {
  uint32_t line = 0;
  uint32_t column = 0;
  bool operator==(const ConfigPos&) const = default;
};

enum class Severity : uint8_t { Off, Info, Warning, Error };
const char* to_string(Severity s); ///< "off", "info", "warning", "error"

/// The rule names seam.json's "rules" accepts, in the order docs/config.md lists them:
/// cycle, layer, undeclared, private-header, interface-growth, unused-allowance.
const std::vector<std::string>& rule_names();

/// What a module is to the architecture (docs/config.md, "Roles"). A service
/// may leave the monolith; a library is taken along into every service that
/// uses it; a test module is outside the architecture unless --include-tests.
enum class ModuleRole : uint8_t { Service, Library, Test };
const char* to_string(ModuleRole r); ///< "service", "library", "test"
/// The role named `text`, or nullopt when it names none.
std::optional<ModuleRole> parse_role(std::string_view text);

/// The rules whose "edges" seam.json may set: those that read the module
/// graph (cycle, layer, undeclared, unused-allowance). private-header is about
/// #include by definition, interface-growth about references.
bool rule_takes_edges(std::string_view rule);

/// The severity a rule has when "rules" does not name it (docs/config.md):
/// unused-allowance is info, every other rule an error. Off for an unknown name.
/// Must agree with the rules engine's table (analyzers/rules/rule_info.cpp).
Severity default_severity(std::string_view rule);

struct ModuleDecl {
  std::string name;
  ConfigPos pos;                        ///< position of the module object
  std::vector<std::string> paths;       ///< globs relative to the root
  std::vector<ConfigPos> path_pos;
  std::optional<std::vector<std::string>> public_headers; ///< absent = all headers public
  std::string layer;                    ///< empty = none
  ConfigPos layer_pos;
  std::optional<std::vector<std::string>> may_depend_on;  ///< absent = anything allowed
  std::vector<ConfigPos> may_depend_on_pos;
  bool extract = false;
  ConfigPos name_pos;                   ///< position of the "name" value
  std::vector<ConfigPos> public_pos;    ///< one per public_headers glob
  ConfigPos extract_pos;                ///< position of the "extract" value (0 when absent)
  std::optional<ModuleRole> role;       ///< absent = its layer's role, else service
  ConfigPos role_pos;                   ///< position of the "role" value (0 when absent)
};

/// A class `seam split` sends by value through two expressions the user
/// gives (seam.json "conversions"; docs/config.md): `to` turns the object `$`
/// into the wire value, `from` turns the wire value `$` back into the class.
struct ConversionDecl {
  std::string cpp;     ///< qualified class name, no leading "::" ("leveldb::Status")
  std::string wire;    ///< string, bytes, bool, int32, int64, uint32, uint64, double
  std::string to;      ///< C++ expression with `$` for the object
  std::string from;    ///< C++ expression with `$` for the wire value
  std::string include; ///< optional header declaring what the expressions call
  ConfigPos pos;       ///< of the class's entry
};

/// Who owns the objects a pointer parameter passes into a function, once the
/// call returns (seam.json "ownership"; docs/config.md). `seam split` needs it
/// for objects that live in the service (remote objects, passed as handles):
/// a callee that takes them over must get them out of the service's registry,
/// or both would delete them. Declared by a person: a signature cannot say.
struct OwnershipDecl {
  std::string function; ///< qualified name, no leading "::" ("leveldb::NewMergingIterator")
  std::string param;    ///< the parameter's name ("children")
  bool takes = false;   ///< "takes": the callee owns them after the call; "borrows": it only uses them
  ConfigPos pos;        ///< of the parameter's entry
};

/// The wire types a conversion may name.
const std::vector<std::string>& conversion_wire_types();

struct Config {
  std::string path;                     ///< the seam.json read; empty when inferred
  std::string root;                     ///< absolute project root (folder of seam.json)
  bool inferred = false;                ///< modules were inferred from the tree
  std::vector<std::string> layers;      ///< top first
  /// Parallel to `layers`: the role a layer gives its modules ({"name", "role"} entries).
  std::vector<std::optional<ModuleRole>> layer_roles;
  /// Some module or layer names a role. When none does, seam infers the roles
  /// (analyzers/model/test_files.h, analyzers/roles/library_roles.h).
  bool roles_declared = false;
  /// Not read from the file: --include-tests. When false, build_project leaves
  /// test modules and their files out of the Project.
  bool include_tests = false;
  std::vector<ModuleDecl> modules;
  std::map<std::string, Severity> rules;///< rule name -> severity (only what was given)
  /// rule name -> the edges of the module graph it checks (only what was given:
  /// {"cycle": {"severity": "error", "edges": "include"}}); default all.
  std::map<std::string, EdgeKinds> rule_edges;
  std::vector<std::string> exclude;
  std::string baseline = "seam-baseline.json"; ///< relative to root unless absolute
  std::vector<ConversionDecl> conversions;     ///< in the order written
  std::vector<OwnershipDecl> ownership;        ///< in the order written

  std::vector<ConfigPos> layer_pos;     ///< one per layer
  std::map<std::string, ConfigPos> rule_pos; ///< position of each given severity
  std::map<std::string, ConfigPos> rule_edges_pos; ///< position of each given "edges"
  std::vector<ConfigPos> exclude_pos;   ///< one per exclude glob

  /// Index of a layer in `layers` (0 = top), or -1.
  int layer_index(const std::string& layer) const;
  const ModuleDecl* find_module(const std::string& name) const;
  /// A module's role: its own "role", else its layer's, else service.
  ModuleRole role_of(const ModuleDecl& m) const;
  /// The severity of a rule: as given in "rules", else default_severity(rule).
  Severity severity(const std::string& rule) const;
  /// The edges a rule checks: as given in "rules", else all.
  EdgeKinds edges(const std::string& rule) const;
};

/// A problem in the config, with its position.
struct ConfigError {
  std::string file;
  ConfigPos pos;
  std::string message;
  std::string format() const; ///< "file:line:col: error: message"
};

/// Reads and validates the structure of seam.json (syntax, keys, types, names
/// referring to declared modules and layers). Returns false and fills `errors`
/// on any problem. Checks that need the file list (globs that match nothing,
/// files in two modules) happen in the model.
bool load_config(const std::string& path, Config& out, std::vector<ConfigError>& errors);

/// Same, from text (for tests); `path` only names the file in messages.
bool parse_config(const std::string& text, const std::string& path, Config& out,
                  std::vector<ConfigError>& errors);

} // namespace seam
