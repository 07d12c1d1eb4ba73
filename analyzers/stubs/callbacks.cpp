#include "analyzers/stubs/callbacks.h"

#include "analyzers/model/dependency_time.h"

#include <algorithm>
#include <tuple>

namespace seam::stubs {

SymbolId CallbackPlanner::lookup(const std::string& usr) const {
  if (usr.empty()) return kNoSymbol;
  auto it = p_.symbol_index.find(usr);
  return it == p_.symbol_index.end() ? kNoSymbol : it->second;
}

std::string CallbackPlanner::where(const Loc& l) const {
  if (!l.valid()) return "?";
  return p_.files[l.file].path + ":" + std::to_string(l.line);
}

std::vector<std::string> CallbackPlanner::members_used(SymbolId c) const {
  std::vector<SymbolId> classes{c};
  for (size_t i = 0; i < classes.size(); ++i)
    for (SymbolId b : p_.symbols[classes[i]].base_ids)
      if (std::find(classes.begin(), classes.end(), b) == classes.end()) classes.push_back(b);
  // refs are sorted by site, so the first one seen per member is its first site.
  std::map<SymbolId, const Reference*> first;
  for (const Reference& r : p_.refs) {
    if (r.kind != RefKind::Read && r.kind != RefKind::Write && r.kind != RefKind::MemberAccess &&
        r.kind != RefKind::AddressOf)
      continue;
    if (r.target >= p_.symbols.size() || !r.site.valid() || p_.files[r.site.file].module != module_) continue;
    const Symbol& f = p_.symbols[r.target];
    if (f.kind != SymbolKind::Field || std::find(classes.begin(), classes.end(), f.parent) == classes.end()) continue;
    first.emplace(r.target, &r);
  }
  std::vector<SymbolId> fields;
  for (const auto& [f, r] : first) fields.push_back(f);
  std::stable_sort(fields.begin(), fields.end(), [&](SymbolId a, SymbolId b) {
    const Loc& x = p_.symbols[a].decl;
    const Loc& y = p_.symbols[b].decl;
    return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
  });
  std::vector<std::string> out;
  for (SymbolId f : fields) out.push_back(last_component(p_.symbols[f].name) + " (" + where(first[f]->site) + ")");
  return out;
}

SymbolId CallbackPlanner::callback_class(const TypeInfo& t, bool& pointer, const std::set<SymbolId>& excluded,
                                         std::string* refused) {
  if ((t.shape != TypeShape::Reference && t.shape != TypeShape::Pointer) || t.args.empty() ||
      t.args[0].shape != TypeShape::Record)
    return kNoSymbol;
  const SymbolId c = lookup(t.args[0].decl_usr);
  if (c == kNoSymbol || excluded.count(c)) return kNoSymbol;
  const Symbol& cs = p_.symbols[c];
  // Defined in a header: the generated code includes it (its first declaration
  // may be a forward one anywhere, as leveldb's Comparator's is).
  if ((cs.kind != SymbolKind::Class && cs.kind != SymbolKind::Struct) || cs.is_template || !cs.def.valid() ||
      !p_.files[cs.def.file].is_header)
    return kNoSymbol;
  if (cs.is_polymorphic) {
    // The server's proxy derives from the class: it needs a default constructor.
    bool declared = false, default_ctor = false;
    for (const Symbol& m : p_.symbols)
      if (m.parent == c && m.kind == SymbolKind::Constructor) {
        declared = true;
        default_ctor |= m.params.empty();
      }
    if (declared && !default_ctor) return kNoSymbol;
  } else {
    if (cs.is_aggregate || cs.module == module_) return kNoSymbol;
    Skip value;
    if (mapper_.map(t.args[0], TypeUse::Param, value)) return kNoSymbol; // a value after all
    if (!concrete_ok(c)) return kNoSymbol;
    // The stand-in's member functions call back; its data members are its
    // own. Code of the module that reads them would read defaults: no callback.
    if (std::vector<std::string> used = members_used(c); !used.empty()) {
      if (refused) {
        std::string list;
        for (const std::string& u : used) list += (list.empty() ? "" : ", ") + u;
        *refused = cs.name + " is a class of another module that would reach the service as a callback (a "
                   "stand-in whose member functions call back into the caller), but the module's code uses its "
                   "data members directly: " + list + "; on a stand-in they would be its own default values, not "
                   "the caller's. Make it a value seam can carry: a struct whose public fields are values or "
                   "pointers to polymorphic classes travels by value (docs/split.md, \"Structs of settings\"), "
                   "or declare a seam.json \"conversions\" entry for it, or pass the values the module needs as "
                   "parameters";
      }
      return kNoSymbol;
    }
  }
  pointer = t.shape == TypeShape::Pointer;
  return c;
}

bool CallbackPlanner::concrete_ok(SymbolId c) {
  auto it = concrete_verdict_.find(c);
  if (it != concrete_verdict_.end()) return it->second;
  bool ok = true;
  bool shell = false, declared = false;
  for (const Symbol& m : p_.symbols) {
    if (m.parent != c) continue;
    // A shell's fields are default-initialised: a reference or const member
    // cannot be, and static data would be defined in the sources left out.
    if (m.kind == SymbolKind::Field && (m.result.shape == TypeShape::Reference || m.result.is_const)) ok = false;
    if (m.kind == SymbolKind::Variable) ok = false;
    if (m.kind == SymbolKind::Constructor) {
      declared = true;
      bool plain = true;
      for (const Param& prm : m.params)
        plain &= prm.type.shape != TypeShape::Reference && prm.type.shape != TypeShape::Record;
      shell |= plain;
    }
  }
  ok = ok && (shell || !declared);
  concrete_verdict_[c] = ok;
  return ok;
}

std::vector<SymbolId> CallbackPlanner::methods(SymbolId c) const {
  const Symbol& cs = p_.symbols[c];
  std::vector<SymbolId> out;
  if (cs.is_polymorphic) {
    // Its own virtual methods first, then those of its bases it does not
    // redeclare: the proxy must override every one a caller can reach.
    std::vector<SymbolId> classes{c};
    for (size_t i = 0; i < classes.size(); ++i)
      for (SymbolId b : p_.symbols[classes[i]].base_ids)
        if (std::find(classes.begin(), classes.end(), b) == classes.end()) classes.push_back(b);
    std::set<std::string> seen;
    for (SymbolId k : classes) {
      std::vector<SymbolId> own;
      for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
        const Symbol& m = p_.symbols[i];
        if (m.parent == k && m.kind == SymbolKind::Method && m.is_virtual &&
            seen.insert(last_component(m.name) + signature_params(m.signature)).second)
          own.push_back(i);
      }
      out.insert(out.end(), own.begin(), own.end());
    }
  } else {
    for (SymbolId i = 0; i < p_.symbols.size(); ++i) {
      const Symbol& m = p_.symbols[i];
      if (m.parent == c && (m.kind == SymbolKind::Method || m.kind == SymbolKind::StaticMethod) && m.def.valid() &&
          !is_inline_code(p_, m))
        out.push_back(i);
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](SymbolId a, SymbolId b) {
    const Loc& x = p_.symbols[a].decl;
    const Loc& y = p_.symbols[b].decl;
    return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
  });
  return out;
}

