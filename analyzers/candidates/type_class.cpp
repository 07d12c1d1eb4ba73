#include "analyzers/candidates/type_class.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace seam {

namespace {

constexpr std::array<const char*, static_cast<size_t>(ValueKind::Unknown) + 1> kValueKinds = {
    "void",        "scalar",           "string",          "c-string",    "enum",
    "aggregate",   "container",        "raw-pointer",     "smart-pointer", "mutable-reference",
    "object-reference", "polymorphic", "callback",        "iterator",    "template",
    "not-aggregate", "union",          "unknown"};

TypeVerdict ok(ValueKind k, std::string reason) { return {true, k, std::move(reason)}; }
TypeVerdict no(ValueKind k, std::string reason) { return {false, k, std::move(reason)}; }

/// Deeper than any real type; guards against a malformed TypeInfo.
constexpr int kMaxDepth = 32;

bool is_record_kind(SymbolKind k) {
  return k == SymbolKind::Class || k == SymbolKind::Struct || k == SymbolKind::Union;
}

} // namespace

const char* to_string(ValueKind k) { return kValueKinds[static_cast<size_t>(k)]; }

TypeClassifier::TypeClassifier(const Project& project) : project_(project) {
  for (SymbolId i = 0; i < project.symbols.size(); ++i) {
    const Symbol& s = project.symbols[i];
    if (s.kind == SymbolKind::Field && s.parent != kNoSymbol) fields_[s.parent].push_back(i);
  }
  // Declaration order: the order a message would list them in.
  for (auto& [record, list] : fields_) {
    std::sort(list.begin(), list.end(), [&](SymbolId a, SymbolId b) {
      const Loc& x = project.symbols[a].decl;
      const Loc& y = project.symbols[b].decl;
      return std::tie(x.file, x.line, x.column, a) < std::tie(y.file, y.line, y.column, b);
    });
  }
}

const std::vector<SymbolId>& TypeClassifier::fields(SymbolId record) const {
  static const std::vector<SymbolId> none;
  auto it = fields_.find(record);
  return it == fields_.end() ? none : it->second;
}

bool TypeClassifier::has_callback(const TypeInfo& t) {
  if (t.shape == TypeShape::Function) return true;
  for (const TypeInfo& a : t.args)
    if (has_callback(a)) return true;
  return false;
}

TypeVerdict TypeClassifier::classify(const TypeInfo& type) { return classify_inner(type, 0); }

