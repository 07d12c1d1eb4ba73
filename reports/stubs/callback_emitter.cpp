#include "reports/stubs/callback_emitter.h"

#include "analyzers/stubs/names.h"
#include "reports/stubs/conversion.h"

#include <algorithm>
#include <set>

namespace seam::stubs {
namespace {

std::string field_line(const ServicePlan& plan, const ProtoField& f, bool presence = false) {
  const WireType& t = f.type;
  switch (t.kind) {
  case WireKind::List: return "repeated " + plan.proto_type(t.args[0]) + " " + f.name + " = " + std::to_string(f.number) + ";";
  case WireKind::Map:
    return "map<" + plan.proto_type(t.args[0]) + ", " + plan.proto_type(t.args[1]) + "> " + f.name + " = " +
           std::to_string(f.number) + ";";
  case WireKind::Optional:
    return (t.args[0].kind == WireKind::Message ? "" : "optional ") + plan.proto_type(t.args[0]) + " " + f.name +
           " = " + std::to_string(f.number) + ";";
  default:
    return std::string(t.c_string || (presence && t.kind != WireKind::Message) ? "optional " : "") +
           plan.proto_type(t) + " " + f.name + " = " +
           std::to_string(f.number) + ";";
  }
}

void message(CodeWriter& w, const ServicePlan& plan, const std::string& name, const std::vector<ProtoField>& fields,
             const std::set<std::string>& presence = {}) {
  if (fields.empty()) {
    w.line("message " + name + " {}");
    return;
  }
  w.open("message " + name);
  for (const ProtoField& f : fields) w.line(field_line(plan, f, presence.count(f.name) != 0));
  w.close();
}

const CallbackClassPlan& cls(const ServicePlan& plan, int k) { return plan.callback_classes.at(static_cast<size_t>(k)); }

/// The parameters of an rpc handler; unused ones stay unnamed (-Wextra).
std::vector<std::string> handler_params(const ServicePlan& plan, const RpcPlan& r) {
  const bool outs = std::any_of(r.params.begin(), r.params.end(), [](const ParamPlan& p) { return p.out; });
  return {"::grpc::ServerContext*", "const " + plan.cpp_package + "::" + r.request + "* request",
          plan.cpp_package + "::" + r.response + "*" + (r.result || outs ? " response" : "")};
}

/// Whether the facts' spelling of a parameter type cannot be written back
/// as is: a function pointer's parameter types are printed unqualified
/// (`void (*)(const Slice &, void *)`), a `va_list` as the builtin it decays to.
bool unspellable(const std::string& spelling) {
  return spelling.find('(') != std::string::npos || spelling.find("__va_list_tag") != std::string::npos ||
         spelling.find("__builtin_va_list") != std::string::npos;
}

/// The "(params) const noexcept" of a definition, parameters unnamed. A type
/// the facts cannot spell is taken from the class's own declaration
/// (`ParamOf<decltype(&Class::method), i>`) when the name is not overloaded.
std::string unnamed_params(const ServicePlan& plan, const CallbackClassPlan& cp, const UnservedOperation& u) {
  size_t same_name = 0;
  for (const UnservedOperation& o : cp.unserved) same_name += o.local_name == u.local_name;
  for (const RpcPlan& r : plan.callback_rpcs)
    same_name += r.callback >= 0 && &plan.callback_classes.at(static_cast<size_t>(r.callback)) == &cp &&
                 r.local_name == u.local_name;
  std::string s = "(";
  for (size_t i = 0; i < u.params.size(); ++i) {
    const std::string& t = u.params[i].first;
    s += (i ? ", " : "") + (same_name == 1 && unspellable(t)
                                ? "typename " + plan.cpp_package + "::ParamOf<decltype(&::" + cp.qualified + "::" +
                                      u.local_name + "), " + std::to_string(i) + ">::type"
                                : declare(t, ""));
  }
  s += ")";
  if (u.is_const) s += " const";
  if (u.is_noexcept) s += " noexcept";
  return s;
}

std::string quote(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// The body of a stand-in's method: where its client object is, then the call.
void forward(CodeWriter& w, const ServicePlan& plan, const RpcPlan& r, const std::string& self_class) {
  std::set<std::string> reserved;
  for (const ParamPlan& p : r.params) reserved.insert(p.name);
  w.begin_function(reserved);
  const std::string target = w.fresh("target");
  const std::string request = w.fresh("request"), response = w.fresh("response"), context = w.fresh("context");
  w.call("const auto " + target + " = " + plan.cpp_package + "::callback_target",
         {"static_cast<const ::" + self_class + "*>(this)", "\"" + self_class + "\""}, ";");
  Conversions conv(plan, plan.cpp_package + "::convert::");
  emit_forward_call(w, plan, conv, r, plan.cpp_package + "::CallbackChannel",
                    plan.cpp_package + "::CallbackChannel::stub(" + target + ".address).", request, response, context,
                    false, target + ".handle");
}

} // namespace

std::string callback_host(const ServicePlan& plan) { return pascal_case(plan.base) + "CallbackHost"; }

std::string callback_getter(const ServicePlan& plan, int k) { return snake_case(cls(plan, k).ident); }

void emit_callbacks_proto(CodeWriter& w, const ServicePlan& plan) {
  if (plan.callback_classes.empty()) return;
  w.line("");
  w.line("// Served by the client process, called by the service: one rpc per method of each");
  w.line("// object the caller passes in (a callback). Field 1 is the object's callback handle.");
  if (plan.callback_rpcs.empty()) {
    w.line("service " + plan.callbacks_service + " {}");
  } else {
    w.open("service " + plan.callbacks_service);
    for (size_t i = 0; i < plan.callback_rpcs.size(); ++i) {
      const RpcPlan& r = plan.callback_rpcs[i];
      if (i) w.line("");
      w.line("// " + r.qualified + " (" + r.declared_at + ")");
      w.line("rpc " + r.rpc + "(" + r.request + ") returns (" + r.response + ");");
    }
    w.close();
  }
  WireType handle;
  handle.scalar = "uint64";
  for (const RpcPlan& r : plan.callback_rpcs) {
    w.line("");
    std::vector<ProtoField> params{ProtoField{"handle", 1, handle, ""}};
    std::set<std::string> presence; // in-out pointers: unset is nullptr
    for (const ParamPlan& p : r.params) {
      params.push_back(p.field);
      if (p.out) presence.insert(p.field.name);
    }
    message(w, plan, r.request, params, presence);
    w.line("");
    std::vector<ProtoField> result;
    if (r.result) result.push_back(*r.result);
    for (const ParamPlan& p : r.params)
      if (p.out) result.push_back(p.out_field);
    message(w, plan, r.response, result);
  }
}

void emit_client_callback_host(CodeWriter& w, const ServicePlan& plan) {
  if (plan.callback_classes.empty()) return;
  const std::string host = callback_host(plan);
  const std::string pb = plan.cpp_package;
  const std::string impl = plan.callbacks_service + "Impl";
  w.line("");
  w.line("/// The objects of this process that the service calls back (callbacks): each one");
  w.line("/// passed in is registered under a callback handle, and this process serves");
  w.line("/// " + plan.package + "." + plan.callbacks_service + " for them from the first one on, at " +
         plan.env_callback_addr);
  w.line("/// (default 127.0.0.1:0: a free port on loopback). Registrations last as long as the");
  w.line("/// process: as in the monolith, an object must outlive the service's use of it.");
  w.open("struct " + host);
  w.open("static std::mutex& mutex()");
  w.line("static std::mutex mutex;");
  w.line("return mutex;");
  w.close();
  w.open("static std::unordered_map<const void*, std::uint64_t>& handles()");
  w.line("static std::unordered_map<const void*, std::uint64_t> handles;");
  w.line("return handles;");
  w.close();
  w.open("static std::unordered_map<std::uint64_t, void*>& objects()");
  w.line("static std::unordered_map<std::uint64_t, void*> objects;");
  w.line("return objects;");
  w.close();
  w.open("static std::string& served_at()");
  w.line("static std::string address;");
  w.line("return address;");
  w.close();
  w.line("/// host:port the service calls back on (gRPC metadata seam-callbacks); empty until");
  w.line("/// the first object is passed in.");
  w.open("static std::string address()");
  w.line("std::lock_guard<std::mutex> lock(mutex());");
  w.line("return served_at();");
  w.close();
  w.line("/// The callback handle of `self` (a pointer to the callback class), 0 for nullptr.");
  w.line("static std::uint64_t handle(const void* self);");
  w.line("/// The object behind `handle`, as the callback class T; null when there is none.");
  w.line("template <typename T>");
  w.open("static T* object(std::uint64_t handle)");
  w.line("std::lock_guard<std::mutex> lock(mutex());");
  w.line("auto it = objects().find(handle);");
  w.line("return it == objects().end() ? nullptr : static_cast<T*>(it->second);");
  w.close();
  w.line("static ::grpc::Status not_found(const char* cls, std::uint64_t handle);");
  w.close(";");
  w.line("");
  w.line("/// Each rpc is a call from the service into an object of this process: it runs on a");
  w.line("/// gRPC thread while the call that passed the object (or a later one) waits.");
  w.open("class " + impl + " final : public " + pb + "::" + plan.callbacks_service + "::Service");
  w.label("public:");
  for (const RpcPlan& r : plan.callback_rpcs) {
    const CallbackClassPlan& cp = cls(plan, r.callback);
    w.begin_function({"context", "request", "response", "self", "result", "error"});
    if (&r != &plan.callback_rpcs.front()) w.line("");
    w.line("// " + r.qualified + " (" + r.declared_at + ")");
    w.call("::grpc::Status " + r.rpc, handler_params(plan, r), " override", true);
    w.line("auto* self = " + host + "::object<::" + cp.qualified + ">(request->handle());");
    w.line("if (self == nullptr) return " + host + "::not_found(\"" + cp.qualified + "\", request->handle());");
    w.open("try");
    Conversions conv(plan, pb + "::convert::");
    emit_serve_call(w, conv, r, "self->" + r.local_name, r.qualified);
  }
  w.close(";");
  w.line("");
  w.open("std::uint64_t " + host + "::handle(const void* self)");
  w.line("if (self == nullptr) return 0;");
  w.line("std::lock_guard<std::mutex> lock(mutex());");
  w.open("if (served_at().empty())");
  w.line("// Never destroyed: the service may call back until this process ends.");
  w.line("static " + impl + "* service = new " + impl + "();");
  w.line("const char* wanted = std::getenv(\"" + plan.env_callback_addr + "\");");
  w.line("const std::string at = wanted != nullptr && *wanted != '\\0' ? wanted : \"127.0.0.1:0\";");
  w.line("::grpc::ServerBuilder builder;");
  w.line("int port = 0;");
  w.line("builder.AddListeningPort(at, ::grpc::InsecureServerCredentials(), &port);");
  w.line("builder.RegisterService(service);");
  w.line("static ::grpc::Server* server = nullptr;");
  w.line("server = builder.BuildAndStart().release();");
  w.open("if (server == nullptr || port == 0)");
  w.line("throw std::runtime_error(\"cannot serve " + plan.package + "." + plan.callbacks_service +
         " on \" + at + \" (set " + plan.env_callback_addr + " to host:port)\");");
  w.close();
  w.line("served_at() = at.substr(0, at.rfind(':')) + \":\" + std::to_string(port);");
  w.close();
  w.line("auto it = handles().find(self);");
  w.line("if (it != handles().end()) return it->second;");
  w.line("static std::uint64_t next = 1;");
  w.line("const std::uint64_t handle = next++;");
  w.line("handles().emplace(self, handle);");
  w.line("objects().emplace(handle, const_cast<void*>(self));");
  w.line("return handle;");
  w.close();
  w.line("");
  w.open("::grpc::Status " + host + "::not_found(const char* cls, std::uint64_t handle)");
  w.line("return ::grpc::Status(::grpc::StatusCode::NOT_FOUND, std::string(\"no \") + cls + \" with callback handle \" +");
  w.line("                                                         std::to_string(handle) + \" in this process\");");
  w.close();
}

void emit_server_callback_helpers(CodeWriter& w, const ServicePlan& plan) {
  if (plan.callback_classes.empty()) return;
  const std::string svc = plan.callbacks_service;
  w.line("");
  w.line("/// The type of parameter I of a member function, as its class declares it: for the");
  w.line("/// overrides whose parameter types the facts cannot spell (function pointers, va_list).");
  w.line("template <typename F, std::size_t I>");
  w.line("struct ParamOf;");
  for (const char* q : {"", " const", " noexcept", " const noexcept"}) {
    w.line("template <typename C, typename R, typename... A, std::size_t I>");
    w.line(std::string("struct ParamOf<R (C::*)(A...)") + q + ", I> {");
    w.line("  using type = std::tuple_element_t<I, std::tuple<A...>>;");
    w.line("};");
  }
  w.line("");
  w.line("/// The way back into client processes (" + plan.package + "." + svc + "), one channel per");
  w.line("/// client's callback address. A callback is one round trip, made while the call that");
  w.line("/// triggered it is still open (and the service's lock held).");
  w.open("struct CallbackChannel");
  w.open("static " + svc + "::Stub& stub(const std::string& address)");
  w.line("static std::mutex mutex;");
  w.line("static std::map<std::string, std::unique_ptr<" + svc + "::Stub>> stubs;");
  w.line("std::lock_guard<std::mutex> lock(mutex);");
  w.line("std::unique_ptr<" + svc + "::Stub>& stub = stubs[address];");
  w.line("if (!stub) stub = " + svc + "::NewStub(::grpc::CreateChannel(address, ::grpc::InsecureChannelCredentials()));");
  w.line("return *stub;");
  w.close();
  w.open("static void prepare(::grpc::ClientContext& context)");
  w.line("context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));");
  w.close();
  w.line("/// A `const char*` a callback returns (a comparator's Name()) points into a copy of");
  w.line("/// the text, kept once per distinct text for the life of the process.");
  w.open("static const char* intern(const std::string& text)");
  w.line("static std::mutex mutex;");
  w.line("static std::set<std::string> texts;");
  w.line("std::lock_guard<std::mutex> lock(mutex);");
  w.line("return texts.insert(text).first->c_str();");
  w.close();
  w.line("/// A failed callback (client gone, deadline) throws: the rpc that made it fails.");
  w.open("static void check(const ::grpc::Status& status, const char* rpc)");
  w.line("if (status.ok()) return;");
  w.line("throw std::runtime_error(std::string(\"" + plan.package + "." + svc + "/\") + rpc + \" failed: \" +");
  w.line("                         status.error_message() + \" (gRPC status \" +");
  w.line("                         std::to_string(static_cast<int>(status.error_code())) + \")\");");
  w.close();
  w.close(";");
  w.line("");
  w.line("/// Where the client object behind a stand-in is: its process's callback address and handle.");
  w.open("struct CallbackTarget");
  w.line("std::string address;");
  w.line("std::uint64_t handle = 0;");
  w.close(";");
  w.open("std::mutex& callback_targets_mutex()");
  w.line("static std::mutex mutex;");
  w.line("return mutex;");
  w.close();
  w.open("std::map<const void*, CallbackTarget>& callback_targets()");
  w.line("static std::map<const void*, CallbackTarget> targets;");
  w.line("return targets;");
  w.close();
  w.open("CallbackTarget callback_target(const void* self, const char* cls)");
  w.line("std::lock_guard<std::mutex> lock(callback_targets_mutex());");
  w.line("auto it = callback_targets().find(self);");
  w.open("if (it == callback_targets().end())");
  w.line("throw std::logic_error(std::string(\"this \") + cls + \" stands for no client object: only objects passed \"");
  w.line("                       \"in by a client reach back into it\");");
  w.close();
  w.line("return it->second;");
  w.close();
  for (size_t k = 0; k < plan.callback_classes.size(); ++k) {
    const CallbackClassPlan& cp = plan.callback_classes[k];
    if (!cp.polymorphic) continue;
    w.line("");
    w.line("/// " + cp.qualified + " (" + cp.declared_at + ") as the service sees a client's object:");
    w.line("/// every virtual call is one round trip back into the client that passed it in.");
    w.open("class " + cp.proxy + " final : public ::" + cp.qualified);
    w.label("public:");
    for (const RpcPlan& r : plan.callback_rpcs) {
      if (r.callback != static_cast<int>(k)) continue;
      std::vector<std::string> params;
      for (const ParamPlan& p : r.params) params.push_back(declare(p.spelling, p.name));
      w.line("");
      w.line("// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
      const std::string tail =
          std::string(r.is_const ? " const" : "") + (r.is_noexcept ? " noexcept" : "") + " override";
      w.call(declare(r.result_spelling, "") + " " + r.local_name, params, tail, true);
      forward(w, plan, r, cp.qualified);
    }
    for (const UnservedOperation& u : cp.unserved) {
      w.line("");
      w.line("// Not forwarded (" + u.declared_at + "): " + u.reason);
      w.open(declare(u.result_spelling, "") + " " + u.local_name + unnamed_params(plan, cp, u) + " override");
      w.line("throw std::logic_error(\"" + quote(cp.qualified + "::" + u.local_name) +
             " is not forwarded to the client: " + quote(u.reason) + "\");");
      w.close();
    }
    w.close(";");
  }
}

void emit_server_callback_members(CodeWriter& w, const ServicePlan& plan) {
  for (size_t k = 0; k < plan.callback_classes.size(); ++k) {
    const CallbackClassPlan& cp = plan.callback_classes[k];
    if (cp.polymorphic) continue;
    const std::string name = last_component(cp.qualified);
    w.line("");
    w.line("// " + cp.qualified + " (" + cp.declared_at + ") in the service: only the client's objects,");
    w.line("// passed in as callbacks, exist; each object here is a shell standing for one, and");
    w.line("// its members call back into it. Its own sources are not in this server's build.");
    if (!cp.shell_ns.empty()) w.open_namespace(cp.shell_ns);
    if (!cp.shell_ctor.empty()) {
      w.line("");
      w.line(cp.shell_ctor + " {}");
    }
    if (cp.shell_dtor) {
      w.line("");
      w.line(name + "::~" + name + "() = default;");
    }
    for (const RpcPlan& r : plan.callback_rpcs) {
      if (r.callback != static_cast<int>(k)) continue;
      std::vector<std::string> params;
      for (const ParamPlan& p : r.params) params.push_back(declare(p.spelling, p.name));
      w.line("");
      w.line("// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
      const std::string tail = std::string(r.is_const ? " const" : "") + (r.is_noexcept ? " noexcept" : "");
      w.call(declare(r.result_spelling, "") + " " + name + "::" + r.local_name, params, tail, true);
      forward(w, plan, r, cp.qualified);
    }
    for (const UnservedOperation& u : cp.unserved) {
      w.line("");
      w.line("// Not forwarded (" + u.declared_at + "): " + u.reason);
      w.open(declare(u.result_spelling, "") + " " + name + "::" + u.local_name + unnamed_params(plan, cp, u));
      w.line("throw std::logic_error(\"" + quote(cp.qualified + "::" + u.local_name) +
             " is not forwarded to the client: " + quote(u.reason) + "\");");
      w.close();
    }
    w.line("");
    if (!cp.shell_ns.empty()) w.close_namespace(cp.shell_ns);
  }
}

void emit_server_callback_registry(CodeWriter& w, const ServicePlan& plan) {
  if (plan.callback_classes.empty()) return;
  w.line("");
  w.line("/// Stand-ins for the clients' callback objects, by \"session/handle\": kept until their");
  w.line("/// session's lease ends, since the module may keep them (an observer it was given).");
  for (size_t k = 0; k < plan.callback_classes.size(); ++k) {
    const CallbackClassPlan& cp = plan.callback_classes[k];
    w.line("::" + cp.qualified + "* " + callback_getter(plan, static_cast<int>(k)) +
           "(std::uint64_t handle, const ::grpc::ServerContext& context, const std::string& session);");
  }
  w.line("void release_callbacks(const std::string& session);");
  for (size_t k = 0; k < plan.callback_classes.size(); ++k)
    w.line("std::map<std::string, std::shared_ptr<::" + plan.callback_classes[k].qualified + ">> " +
           callback_getter(plan, static_cast<int>(k)) + "s_;");
}

void emit_server_callback_functions(CodeWriter& w, const ServicePlan& plan, const std::string& impl) {
  if (plan.callback_classes.empty()) return;
  for (size_t k = 0; k < plan.callback_classes.size(); ++k) {
    const CallbackClassPlan& cp = plan.callback_classes[k];
    const std::string getter = callback_getter(plan, static_cast<int>(k));
    w.line("");
    w.line("// The stand-in for a client's " + cp.qualified + ", made on first use.");
    w.open("::" + cp.qualified + "* " + impl + "::" + getter +
           "(std::uint64_t handle, const ::grpc::ServerContext& context, const std::string& session)");
    w.line("if (handle == 0) return nullptr;");
    w.line("std::shared_ptr<::" + cp.qualified + ">& object = " + getter + "s_[session + \"/\" + std::to_string(handle)];");
    w.open("if (!object)");
    w.line("const auto& metadata = context.client_metadata();");
    w.line("auto it = metadata.find(\"seam-callbacks\");");
    w.open("if (it == metadata.end())");
    w.line("throw std::runtime_error(\"a callback handle without the client's callback address (seam-callbacks)\");");
    w.close();
    if (cp.polymorphic)
      w.line("object = std::make_shared<" + cp.proxy + ">();");
    else
      w.line("object = std::make_shared<::" + cp.qualified + ">(" + cp.shell_args + ");");
    w.line("std::lock_guard<std::mutex> lock(callback_targets_mutex());");
    w.line("callback_targets()[static_cast<const ::" + cp.qualified +
           "*>(object.get())] = CallbackTarget{std::string(it->second.data(), it->second.size()), handle};");
    w.close();
    w.line("return object.get();");
    w.close();
  }
  w.line("");
  w.open("void " + impl + "::release_callbacks(const std::string& session)");
  w.line("const std::string prefix = session + \"/\";");
  for (size_t k = 0; k < plan.callback_classes.size(); ++k) {
    const std::string objects = callback_getter(plan, static_cast<int>(k)) + "s_";
    const std::string cls = "::" + plan.callback_classes[k].qualified;
    w.open("for (auto it = " + objects + ".begin(); it != " + objects + ".end();)");
    w.open("if (it->first.compare(0, prefix.size(), prefix) == 0)");
    w.open("");
    w.line("std::lock_guard<std::mutex> lock(callback_targets_mutex());");
    w.line("callback_targets().erase(static_cast<const " + cls + "*>(it->second.get()));");
    w.close();
    w.line("it = " + objects + ".erase(it);");
    w.reopen("else");
    w.line("++it;");
    w.close();
    w.close();
  }
  w.close();
}

} // namespace seam::stubs