bool CallbackPlanner::plan_method(SymbolId id, int k, ServicePlan& plan, std::string& reason) {
  const Symbol& s = p_.symbols[id];
  const CallbackClassPlan& cp = plan.callback_classes[static_cast<size_t>(k)];
  if (s.kind == SymbolKind::StaticMethod) {
    reason = "a static member: it has no object to call back; it runs where it is called";
    return false;
  }
  if (s.is_template) {
    reason = "a member template has no single signature to serve";
    return false;
  }
  RpcPlan r;
  r.symbol = id;
  r.qualified = s.name;
  r.role = RpcRole::Method;
  r.callback = k;
  r.local_name = last_component(s.name);
  r.ns = scope_of(cp.qualified);
  r.result_spelling = s.result.spelling.empty() ? "void" : s.result.spelling;
  const size_t close = s.signature.rfind(')');
  r.is_noexcept = close != std::string::npos && s.signature.find("noexcept", close) != std::string::npos;
  r.is_const = close != std::string::npos && s.signature.find("const", close) != std::string::npos;
  r.declared_at = where(s.decl);
  NameTable fields;
  fields.reserve("handle");
  for (size_t i = 0; i < s.params.size(); ++i) {
    ParamPlan pp;
    pp.name = s.params[i].name.empty() ? "arg" + std::to_string(i + 1) : s.params[i].name;
    pp.spelling = s.params[i].type.spelling;
    pp.rvalue = pp.spelling.size() >= 2 && pp.spelling.compare(pp.spelling.size() - 2, 2, "&&") == 0;
    Skip why;
    const TypeInfo& pt = s.params[i].type;
    // `T* p` to one value (not followed by a count): in-out, as for the
    // module's own functions (leveldb's Comparator::FindShortSuccessor(std::string*)).
    // Not a pointer to a class: the callee may care which object it is
    // (leveldb's Cache::Release(Handle*) takes back its own opaque handle),
    // and a copy made in the client would be another one.
    if (pt.shape == TypeShape::Pointer && !pt.args.empty() && !pt.args[0].is_const &&
        pt.args[0].shape != TypeShape::Char && pt.args[0].shape != TypeShape::Function &&
        pt.args[0].shape != TypeShape::Pointer && pt.args[0].shape != TypeShape::Void &&
        pt.args[0].shape != TypeShape::Record &&
        !(i + 1 < s.params.size() && s.params[i + 1].type.shape == TypeShape::Int)) {
      Skip inner;
      if (auto v = mapper_.map(pt.args[0], TypeUse::Result, inner); v && v->singular()) {
        pp.out = true;
        std::string vt = pp.spelling;
        while (!vt.empty() && (vt.back() == '*' || vt.back() == ' ')) vt.pop_back();
        pp.value_type = value_spelling(vt);
        pp.field = ProtoField{field_name(pp.name, fields), static_cast<uint32_t>(i + 2), std::move(*v), pp.name};
        r.params.push_back(std::move(pp));
        continue;
      }
    }
    auto w = mapper_.map(pt, TypeUse::Param, why);
    if (!w) {
      reason = "parameter '" + pp.name + "': " + why.detail;
      return false;
    }
    pp.field = ProtoField{field_name(pp.name, fields), static_cast<uint32_t>(i + 2), std::move(*w), pp.name};
    r.params.push_back(std::move(pp));
  }
  if (s.result.shape == TypeShape::Pointer && !s.result.args.empty() && s.result.args[0].is_const &&
      s.result.args[0].shape == TypeShape::Char) {
    // A `const char*` (Comparator::Name()): an optional string, kept by the
    // service once per distinct text, as a string literal's characters live.
    WireType text;
    text.kind = WireKind::String;
    text.c_string = true;
    text.cpp = "std::string";
    r.result = ProtoField{"result", 1, std::move(text), ""};
    r.result_pointer = true;
  } else if (s.result.shape != TypeShape::Void && !s.result.spelling.empty() && s.result.spelling != "void") {
    Skip why;
    auto w = mapper_.map(s.result, TypeUse::Result, why);
    if (!w) {
      reason = "result: " + why.detail;
      return false;
    }
    r.result = ProtoField{"result", 1, std::move(*w), ""};
  }
  // In-out values come back after the result, in parameter order.
  NameTable response_fields;
  if (r.result) response_fields.reserve("result");
  uint32_t next = r.result ? 2 : 1;
  for (ParamPlan& pp : r.params)
    if (pp.out) pp.out_field = ProtoField{field_name(pp.name, response_fields), next++, pp.field.type, pp.name};
  const std::string cls = pascal_case(last_component(cp.qualified));
  r.rpc = rpc_names_.unique(cls + pascal_case(r.local_name));
  r.request = package_names_.unique(r.rpc + "Request");
  r.response = package_names_.unique(r.rpc + "Response");
  plan.callback_classes[static_cast<size_t>(k)].rpcs.push_back(r.rpc);
  plan.callback_rpcs.push_back(std::move(r));
  return true;
}

