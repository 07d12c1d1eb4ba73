#include "analyzers/stubs/proto_mapping.h"

#include "analyzers/stubs/names.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <tuple>

namespace seam::stubs {

const char* to_string(SkipKind k) {
  switch (k) {
  case SkipKind::RawPointer: return "raw pointer";
  case SkipKind::Callback: return "callback";
  case SkipKind::PolymorphicReference: return "polymorphic reference";
  case SkipKind::Template: return "template";
  case SkipKind::HandleNeeded: return "handle needed";
  case SkipKind::SmartPointer: return "smart pointer";
  case SkipKind::OutParameter: return "out-parameter";
  case SkipKind::ReturnsReference: return "returns a reference";
  case SkipKind::SharedVariable: return "shared variable";
  case SkipKind::StaysLocal: return "stays local";
  case SkipKind::Unsupported: return "unsupported type";
  }
  return "unsupported type";
}

std::string WireType::key() const {
  switch (kind) {
  case WireKind::Scalar: return scalar;
  case WireKind::String: return bytes ? "bytes" : "string";
  case WireKind::Enum: return "enum:" + std::to_string(decl);
  case WireKind::Message:
    return decl == kNoSymbol ? "wrap(" + args.at(0).key() + ")" : "msg:" + std::to_string(decl);
  case WireKind::List: return "list<" + args.at(0).key() + ">";
  case WireKind::Map: return "map<" + args.at(0).key() + "," + args.at(1).key() + ">";
  case WireKind::Optional: return "optional<" + args.at(0).key() + ">";
  }
  return "?";
}

std::string value_spelling(const std::string& spelling) {
  std::string s = spelling;
  auto trim = [&] {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  };
  trim();
  while (!s.empty() && s.back() == '&') s.pop_back();
  trim();
  for (const char* q : {"const ", "volatile "})
    while (s.rfind(q, 0) == 0) s.erase(0, std::string(q).size());
  for (const char* q : {" const", " volatile"}) {
    std::string suffix = q;
    while (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
      s.erase(s.size() - suffix.size());
  }
  trim();
  return s;
}

namespace {

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

/// The template name a spelling starts with: "std::vector<int>" -> "std::vector".
std::string template_name(const std::string& spelling) {
  std::string v = value_spelling(spelling);
  size_t lt = v.find('<');
  return lt == std::string::npos ? v : v.substr(0, lt);
}

bool loc_before(const Project& p, const Loc& a, const Loc& b) {
  auto key = [&](const Loc& l) { return std::make_tuple(l.file, l.line, l.column); };
  return key(a) < key(b);
}

} // namespace

TypeMapper::TypeMapper(const Project& project) : p_(project), classifier_(project) {
  for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
    const Symbol& s = p_.symbols[i];
    if (s.parent != kNoSymbol && (s.kind == SymbolKind::Field || s.kind == SymbolKind::EnumConstant))
      children_[s.parent].push_back(i);
  }
  // Declaration order: file ids follow path order, a record lives in one file.
  for (auto& [parent, kids] : children_)
    std::stable_sort(kids.begin(), kids.end(), [&](SymbolId a, SymbolId b) {
      return loc_before(p_, p_.symbols[a].decl, p_.symbols[b].decl);
    });
}

SymbolId TypeMapper::lookup(const std::string& usr) const {
  if (usr.empty()) return kNoSymbol;
  auto it = p_.symbol_index.find(usr);
  return it == p_.symbol_index.end() ? kNoSymbol : it->second;
}

const ConversionDecl* TypeMapper::conversion(const TypeInfo& t) const {
  if (t.shape != TypeShape::Record || p_.config.conversions.empty()) return nullptr;
  SymbolId r = lookup(t.decl_usr);
  std::string name = r != kNoSymbol ? p_.symbols[r].name : value_spelling(t.spelling);
  if (name.rfind("::", 0) == 0) name.erase(0, 2);
  for (const ConversionDecl& c : p_.config.conversions)
    if (c.cpp == name) return &c;
  return nullptr;
}

Skip TypeMapper::not_a_value(const TypeInfo& t, const TypeVerdict& v) {
  const std::string what = (t.spelling.empty() ? std::string("this type") : t.spelling) + ": " + v.reason;
  switch (v.kind) {
  case ValueKind::RawPointer: return {SkipKind::RawPointer, what};
  case ValueKind::SmartPointer: return {SkipKind::SmartPointer, what};
  case ValueKind::MutableReference: return {SkipKind::OutParameter, what};
  case ValueKind::Callback: return {SkipKind::Callback, what};
  case ValueKind::Template: return {SkipKind::Template, what};
  case ValueKind::Polymorphic:
    if (t.shape == TypeShape::Reference) return {SkipKind::PolymorphicReference, what};
    return {SkipKind::HandleNeeded, what + "; its objects would need a handle id"};
  case ValueKind::NotAggregate: return {SkipKind::HandleNeeded, what + "; its objects would need a handle id"};
  case ValueKind::ObjectReference:
    // A reference to something that is not a value: the referee says why.
    if (!t.args.empty()) {
      Skip inner = not_a_value(t.args[0], classifier_.classify(t.args[0]));
      return {inner.kind, what + (inner.kind == SkipKind::HandleNeeded ? "; its objects would need a handle id" : "")};
    }
    return {SkipKind::Unsupported, what};
  default: return {SkipKind::Unsupported, what};
  }
}

std::optional<WireType> TypeMapper::map(const TypeInfo& type, TypeUse use, Skip& skip) {
  // An rvalue reference parameter is moved in: on the wire it is the value.
  const TypeInfo* judged = &type;
  const std::string& sp = type.spelling;
  if (type.shape == TypeShape::Reference && !type.args.empty() && sp.size() >= 2 &&
      sp.compare(sp.size() - 2, 2, "&&") == 0)
    judged = &type.args[0];
  TypeVerdict v = classifier_.classify(*judged);
  if (!v.serialisable) {
    skip = not_a_value(*judged, v);
    // A class the user declared a conversion for is a value after all, and
    // so is a class with private data seen whole through its constructor and
    // getters (record_ok).
    if (!p_.config.conversions.empty() || v.kind == ValueKind::NotAggregate || v.kind == ValueKind::ObjectReference) {
      Skip inner;
      if (auto w = map_inner(type, use, inner, 0)) return w;
      if (inner.kind != SkipKind::HandleNeeded) skip = inner;
      else if (inner.detail.find("to send it by value") != std::string::npos) skip.detail += " (" + inner.detail + ")";
    }
    return std::nullopt;
  }
  return map_inner(type, use, skip, 0);
}

std::optional<WireType> TypeMapper::element(const TypeInfo& t, TypeUse use, Skip& skip, int depth) {
  // Elements inherit the use: a parameter's vector may hold views, a result's may not.
  TypeUse inner = use == TypeUse::Param ? TypeUse::Param : TypeUse::Element;
  auto w = map_inner(t, inner, skip, depth + 1);
  if (!w) return std::nullopt;
  if (w->singular()) return w;
  // proto has no repeated-of-repeated nor map values that are maps: wrap.
  WireType wrap;
  wrap.kind = WireKind::Message;
  wrap.cpp = w->cpp;
  wrap.args.push_back(std::move(*w));
  return wrap;
}

std::optional<WireType> TypeMapper::map_inner(const TypeInfo& t, TypeUse use, Skip& skip, int depth) {
  const bool owning = use == TypeUse::Result || use == TypeUse::Field || use == TypeUse::Element;
  const std::string spelled = t.spelling.empty() ? std::string("this type") : t.spelling;
  auto fail = [&](SkipKind k, std::string detail) -> std::optional<WireType> {
    skip = Skip{k, std::move(detail)};
    return std::nullopt;
  };
  if (depth > 16) return fail(SkipKind::Unsupported, "type nested too deeply: " + spelled);
  WireType w;
  w.cpp = value_spelling(t.spelling);
  switch (t.shape) {
  case TypeShape::Bool:
    w.scalar = "bool";
    return w;
  case TypeShape::Char:
    w.scalar = "int32";
    w.narrow = true;
    return w;
  case TypeShape::Int:
    if (t.bits > 64) return fail(SkipKind::Unsupported, "no proto type holds a " + std::to_string(t.bits) + "-bit integer (" + spelled + ")");
    w.scalar = std::string(t.is_signed ? "int" : "uint") + (t.bits > 32 ? "64" : "32");
    w.narrow = t.bits != 32 && t.bits != 64;
    return w;
  case TypeShape::Float:
    w.scalar = t.bits > 32 ? "double" : "float";
    w.narrow = contains(t.spelling, "long double");
    return w;
  case TypeShape::String:
    if (contains(t.spelling, "wstring") || contains(t.spelling, "u16string") || contains(t.spelling, "u32string") ||
        contains(t.spelling, "wchar_t") || contains(t.spelling, "char16_t") || contains(t.spelling, "char32_t"))
      return fail(SkipKind::Unsupported, "wide string " + spelled + ": proto strings are UTF-8");
    w.kind = WireKind::String;
    w.view = contains(t.spelling, "string_view");
    if (w.view && owning)
      return fail(SkipKind::ReturnsReference, spelled + " would point into a message that no longer exists; use std::string");
    return w;
  case TypeShape::Sequence:
  case TypeShape::Set: {
    std::string tn = template_name(t.spelling);
    if (tn == "std::array") return fail(SkipKind::Unsupported, "std::array has a fixed size (" + spelled + "); use std::vector");
    if (tn == "std::forward_list") return fail(SkipKind::Unsupported, "std::forward_list (" + spelled + "); use std::vector or std::list");
    if (t.args.empty()) return fail(SkipKind::Unsupported, "container without a known element type: " + spelled);
    auto e = element(t.args[0], use, skip, depth);
    if (!e) return std::nullopt;
    w.kind = WireKind::List;
    w.insert = t.shape == TypeShape::Set;
    w.args.push_back(std::move(*e));
    return w;
  }
  case TypeShape::Map: {
    if (contains(t.spelling, "multimap")) return fail(SkipKind::Unsupported, spelled + " repeats keys; a proto map cannot");
    if (t.args.size() < 2) return fail(SkipKind::Unsupported, "map without known key and value types: " + spelled);
    const TypeInfo& k = t.args[0];
    bool key_ok = k.shape == TypeShape::Int || k.shape == TypeShape::Bool || k.shape == TypeShape::Char ||
                  (k.shape == TypeShape::String && !contains(k.spelling, "string_view") && !contains(k.spelling, "wstring"));
    if (!key_ok || (k.shape == TypeShape::Int && k.bits > 64))
      return fail(SkipKind::Unsupported, "map key " + (k.spelling.empty() ? std::string("?") : k.spelling) +
                                             " of " + spelled + ": proto map keys are integers, bool or strings");
    auto key = map_inner(k, TypeUse::Element, skip, depth + 1);
    if (!key) return std::nullopt;
    auto value = element(t.args[1], use, skip, depth);
    if (!value) return std::nullopt;
    w.kind = WireKind::Map;
    w.args.push_back(std::move(*key));
    w.args.push_back(std::move(*value));
    return w;
  }
  case TypeShape::Optional: {
    if (t.args.empty()) return fail(SkipKind::Unsupported, "optional without a known value type: " + spelled);
    auto v = element(t.args[0], use, skip, depth);
    if (!v) return std::nullopt;
    w.kind = WireKind::Optional;
    w.args.push_back(std::move(*v));
    return w;
  }
  case TypeShape::Enum: {
    SymbolId e = lookup(t.decl_usr);
    if (e == kNoSymbol) return fail(SkipKind::Unsupported, "enum " + spelled + " is not declared in the project");
    if (!enum_ok(e, skip)) return std::nullopt;
    w.kind = WireKind::Enum;
    w.decl = e;
    return w;
  }
  case TypeShape::Record: {
    if (const ConversionDecl* c = conversion(t)) {
      const bool text = c->wire == "string" || c->wire == "bytes";
      w.kind = text ? WireKind::String : WireKind::Scalar;
      w.scalar = text ? "" : c->wire;
      w.bytes = c->wire == "bytes";
      w.convert_to = c->to;
      w.convert_from = c->from;
      if (!c->include.empty()) conversion_includes_.insert(c->include);
      return w;
    }
    if (t.is_template) return fail(SkipKind::Template, spelled + " is a specialisation of a class template");
    SymbolId r = lookup(t.decl_usr);
    if (r == kNoSymbol) return fail(SkipKind::Unsupported, "class " + spelled + " is not defined in the project");
    if (t.polymorphic || p_.symbols[r].is_polymorphic)
      return fail(SkipKind::HandleNeeded, spelled + " has virtual methods: a copy would slice; its objects would need a handle id");
    if (!record_ok(r, skip)) return std::nullopt;
    w.kind = WireKind::Message;
    w.decl = r;
    return w;
  }
  case TypeShape::Pointer: {
    const TypeInfo* pointee = t.args.empty() ? nullptr : &t.args[0];
    // A C string parameter travels as an optional string: null stays null.
    if (use == TypeUse::Param && depth == 0 && pointee && pointee->shape == TypeShape::Char && pointee->is_const) {
      w.kind = WireKind::String;
      w.c_string = true;
      w.cpp = "std::string";
      return w;
    }
    if (pointee && pointee->shape == TypeShape::Function)
      return fail(SkipKind::Callback, spelled + " is a function pointer: code cannot be sent to a service");
    if (use == TypeUse::Result && pointee && pointee->shape == TypeShape::Char)
      return fail(SkipKind::RawPointer, spelled + ": the characters would live in the service's memory; return std::string");
    return fail(SkipKind::RawPointer, spelled + " is a raw pointer: the service cannot see the caller's memory");
  }
  case TypeShape::Reference: {
    if (t.args.empty()) return fail(SkipKind::Unsupported, "reference to an unknown type: " + spelled);
    const TypeInfo& ref = t.args[0];
    if (use != TypeUse::Param)
      return fail(use == TypeUse::Result ? SkipKind::ReturnsReference : SkipKind::Unsupported,
                  spelled + " is a reference: the caller would hold a reference into the service's memory");
    bool polymorphic = ref.shape == TypeShape::Record &&
                       (ref.polymorphic || (lookup(ref.decl_usr) != kNoSymbol && p_.symbols[lookup(ref.decl_usr)].is_polymorphic));
    if (polymorphic)
      return fail(SkipKind::PolymorphicReference, spelled + " refers to a class with virtual methods: the object's dynamic type cannot cross the boundary");
    bool rvalue = t.spelling.size() >= 2 && t.spelling.compare(t.spelling.size() - 2, 2, "&&") == 0;
    if (!ref.is_const && !rvalue)
      return fail(SkipKind::OutParameter, spelled + " is a non-const reference: changes would not come back from the service");
    return map_inner(ref, use, skip, depth + 1);
  }
  case TypeShape::SmartPointer:
    return fail(SkipKind::SmartPointer, spelled + " shares or moves ownership of memory the service cannot see");
  case TypeShape::Function:
    return fail(SkipKind::Callback, spelled + " is a callback: code cannot be sent to a service");
  case TypeShape::TemplateParam:
    return fail(SkipKind::Template, spelled + " depends on a template parameter");
  case TypeShape::Pair:
    return fail(SkipKind::Unsupported, spelled + ": std::pair and std::tuple have no field names; use a struct");
  case TypeShape::Iterator:
    return fail(SkipKind::Unsupported, spelled + " is an iterator into the service's memory");
  case TypeShape::Void:
    return fail(SkipKind::Unsupported, "void is not a value");
  case TypeShape::Other:
    break;
  }
  return fail(SkipKind::Unsupported, "no proto mapping for " + spelled);
}

bool TypeMapper::enum_ok(SymbolId e, Skip& skip) {
  auto st = enum_state_.find(e);
  if (st != enum_state_.end()) {
    if (st->second == 3) skip = enum_skip_[e];
    return st->second != 3;
  }
  const Symbol& s = p_.symbols[e];
  auto kids = children_.find(e);
  std::vector<SymbolId> values = kids == children_.end() ? std::vector<SymbolId>{} : kids->second;
  Skip bad;
  bool ok = true;
  if (s.is_template) {
    ok = false;
    bad = {SkipKind::Template, "enum " + s.name + " is a member of a template"};
  } else if (values.empty()) {
    ok = false;
    bad = {SkipKind::Unsupported, "enum " + s.name + " has no enumerators the project declares"};
  }
  for (SymbolId v : values)
    if (ok && (p_.symbols[v].enum_value < INT32_MIN || p_.symbols[v].enum_value > INT32_MAX)) {
      ok = false;
      bad = {SkipKind::Unsupported, "enumerator " + p_.symbols[v].name + " = " +
                                        std::to_string(p_.symbols[v].enum_value) + " does not fit a proto enum (int32)"};
    }
  enum_state_[e] = ok ? 2 : 3;
  if (!ok) {
    enum_skip_[e] = bad;
    skip = bad;
    return false;
  }
  enums_.push_back(EnumShape{e, std::move(values)});
  return true;
}

bool TypeMapper::record_ok(SymbolId r, Skip& skip) {
  auto st = record_state_.find(r);
  if (st != record_state_.end()) {
    if (st->second == 3) skip = record_skip_[r];
    return st->second != 3; // in progress (a recursive record) counts as fine
  }
  record_state_[r] = 1;
  const size_t first_done = records_.size();
  const Symbol& s = p_.symbols[r];
  auto fail = [&](SkipKind k, std::string detail) {
    skip = Skip{k, std::move(detail)};
    record_state_[r] = 3;
    record_skip_[r] = skip;
    // Records finished while this one was in progress may contain it: forget
    // them, they are examined again (and fail through it) when next reached.
    for (size_t i = first_done; i < records_.size(); ++i) {
      record_state_.erase(records_[i].symbol);
      for (SymbolId f : records_[i].fields) field_types_.erase(f);
    }
    records_.resize(first_done);
    return false;
  };
  if (s.kind == SymbolKind::Union) return fail(SkipKind::Unsupported, s.name + " is a union: which member is live is not known");
  if (s.is_template) return fail(SkipKind::Template, s.name + " is a class template");
  if (!s.def.valid()) return fail(SkipKind::Unsupported, s.name + " is declared but not defined in the project");
  if (s.is_polymorphic) return fail(SkipKind::HandleNeeded, s.name + " has virtual methods: its objects would need a handle id");
  std::vector<std::string> getters;
  if (!s.is_aggregate) {
    std::string missing;
    if (!value_class(r, getters, missing))
      return fail(SkipKind::HandleNeeded,
                  s.name + " has private state or constructors: its objects would cross the boundary as a handle id; "
                           "to send it by value give it a default constructor, a constructor taking every field in "
                           "order and a const getter per field (" + missing + "), or declare a conversion in seam.json");
  }
  if (!s.bases.empty()) // after build_project: the bases not in the project
    return fail(SkipKind::Unsupported, s.name + " derives from a class outside the project");
  // A C++17 aggregate may have public bases: their fields come first, as in memory.
  std::vector<SymbolId> fields;
  for (SymbolId b : s.base_ids) {
    Skip why;
    if (!record_ok(b, why)) return fail(why.kind, "base " + p_.symbols[b].name + ": " + why.detail);
    for (const RecordShape& shape : records_)
      if (shape.symbol == b) fields.insert(fields.end(), shape.fields.begin(), shape.fields.end());
  }
  auto kids = children_.find(r);
  if (kids != children_.end())
    for (SymbolId f : kids->second)
      if (p_.symbols[f].kind == SymbolKind::Field) fields.push_back(f);
  for (SymbolId f : fields) {
    const Symbol& fs = p_.symbols[f];
    Skip why;
    if (fs.result.is_const && fs.result.shape != TypeShape::Reference)
      return fail(SkipKind::Unsupported, "field " + fs.name + " is const: a message cannot be converted back into it");
    auto w = map_inner(fs.result, TypeUse::Field, why, 1);
    if (!w) return fail(why.kind, "field " + fs.name + ": " + why.detail);
    field_types_[f] = std::move(*w);
  }
  record_state_[r] = 2;
  records_.push_back(RecordShape{r, std::move(fields), std::move(getters)});
  return true;
}

namespace {

/// "x_", "m_x", "x", "getX", "get_x" -> "x": what a getter and its field share.
std::string accessor_key(std::string name, bool getter) {
  if (getter && name.size() > 3 && (name.rfind("get", 0) == 0 || name.rfind("Get", 0) == 0)) name = name.substr(3);
  if (!getter && name.rfind("m_", 0) == 0) name = name.substr(2);
  std::string out;
  for (char c : name)
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool const_member(const Symbol& m) {
  size_t close = m.signature.rfind(')');
  return close != std::string::npos && m.signature.find("const", close) != std::string::npos;
}

} // namespace

bool TypeMapper::value_class(SymbolId r, std::vector<std::string>& getters, std::string& missing) const {
  const Symbol& s = p_.symbols[r];
  if (!s.base_ids.empty() || !s.bases.empty()) {
    missing = "it has base classes";
    return false;
  }
  std::vector<SymbolId> fields;
  if (auto kids = children_.find(r); kids != children_.end())
    for (SymbolId f : kids->second)
      if (p_.symbols[f].kind == SymbolKind::Field) fields.push_back(f);
  if (fields.empty()) {
    missing = "it has no fields";
    return false;
  }
  bool default_ctor = false, every_field = false;
  std::vector<const Symbol*> methods;
  for (const Symbol& m : p_.symbols) {
    if (m.parent != r) continue;
    if (m.kind == SymbolKind::Method && m.params.empty() && const_member(m)) methods.push_back(&m);
    if (m.kind != SymbolKind::Constructor) continue;
    if (m.params.empty()) default_ctor = true;
    if (m.params.size() != fields.size()) continue;
    bool same = true;
    for (size_t i = 0; i < fields.size() && same; ++i)
      same = value_spelling(m.params[i].type.spelling) == value_spelling(p_.symbols[fields[i]].result.spelling);
    every_field |= same;
  }
  if (!default_ctor) missing = "no default constructor";
  else if (!every_field) missing = "no constructor taking every field in order";
  if (!missing.empty()) return false;
  getters.clear();
  for (SymbolId f : fields) {
    const Symbol& fs = p_.symbols[f];
    const std::string key = accessor_key(last_component(fs.name), false);
    const Symbol* found = nullptr;
    for (const Symbol* m : methods)
      if (accessor_key(last_component(m->name), true) == key &&
          value_spelling(m->result.spelling) == value_spelling(fs.result.spelling))
        found = m;
    if (!found) {
      missing = "no const getter for " + last_component(fs.name);
      return false;
    }
    getters.push_back(last_component(found->name));
  }
  return true;
}

} // namespace seam::stubs
