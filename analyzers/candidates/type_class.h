// Can a value of this type cross a process boundary as a message? The one
// classification `seam candidates` (data crossing a boundary, blockers) and
// `seam split` (which signatures become rpcs, which are skipped and why) share.
//
// Serialisable: void, scalars (bool, integers, floating point, char), strings
// (std::string, std::string_view, const char*), enums, aggregates whose fields
// and bases are serialisable, standard containers (sequence, set, map,
// optional, pair/tuple) of serialisable elements, and const references to any
// of these (sent by value). Records are looked up by TypeInfo::decl_usr among
// the Project's symbols; their fields are the symbols of kind Field whose
// parent is the record. A record that (directly or not) contains itself is
// serialisable when the rest is: messages may be recursive.
//
// Not serialisable, each with the reason: raw pointers, owning pointers,
// non-const references (out-parameters), references to objects that are not
// values, polymorphic classes, callbacks (function pointers, std::function),
// iterators, templates (specialisations of project templates, template
// parameters), classes that are not aggregates, unions, and types seam does
// not know (a definition it never saw, a library type that is not a value).
#pragma once

#include "analyzers/model/model.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace seam {

/// What decides a verdict. The first group is serialisable, the second not.
enum class ValueKind : uint8_t {
  Void,
  Scalar,
  String,       ///< std::string, std::string_view
  CString,      ///< const char*: sent as a string
  Enum,
  Aggregate,    ///< a struct of values
  Container,    ///< sequence, set, map, optional, pair/tuple of values
  // ---- not serialisable from here on
  RawPointer,
  SmartPointer,
  MutableReference, ///< non-const reference: an out-parameter or a live object
  ObjectReference,  ///< reference (const or not) to something that is not a value
  Polymorphic,
  Callback,
  Iterator,
  Template,
  NotAggregate, ///< a class with constructors, private data or behaviour
  Union,
  Unknown,
};

/// Stable names ("scalar", "raw-pointer", ...) used in JSON.
const char* to_string(ValueKind k);

struct TypeVerdict {
  bool serialisable = false;
  ValueKind kind = ValueKind::Unknown;
  /// One line saying why, naming the part that decides, e.g.
  /// "field shop::orders::Order::lines: element shop::orders::OrderLine: ...".
  std::string reason;
};

/// Classifies types against one Project. Records are classified once and
/// remembered, so classifying every signature of a project is linear in the
/// number of fields. Not thread-safe (the memo).
class TypeClassifier {
public:
  explicit TypeClassifier(const Project& project);

  /// The verdict for a type as the extractor described it.
  TypeVerdict classify(const TypeInfo& type);

  /// The verdict for a record symbol (class, struct, union) by id.
  TypeVerdict classify_record(SymbolId record);

  /// Non-static data members of `record` in declaration order (symbols of kind
  /// Field whose parent is the record).
  const std::vector<SymbolId>& fields(SymbolId record) const;

  /// True when `type`, its elements, pointee or referee contain a callback
  /// (std::function or a function pointer), at any depth of the type itself
  /// (record fields are not searched).
  static bool has_callback(const TypeInfo& type);

private:
  TypeVerdict classify_inner(const TypeInfo& type, int depth);
  TypeVerdict record_verdict(SymbolId record);

  const Project& project_;
  std::unordered_map<SymbolId, std::vector<SymbolId>> fields_;
  enum class State : uint8_t { InProgress, Done };
  std::unordered_map<SymbolId, std::pair<State, TypeVerdict>> memo_;
};

} // namespace seam
