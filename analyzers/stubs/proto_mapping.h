// The C++ -> proto3 type mapping of `seam split`. A TypeInfo from the facts
// becomes a WireType (what goes on the wire and how to convert it back), or a
// Skip that says why it cannot cross a process boundary: a raw pointer, a
// callback, a polymorphic reference, a template, an object that needs a handle.
// Records and enums are looked up in the Project: a record's fields are the
// Field symbols whose parent is the record, an enum's values the EnumConstant
// symbols whose parent is the enum.
//
// Whether a type is a value at all is decided by the classification `seam
// candidates` uses (analyzers/candidates/type_class.h), so a type candidates
// calls serialisable is skipped here only for a wire-format reason (a pair has
// no field names, a map key proto cannot hold, a view the result would
// outlive), and both commands word a shared reason the same way.
#pragma once

#include "analyzers/candidates/type_class.h"
#include "analyzers/model/model.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace seam::stubs {

/// Why a function, parameter, field or type does not map. Stable names
/// (to_string) appear in the generated README and in tests.
enum class SkipKind : uint8_t {
  RawPointer,           ///< T* (other than a const char* parameter)
  Callback,             ///< std::function, function pointer
  PolymorphicReference, ///< reference to a class with virtual methods
  Template,             ///< a template, or a type depending on a template parameter
  HandleNeeded,         ///< member function, constructor, or an object with private state
  SmartPointer,         ///< unique_ptr/shared_ptr/weak_ptr: ownership does not cross
  OutParameter,         ///< non-const lvalue reference parameter
  ReturnsReference,     ///< returns a reference or a view of memory the caller cannot see
  SharedVariable,       ///< a variable: a service cannot share memory
  StaysLocal,           ///< inline in a header: runs in the caller's process, nothing to generate
  Unsupported,          ///< any other type: pair, tuple, union, iterator, 128-bit integer ...
};
const char* to_string(SkipKind k);

struct Skip {
  SkipKind kind = SkipKind::Unsupported;
  std::string detail; ///< human text, e.g. "parameter 'out' is a raw pointer (int *)"
};

enum class WireKind : uint8_t {
  Scalar,   ///< proto scalar (int32, uint64, bool, double, ...)
  String,   ///< proto string
  Enum,     ///< a project enum: decl
  Message,  ///< a project record (decl), or a wrapper (decl == kNoSymbol, args[0] wrapped)
  List,     ///< repeated args[0]
  Map,      ///< map<args[0], args[1]>
  Optional, ///< optional args[0]
};

/// What a C++ type becomes on the wire. List/Map/Optional appear only as the
/// type of a field; an element, map value or optional value that is itself
/// not singular is wrapped in a Message with decl == kNoSymbol (proto has no
/// repeated-of-repeated).
struct WireType {
  WireKind kind = WireKind::Scalar;
  std::string scalar;          ///< Scalar: "int32", "uint64", "bool", "float", "double"
  std::string cpp;             ///< the C++ value type as spelled, const and references removed
  SymbolId decl = kNoSymbol;   ///< Enum, Message: the project symbol
  bool insert = false;         ///< List: filled back with insert (sets), else push_back
  bool narrow = false;         ///< converting back needs a static_cast (char, short, long double)
  bool view = false;           ///< std::string_view: borrows, does not own
  bool c_string = false;       ///< const char* parameter (proto `optional string`: null stays null)
  bool bytes = false;          ///< String: proto `bytes` (a conversion's "wire": "bytes")
  /// A class sent through a user conversion (seam.json "conversions"): C++
  /// expressions with `$` for the object (to) and for the wire value (from).
  std::string convert_to, convert_from;
  std::vector<WireType> args;

  bool singular() const { return kind == WireKind::Scalar || kind == WireKind::String || kind == WireKind::Enum || kind == WireKind::Message; }
  bool wrapper() const { return kind == WireKind::Message && decl == kNoSymbol; }
  /// A canonical description ("list<int32>", "map<string,msg:12>") that
  /// identifies a wrapper's content, whatever the C++ spelling.
  std::string key() const;
};

/// Where a type appears: what may borrow memory (a parameter) and what must own it.
enum class TypeUse : uint8_t { Param, Result, Field, Element };

/// A record or enum of the project reached from a signature.
struct RecordShape {
  SymbolId symbol = kNoSymbol;
  std::vector<SymbolId> fields; ///< Field symbols: bases' first, then its own, in declaration order (the field numbers)
  /// A value class with private data (not an aggregate): per field, the
  /// const getter that reads it; the object is rebuilt with the constructor
  /// taking every field in order. Empty for an aggregate.
  std::vector<std::string> getters;
};
struct EnumShape {
  SymbolId symbol = kNoSymbol;
  std::vector<SymbolId> values; ///< EnumConstant symbols, in declaration order
};

/// Maps types of one Project. Records and enums are examined once (memoised),
/// recursive records are fine; records() and enums() list every one that
/// mapped, in the order they were first reached.
class TypeMapper {
public:
  explicit TypeMapper(const Project& project);

  /// The wire form of `type` used as `use`, or why it has none. On failure
  /// returns nullopt and fills `skip`.
  std::optional<WireType> map(const TypeInfo& type, TypeUse use, Skip& skip);

  /// Whether a project record can be a message (an aggregate of mappable
  /// fields), with the reason when not.
  bool record_ok(SymbolId record, Skip& skip);
  bool enum_ok(SymbolId e, Skip& skip);

  const std::vector<RecordShape>& records() const { return records_; }
  /// Headers the conversions used so far ask for ("include"), sorted.
  const std::set<std::string>& conversion_includes() const { return conversion_includes_; }
  const std::vector<EnumShape>& enums() const { return enums_; }
  /// The mapped type of a record field (after record_ok succeeded).
  const WireType& field_type(SymbolId field) const { return field_types_.at(field); }

private:
  /// A class with private data that is a value all the same: a default
  /// constructor, a constructor taking every field in declaration order, and
  /// a const getter per field (same type; name `x`, `getX`, `get_x` for
  /// `x_`, `m_x`, `x`). Fills the getters, or says what is missing.
  bool value_class(SymbolId record, std::vector<std::string>& getters, std::string& missing) const;
  std::optional<WireType> map_inner(const TypeInfo& t, TypeUse use, Skip& skip, int depth);
  /// The classifier's verdict on a type that is not a value, as a Skip.
  Skip not_a_value(const TypeInfo& t, const TypeVerdict& v);
  std::optional<WireType> element(const TypeInfo& t, TypeUse use, Skip& skip, int depth);
  SymbolId lookup(const std::string& usr) const;
  /// The user's conversion for a record type, or null.
  const ConversionDecl* conversion(const TypeInfo& t) const;
  std::set<std::string> conversion_includes_;

  const Project& p_;
  TypeClassifier classifier_;
  std::map<SymbolId, int> record_state_;  ///< 1 in progress, 2 ok, 3 bad
  std::map<SymbolId, Skip> record_skip_;
  std::map<SymbolId, int> enum_state_;
  std::map<SymbolId, Skip> enum_skip_;
  std::map<SymbolId, std::vector<SymbolId>> children_;
  std::map<SymbolId, WireType> field_types_;
  std::vector<RecordShape> records_;
  std::vector<EnumShape> enums_;
};

/// The C++ value type of a spelling: "const std::string &" -> "std::string".
std::string value_spelling(const std::string& spelling);

} // namespace seam::stubs
