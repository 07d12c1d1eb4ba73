#include "analyzers/stubs/service_plan.h"

#include "analyzers/model/dependency_time.h"
#include "analyzers/stubs/c_callbacks.h"
#include "analyzers/stubs/callbacks.h"
#include "analyzers/stubs/names.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <functional>
#include <set>
#include <tuple>

namespace seam::stubs {

UnservedOperation unserved_operation(const Symbol& s, std::string declared_at, std::string reason) {
  UnservedOperation u;
  u.local_name = last_component(s.name);
  u.result_spelling = s.result.spelling.empty() ? "void" : s.result.spelling;
  for (size_t i = 0; i < s.params.size(); ++i)
    u.params.emplace_back(s.params[i].type.spelling,
                          s.params[i].name.empty() ? "arg" + std::to_string(i + 1) : s.params[i].name);
  const size_t close = s.signature.rfind(')');
  u.is_const = close != std::string::npos && s.signature.find("const", close) != std::string::npos;
  u.is_noexcept = close != std::string::npos && s.signature.find("noexcept", close) != std::string::npos;
  u.declared_at = std::move(declared_at);
  u.reason = std::move(reason);
  return u;
}

std::string ServicePlan::proto_type(const WireType& t) const {
  switch (t.kind) {
  case WireKind::Scalar: return t.scalar;
  case WireKind::String: return t.bytes ? "bytes" : "string";
  case WireKind::Enum:
  case WireKind::Message:
    if (t.wrapper()) {
      auto it = wrapper_names.find(t.args.at(0).key());
      return it == wrapper_names.end() ? "?" : it->second;
    } else {
      auto it = type_names.find(t.decl);
      return it == type_names.end() ? "?" : it->second;
    }
  default: return "?";
  }
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string kind_word(SymbolKind k) {
  switch (k) {
  case SymbolKind::Function: return "function";
  case SymbolKind::Method: return "method";
  case SymbolKind::StaticMethod: return "static method";
  case SymbolKind::Constructor: return "constructor";
  case SymbolKind::Destructor: return "destructor";
  case SymbolKind::Conversion: return "conversion operator";
  case SymbolKind::Class: return "class";
  case SymbolKind::Struct: return "struct";
  case SymbolKind::Union: return "union";
  case SymbolKind::Enum: return "enum";
  case SymbolKind::Variable: return "variable";
  case SymbolKind::TypeAlias: return "type alias";
  case SymbolKind::Macro: return "macro";
  case SymbolKind::Concept: return "concept";
  default: return to_string(k);
  }
}

class Planner {
public:
  Planner(const Project& p, ModuleId m, const std::vector<InterfaceSymbol>& iface, const Port* port = nullptr)
      : p_(p), module_(m), iface_(iface), mapper_(p), port_(port),
        callbacks_(p, m, mapper_, package_names_, rpc_names_) {}

  ServicePlan run() {
    ServicePlan& sp = plan_;
    sp.module = p_.module_name(module_);
    sp.base = safe_identifier(sp.module);
    sp.service = pascal_case(sp.base) + "Service";
    if (port_) {
      // The files and the service are named after the class: a module may
      // serve several contracts, each its own service.
      const Symbol& c = p_.symbols[port_->symbol];
      sp.base = safe_identifier(snake_case(last_component(c.name)));
      sp.service = pascal_case(last_component(c.name));
      ContractPlan cp;
      cp.symbol = port_->symbol;
      cp.qualified = c.name;
      cp.ns = scope_of(c.name);
      cp.name = last_component(c.name);
      cp.client_class = cp.name + "Client";
      cp.declared_at = where(c.decl);
      if (c.decl.valid()) cp.header = include_spelling(c.decl.file);
      for (SymbolId i : port_->implementations) cp.implementations.push_back(p_.symbols[i].name);
      for (ModuleId m : port_->callers) cp.caller_modules.push_back(p_.module_name(m));
      sp.contract = std::move(cp);
    }
    sp.package = lower(sp.base) + ".v1";
    sp.cpp_package = "::" + lower(sp.base) + "::v1";
    sp.env_addr = "SEAM_" + upper(sp.base) + "_ADDR";
    package_names_.reserve(sp.service);
    package_names_.reserve(sp.service + "Impl"); // the server's class

    std::vector<const InterfaceSymbol*> functions;
    if (!port_) find_interfaces();
    if (!port_)
      for (const InterfaceSymbol& is : iface_) {
        const Symbol& s = p_.symbols[is.symbol];
        if ((s.kind == SymbolKind::Method || s.kind == SymbolKind::Constructor || s.kind == SymbolKind::Destructor) &&
            s.parent != kNoSymbol)
          has_members_.insert(s.parent);
      }
    // A remote class's out-of-line destructor is called wherever an object
    // ends, which the index does not record as a use: without it the client
    // would not link, and it is what releases the service's object.
    std::set<SymbolId> listed;
    for (const InterfaceSymbol& is : iface_) listed.insert(is.symbol);
    for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
      const Symbol& d = p_.symbols[i];
      Skip why;
      // A remote interface is served whole: every virtual method (pure ones
      // have no definition and are in no module's interface) and its
      // destructor, which the client's proxy forwards.
      if (d.parent != kNoSymbol && interfaces_.count(d.parent) && !listed.count(i) &&
          ((d.kind == SymbolKind::Method && d.is_virtual) || d.kind == SymbolKind::Destructor)) {
        InterfaceSymbol extra;
        extra.symbol = i;
        extra_.push_back(extra);
        continue;
      }
      if (d.kind == SymbolKind::Destructor && d.parent != kNoSymbol && has_members_.count(d.parent) &&
          !listed.count(i) && d.def.valid() && !is_inline_code(p_, d) && remote_class_ok(d.parent, why)) {
        InterfaceSymbol extra;
        extra.symbol = i;
        extra_.push_back(extra);
      }
    }
    inherited_virtuals();
    std::vector<const InterfaceSymbol*> all;
    for (const InterfaceSymbol& is : iface_) all.push_back(&is);
    for (const InterfaceSymbol& is : extra_) all.push_back(&is);
    for (const InterfaceSymbol* isp : all) {
      const InterfaceSymbol& is = *isp;
      const Symbol& s = p_.symbols[is.symbol];
      switch (s.kind) {
      case SymbolKind::Function:
      case SymbolKind::StaticMethod:
        functions.push_back(&is);
        break;
      case SymbolKind::Method:
        if (port_) { // a contract's operation: served through the implementation
          functions.push_back(&is);
          break;
        }
        [[fallthrough]];
      case SymbolKind::Constructor:
      case SymbolKind::Destructor: {
        // A member of a class whose objects can live in the service: an rpc
        // taking (or, for a constructor, returning) the object's handle.
        Skip why;
        if (SymbolId on = served_on(is); on != kNoSymbol && remote_class_ok(on, why)) {
          functions.push_back(&is);
          break;
        }
        // A base's virtual method that a remote interface inherits is served
        // on the interface's handle (inherited_virtuals): a call through a
        // proxy forwards; nothing else about it needs a decision.
        if (served_on_.count(&is) == 0 && inherited_.count(is.symbol)) break;
        std::string cls = s.parent != kNoSymbol ? p_.symbols[s.parent].name : scope_of(s.name);
        if (s.parent == kNoSymbol)
          why = {SkipKind::HandleNeeded, "member of class " + cls + ", which seam did not see defined: its objects "
                                         "would cross the boundary as a handle id"};
        skip(is.symbol, {why.kind, why.detail});
        break;
      }
      case SymbolKind::Conversion: {
        std::string cls = s.parent != kNoSymbol ? p_.symbols[s.parent].name : scope_of(s.name);
        skip(is.symbol, {SkipKind::Unsupported, "conversion operator of class " + cls +
                                                    ": wrap it in a named method to serve it"});
        break;
      }
      case SymbolKind::Variable:
        skip(is.symbol, {SkipKind::SharedVariable, "other modules read or write it directly; a service shares no "
                                                   "memory: replace it with functions"});
        break;
      case SymbolKind::Field:
      case SymbolKind::EnumConstant:
        break; // part of their record or enum
      default:
        shared_.push_back(is.symbol);
        break;
      }
    }
    for (const InterfaceSymbol* is : functions) plan_function(*is);
    // Skips in declaration order, like the rpcs: a reader walks the header once.
    std::stable_sort(plan_.skipped.begin(), plan_.skipped.end(), [&](const SkippedPlan& a, const SkippedPlan& b) {
      const Loc& x = p_.symbols[a.symbol].decl;
      const Loc& y = p_.symbols[b.symbol].decl;
      return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
    });
    if (port_)
      for (const SkippedPlan& sk : plan_.skipped) {
        sp.contract->unserved.push_back(unserved_operation(
            p_.symbols[sk.symbol], sk.where, std::string(to_string(sk.why.kind)) + ": " + sk.why.detail));
      }
    // The callback classes and their rpcs, before the types they use are named.
    for (const Pending& pend : pending_) {
      for (const auto& [i, cb] : pend.callbacks) callbacks_.index(cb.first, plan_);
      for (const auto& [i, st] : pend.carried) {
        if (std::find(carried_order_.begin(), carried_order_.end(), st) == carried_order_.end())
          carried_order_.push_back(st);
        for (const CarriedField& cf : carried_fields_.at(st))
          if (cf.callback != kNoSymbol) callbacks_.index(cf.callback, plan_);
      }
    }
    // A callback class's methods in the interface (implemented by other
    // modules) are served the other way: by the client, as callback rpcs.
    std::set<SymbolId> called_back;
    for (const RpcPlan& r : plan_.callback_rpcs) called_back.insert(r.symbol);
    plan_.skipped.erase(std::remove_if(plan_.skipped.begin(), plan_.skipped.end(),
                                       [&](const SkippedPlan& sk) { return called_back.count(sk.symbol) != 0; }),
                        plan_.skipped.end());
    name_types();
    finish_rpcs();
    name_wrappers();
    shared_types();
    remote_sites();
    headers();
    return std::move(plan_);
  }

private:
  std::string where(const Loc& l) const {
    if (!l.valid()) return "?";
    return p_.files[l.file].path + ":" + std::to_string(l.line);
  }
  std::string def_or_decl(const Symbol& s) const { return where(s.def.valid() ? s.def : s.decl); }

  /// What a planned message and a planned enum both carry: the proto name
  /// given by name_types(), the C++ spelling and where the type is defined.
  template <typename TypePlan>
  void name_type_plan(TypePlan& t, SymbolId id) const {
    const Symbol& s = p_.symbols[id];
    t.proto = plan_.type_names.at(id);
    t.cpp = "::" + s.name;
    t.origin = def_or_decl(s);
  }

  void skip(SymbolId id, Skip why) {
    const Symbol& s = p_.symbols[id];
    plan_.skipped.push_back(SkippedPlan{id, s.name, kind_word(s.kind), where(s.decl), std::move(why)});
  }

  struct Pending {
    const InterfaceSymbol* is = nullptr;
    std::vector<WireType> params;
    std::optional<WireType> result;
    RpcRole role = RpcRole::Function;
    std::vector<std::pair<SymbolId, bool>> objects; ///< per parameter: remote class (or kNoSymbol), passed as pointer
    std::set<size_t> outs; ///< parameters that are `T*` to one value (in-out)
    std::set<size_t> arrays; ///< `const T*` parameters followed by their count (or `T**` of a remote class)
    std::set<size_t> handed; ///< remote objects the callee takes over (seam.json "ownership")
    SymbolId result_object = kNoSymbol; ///< the result is `T*` of this remote interface
    std::map<size_t, std::pair<SymbolId, bool>> callbacks; ///< parameter -> callback class, passed as pointer
    bool result_pointer = false; ///< `const T*` of a value: nullptr is an unset result
    std::map<size_t, SymbolId> carried; ///< parameter -> struct of settings carried by value
  };

  /// A field of a struct of settings, as carried_struct() found it.
  struct CarriedField {
    SymbolId field = kNoSymbol;
    WireType type;              ///< a value field's wire type
    SymbolId callback = kNoSymbol; ///< a pointer to this polymorphic class: a callback handle
  };

  /// The struct a parameter of type `t` (T, const T&) passes when it travels
  /// by value as a struct of settings, or kNoSymbol. A `struct` (its members
  /// are public unless it says otherwise: the facts do not record access),
  /// not polymorphic, without bases, default-constructible, that is not a
  /// value already, whose every data member is a value or a pointer to a
  /// polymorphic class of the project that can be a callback. When such a
  /// struct has a member that cannot travel, `refused` names it and the
  /// result is kNoSymbol: a struct carried without one of its fields would
  /// change what the module computes.
  SymbolId carried_struct(const TypeInfo& t, std::string& refused) {
    const TypeInfo* rec = nullptr;
    if (t.shape == TypeShape::Record) rec = &t;
    else if (t.shape == TypeShape::Reference && !t.args.empty() && t.args[0].is_const &&
             t.args[0].shape == TypeShape::Record)
      rec = &t.args[0];
    if (rec == nullptr) return kNoSymbol;
    const SymbolId c = lookup_usr(rec->decl_usr);
    if (c == kNoSymbol) return kNoSymbol;
    if (auto it = carried_verdict_.find(c); it != carried_verdict_.end()) {
      refused = it->second;
      return carried_fields_.count(c) ? c : kNoSymbol;
    }
    std::string& verdict = carried_verdict_[c];
    const Symbol& cs = p_.symbols[c];
    if (cs.kind != SymbolKind::Struct || cs.is_template || cs.is_polymorphic || !cs.def.valid() ||
        !p_.files[cs.def.file].is_header || !cs.base_ids.empty() || !cs.bases.empty() || served_classes().count(c))
      return kNoSymbol;
    Skip value;
    if (mapper_.map(*rec, TypeUse::Param, value)) return kNoSymbol; // a value already
    bool declared = false, default_ctor = false;
    std::vector<SymbolId> fields;
    for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
      const Symbol& m = p_.symbols[i];
      if (m.parent != c) continue;
      if (m.kind == SymbolKind::Constructor) {
        declared = true;
        default_ctor |= m.params.empty();
      }
      if (m.kind == SymbolKind::Field) fields.push_back(i);
    }
    if ((declared && !default_ctor) || fields.empty()) return kNoSymbol;
    std::stable_sort(fields.begin(), fields.end(), [&](SymbolId a, SymbolId b) {
      const Loc& x = p_.symbols[a].decl;
      const Loc& y = p_.symbols[b].decl;
      return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
    });
    std::vector<CarriedField> out;
    for (SymbolId f : fields) {
      const Symbol& fs = p_.symbols[f];
      const TypeInfo& ft = fs.result;
      std::string why;
      CarriedField cf;
      cf.field = f;
      if (ft.shape == TypeShape::Reference) {
        why = "a reference member cannot be rebound in the service's copy";
      } else if (ft.is_const) {
        why = "a const member cannot be assigned in the service's copy";
      } else if (SymbolId pointee = ft.shape == TypeShape::Pointer && !ft.args.empty() &&
                                            ft.args[0].shape == TypeShape::Record
                                        ? lookup_usr(ft.args[0].decl_usr)
                                        : kNoSymbol;
                 pointee != kNoSymbol && p_.symbols[pointee].is_polymorphic) {
        // The class's symbol, not the field's type, says whether it is
        // polymorphic: options.h only forward-declares Env and Comparator.
        bool pointer = false;
        cf.callback = callbacks_.callback_class(ft, pointer, served_classes());
        if (cf.callback != pointee)
          why = "a pointer to a polymorphic class that cannot be a callback here (a template, defined in no header, "
                "without a default constructor, or served by this module)";
      } else {
        Skip w;
        if (auto wt = mapper_.map(ft, TypeUse::Field, w)) cf.type = std::move(*wt);
        else why = w.detail;
      }
      if (!why.empty()) {
        verdict = cs.name + " is a struct of settings seam would carry by value (its fields as values, its "
                  "pointers to polymorphic classes as callback handles), but its field '" +
                  last_component(fs.name) + "' (" + ft.spelling + ") cannot travel: " + why +
                  "; carried without it, the service's copy would hold a default instead of the caller's value. "
                  "Make that field a value or a pointer to a polymorphic class, or declare a seam.json "
                  "\"conversions\" entry for " + cs.name;
        refused = verdict;
        return kNoSymbol;
      }
      out.push_back(std::move(cf));
    }
    carried_fields_[c] = std::move(out);
    return c;
  }

