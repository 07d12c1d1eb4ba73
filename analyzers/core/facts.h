// Facts: the plain-data contract between extraction (the only stage that sees
// Clang) and everything after it. One TuFacts per translation unit; no pointer
// into an AST survives the TU. Everything is keyed by stable ids (project-relative
// paths, Clang USRs) so facts from many TUs, runs or machines can be merged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace seam {

/// What a symbol is. Stable names (see to_string) appear in every JSON output.
enum class SymbolKind : uint8_t {
  Function,     ///< free function (including static and inline ones)
  Method,       ///< non-static member function
  StaticMethod, ///< static member function
  Constructor,
  Destructor,
  Conversion,
  Class,
  Struct,
  Union,
  Enum,
  EnumConstant,
  Variable,     ///< namespace-scope, static local or static member variable
  Field,        ///< non-static data member
  TypeAlias,    ///< typedef or using
  Concept,
  Macro,
  Other,
};

/// How a reference uses its target. One reference has one kind; the extractor
/// picks the most specific one (a call is not also counted as a read).
enum class RefKind : uint8_t {
  Call,
  TypeUse,      ///< a type named in a declaration, cast, sizeof, ...
  BaseClass,    ///< `class D : public B` names B
  Override,     ///< a method overriding a virtual method of another class
  MemberAccess, ///< `obj.field` / `obj->field` that is neither read nor write
  Read,
  Write,
  AddressOf,
  MacroExpansion,
  Friend,       ///< named in a friend declaration
};

inline constexpr uint32_t kNoFile = UINT32_MAX;
inline constexpr uint32_t kNoSymbol = UINT32_MAX;

/// A position in a file of the same TuFacts (file is an index into TuFacts::files).
struct Loc {
  uint32_t file = kNoFile;
  uint32_t line = 0;
  uint32_t column = 0;
  bool valid() const { return file != kNoFile; }
  friend bool operator==(const Loc&, const Loc&) = default;
};

/// The shape of a type as far as the later stages care: can it be serialised,
/// what container is it, which declaration does it name.
enum class TypeShape : uint8_t {
  Void,
  Bool,
  Int,          ///< any integer type; bits and is_signed tell which
  Float,        ///< float (bits 32) or double / long double (bits 64)
  Char,         ///< plain char
  String,       ///< std::string, std::string_view, const char* is a Pointer
  Sequence,     ///< std::vector, std::list, std::deque, std::array: args[0] is the element
  Set,          ///< std::set, std::unordered_set: args[0]
  Map,          ///< std::map, std::unordered_map: args[0] key, args[1] value
  Optional,     ///< std::optional: args[0]
  Pair,         ///< std::pair / std::tuple: args
  SmartPointer, ///< std::unique_ptr / std::shared_ptr: args[0]
  Function,     ///< std::function or a function pointer: a callback
  Iterator,
  Enum,         ///< decl_usr names the enum
  Record,       ///< class/struct/union; decl_usr names it
  Pointer,      ///< raw pointer; args[0] is the pointee
  Reference,    ///< lvalue or rvalue reference; args[0] is the referee
  TemplateParam,///< depends on a template parameter
  Other,
};

struct TypeInfo {
  std::string spelling;       ///< fully qualified, as Clang prints it
  TypeShape shape = TypeShape::Other;
  bool is_const = false;
  bool is_signed = true;      ///< for Int
  uint8_t bits = 0;           ///< for Int/Float
  bool polymorphic = false;   ///< Record with virtual methods
  bool is_template = false;   ///< Record that is a template specialisation of a project template
  std::string decl_usr;       ///< Enum/Record: the declaration's USR
  std::vector<TypeInfo> args; ///< element, key/value, pointee ...
};

struct Param {
  std::string name;
  TypeInfo type;
};

/// A declaration seen by the TU.
struct SymbolFact {
  std::string usr;            ///< Clang USR: the stable id across TUs
  std::string name;           ///< qualified name, e.g. shop::orders::Order::total
  SymbolKind kind = SymbolKind::Other;
  Loc decl;                   ///< first declaration seen in this TU
  Loc def;                    ///< definition, when this TU saw it
  std::string parent_usr;     ///< enclosing class/enum (members), empty at namespace scope
  bool mutable_global = false;///< non-const variable with static storage duration
  bool is_virtual = false;    ///< virtual method
  bool is_pure = false;       ///< pure virtual method
  bool is_abstract = false;   ///< class with at least one pure virtual method
  bool is_polymorphic = false;///< class with at least one virtual method
  bool is_template = false;   ///< a template (class, function, alias, variable)
  bool is_aggregate = false;  ///< class/struct usable as a plain value
  bool is_inline = false;
  std::vector<std::string> bases; ///< base classes (USRs), in declaration order
  std::string signature;      ///< functions: "int (const std::string &)"
  TypeInfo result;            ///< functions: return type; variables/fields: their type
  std::vector<Param> params;  ///< functions only
  int64_t enum_value = 0;     ///< EnumConstant
};

/// A use of a symbol, from a site in the TU.
struct RefFact {
  Loc site;
  uint32_t target = kNoSymbol; ///< index into TuFacts::symbols
  uint32_t from = kNoSymbol;   ///< enclosing symbol (function, class, variable), if any
  RefKind kind = RefKind::TypeUse;
  bool in_loop = false;        ///< site lies inside a for/while/do loop body or a range-for
};

/// `#include` as the preprocessor saw it.
struct IncludeFact {
  Loc site;                    ///< the line of the directive in the includer
  uint32_t included = kNoFile; ///< index into TuFacts::files, kNoFile when not found
  std::string spelled;         ///< as written between the quotes or brackets
  bool angled = false;
};

struct FileFact {
  std::string path;      ///< project-relative with '/' (external: absolute)
  bool external = false; ///< outside the project root (system, third party)
  uint32_t lines = 0;
  uint64_t hash = 0;     ///< content hash (64-bit FNV-1a); 0 when unknown
};

/// Everything one translation unit contributed.
struct TuFacts {
  std::string main_file;             ///< project-relative path of the TU's source
  bool ok = true;                    ///< parsed without errors
  std::string first_error;           ///< "file:line:col: message" when !ok
  uint32_t error_count = 0;
  std::vector<FileFact> files;
  std::vector<IncludeFact> includes;
  std::vector<SymbolFact> symbols;
  std::vector<RefFact> refs;
};

const char* to_string(SymbolKind k);
const char* to_string(RefKind k);
const char* to_string(TypeShape s);

inline constexpr int kRefKindCount = static_cast<int>(RefKind::Friend) + 1;

} // namespace seam