TypeVerdict TypeClassifier::classify_inner(const TypeInfo& t, int depth) {
  if (depth > kMaxDepth) return no(ValueKind::Unknown, t.spelling + ": nested too deeply to classify");
  switch (t.shape) {
  case TypeShape::Void:
    return ok(ValueKind::Void, "void");
  case TypeShape::Bool:
  case TypeShape::Int:
  case TypeShape::Float:
  case TypeShape::Char:
    return ok(ValueKind::Scalar, "scalar");
  case TypeShape::String:
    return ok(ValueKind::String, "string");
  case TypeShape::Enum:
    return ok(ValueKind::Enum, "enum");
  case TypeShape::Sequence:
  case TypeShape::Set:
  case TypeShape::Map:
  case TypeShape::Optional:
  case TypeShape::Pair: {
    if (t.args.empty()) return no(ValueKind::Unknown, t.spelling + ": element type unknown");
    for (const TypeInfo& a : t.args) {
      TypeVerdict v = classify_inner(a, depth + 1);
      if (!v.serialisable) return no(v.kind, "element " + a.spelling + ": " + v.reason);
    }
    return ok(ValueKind::Container, "container of values");
  }
  case TypeShape::SmartPointer:
    return no(ValueKind::SmartPointer,
              "owning pointer: shares or moves an object, not a value; pass the pointee by value");
  case TypeShape::Function:
    return no(ValueKind::Callback, "callback: code cannot be sent to another process");
  case TypeShape::Iterator:
    return no(ValueKind::Iterator, "iterator: points into a container of the caller's process");
  case TypeShape::TemplateParam:
    return no(ValueKind::Template, "depends on a template parameter: no fixed wire format");
  case TypeShape::Pointer: {
    if (!t.args.empty() && t.args[0].shape == TypeShape::Char && t.args[0].is_const)
      return ok(ValueKind::CString, "C string: sent as a string");
    if (!t.args.empty() && t.args[0].shape == TypeShape::Function)
      return no(ValueKind::Callback, "callback: code cannot be sent to another process");
    return no(ValueKind::RawPointer, "raw pointer: an address means nothing in another process");
  }
  case TypeShape::Reference: {
    if (t.args.empty()) return no(ValueKind::Unknown, "reference to an unknown type");
    const TypeInfo& r = t.args[0];
    if (r.shape == TypeShape::Function) return no(ValueKind::Callback, "callback: code cannot be sent to another process");
    TypeVerdict v = classify_inner(r, depth + 1);
    if (v.kind == ValueKind::Polymorphic)
      return no(ValueKind::Polymorphic, "reference to a polymorphic object (" + r.spelling +
                                            "): virtual calls cannot cross a process");
    if (!v.serialisable)
      return no(ValueKind::ObjectReference,
                "reference to " + r.spelling + ", which is not a value (" + v.reason + ")");
    if (!r.is_const)
      return no(ValueKind::MutableReference,
                "non-const reference: the callee would change the caller's object, which a remote "
                "call cannot do");
    return ok(v.kind, "const reference to a value: sent by value");
  }
  case TypeShape::Record: {
    if (t.is_template)
      return no(ValueKind::Template, "specialisation of a project template: no fixed wire format");
    if (t.polymorphic)
      return no(ValueKind::Polymorphic, "polymorphic class: virtual calls cannot cross a process");
    auto it = project_.symbol_index.find(t.decl_usr);
    if (t.decl_usr.empty() || it == project_.symbol_index.end())
      return no(ValueKind::Unknown, "definition not seen by seam");
    return record_verdict(it->second);
  }
  case TypeShape::Other:
    break;
  }
  return no(ValueKind::Unknown, "not a value type seam knows how to send");
}

TypeVerdict TypeClassifier::classify_record(SymbolId record) {
  if (record >= project_.symbols.size()) return no(ValueKind::Unknown, "no such symbol");
  return record_verdict(record);
}

TypeVerdict TypeClassifier::record_verdict(SymbolId id) {
  auto it = memo_.find(id);
  if (it != memo_.end()) {
    // A record that contains itself (through a container) is judged by its
    // other members: the recursion itself is fine on the wire.
    if (it->second.first == State::InProgress) return ok(ValueKind::Aggregate, "aggregate of values");
    return it->second.second;
  }
  memo_[id] = {State::InProgress, {}};
  const Symbol& s = project_.symbols[id];
  TypeVerdict v = [&]() -> TypeVerdict {
    if (!is_record_kind(s.kind)) return no(ValueKind::Unknown, s.name + " is not a class");
    if (s.kind == SymbolKind::Union) return no(ValueKind::Union, "union: which member is live is not recorded");
    if (s.is_template) return no(ValueKind::Template, "class template: no fixed wire format");
    if (s.is_polymorphic) return no(ValueKind::Polymorphic, "polymorphic class: virtual calls cannot cross a process");
    if (!s.def.valid()) return no(ValueKind::Unknown, "definition not seen by seam");
    if (!s.is_aggregate)
      return no(ValueKind::NotAggregate,
                s.name + " is not an aggregate (constructors, private data or virtual bases): an object "
                         "with behaviour, not a value");
    for (SymbolId b : s.base_ids) {
      TypeVerdict bv = record_verdict(b);
      if (!bv.serialisable) return no(bv.kind, "base " + project_.symbols[b].name + ": " + bv.reason);
    }
    for (SymbolId f : fields(id)) {
      const Symbol& field = project_.symbols[f];
      TypeVerdict fv = classify_inner(field.result, 1);
      if (!fv.serialisable) return no(fv.kind, "field " + field.name + ": " + fv.reason);
    }
    return ok(ValueKind::Aggregate, "aggregate of values");
  }();
  memo_[id] = {State::Done, v};
  return v;
}

} // namespace seam