  SymbolId lookup_usr(const std::string& usr) const {
    if (usr.empty()) return kNoSymbol;
    auto it = p_.symbol_index.find(usr);
    return it == p_.symbol_index.end() ? kNoSymbol : it->second;
  }

  /// Fields of a record in declaration order.
  std::vector<SymbolId> mapper_classifier_fields(SymbolId record) const {
    std::vector<SymbolId> out;
    for (SymbolId i = 0; i < p_.symbols.size(); ++i)
      if (p_.symbols[i].kind == SymbolKind::Field && p_.symbols[i].parent == record) out.push_back(i);
    return out;
  }

  /// The polymorphic class a type points to (`T*`, T a class with virtual
  /// methods defined in a header of the project), or kNoSymbol.
  SymbolId polymorphic_pointee(const TypeInfo& t) const {
    if (t.shape != TypeShape::Pointer || t.args.empty() || t.args[0].shape != TypeShape::Record) return kNoSymbol;
    SymbolId c = lookup_usr(t.args[0].decl_usr);
    if (c == kNoSymbol) return kNoSymbol;
    const Symbol& cs = p_.symbols[c];
    if (!cs.is_polymorphic || cs.is_template || !cs.def.valid() || !cs.decl.valid() || !p_.files[cs.decl.file].is_header)
      return kNoSymbol;
    return c;
  }