int CallbackPlanner::index(SymbolId c, ServicePlan& plan) {
  auto it = index_.find(c);
  if (it != index_.end()) return it->second;
  const Symbol& cs = p_.symbols[c];
  const int k = static_cast<int>(plan.callback_classes.size());
  index_[c] = k;
  if (plan.callbacks_service.empty()) {
    plan.callbacks_service = package_names_.unique(plan.service.substr(0, plan.service.size() - 7) + "Callbacks");
    plan.env_callback_addr = plan.env_addr.substr(0, plan.env_addr.size() - 4) + "CALLBACK_ADDR";
  }
  CallbackClassPlan cp;
  cp.symbol = c;
  cp.qualified = cs.name;
  cp.ident = package_names_.unique(pascal_case(last_component(cs.name)) + "Callback");
  cp.declared_at = where(cs.def);
  cp.polymorphic = cs.is_polymorphic;
  if (cp.polymorphic) cp.proxy = cp.ident;
  if (!cp.polymorphic) {
    cp.shell_ns = scope_of(cs.name);
    std::set<std::string> sources;
    const Symbol* shell = nullptr;
    for (const Symbol& m : p_.symbols) {
      if (m.parent != c) continue;
      const bool member = m.kind == SymbolKind::Method || m.kind == SymbolKind::StaticMethod ||
                          m.kind == SymbolKind::Constructor || m.kind == SymbolKind::Destructor;
      if (member && m.def.valid() && !p_.files[m.def.file].is_header) sources.insert(p_.files[m.def.file].path);
      if (m.kind == SymbolKind::Destructor && m.def.valid() && !is_inline_code(p_, m)) cp.shell_dtor = true;
      if (m.kind != SymbolKind::Constructor || shell) continue;
      bool plain = true;
      for (const Param& prm : m.params)
        plain &= prm.type.shape != TypeShape::Reference && prm.type.shape != TypeShape::Record;
      if (plain) shell = &m;
    }
    cp.excluded_sources.assign(sources.begin(), sources.end());
    if (shell) {
      std::string args, params;
      for (const Param& prm : shell->params) {
        args += (args.empty() ? "" : ", ") + value_spelling(prm.type.spelling) + "{}";
        params += (params.empty() ? "" : ", ") + prm.type.spelling;
      }
      cp.shell_args = args;
      // Its own definition is in the sources left out: the shell's is empty.
      if (!is_inline_code(p_, *shell)) {
        const std::string name = last_component(cs.name);
        cp.shell_ctor = name + "::" + name + "(" + params + ")";
      }
    }
  }
  // A concrete class's members that only its own sources call (private
  // helpers) run in the client, inside the members that call them: the
  // service never calls them, and the client could not call them from outside.
  std::set<SymbolId> called;
  std::set<FileId> left_out;
  for (const std::string& f : cp.excluded_sources)
    if (auto at = p_.file_index.find(f); at != p_.file_index.end()) left_out.insert(at->second);
  for (const Reference& r : p_.refs)
    if (r.kind == RefKind::Call && !left_out.count(r.site.file)) called.insert(r.target);
  const bool polymorphic = cp.polymorphic;
  plan.callback_classes.push_back(std::move(cp));
  for (SymbolId m : methods(c)) {
    std::string reason;
    if (!polymorphic && !called.count(m)) {
      reason = "called only from the class's own sources, which stay in the client";
    } else if (plan_method(m, k, plan, reason)) {
      continue;
    }
    const Symbol& s = p_.symbols[m];
    plan.callback_classes[static_cast<size_t>(k)].unserved.push_back(unserved_operation(s, where(s.decl), reason));
  }
  return k;
}

} // namespace seam::stubs
