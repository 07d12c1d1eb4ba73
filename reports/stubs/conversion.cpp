#include "reports/stubs/conversion.h"

#include "reports/stubs/callback_emitter.h"

#include "analyzers/stubs/names.h"

namespace seam::stubs {

/// Where a proto value goes: a singular field, a new element of a repeated
/// field, or the entry `key` of a map field.
struct Conversions::Slot {
  enum Kind { Field, Repeated, MapEntry } kind = Field;
  std::string msg;   ///< "request." / "out." / "response->"
  std::string field; ///< proto field name
  std::string key;   ///< MapEntry: the key expression

  std::string set(const std::string& value) const {
    switch (kind) {
    case Field: return msg + "set_" + field + "(" + value + ");";
    case Repeated: return msg + "add_" + field + "(" + value + ");";
    case MapEntry: return "(*" + msg + "mutable_" + field + "())[" + key + "] = " + value + ";";
    }
    return "";
  }
  /// An lvalue of the message in the slot.
  std::string message() const {
    switch (kind) {
    case Field: return "*" + msg + "mutable_" + field + "()";
    case Repeated: return "*" + msg + "add_" + field + "()";
    case MapEntry: return "(*" + msg + "mutable_" + field + "())[" + key + "]";
    }
    return "";
  }
};

std::string Conversions::scalar_cpp(const std::string& s) {
  if (s == "int32") return "std::int32_t";
  if (s == "int64") return "std::int64_t";
  if (s == "uint32") return "std::uint32_t";
  if (s == "uint64") return "std::uint64_t";
  return s; // bool, float, double
}

namespace {
/// A conversion expression with `$` replaced by `value` (parenthesised).
std::string substitute(const std::string& expr, const std::string& value) {
  std::string out;
  for (char c : expr) out += c == '$' ? "(" + value + ")" : std::string(1, c);
  return out;
}
} // namespace

std::string Conversions::value_expr(const std::string& src, const WireType& t) const {
  if (!t.convert_to.empty()) return substitute(t.convert_to, src);
  switch (t.kind) {
  case WireKind::Scalar: return t.narrow ? "static_cast<" + scalar_cpp(t.scalar) + ">(" + src + ")" : src;
  case WireKind::String:
    return t.view ? "std::string(" + src + ")" : src;
  case WireKind::Enum: return q_ + "to_proto(" + src + ")";
  default: return src;
  }
}

std::string Conversions::back_expr(const std::string& get, const WireType& t) const {
  if (!t.convert_from.empty()) return substitute(t.convert_from, get);
  switch (t.kind) {
  case WireKind::Scalar: return t.narrow ? "static_cast<" + t.cpp + ">(" + get + ")" : get;
  case WireKind::Enum: return q_ + "from_proto(" + get + ")";
  default: return get;
  }
}

std::string Conversions::element_expr(const std::string& get, const WireType& t) const {
  // Repeated and map enum fields hold ints in protobuf's C++ API.
  if (t.kind == WireKind::Enum)
    return q_ + "from_proto(static_cast<" + plan_.cpp_package + "::" + plan_.proto_type(t) + ">(" + get + "))";
  return back_expr(get, t);
}

void Conversions::store(CodeWriter& w, const std::string& src, const WireType& t, const Slot& slot) const {
  switch (t.kind) {
  case WireKind::Scalar:
  case WireKind::String:
  case WireKind::Enum:
    if (t.c_string) { // a null C string leaves the optional field unset
      w.open("if (" + src + " != nullptr)");
      w.line(slot.set(src));
      w.close();
      return;
    }
    w.line(slot.set(value_expr(src, t)));
    return;
  case WireKind::Message:
    if (!t.wrapper()) {
      w.line(q_ + "to_proto(" + src + ", " + slot.message() + ");");
      return;
    } else {
      // Wrappers are elements or optional values: always inside a loop or if body.
      std::string wrapper = w.fresh("wrapper");
      w.line("auto& " + wrapper + " = " + slot.message() + ";");
      store(w, src, t.args[0], Slot{Slot::Field, wrapper + ".", "values", ""});
      return;
    }
  case WireKind::List: {
    std::string item = w.fresh("item");
    w.open("for (const auto& " + item + " : " + src + ")");
    store(w, item, t.args[0], Slot{Slot::Repeated, slot.msg, slot.field, ""});
    w.close();
    return;
  }
  case WireKind::Map: {
    std::string key = w.fresh("key"), value = w.fresh("value");
    w.open("for (const auto& [" + key + ", " + value + "] : " + src + ")");
    store(w, value, t.args[1], Slot{Slot::MapEntry, slot.msg, slot.field, value_expr(key, t.args[0])});
    w.close();
    return;
  }
  case WireKind::Optional:
    w.open("if (" + src + ")");
    store(w, "*" + src, t.args[0], slot);
    w.close();
    return;
  }
}

void Conversions::to_proto(CodeWriter& w, const std::string& src, const ProtoField& f, const std::string& msg) const {
  store(w, src, f.type, Slot{Slot::Field, msg, f.name, ""});
}

void Conversions::load_value(CodeWriter& w, const std::string& get, const WireType& t, const std::string& dst,
                             bool fresh) const {
  if (t.kind == WireKind::Message && !t.wrapper()) {
    w.line(q_ + "from_proto(" + get + ", " + dst + ");");
  } else if (t.wrapper()) {
    load(w, get + ".", "values", t.args[0], dst, fresh);
  } else {
    w.line(dst + " = " + back_expr(get, t) + ";");
  }
}

void Conversions::load(CodeWriter& w, const std::string& msg, const std::string& field, const WireType& t,
                       const std::string& dst, bool fresh) const {
  const std::string get = msg + field + "()";
  switch (t.kind) {
  case WireKind::Scalar:
  case WireKind::String:
  case WireKind::Enum:
  case WireKind::Message:
    load_value(w, get, t, dst, fresh);
    return;
  case WireKind::List: {
    const WireType& e = t.args[0];
    const std::string add = t.insert ? ".insert(" : ".push_back(";
    if (!fresh) w.line(dst + ".clear();");
    std::string item = w.fresh("item");
    w.open("for (const auto& " + item + " : " + get + ")");
    if (e.kind == WireKind::Message) {
      std::string value = w.fresh("value");
      w.line(e.cpp + " " + value + ";");
      load_value(w, item, e, value, true);
      w.line(dst + add + "std::move(" + value + "));");
    } else {
      w.line(dst + add + element_expr(item, e) + ");");
    }
    w.close();
    return;
  }
  case WireKind::Map: {
    const WireType& k = t.args[0];
    const WireType& v = t.args[1];
    if (!fresh) w.line(dst + ".clear();");
    std::string key = w.fresh("key"), entry = w.fresh("entry");
    w.open("for (const auto& [" + key + ", " + entry + "] : " + get + ")");
    if (v.kind == WireKind::Message) {
      std::string value = w.fresh("value");
      w.line(v.cpp + " " + value + ";");
      load_value(w, entry, v, value, true);
      w.line(dst + ".emplace(" + back_expr(key, k) + ", std::move(" + value + "));");
    } else {
      w.line(dst + ".emplace(" + back_expr(key, k) + ", " + element_expr(entry, v) + ");");
    }
    w.close();
    return;
  }
  case WireKind::Optional: {
    const WireType& v = t.args[0];
    w.open("if (" + msg + "has_" + field + "())");
    if (v.kind == WireKind::Message) {
      std::string value = w.fresh("value");
      w.line(v.cpp + " " + value + ";");
      load_value(w, get, v, value, true);
      w.line(dst + " = std::move(" + value + ");");
    } else {
      w.line(dst + " = " + back_expr(get, v) + ";");
    }
    if (fresh) {
      w.close();
    } else {
      w.reopen("else");
      w.line(dst + ".reset();");
      w.close();
    }
    return;
  }
  }
}

void Conversions::from_proto(CodeWriter& w, const std::string& msg, const ProtoField& f, const std::string& dst,
                             bool fresh) const {
  load(w, msg, f.name, f.type, dst, fresh);
}

std::string declare(const std::string& spelling, const std::string& name) {
  std::string s = spelling;
  size_t tail = s.size();
  while (tail > 0 && (s[tail - 1] == '&' || s[tail - 1] == '*')) --tail;
  std::string marks = s.substr(tail);
  std::string type = s.substr(0, tail);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type + marks + (name.empty() ? "" : " " + name);
}

void emit_forward_call(CodeWriter& w, const ServicePlan& plan, const Conversions& conv, const RpcPlan& r,
                       const std::string& helpers, const std::string& stub, const std::string& request,
                       const std::string& response, const std::string& context, bool keep_response,
                       const std::string& handle) {
  const std::string& pb = plan.cpp_package;
  w.line(pb + "::" + r.request + " " + request + ";");
  if (r.role == RpcRole::Method)
    w.line(request + ".set_handle(" + (handle.empty() ? client_handle(plan, r.remote, helpers, "this") : handle) + ");");
  for (const ParamPlan& p : r.params) {
    if (p.remote >= 0 && p.array) { // `T** items, int n`: one handle per object
      const ParamPlan& n = *(&p + 1);
      const std::string i = w.fresh("i");
      w.open("for (decltype(" + n.name + ") " + i + " = 0; " + i + " < " + n.name + "; ++" + i + ")");
      w.line(request + ".add_" + p.field.name + "(" + client_handle(plan, p.remote, helpers, p.name + "[" + i + "]") +
             ");");
      w.close();
      continue;
    }
    if (p.carried >= 0) { // a struct of settings: its values, and its objects as callback handles
      const CarriedStructPlan& cs = plan.carried.at(static_cast<size_t>(p.carried));
      const std::string msg = w.fresh(p.name + "_message");
      w.line("auto& " + msg + " = *" + request + ".mutable_" + p.field.name + "();");
      for (const CarriedFieldPlan& f : cs.fields) {
        if (f.callback >= 0) {
          const std::string cls = "::" + plan.callback_classes.at(static_cast<size_t>(f.callback)).qualified;
          w.line(msg + ".set_" + f.field.name + "(" + callback_host(plan) + "::handle(static_cast<const " + cls +
                 "*>(" + p.name + "." + f.member + ")));");
        } else {
          conv.to_proto(w, p.name + "." + f.member, f.field, msg + ".");
        }
      }
      continue;
    }
    if (p.callback >= 0) { // an object of this process the service calls back: its callback handle
      const std::string cls = "::" + plan.callback_classes.at(static_cast<size_t>(p.callback)).qualified;
      w.line(request + ".set_" + p.field.name + "(" + callback_host(plan) + "::handle(static_cast<const " + cls + "*>(" +
             (p.pointer ? p.name : "&" + p.name) + ")));");
      continue;
    }
    if (p.remote >= 0) {
      w.line(request + ".set_" + p.field.name + "(" +
             client_handle(plan, p.remote, helpers, p.pointer ? p.name : "&" + p.name) + ");");
      continue;
    }
    if (p.count) continue; // sent as the array's size
    if (p.array) {
      const ParamPlan& n = *(&p + 1);
      conv.to_proto(w, p.field.type.cpp + "(" + p.name + ", " + p.name + " + " + n.name + ")", p.field, request + ".");
      continue;
    }
    if (p.out) { // in-out: null stays unset
      w.open("if (" + p.name + " != nullptr)");
      conv.to_proto(w, "*" + p.name, p.field, request + ".");
      w.close();
      continue;
    }
    conv.to_proto(w, p.name, p.field, request + ".");
  }
  if (keep_response)
    w.line("auto& " + response + " = keep<" + pb + "::" + r.response + ">();");
  else
    w.line(pb + "::" + r.response + " " + response + ";");
  w.line("::grpc::ClientContext " + context + ";");
  w.line(helpers + "::prepare(" + context + ");");
  w.call(helpers + "::check", {stub + r.rpc + "(&" + context + ", " + request + ", &" + response + ")", "\"" + r.rpc + "\""},
         ";");
  if (r.role == RpcRole::Constructor) w.line(helpers + "::adopt(this, " + response + ".handle());");
  for (const ParamPlan& p : r.params)
    if (p.remote >= 0 && p.handed_over) {
      // As in the monolith, the callee owns these objects now: the service
      // gave them to it, so their proxies here forget their handles (deleting
      // one releases nothing) and go, as the callee would have deleted them.
      w.line("// " + r.qualified + " owns '" + p.name + "' now (seam.json \"ownership\"): the service's " +
             (p.array ? "objects" : "object"));
      w.line(p.array ? "// belong to it, so these proxies forget their handles and go."
                     : "// belongs to it, so this proxy forgets its handle and goes.");
      std::string item = p.name;
      if (p.array) {
        const ParamPlan& n = *(&p + 1);
        const std::string i = w.fresh("i");
        w.open("for (decltype(" + n.name + ") " + i + " = 0; " + i + " < " + n.name + "; ++" + i + ")");
        item = p.name + "[" + i + "]";
      } else {
        w.open("if (" + p.name + " != nullptr)");
      }
      w.line(client_forget(plan, p.remote, helpers, item) + ";");
      w.line("delete " + item + ";");
      w.close();
    }
  for (const ParamPlan& p : r.params)
    if (p.out) {
      w.open("if (" + p.name + " != nullptr)");
      conv.from_proto(w, response + ".", p.out_field, "*" + p.name);
      w.close();
    }
  if (r.result_remote >= 0) { // a new object of a remote interface: the caller owns its proxy
    const RemoteClassPlan& rc = plan.remote_classes.at(static_cast<size_t>(r.result_remote));
    std::string handle = w.fresh("handle");
    w.line("const std::uint64_t " + handle + " = " + response + ".result();");
    w.line("return " + handle + " == 0 ? nullptr : new " + rc.proxy + "(" + handle + ");");
  } else if (r.result && r.result_pointer) { // `const T*`: a copy kept until this rpc's next call on the object
    std::string result = w.fresh("result");
    w.line("if (!" + response + ".has_result()) return nullptr;");
    if (r.result->type.kind == WireKind::String) { // a C string: the text, kept for the process's life
      w.line("return " + helpers + "::intern(" + response + ".result());");
      w.close();
      return;
    }
    w.line("auto " + result + " = std::make_shared<" + r.result->type.cpp + ">();");
    conv.from_proto(w, response + ".", *r.result, "*" + result, true);
    w.line("return " + helpers + "::keep_result(" + (r.role == RpcRole::Method ? "this" : "nullptr") + ", \"" + r.rpc +
           "\", std::move(" + result + "));");
  } else if (r.result) {
    std::string simple = conv.simple_value(response + "." + r.result->name + "()", r.result->type);
    if (!simple.empty()) {
      w.line("return " + simple + ";");
    } else {
      std::string result = w.fresh("result");
      w.line(value_spelling(r.result_spelling) + " " + result + ";");
      conv.from_proto(w, response + ".", *r.result, result, true);
      w.line("return " + result + ";");
    }
  }
  w.close();
}

std::string server_objects(const ServicePlan& plan, int k) {
  return snake_case(plan.remote_classes.at(static_cast<size_t>(k)).ident) + "s_";
}

std::string client_forget(const ServicePlan& plan, int k, const std::string& helpers, const std::string& ptr) {
  const RemoteClassPlan& rc = plan.remote_classes.at(static_cast<size_t>(k));
  // A proxy registered the address of its base-class subobject.
  if (rc.interface) return helpers + "::release(static_cast<const ::" + rc.qualified + "*>(" + ptr + "))";
  return helpers + "::release(" + ptr + ")";
}

std::string client_handle(const ServicePlan& plan, int k, const std::string& helpers, const std::string& ptr) {
  const RemoteClassPlan& rc = plan.remote_classes.at(static_cast<size_t>(k));
  if (rc.lazy) return rc.ident + "_handle(" + ptr + ")";
  // A proxy registers the address of its base-class subobject.
  if (rc.interface)
    return helpers + "::handle(static_cast<const ::" + rc.qualified + "*>(" + ptr + "), \"" + rc.qualified + "\")";
  return helpers + "::handle(" + ptr + ", \"" + rc.qualified + "\")";
}

void emit_status_check(CodeWriter& w, const ServicePlan& plan) {
  w.line("/// The interface has no error channel of its own: a failed call throws.");
  w.open("static void check(const ::grpc::Status& status, const char* rpc)");
  w.line("if (status.ok()) return;");
  w.line("throw std::runtime_error(std::string(\"" + plan.package + "." + plan.service + "/\") + rpc + \" failed: \" +");
  w.line("                         status.error_message() + \" (gRPC status \" +");
  w.line("                         std::to_string(static_cast<int>(status.error_code())) + \")\");");
  w.close();
}

void emit_serve_call(CodeWriter& w, const Conversions& conv, const RpcPlan& r, const std::string& callee,
                     const std::string& what) {
  std::string args;
  std::vector<std::pair<const ParamPlan*, std::string>> outs;
  std::vector<std::string> takes; // objects the callee takes over: out of the registry once all are found
  for (const ParamPlan& p : r.params) {
    std::string local = w.fresh(p.name);
    const WireType& t = p.field.type;
    if (p.remote >= 0 && p.array) { // `T** items, int n`: the service's objects by their handles
      const RemoteClassPlan& rc = conv.plan().remote_classes.at(static_cast<size_t>(p.remote));
      const std::string objects = server_objects(conv.plan(), p.remote);
      const std::string handle = w.fresh("handle"), found = w.fresh("found");
      w.line("std::vector<::" + rc.qualified + "*> " + local + ";");
      w.open("for (const std::uint64_t " + handle + " : request->" + p.field.name + "())");
      w.line("auto* " + found + " = find(" + objects + ", " + handle + ");");
      w.line("if (" + found + " == nullptr && " + handle + " != 0) return not_found(\"" + rc.qualified + "\", " + handle +
             ");");
      w.line(local + ".push_back(" + found + ");");
      w.close();
      if (p.handed_over)
        takes.push_back("for (const std::uint64_t " + handle + " : request->" + p.field.name + "()) take(" + objects +
                        ", " + handle + ");");
      args += (args.empty() ? "" : ", ") + local + ".data(), static_cast<" + p.count_type + ">(" + local + ".size())";
      continue;
    }
    if (p.remote >= 0) { // an object of the service passed back by its handle
      const RemoteClassPlan& rc = conv.plan().remote_classes.at(static_cast<size_t>(p.remote));
      const std::string get = "request->" + p.field.name + "()";
      w.line("auto* " + local + " = find(" + server_objects(conv.plan(), p.remote) + ", " + get + ");");
      w.open(std::string("if (") + local + " == nullptr" + (p.pointer ? " && " + get + " != 0" : "") + ")");
      w.line("return not_found(\"" + rc.qualified + "\", " + get + ");");
      w.close();
      if (p.handed_over) takes.push_back("take(" + server_objects(conv.plan(), p.remote) + ", " + get + ");");
      args += (args.empty() ? "" : ", ") + (p.pointer ? local : "*" + local);
      continue;
    }
    if (p.carried >= 0) { // a struct of settings: a copy, its pointers at the stand-ins that call back
      const CarriedStructPlan& cs = conv.plan().carried.at(static_cast<size_t>(p.carried));
      const std::string msg = "request->" + p.field.name + "().";
      w.line("::" + cs.qualified + " " + local + ";");
      for (const CarriedFieldPlan& f : cs.fields) {
        if (f.callback >= 0)
          w.line(local + "." + f.member + " = " + callback_getter(conv.plan(), f.callback) + "(" + msg + f.field.name +
                 "(), *context, session);");
        else
          conv.from_proto(w, msg, f.field, local + "." + f.member);
      }
      args += (args.empty() ? "" : ", ") + local;
      continue;
    }
    if (p.callback >= 0) { // a client's object: the stand-in that calls back into it
      const std::string get = "request->" + p.field.name + "()";
      w.line("auto* " + local + " = " + callback_getter(conv.plan(), p.callback) + "(" + get + ", *context, session);");
      if (!p.pointer) {
        w.open("if (" + local + " == nullptr)");
        w.line("return ::grpc::Status(::grpc::StatusCode::INVALID_ARGUMENT, \"" + p.name +
               ": a null callback handle for a reference\");");
        w.close();
      }
      args += (args.empty() ? "" : ", ") + (p.pointer ? local : "*" + local);
      continue;
    }
    std::string type = value_spelling(p.spelling);
    std::string simple = conv.simple_value("request->" + p.field.name + "()", t);
    if (p.count) continue; // passed with its array
    if (p.array) {
      w.line(t.cpp + " " + local + ";");
      conv.from_proto(w, "request->", p.field, local, true);
      args += (args.empty() ? "" : ", ") + local + ".data(), static_cast<" + p.count_type + ">(" + local + ".size())";
      continue;
    }
    if (p.out) { // in-out pointer: unset is nullptr
      w.line("std::optional<" + p.value_type + "> " + local + ";");
      w.open("if (request->has_" + p.field.name + "())");
      w.line(local + ".emplace();");
      conv.from_proto(w, "request->", p.field, "*" + local);
      w.close();
      args += (args.empty() ? "" : ", ") + local + " ? &*" + local + " : nullptr";
      outs.emplace_back(&p, local);
      continue;
    }
    if (t.c_string) { // unset means the caller passed a null pointer
      w.line("std::optional<std::string> " + local + ";");
      w.open("if (request->has_" + p.field.name + "())");
      w.line(local + " = request->" + p.field.name + "();");
      w.close();
    } else if (!simple.empty()) {
      w.line(type + " " + local + " = " + simple + ";");
    } else {
      w.line(type + " " + local + ";");
      conv.from_proto(w, "request->", p.field, local, true);
    }
    std::string arg = t.c_string ? local + " ? " + local + "->c_str() : nullptr" : p.rvalue ? "std::move(" + local + ")" : local;
    args += (args.empty() ? "" : ", ") + arg;
  }
  if (!takes.empty()) {
    w.line("// " + what + " owns these objects after the call (seam.json \"ownership\"): the registry");
    w.line("// lets go of them, or it would delete them a second time.");
    for (const std::string& line : takes) w.line(line);
  }
  std::string call = callee + "(" + args + ")";
  if (r.result_remote >= 0) { // the caller owns the new object: the registry keeps it for the client's proxy
    const std::string objects = server_objects(conv.plan(), r.result_remote);
    const std::string cls = conv.plan().remote_classes.at(static_cast<size_t>(r.result_remote)).qualified;
    w.line("::" + cls + "* result = " + call + ";");
    w.line("response->set_result(result == nullptr ? 0 : adopt(" + objects + ", std::unique_ptr<::" + cls +
           ">(result), session));");
  } else if (r.role == RpcRole::Constructor) {
    w.line("auto object = " + call + ";");
    w.line("response->set_handle(adopt(" + server_objects(conv.plan(), r.remote) + ", std::move(object), session));");
  } else if (r.result && r.result_pointer) { // `const T*`: unset is nullptr
    w.line("const auto* result = " + call + ";");
    w.open("if (result != nullptr)");
    if (r.result->type.kind == WireKind::String)
      w.line("response->set_result(result);");
    else
      conv.to_proto(w, "*result", *r.result, "response->");
    w.close();
  } else if (r.result) {
    w.line("auto result = " + call + ";");
    conv.to_proto(w, "result", *r.result, "response->");
  } else {
    w.line(call + ";");
  }
  for (const auto& [p, local] : outs) {
    w.open("if (" + local + ")");
    conv.to_proto(w, "*" + local, p->out_field, "response->");
    w.close();
  }
  w.line("return ::grpc::Status::OK;");
  w.reopen("catch (const std::exception& error)");
  w.line("return ::grpc::Status(::grpc::StatusCode::INTERNAL, error.what());");
  w.reopen("catch (...)");
  w.line("return ::grpc::Status(::grpc::StatusCode::UNKNOWN, \"" + what + " threw\");");
  w.close();
  w.close();
}

} // namespace seam::stubs