  /// seam.json's word on who owns what parameter `param` of `fn` passes.
  const OwnershipDecl* ownership_of(const Symbol& fn, const std::string& param) const {
    for (const OwnershipDecl& d : p_.config.ownership)
      if (d.function == fn.name && d.param == param) return &d;
    return nullptr;
  }

  /// The remote class of `T** items` followed by an integer count (parameter
  /// i of `fn`), or kNoSymbol.
  SymbolId remote_array(const Symbol& fn, size_t i) {
    const TypeInfo& t = fn.params[i].type;
    if (t.shape != TypeShape::Pointer || t.args.empty() || t.args[0].shape != TypeShape::Pointer ||
        t.args[0].args.empty() || t.args[0].args[0].shape != TypeShape::Record || i + 1 >= fn.params.size() ||
        fn.params[i + 1].type.shape != TypeShape::Int)
      return kNoSymbol;
    SymbolId c = lookup_usr(t.args[0].args[0].decl_usr);
    Skip why;
    return c != kNoSymbol && has_members_.count(c) && remote_class_ok(c, why) ? c : kNoSymbol;
  }

  /// Remote interfaces: polymorphic classes the module hands out as `T*`
  /// (a factory's result, or a virtual method of such a class returning one).
  /// The caller never names the dynamic type, so a proxy deriving from the
  /// class keeps its code unchanged.
  void find_interfaces() {
    std::vector<SymbolId> todo;
    for (const InterfaceSymbol& is : iface_) {
      const Symbol& s = p_.symbols[is.symbol];
      if (s.kind == SymbolKind::Function || s.kind == SymbolKind::StaticMethod || s.kind == SymbolKind::Method)
        if (SymbolId c = polymorphic_pointee(s.result); c != kNoSymbol) todo.push_back(c);
    }
    while (!todo.empty()) {
      SymbolId c = todo.back();
      todo.pop_back();
      if (!interfaces_.insert(c).second) continue;
      has_members_.insert(c);
      for (const Symbol& m : p_.symbols)
        if (m.parent == c && m.kind == SymbolKind::Method && m.is_virtual)
          if (SymbolId d = polymorphic_pointee(m.result); d != kNoSymbol) todo.push_back(d);
    }
  }

  /// The class whose handle an rpc for `is` takes: the member's own class,
  /// or the remote interface that inherits it (inherited_virtuals).
  SymbolId served_on(const InterfaceSymbol& is) const {
    auto it = served_on_.find(&is);
    return it != served_on_.end() ? it->second : p_.symbols[is.symbol].parent;
  }

  /// A remote interface's proxy must override every virtual method a caller
  /// can call on it, so the virtual methods it inherits from its bases (and
  /// does not redeclare) are served too, on the interface's own handle: the
  /// server calls them through a base pointer, dispatched on the real object.
  /// The nearest declaration wins (bases are walked nearest first), as in
  /// C++. Without a destructor of its own, the nearest base's destructor is
  /// its release rpc.
  void inherited_virtuals() {
    for (SymbolId c : interfaces_) {
      std::vector<SymbolId> bases;
      std::set<SymbolId> seen_bases{c};
      for (size_t k = 0; k <= bases.size(); ++k) // breadth first: nearest bases first
        for (SymbolId b : p_.symbols[k == 0 ? c : bases[k - 1]].base_ids)
          if (seen_bases.insert(b).second) bases.push_back(b);
      if (bases.empty()) continue;
      auto key = [&](const Symbol& m) { return last_component(m.name) + signature_params(m.signature); };
      std::set<std::string> declared;
      bool has_destructor = false;
      for (const Symbol& m : p_.symbols)
        if (m.parent == c) {
          if (m.kind == SymbolKind::Method && m.is_virtual) declared.insert(key(m));
          has_destructor |= m.kind == SymbolKind::Destructor;
        }
      for (SymbolId b : bases)
        for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
          const Symbol& m = p_.symbols[i];
          if (m.parent != b) continue;
          const bool method = m.kind == SymbolKind::Method && m.is_virtual && declared.insert(key(m)).second;
          const bool destructor = m.kind == SymbolKind::Destructor && !has_destructor;
          if (!method && !destructor) continue;
          has_destructor |= destructor;
          InterfaceSymbol extra;
          extra.symbol = i;
          extra_.push_back(extra);
          served_on_[&extra_.back()] = c;
          inherited_.insert(i);
        }
    }
  }

  /// Can objects of `cls` live in the service behind a handle? A plain
  /// concrete class of this module, or a remote interface (find_interfaces);
  /// any other class with virtual methods would need a proxy per dynamic type.
  bool remote_class_ok(SymbolId cls, Skip& why) {
    auto it = class_verdict_.find(cls);
    if (it != class_verdict_.end()) {
      why = it->second.second;
      return it->second.first;
    }
    const Symbol& c = p_.symbols[cls];
    Skip bad;
    bool ok = false;
    if (c.kind != SymbolKind::Class && c.kind != SymbolKind::Struct)
      bad = {SkipKind::HandleNeeded, "member of " + c.name + ", which is not a class"};
    else if (c.is_template)
      bad = {SkipKind::Template, "member of class template " + c.name + ": no single class to serve"};
    else if (c.is_polymorphic && !interfaces_.count(cls))
      bad = {SkipKind::HandleNeeded,
             "member of class " + c.name +
                 ", which has virtual methods, and no function of the module returns one as a pointer (a factory "
                 "returning " + c.name + "* makes it a remote interface with a proxy in the client; an abstract "
                 "class with only pure virtual methods implemented elsewhere is a port: seam split --contract)"};
    else if (!c.def.valid())
      bad = {SkipKind::HandleNeeded, "member of class " + c.name + ", whose definition seam did not see"};
    else if (!c.decl.valid() || !p_.files[c.decl.file].is_header)
      bad = {SkipKind::Unsupported, "member of class " + c.name + ", which is declared in no header"};
    else
      ok = true;
    class_verdict_[cls] = {ok, bad};
    why = bad;
    return ok;
  }

  /// The remote class a parameter of type `t` refers to (T&, const T&, T*,
  /// const T*), or kNoSymbol.
  SymbolId remote_object(const TypeInfo& t, bool& pointer) {
    if ((t.shape != TypeShape::Reference && t.shape != TypeShape::Pointer) || t.args.empty()) return kNoSymbol;
    if (t.args[0].shape != TypeShape::Record) return kNoSymbol;
    SymbolId c = lookup_usr(t.args[0].decl_usr);
    Skip why;
    if (c == kNoSymbol || !has_members_.count(c) || !remote_class_ok(c, why)) return kNoSymbol;
    pointer = t.shape == TypeShape::Pointer;
    return c;
  }

  /// Classes the module serves itself: never callbacks.
  std::set<SymbolId> served_classes() {
    std::set<SymbolId> out(interfaces_.begin(), interfaces_.end());
    for (SymbolId c : has_members_) {
      Skip why;
      if (remote_class_ok(c, why)) out.insert(c);
    }
    return out;
  }

  /// Whether constructor `ctor` takes an object of the caller of the class a
  /// reference member of type `member` refers to, as a callback: the member
  /// is then bound to the service's stand-in for it.
  bool bound_to_callback(const Symbol& ctor, const TypeInfo& member) {
    if (member.args.empty()) return false;
    const SymbolId want = lookup_usr(member.args[0].decl_usr);
    for (const Param& prm : ctor.params) {
      bool pointer = false;
      if (prm.type.shape == TypeShape::Reference &&
          callbacks_.callback_class(prm.type, pointer, served_classes()) == want && want != kNoSymbol)
        return true;
    }
    return false;
  }

  void plan_function(const InterfaceSymbol& is) {
    const Symbol& s = p_.symbols[is.symbol];
    std::string last = last_component(s.name);
    const RpcRole role = port_ ? RpcRole::Function
                         : s.kind == SymbolKind::Method      ? RpcRole::Method
                         : s.kind == SymbolKind::Constructor ? RpcRole::Constructor
                         : s.kind == SymbolKind::Destructor  ? RpcRole::Destructor
                                                             : RpcRole::Function;
    if (s.is_template) return skip(is.symbol, {SkipKind::Template, "a function template has no single signature to serve"});
    if (last.rfind("operator", 0) == 0 && last.size() > 8 && !std::isalnum(static_cast<unsigned char>(last[8])) && last[8] != '_')
      return skip(is.symbol, {SkipKind::Unsupported, "an overloaded operator; wrap it in a named function to serve it"});
    const SymbolId on = served_on(is); // s.parent, or the interface inheriting s
    const bool of_interface = role != RpcRole::Function && on != kNoSymbol && interfaces_.count(on);
    // A virtual method of a remote interface is served whatever its body's
    // place: the server calls it on the real object, dynamically dispatched.
    const bool interface_virtual = of_interface && ((role == RpcRole::Method && s.is_virtual) || role == RpcRole::Destructor);
    if (of_interface && !interface_virtual) {
      const std::string cls = p_.symbols[on].name;
      if (role == RpcRole::Constructor)
        return skip(is.symbol, {SkipKind::StaysLocal,
                                "constructor of the remote interface " + cls + ": it runs for every implementation "
                                "in its own process (the client's proxies too); keep its definition in the client's "
                                "build"});
      return skip(is.symbol, {SkipKind::StaysLocal,
                              "non-virtual member of the remote interface " + cls + ": it runs on the object it is "
                              "called on, in the caller's process (a proxy there has none of the service object's "
                              "state); keep its definition in the client's build, or make it virtual to serve it"});
    }
    if (role != RpcRole::Function && !interface_virtual && is_inline_code(p_, s))
      return skip(is.symbol, {SkipKind::StaysLocal,
                              "defined inline in the class's header: it runs in the caller on the proxy object's own "
                              "fields, which the service's object does not share; move its body to a source file of "
                              "the module to make it an rpc"});
    if (!port_ && !interface_virtual && is_inline_code(p_, s))
      return skip(is.symbol, {SkipKind::StaysLocal, "defined inline in a header: it runs in the caller's process; "
                                                     "the functions it calls are what become remote"});
    if (role == RpcRole::Method && s.is_virtual && !interface_virtual)
      return skip(is.symbol, {SkipKind::HandleNeeded, "virtual method: a remote object is one concrete class"});
    if (role == RpcRole::Constructor) {
      for (const Param& prm : s.params) {
        const TypeInfo& t = prm.type;
        if (t.shape == TypeShape::Reference && !t.args.empty() && lookup_usr(t.args[0].decl_usr) == s.parent)
          return skip(is.symbol, {SkipKind::Unsupported,
                                  "copy or move constructor: a copy would be a second object in the service; copies "
                                  "of the proxy object are not tracked (give the class a clone method to serve one)"});
      }
      for (SymbolId f : mapper_classifier_fields(s.parent))
        if (p_.symbols[f].result.shape == TypeShape::Reference && !bound_to_callback(s, p_.symbols[f].result))
          return skip(is.symbol, {SkipKind::OutParameter,
                                  "reference member '" + last_component(p_.symbols[f].name) + "' (" +
                                      p_.symbols[f].result.spelling +
                                      "): the object it refers to stays in the caller's process, so the service's "
                                      "object cannot bind it; decide whether that object moves into the service too "
                                      "(then construct it there) or is passed to this constructor (then it stays in the "
                                      "caller and the service calls it back)"});
    }
    if (!port_ && !s.def.valid() && !interface_virtual) // a pure virtual method has no definition to call
      return skip(is.symbol, {SkipKind::Unsupported, "declared but not defined in any parsed translation unit"});
    if (!s.decl.valid() || !p_.files[s.decl.file].is_header)
      return skip(is.symbol, {SkipKind::Unsupported, "declared in no header, so generated code cannot call it"});
    if (s.signature.find("...") != std::string::npos)
      return skip(is.symbol, {SkipKind::Unsupported, "variadic: the arguments are not known before the call"});
    if (auto why = c_callback_skip(s.name, s.params)) return skip(is.symbol, std::move(*why));
    Pending pend;
    pend.is = &is;
    pend.role = role;
    for (size_t i = 0; i < s.params.size(); ++i) {
      Skip why;
      bool pointer = false;
      SymbolId obj = remote_object(s.params[i].type, pointer);
      if (obj != kNoSymbol) { // an object of the service passed back: its handle
        const OwnershipDecl* own = ownership_of(s, s.params[i].name);
        if (own && own->takes && pointer) pend.handed.insert(i);
        WireType h;
        h.scalar = "uint64";
        h.cpp = "std::uint64_t";
        pend.params.push_back(std::move(h));
        pend.objects.push_back({obj, pointer});
        continue;
      }
      pend.objects.push_back({kNoSymbol, false});
      // A struct of settings (`const leveldb::Options&`): by value, each
      // pointer to a polymorphic class in it as a callback handle.
      if (!port_) {
        std::string refused;
        if (SymbolId st = carried_struct(s.params[i].type, refused); st != kNoSymbol) {
          WireType m;
          m.kind = WireKind::Message;
          m.decl = st;
          m.cpp = value_spelling(s.params[i].type.spelling);
          pend.params.push_back(std::move(m));
          pend.carried[i] = st;
          continue;
        }
        if (!refused.empty())
          return skip(is.symbol, {SkipKind::Unsupported,
                                  "parameter " + (s.params[i].name.empty() ? "#" + std::to_string(i + 1)
                                                                           : "'" + s.params[i].name + "'") +
                                      ": " + refused});
      }
      // An object of the caller the service calls back: its callback handle.
      std::string refused;
      if (SymbolId cb =
              port_ ? kNoSymbol : callbacks_.callback_class(s.params[i].type, pointer, served_classes(), &refused);
          cb != kNoSymbol) {
        WireType h;
        h.scalar = "uint64";
        h.cpp = "std::uint64_t";
        pend.params.push_back(std::move(h));
        pend.callbacks[i] = {cb, pointer};
        continue;
      }
      if (!refused.empty())
        return skip(is.symbol, {SkipKind::HandleNeeded,
                                "parameter " + (s.params[i].name.empty() ? "#" + std::to_string(i + 1)
                                                                         : "'" + s.params[i].name + "'") +
                                    ": " + refused});
      const TypeInfo& pt = s.params[i].type;
      // `const T* items, int n`: an input array of n values, as a repeated field.
      if (pt.shape == TypeShape::Pointer && !pt.args.empty() && pt.args[0].is_const &&
          pt.args[0].shape != TypeShape::Char && pt.args[0].shape != TypeShape::Function &&
          pt.args[0].shape != TypeShape::Pointer && pt.args[0].shape != TypeShape::Void && i + 1 < s.params.size() &&
          s.params[i + 1].type.shape == TypeShape::Int) {
        Skip inner;
        auto e = mapper_.map(pt.args[0], TypeUse::Element, inner);
        if (e && e->singular()) {
          WireType list;
          list.kind = WireKind::List;
          list.cpp = "std::vector<" + value_spelling(pt.args[0].spelling) + ">";
          list.args.push_back(std::move(*e));
          pend.params.push_back(std::move(list));
          pend.arrays.insert(i);
          // The count: no field; the server passes the array's size.
          pend.params.push_back(WireType{});
          pend.objects.push_back({kNoSymbol, false});
          ++i;
          continue;
        }
      }
      // `T* p` to one value: in-out, when nothing says it is an array.
      if (pt.shape == TypeShape::Pointer && !pt.args.empty() && !pt.args[0].is_const &&
          pt.args[0].shape != TypeShape::Char && pt.args[0].shape != TypeShape::Function &&
          pt.args[0].shape != TypeShape::Pointer && pt.args[0].shape != TypeShape::Void) {
        const std::string pname = s.params[i].name.empty() ? "#" + std::to_string(i + 1) : "'" + s.params[i].name + "'";
        const bool counted = i + 1 < s.params.size() && s.params[i + 1].type.shape == TypeShape::Int;
        Skip inner;
        auto w = mapper_.map(pt.args[0], TypeUse::Result, inner);
        if (w && !counted && w->singular()) {
          pend.params.push_back(std::move(*w));
          pend.outs.insert(i);
          continue;
        }
        if (w && counted)
          return skip(is.symbol,
                      {SkipKind::RawPointer,
                       "parameter " + pname + ": " + pt.spelling + " followed by the integer '" + s.params[i + 1].name +
                           "': one value to fill, or an array of that many? seam cannot tell; make it a "
                           "std::vector<" + value_spelling(pt.args[0].spelling) + "> (an array) or a reference (one value)"});
        if (w)
          return skip(is.symbol, {SkipKind::RawPointer, "parameter " + pname + ": " + pt.spelling +
                                                            ": a pointer to a container; pass the container by "
                                                            "reference or return it"});
      }
      // `T** items, int n` of a remote class: n objects of the service, each
      // as its handle, once a person has said who owns them after the call.
      if (SymbolId c = remote_array(s, i); c != kNoSymbol) {
        const std::string& name = s.params[i].name;
        const OwnershipDecl* own = ownership_of(s, name);
        if (!own)
          return skip(is.symbol,
                      {SkipKind::RawPointer,
                       "parameter '" + name + "': " + pt.spelling + " with the count '" + s.params[i + 1].name +
                           "': an array of " + p_.symbols[c].name + " objects of the service, which can travel as "
                           "their handles; but who owns them after the call? A signature cannot say: declare it in "
                           "seam.json, \"ownership\": {\"" + s.name + "\": {\"" + name + "\": \"takes\"}} when " +
                           last_component(s.name) + " keeps and deletes them (the service's registry hands them "
                           "over), or \"borrows\" when it only uses them during the call"});
        WireType h;
        h.scalar = "uint64";
        h.cpp = "std::uint64_t";
        WireType list;
        list.kind = WireKind::List;
        list.cpp = "std::vector<std::uint64_t>";
        list.args.push_back(std::move(h));
        pend.params.push_back(std::move(list));
        pend.objects.back() = {c, true};
        pend.arrays.insert(i);
        if (own->takes) pend.handed.insert(i);
        pend.params.push_back(WireType{}); // the count: the server passes the array's size
        pend.objects.push_back({kNoSymbol, false});
        ++i;
        continue;
      }
      if (pt.shape == TypeShape::Pointer && !pt.args.empty() && pt.args[0].shape == TypeShape::Pointer &&
          i + 1 < s.params.size() && s.params[i + 1].type.shape == TypeShape::Int)
        return skip(is.symbol,
                    {SkipKind::RawPointer,
                     "parameter " + (s.params[i].name.empty() ? "#" + std::to_string(i + 1) : "'" + s.params[i].name + "'") +
                         ": " + pt.spelling + " with the count '" + s.params[i + 1].name +
                         "': an array of pointers; whose objects are they (the caller's: callbacks; the service's: "
                         "handles) and who owns them after the call? Pass a std::vector of objects the service "
                         "created to make it an array of handles"});
      auto w = mapper_.map(s.params[i].type, TypeUse::Param, why);
      if (!w) {
        std::string pname = s.params[i].name.empty() ? "#" + std::to_string(i + 1) : "'" + s.params[i].name + "'";
        return skip(is.symbol, {why.kind, "parameter " + pname + ": " + why.detail});
      }
      pend.params.push_back(std::move(*w));
    }
    bool result_pointer = false;
    if (role != RpcRole::Constructor && role != RpcRole::Destructor) {
      SymbolId made = polymorphic_pointee(s.result);
      if (made != kNoSymbol && interfaces_.count(made)) {
        // A factory of a remote interface: the caller owns the result (the
        // C++ convention of `T* New...()`), so the service keeps the object
        // until the client's proxy is deleted or its lease ends.
        WireType h;
        h.scalar = "uint64";
        h.cpp = "std::uint64_t";
        pend.result = std::move(h);
        pend.result_object = made;
        pending_.push_back(std::move(pend));
        return;
      }
    }
    // `const T*` of a value (`const Order* find(id) const`): unset is nullptr,
    // else the client keeps a copy the pointer points to.
    // A `const char*` result (`to_string(status)`): an optional string; the
    // client keeps each distinct text for the life of the process, as a
    // string literal's would be.
    if (role != RpcRole::Constructor && role != RpcRole::Destructor && s.result.shape == TypeShape::Pointer &&
        !s.result.args.empty() && s.result.args[0].is_const && s.result.args[0].shape == TypeShape::Char) {
      WireType text;
      text.kind = WireKind::String;
      text.c_string = true;
      text.cpp = "std::string";
      pend.result = std::move(text);
      pend.result_pointer = true;
      pending_.push_back(std::move(pend));
      return;
    }
    if (role != RpcRole::Constructor && role != RpcRole::Destructor && s.result.shape == TypeShape::Pointer &&
        !s.result.args.empty() && s.result.args[0].is_const && s.result.args[0].shape == TypeShape::Record) {
      Skip why;
      if (auto w = mapper_.map(s.result.args[0], TypeUse::Result, why); w && w->kind == WireKind::Message) {
        pend.result = std::move(*w);
        pend.result_pointer = true;
        pending_.push_back(std::move(pend));
        return;
      }
    }
    if (role != RpcRole::Constructor && role != RpcRole::Destructor &&
        remote_object(s.result, result_pointer) != kNoSymbol)
      return skip(is.symbol, {SkipKind::HandleNeeded,
                              "result: " + s.result.spelling +
                                  ": returns an object the service owns; the client would need a proxy object for a "
                                  "handle it did not create, which seam generates only through constructors"});
    if (s.result.shape != TypeShape::Void && role != RpcRole::Constructor && role != RpcRole::Destructor) {
      Skip why;
      auto w = mapper_.map(s.result, TypeUse::Result, why);
      if (!w) return skip(is.symbol, {why.kind, "result: " + why.detail});
      pend.result = std::move(*w);
    }
    pending_.push_back(std::move(pend));
  }

  /// Records and enums the generated rpcs use (a record reached while mapping
  /// a function that was skipped later is not generated).
  std::set<SymbolId> used_types() {
    std::set<SymbolId> used;
    std::function<void(const WireType&)> walk = [&](const WireType& t) {
      if ((t.kind == WireKind::Enum || t.kind == WireKind::Message) && t.decl != kNoSymbol) {
        if (!used.insert(t.decl).second) return;
        if (t.kind == WireKind::Message)
          for (const RecordShape& r : mapper_.records())
            if (r.symbol == t.decl)
              for (SymbolId f : r.fields) walk(mapper_.field_type(f));
      }
      for (const WireType& a : t.args) walk(a);
    };
    for (const Pending& pend : pending_) {
      for (const WireType& w : pend.params) walk(w);
      if (pend.result) walk(*pend.result);
      for (const auto& [i, st] : pend.carried)
        for (const CarriedField& cf : carried_fields_.at(st))
          if (cf.callback == kNoSymbol) walk(cf.type);
    }
    for (const RpcPlan& r : plan_.callback_rpcs) {
      for (const ParamPlan& pp : r.params) walk(pp.field.type);
      if (r.result) walk(r.result->type);
    }
    return used;
  }

  /// Message and enum names: the C++ name, prefixed by its scope on a clash.
  void name_types() {
    const std::set<SymbolId> used = used_types();
    auto name_for = [&](SymbolId id) {
      const Symbol& s = p_.symbols[id];
      std::string want = pascal_case(last_component(s.name));
      if (want.empty()) want = "Type";
      if (package_names_.taken(want)) {
        std::string scope = last_component(scope_of(s.name));
        if (!scope.empty() && !package_names_.taken(pascal_case(scope) + want)) want = pascal_case(scope) + want;
      }
      return package_names_.unique(want);
    };
    for (const EnumShape& e : mapper_.enums())
      if (used.count(e.symbol)) plan_.type_names[e.symbol] = name_for(e.symbol);
    for (const RecordShape& r : mapper_.records())
      if (used.count(r.symbol)) plan_.type_names[r.symbol] = name_for(r.symbol);

    for (const EnumShape& e : mapper_.enums()) {
      if (!used.count(e.symbol)) continue;
      EnumPlan ep;
      ep.decl = e.symbol;
      name_type_plan(ep, e.symbol);
      std::string prefix = upper_snake(ep.proto) + "_";
      bool has_zero = false;
      std::set<int64_t> seen;
      for (SymbolId v : e.values) {
        const Symbol& vs = p_.symbols[v];
        has_zero |= vs.enum_value == 0;
        if (!seen.insert(vs.enum_value).second) ep.allow_alias = true;
      }
      if (!has_zero) ep.values.push_back({package_names_.unique(prefix + "UNSPECIFIED"), 0, ""});
      for (SymbolId v : e.values) {
        const Symbol& vs = p_.symbols[v];
        ep.values.push_back({package_names_.unique(prefix + upper_snake(last_component(vs.name))), vs.enum_value,
                             last_component(vs.name)});
      }
      plan_.enums.push_back(std::move(ep));
    }
    for (const RecordShape& r : mapper_.records()) {
      if (!used.count(r.symbol)) continue;
      MessagePlan mp;
      mp.record = r.symbol;
      name_type_plan(mp, r.symbol);
      NameTable fields;
      uint32_t n = 0;
      for (SymbolId f : r.fields) {
        std::string member = last_component(p_.symbols[f].name);
        mp.fields.push_back(ProtoField{field_name(member, fields), ++n, mapper_.field_type(f), member});
      }
      mp.getters = r.getters;
      plan_.messages.push_back(std::move(mp));
    }
    for (SymbolId st : carried_order_) plan_.type_names[st] = name_for(st);
    WireType handle;
    handle.scalar = "uint64";
    handle.cpp = "std::uint64_t";
    for (SymbolId st : carried_order_) {
      const Symbol& ss = p_.symbols[st];
      CarriedStructPlan cp;
      cp.symbol = st;
      cp.qualified = ss.name;
      cp.proto = plan_.type_names.at(st);
      cp.origin = def_or_decl(ss);
      NameTable names;
      uint32_t n = 0;
      for (const CarriedField& cf : carried_fields_.at(st)) {
        CarriedFieldPlan f;
        f.member = last_component(p_.symbols[cf.field].name);
        f.field = ProtoField{field_name(f.member, names), ++n, cf.callback == kNoSymbol ? cf.type : handle, f.member};
        if (cf.callback != kNoSymbol) f.callback = callbacks_.index(cf.callback, plan_);
        cp.fields.push_back(std::move(f));
      }
      carried_index_[st] = static_cast<int>(plan_.carried.size());
      plan_.carried.push_back(std::move(cp));
    }
  }

  void finish_rpcs() {
    // Declaration order (header path, line): the order a reader of the header
    // knows, and the first of an overload set keeps the plain rpc name.
    std::stable_sort(pending_.begin(), pending_.end(), [&](const Pending& a, const Pending& b) {
      const Loc& x = p_.symbols[a.is->symbol].decl;
      const Loc& y = p_.symbols[b.is->symbol].decl;
      return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
    });
    NameTable& rpc_names = rpc_names_;
    std::set<SymbolId> constructed; // classes with a user-declared constructor
    for (const Symbol& s : p_.symbols)
      if (s.kind == SymbolKind::Constructor && s.parent != kNoSymbol) constructed.insert(s.parent);
    for (Pending& pend : pending_) {
      const Symbol& s = p_.symbols[pend.is->symbol];
      // The classes this rpc's objects belong to, numbered on first use; a
      // class without constructors gets its creating rpc before its first.
      std::vector<SymbolId> classes;
      const SymbolId on = served_on(*pend.is);
      if (pend.role != RpcRole::Function) classes.push_back(on);
      for (const auto& [obj, pointer] : pend.objects)
        if (obj != kNoSymbol) classes.push_back(obj);
      if (pend.result_object != kNoSymbol) classes.push_back(pend.result_object);
      for (SymbolId c : classes) {
        if (remote_index_.count(c)) continue;
        const Symbol& cs = p_.symbols[c];
        remote_index_[c] = static_cast<int>(plan_.remote_classes.size());
        RemoteClassPlan rc;
        rc.symbol = c;
        rc.qualified = cs.name;
        rc.ident = package_names_.unique(pascal_case(last_component(cs.name)) + "Object");
        rc.declared_at = where(cs.decl);
        rc.interface = interfaces_.count(c) > 0;
        if (rc.interface) rc.proxy = package_names_.unique(pascal_case(last_component(cs.name)) + "Proxy");
        rc.lazy = !rc.interface && !constructed.count(c);
        plan_.remote_classes.push_back(std::move(rc));
        if (plan_.remote_classes.back().lazy) {
          RpcPlan nr;
          nr.symbol = c;
          nr.qualified = cs.name + "::" + last_component(cs.name);
          nr.ns = scope_of(cs.name);
          nr.local_name = last_component(cs.name) + "::" + last_component(cs.name);
          nr.rpc = rpc_names.unique("New" + pascal_case(last_component(cs.name)));
          nr.result_spelling = "void";
          nr.role = RpcRole::Constructor;
          nr.remote = remote_index_[c];
          nr.implicit = true;
          nr.declared_at = where(cs.decl);
          nr.request = package_names_.unique(nr.rpc + "Request");
          nr.response = package_names_.unique(nr.rpc + "Response");
          plan_.remote_classes.back().rpcs.push_back(nr.rpc);
          plan_.rpcs.push_back(std::move(nr));
        }
      }
      RpcPlan r;
      r.symbol = pend.is->symbol;
      r.qualified = s.name;
      r.role = pend.role;
      if (pend.role != RpcRole::Function) r.remote = remote_index_.at(on);
      if (on != s.parent) r.inherited_from = p_.symbols[s.parent].name;
      std::string last = last_component(s.name);
      // Static members are defined as Class::fn inside the class's namespace.
      std::string local = last;
      std::string want = pascal_case(last);
      if (pend.role == RpcRole::Constructor) want = "New" + pascal_case(last);
      if (pend.role == RpcRole::Destructor) want = "Release" + pascal_case(last_component(p_.symbols[on].name));
      SymbolId parent = on;
      std::string scope = scope_of(s.name);
      while (parent != kNoSymbol && !port_) { // a contract's rpcs are its methods' names
        const Symbol& ps = p_.symbols[parent];
        local = last_component(ps.name) + "::" + local;
        if (parent == on && pend.role != RpcRole::Constructor && pend.role != RpcRole::Destructor)
          want = pascal_case(last_component(ps.name)) + want;
        scope = scope_of(ps.name);
        parent = ps.parent;
      }
      r.ns = scope;
      r.local_name = local;
      r.rpc = rpc_names.unique(want.empty() ? "Call" : want);
      r.result_spelling = s.result.spelling.empty() ? "void" : s.result.spelling;
      size_t close = s.signature.rfind(')');
      r.is_noexcept = close != std::string::npos && s.signature.find("noexcept", close) != std::string::npos;
      r.is_const = close != std::string::npos && s.signature.find("const", close) != std::string::npos;
      if (port_) r.ns = scope_of(p_.symbols[port_->symbol].name);
      r.declared_at = where(s.decl);
      r.call_sites = pend.is->call_sites;
      r.loop_sites = pend.is->loop_sites;
      r.request = package_names_.unique(r.rpc + "Request");
      r.response = package_names_.unique(r.rpc + "Response");
      NameTable fields;
      // Methods and destructors name their object first: field 1 is its handle.
      const bool takes_handle = r.role == RpcRole::Method || r.role == RpcRole::Destructor;
      if (takes_handle) fields.reserve("handle");
      for (size_t i = 0; i < s.params.size(); ++i) {
        ParamPlan pp;
        pp.name = s.params[i].name.empty() ? "arg" + std::to_string(i + 1) : s.params[i].name;
        pp.spelling = s.params[i].type.spelling;
        const std::string& sp = pp.spelling;
        pp.rvalue = sp.size() >= 2 && sp.compare(sp.size() - 2, 2, "&&") == 0;
        pp.field = ProtoField{field_name(pp.name, fields), static_cast<uint32_t>(i + 1 + takes_handle), pend.params[i],
                              pp.name};
        if (pend.arrays.count(i)) {
          pp.array = true;
          pp.count_type = s.params[i + 1].type.spelling;
        }
        if (i > 0 && pend.arrays.count(i - 1)) pp.count = true;
        if (pend.outs.count(i)) {
          pp.out = true;
          std::string v = pp.spelling;
          while (!v.empty() && (v.back() == '*' || v.back() == ' ')) v.pop_back();
          pp.value_type = value_spelling(v);
        }
        if (auto st = pend.carried.find(i); st != pend.carried.end()) {
          pp.carried = carried_index_.at(st->second);
          pp.rvalue = false;
        }
        if (auto cb = pend.callbacks.find(i); cb != pend.callbacks.end()) {
          pp.callback = callbacks_.index(cb->second.first, plan_);
          pp.pointer = cb->second.second;
          pp.rvalue = false;
        }
        if (i < pend.objects.size() && pend.objects[i].first != kNoSymbol) {
          pp.remote = remote_index_.at(pend.objects[i].first);
          pp.pointer = pend.objects[i].second;
          pp.rvalue = false;
          pp.handed_over = pend.handed.count(i) > 0;
        }
        r.params.push_back(std::move(pp));
      }
      if (r.remote >= 0) plan_.remote_classes[static_cast<size_t>(r.remote)].rpcs.push_back(r.rpc);
      if (r.role == RpcRole::Destructor && r.remote >= 0) plan_.remote_classes[static_cast<size_t>(r.remote)].releases = true;
      if (pend.result) r.result = ProtoField{"result", 1, *pend.result, ""};
      r.result_pointer = pend.result_pointer;
      // The client's constructor binds the class's reference members to the
      // caller's objects (a proxy's fields are otherwise unused).
      if (r.role == RpcRole::Constructor)
        for (SymbolId f : mapper_classifier_fields(s.parent)) {
          const TypeInfo& ft = p_.symbols[f].result;
          if (ft.shape != TypeShape::Reference || ft.args.empty()) continue;
          for (const ParamPlan& pp : r.params)
            if (pp.callback >= 0 && plan_.callback_classes[static_cast<size_t>(pp.callback)].symbol ==
                                        lookup_usr(ft.args[0].decl_usr)) {
              r.member_inits.push_back(last_component(p_.symbols[f].name) + "(" + (pp.pointer ? "*" : "") +
                                       pp.name + ")");
              break;
            }
        }
      if (pend.result_object != kNoSymbol) r.result_remote = remote_index_.at(pend.result_object);
      // In-out pointers come back after the result, in parameter order.
      NameTable response_fields;
      if (r.result) response_fields.reserve("result");
      uint32_t next = r.result ? 2 : 1;
      for (ParamPlan& pp : r.params)
        if (pp.out) pp.out_field = ProtoField{field_name(pp.name, response_fields), next++, pp.field.type, pp.name};
      plan_.rpcs.push_back(std::move(r));
    }
  }

  std::string wire_name(const WireType& t) {
    switch (t.kind) {
    case WireKind::Scalar: return pascal_case(t.scalar);
    case WireKind::String: return "String";
    case WireKind::Enum: return plan_.type_names[t.decl];
    case WireKind::Message: return t.wrapper() ? wrapper(t.args[0]) : plan_.type_names[t.decl];
    case WireKind::List: return wire_name(t.args[0]) + "List";
    case WireKind::Map: return wire_name(t.args[0]) + "To" + wire_name(t.args[1]) + "Map";
    case WireKind::Optional: return "Optional" + wire_name(t.args[0]);
    }
    return "Value";
  }

  /// The wrapper message for a non-singular type, created on first use.
  std::string wrapper(const WireType& inner) {
    std::string key = inner.key();
    auto it = plan_.wrapper_names.find(key);
    if (it != plan_.wrapper_names.end()) return it->second;
    std::string name = package_names_.unique(wire_name(inner));
    plan_.wrapper_names[key] = name;
    plan_.wrappers.push_back(WrapperPlan{name, key, ProtoField{"values", 1, inner, ""}});
    visit(inner);
    return name;
  }

  void visit(const WireType& t) {
    if (t.wrapper()) wrapper(t.args[0]);
    else
      for (const WireType& a : t.args) visit(a);
  }

  void name_wrappers() {
    for (const MessagePlan& m : plan_.messages)
      for (const ProtoField& f : m.fields) visit(f.type);
    for (const CarriedStructPlan& c : plan_.carried)
      for (const CarriedFieldPlan& f : c.fields) visit(f.field.type);
    for (const std::vector<RpcPlan>* rpcs : {&plan_.rpcs, &plan_.callback_rpcs})
      for (const RpcPlan& r : *rpcs) {
        for (const ParamPlan& pp : r.params) visit(pp.field.type);
        if (r.result) visit(r.result->type);
      }
  }

  void shared_types() {
    for (SymbolId id : shared_) {
      const Symbol& s = p_.symbols[id];
      auto it = plan_.type_names.find(id);
      plan_.shared_types.push_back(
          SharedType{s.name, kind_word(s.kind), where(s.decl), it == plan_.type_names.end() ? "" : it->second});
    }
  }

  void remote_sites() {
    std::map<SymbolId, const RpcPlan*> by_symbol;
    for (const RpcPlan& r : plan_.rpcs)
      if (!r.implicit) by_symbol[r.symbol] = &r; // an implicit constructor's symbol is its class
    for (const InterfaceSymbol& is : iface_) {
      auto it = by_symbol.find(is.symbol);
      if (it == by_symbol.end()) continue;
      for (uint32_t ri : is.refs) {
        const Reference& ref = p_.refs[ri];
        RemoteSite rs;
        rs.ref = ri;
        rs.where = p_.where(ref.site);
        rs.caller = ref.from() == kNoSymbol ? "" : p_.symbols[ref.from()].name;
        rs.callee = it->second->qualified;
        rs.rpc = it->second->rpc;
        rs.kind = to_string(ref.kind);
        rs.in_loop = ref.in_loop;
        plan_.remote_sites.push_back(std::move(rs));
      }
    }
    // Loop sites first (each is now a network round trip per iteration), then
    // in site order (reference indices follow path, line, column).
    std::sort(plan_.remote_sites.begin(), plan_.remote_sites.end(), [](const RemoteSite& a, const RemoteSite& b) {
      return std::make_pair(!a.in_loop, a.ref) < std::make_pair(!b.in_loop, b.ref);
    });
  }

  /// How the project itself includes `file`: the most used quoted spelling.
  std::string include_spelling(FileId file) {
    std::map<std::string, int> count;
    for (const Include& inc : p_.includes)
      if (inc.included == file && !inc.angled) ++count[inc.spelled];
    std::string best;
    int n = 0;
    for (const auto& [spelled, c] : count)
      if (c > n) {
        best = spelled;
        n = c;
      }
    return best.empty() ? p_.files[file].path : best;
  }

  void headers() {
    std::set<FileId> files;
    for (const RpcPlan& r : plan_.rpcs) files.insert(p_.symbols[r.symbol].decl.file);
    auto type_file = [&](SymbolId id) {
      const Symbol& s = p_.symbols[id];
      Loc l = s.def.valid() ? s.def : s.decl;
      if (l.valid() && p_.files[l.file].is_header) files.insert(l.file);
    };
    for (const MessagePlan& m : plan_.messages) type_file(m.record);
    for (const EnumPlan& e : plan_.enums) type_file(e.decl);
    // A callback class's definition: the proxy derives from it, the shell is one.
    for (const CallbackClassPlan& c : plan_.callback_classes) type_file(c.symbol);
    for (const CarriedStructPlan& c : plan_.carried) type_file(c.symbol);
    std::set<std::string> spelled = mapper_.conversion_includes();
    for (FileId f : files)
      if (f != kNoFile) spelled.insert(include_spelling(f));
    plan_.headers.assign(spelled.begin(), spelled.end());
  }

  const Project& p_;
  ModuleId module_;
  const std::vector<InterfaceSymbol>& iface_;
  TypeMapper mapper_;
  ServicePlan plan_;
  NameTable package_names_;
  std::vector<Pending> pending_;
  std::vector<SymbolId> shared_;
  const Port* port_ = nullptr;
  std::map<SymbolId, std::pair<bool, Skip>> class_verdict_;
  std::set<SymbolId> has_members_;
  std::set<SymbolId> interfaces_; ///< remote interfaces (find_interfaces)
  std::deque<InterfaceSymbol> extra_; ///< destructors of remote classes nobody names ///< classes with a member in the interface: candidates for remote objects
  /// Extra entries for virtual methods an interface inherits: the interface.
  std::map<const InterfaceSymbol*, SymbolId> served_on_;
  std::set<SymbolId> inherited_; ///< the base members those entries stand for
  std::map<SymbolId, int> remote_index_;
  /// Structs of settings: carried_struct()'s verdict (the refusal, "" when
  /// carried or no candidate), the fields of those carried, their plan index.
  std::map<SymbolId, std::string> carried_verdict_;
  std::map<SymbolId, std::vector<CarriedField>> carried_fields_;
  std::vector<SymbolId> carried_order_;
  std::map<SymbolId, int> carried_index_;
  NameTable rpc_names_;
  CallbackPlanner callbacks_; ///< after the name tables and the mapper it uses
};

} // namespace

ServicePlan plan_contract(const Project& project, ModuleId module, const Port& port) {
  // The operations as an "interface": their call sites are the port's calls.
  std::vector<InterfaceSymbol> ops;
  std::map<SymbolId, size_t> at;
  // The proxy must override every pure method it inherits too: the operations
  // of the class's bases (ports by the same rule) join its own, unless the
  // class redeclares them (same name and parameters).
  std::vector<SymbolId> all = port.operations;
  std::set<SymbolId> bases;
  std::vector<SymbolId> todo(project.symbols[port.symbol].base_ids);
  while (!todo.empty()) {
    SymbolId b = todo.back();
    todo.pop_back();
    if (!bases.insert(b).second) continue;
    for (SymbolId x : project.symbols[b].base_ids) todo.push_back(x);
  }
  if (!bases.empty()) {
    std::set<std::string> seen;
    auto key = [&](SymbolId m) {
      const Symbol& s = project.symbols[m];
      return last_component(s.name) + signature_params(s.signature);
    };
    for (SymbolId op : all) seen.insert(key(op));
    for (SymbolId i = 0; i < project.symbols.size(); ++i) {
      const Symbol& s = project.symbols[i];
      if (s.kind == SymbolKind::Method && s.is_pure && bases.count(s.parent) && seen.insert(key(i)).second)
        all.push_back(i);
    }
  }
  for (SymbolId op : all) {
    at[op] = ops.size();
    ops.push_back(InterfaceSymbol{op, 0, 0, 0, port.callers, {}});
  }
  for (uint32_t ri : port.calls) {
    const Reference& r = project.refs[ri];
    auto it = at.find(r.target);
    if (it == at.end()) continue;
    InterfaceSymbol& is = ops[it->second];
    ++is.sites;
    ++is.call_sites;
    is.loop_sites += r.in_loop;
    is.refs.push_back(ri);
  }
  return Planner(project, module, ops, &port).run();
}

ServicePlan plan_service(const Project& project, ModuleId module, const std::vector<InterfaceSymbol>& interface) {
  return Planner(project, module, interface).run();
}

} // namespace seam::stubs
