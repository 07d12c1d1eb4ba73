// MODULE_client.cpp: the module's interface functions, same names, namespaces
// and signatures, each forwarding its call over gRPC. Linked instead of the
// module's own sources, callers compile and link unchanged.
#include "analyzers/stubs/names.h"
#include "reports/stubs/callback_emitter.h"
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

#include <map>

namespace seam::stubs {
namespace {

/// The body of a remote object's destructor (a class's, or a proxy's): the
/// release rpc for the handle of `self`, if it has one. A destructor must not
/// throw: a release that fails is left to the lease.
void release_body(CodeWriter& w, const std::string& pb, const RpcPlan& r, const std::string& remote,
                  const std::string& self, const std::string& request, const std::string& response,
                  const std::string& context) {
  std::string handle = w.fresh("handle");
  w.line("const std::uint64_t " + handle + " = " + remote + "::release(" + self + ");");
  w.line("if (" + handle + " == 0) return;");
  w.open("try");
  w.line(pb + "::" + r.request + " " + request + ";");
  w.line(request + ".set_handle(" + handle + ");");
  w.line(pb + "::" + r.response + " " + response + ";");
  w.line("::grpc::ClientContext " + context + ";");
  w.line(remote + "::prepare(" + context + ");");
  w.line("remote_status_ignored(" + remote + "::stub()." + r.rpc + "(&" + context + ", " + request + ", &" + response +
         "));");
  w.reopen("catch (...)");
  w.line("// The service releases the object when this process's lease ends.");
  w.close();
}

void client_function(CodeWriter& w, const ServicePlan& plan, const RpcPlan& r, const std::string& remote) {
  const std::string pb = plan.cpp_package;
  std::vector<std::string> params;
  std::set<std::string> reserved;
  for (const ParamPlan& p : r.params) {
    params.push_back(declare(p.spelling, p.name));
    reserved.insert(p.name);
  }
  w.begin_function(reserved);
  std::string request = w.fresh("request"), response = w.fresh("response"), context = w.fresh("context");
  if (r.implicit) return; // the class's implicit constructor: the object is created on first use
  w.line("");
  w.line("// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
  const std::string tail = std::string(r.is_const ? " const" : "") + (r.is_noexcept ? " noexcept" : "");
  if (r.role == RpcRole::Destructor) {
    w.open(r.local_name + "()" + tail);
    release_body(w, pb, r, remote, "this", request, response, context);
    w.close();
    return;
  }
  if (r.role == RpcRole::Constructor) {
    // The object's own fields stay unused here: its state lives in the service.
    std::string inits;
    for (const std::string& i : r.member_inits) inits += (inits.empty() ? " : " : ", ") + i;
    w.call(r.local_name, params, tail + inits, true);
  } else {
    w.call(declare(r.result_spelling, "") + " " + r.local_name, params, tail, true);
  }
  Conversions conv(plan, pb + "::convert::");
  emit_forward_call(w, plan, conv, r, remote, remote + "::stub().", request, response, context);
}

/// The helpers a client with remote objects needs inside its Remote struct:
/// the handle of each proxy object by address, and this process's session.
void object_helpers(CodeWriter& w) {
  w.line("");
  w.line("/// The service's object behind each object of a remote class in this process,");
  w.line("/// by address. The C++ object's own fields stay unused: its state is in the service.");
  w.open("static std::mutex& objects_mutex()");
  w.line("static std::mutex mutex;");
  w.line("return mutex;");
  w.close();
  w.open("static std::unordered_map<const void*, std::uint64_t>& objects()");
  w.line("static std::unordered_map<const void*, std::uint64_t> objects;");
  w.line("return objects;");
  w.close();
  w.open("static void adopt(const void* self, std::uint64_t handle)");
  w.line("std::lock_guard<std::mutex> lock(objects_mutex());");
  w.line("objects()[self] = handle;");
  w.close();
  w.line("/// The handle of `self`, 0 when it has none.");
  w.open("static std::uint64_t find(const void* self)");
  w.line("std::lock_guard<std::mutex> lock(objects_mutex());");
  w.line("auto it = objects().find(self);");
  w.line("return it == objects().end() ? 0 : it->second;");
  w.close();
  w.line("/// Forgets `self` and returns its handle (0 when it had none).");
  w.open("static std::uint64_t release(const void* self)");
  w.line("std::lock_guard<std::mutex> lock(objects_mutex());");
  w.line("auto it = objects().find(self);");
  w.line("if (it == objects().end()) return 0;");
  w.line("const std::uint64_t handle = it->second;");
  w.line("objects().erase(it);");
  w.line("return handle;");
  w.close();
  w.line("/// The handle of an object made by a constructor rpc; a null pointer is handle 0.");
  w.open("static std::uint64_t handle(const void* self, const char* cls)");
  w.line("if (self == nullptr) return 0;");
  w.line("if (const std::uint64_t h = find(self)) return h;");
  w.line("throw std::runtime_error(std::string(\"no service object behind this \") + cls +");
  w.line("                         \" (a copy of a proxy object is not tracked, copy through the service; an object\"");
  w.line("                         \" this process implements itself cannot be passed: it would be a callback)\");");
  w.close();
  w.line("/// Names this process to the service, which releases the process's objects when it");
  w.line("/// has not called for the lease (the server's SEAM_..._LEASE_SECONDS).");
  w.open("static const std::string& session()");
  w.open("static const std::string id = []");
  w.line("std::random_device random;");
  w.line("std::ostringstream out;");
  w.line("out << std::hex << random() << random() << random() << random();");
  w.line("return out.str();");
  w.close("();");
  w.line("return id;");
  w.close();
}

/// For a class without constructors: the handle of `self`, creating the
/// service's object on first use.
void lazy_handle(CodeWriter& w, const ServicePlan& plan, const RemoteClassPlan& rc, const std::string& remote) {
  const RpcPlan* make = nullptr;
  for (const RpcPlan& r : plan.rpcs)
    if (r.implicit && r.remote >= 0 && plan.remote_classes[static_cast<size_t>(r.remote)].symbol == rc.symbol) make = &r;
  if (!make) return;
  const std::string pb = plan.cpp_package;
  w.line("");
  w.line("/// " + rc.qualified + " declares no constructor, so its objects are made without a");
  w.line("/// call; the service's object is created by the first member call (rpc " + make->rpc + ").");
  w.open("std::uint64_t " + rc.ident + "_handle(const ::" + rc.qualified + "* self)");
  w.line("if (self == nullptr) return 0;");
  w.line("static std::mutex creating;");
  w.line("std::lock_guard<std::mutex> lock(creating);");
  w.line("if (const std::uint64_t handle = " + remote + "::find(self)) return handle;");
  w.line(pb + "::" + make->request + " request;");
  w.line(pb + "::" + make->response + " response;");
  w.line("::grpc::ClientContext context;");
  w.line(remote + "::prepare(context);");
  w.line(remote + "::check(" + remote + "::stub()." + make->rpc + "(&context, request, &response), \"" + make->rpc + "\");");
  w.line(remote + "::adopt(self, response.handle());");
  w.line("return response.handle();");
  w.close();
}

/// The client's proxy for a remote interface: a class deriving from it whose
/// every virtual method forwards over the handle of the service's object, and
/// whose destructor releases it. Factories of the module return a new one.
void proxy_class(CodeWriter& w, const ServicePlan& plan, int k, const std::string& remote) {
  const RemoteClassPlan& rc = plan.remote_classes.at(static_cast<size_t>(k));
  const std::string pb = plan.cpp_package;
  const std::string base = "::" + rc.qualified;
  const std::string self = "static_cast<const " + base + "*>(this)";
  w.line("");
  w.line("/// " + rc.qualified + " (" + rc.declared_at + ") as the module hands it out: the object");
  w.line("/// lives in the service; each virtual call is one round trip on its handle.");
  w.open("class " + rc.proxy + " final : public " + base);
  w.label("public:");
  w.open("explicit " + rc.proxy + "(std::uint64_t handle)");
  w.line(remote + "::adopt(" + self + ", handle);");
  w.close();
  w.line(rc.proxy + "(const " + rc.proxy + "&) = delete;");
  w.line(rc.proxy + "& operator=(const " + rc.proxy + "&) = delete;");
  for (const RpcPlan& r : plan.rpcs) {
    if (r.remote != k) continue;
    std::vector<std::string> params;
    std::set<std::string> reserved{"kept_", "keep"};
    for (const ParamPlan& p : r.params) {
      params.push_back(declare(p.spelling, p.name));
      reserved.insert(p.name);
    }
    w.begin_function(reserved);
    std::string request = w.fresh("request"), response = w.fresh("response"), context = w.fresh("context");
    w.line("");
    w.line("// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
    if (r.role == RpcRole::Destructor) {
      w.open("~" + rc.proxy + "() override");
      release_body(w, pb, r, remote, self, request, response, context);
      w.close();
      continue;
    }
    const std::string tail = std::string(r.is_const ? " const" : "") + (r.is_noexcept ? " noexcept" : "") + " override";
    w.call(declare(r.result_spelling, "") + " " + last_component(r.qualified), params, tail, true);
    // What a const call returned may point into its response; a non-const
    // call (Next, Seek) is where such results may end, as with the real class.
    if (!r.is_const) w.line("kept_.clear();");
    Conversions conv(plan, pb + "::convert::");
    emit_forward_call(w, plan, conv, r, remote, remote + "::stub().", request, response, context, true);
  }
  w.line("");
  w.label("private:");
  w.line("/// The responses of the calls since the last non-const one: results such as a");
  w.line("/// view of a key point into them.");
  w.line("template <typename Response>");
  w.open("Response& keep() const");
  w.line("auto response = std::make_shared<Response>();");
  w.line("kept_.push_back(response);");
  w.line("return *response;");
  w.close();
  w.line("mutable std::vector<std::shared_ptr<const void>> kept_;");
  w.close(";");
}

} // namespace

std::string emit_client(const ServicePlan& plan, const StubOrigin& origin) {
  const std::string pb = plan.cpp_package;
  const std::string remote = pascal_case(plan.base) + "Remote";
  CodeWriter w;
  w.raw(generated_header(plan.base + "_client.cpp",
                         "the '" + plan.module + "' module's interface, served remotely.", plan, origin));
  w.line("//");
  w.line("// Link this file (library " + plan.base + "_client) instead of the module's sources:");
  w.line("// every function below keeps its name, namespace and signature, and forwards");
  w.line("// the call to the " + plan.service + " over gRPC.");
  w.line("//");
  w.line("// Environment:");
  w.line("//   " + plan.env_addr + "  host:port of the service (default 127.0.0.1:50051)");
  w.line("//");
  w.line("// A call that fails (service down, deadline of 30 s exceeded, the server's");
  w.line("// function threw) throws std::runtime_error naming the rpc and the gRPC status.");
  w.line("");
  for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
  if (!plan.headers.empty()) w.line("");
  w.line("#include \"" + plan.base + ".grpc.pb.h\"");
  w.line("#include \"" + plan.base + "_convert.h\"");
  w.line("");
  w.line("#include <grpcpp/grpcpp.h>");
  w.line("");
  w.line("#include <chrono>");
  const bool objects = plan.has_objects();
  bool kept = false, interned = false;
  for (const RpcPlan& r : plan.rpcs) {
    kept |= r.result_pointer && r.result && r.result->type.kind != WireKind::String;
    interned |= r.result_pointer && r.result && r.result->type.kind == WireKind::String;
  }
  if (objects) w.line("#include <cstdint>");
  w.line("#include <cstdlib>");
  w.line("#include <memory>");
  if (kept) w.line("#include <map>");
  // The callback host serves in-out values of callback methods through optionals.
  bool outs = false;
  for (const RpcPlan& r : plan.callback_rpcs)
    for (const ParamPlan& p : r.params) outs |= p.out;
  if (outs) w.line("#include <optional>");
  if (objects || kept || interned) {
    w.line("#include <mutex>");
    w.line("#include <random>");
    if (interned) w.line("#include <set>");
    w.line("#include <sstream>");
  }
  w.line("#include <stdexcept>");
  w.line("#include <string>");
  if (objects) w.line("#include <unordered_map>");
  if (objects) w.line("#include <vector>");
  w.line("");
  w.open_namespace("");
  emit_client_callback_host(w, plan);
  w.line("");
  w.line("/// The process's one channel to the service, and how every call is made.");
  w.open("struct " + remote);
  w.line("static constexpr const char* kAddressVariable = \"" + plan.env_addr + "\";");
  w.line("static constexpr const char* kDefaultAddress = \"127.0.0.1:50051\";");
  w.line("static constexpr std::chrono::seconds kDeadline{30};");
  w.line("");
  w.line("/// Created on first use, from " + plan.env_addr + "; thread-safe (a function-local static).");
  w.open("static " + pb + "::" + plan.service + "::Stub& stub()");
  w.open("static const std::unique_ptr<" + pb + "::" + plan.service + "::Stub> stub = []");
  w.line("const char* address = std::getenv(kAddressVariable);");
  w.line("return " + pb + "::" + plan.service + "::NewStub(::grpc::CreateChannel(");
  w.line("    address != nullptr && *address != '\\0' ? address : kDefaultAddress, ::grpc::InsecureChannelCredentials()));");
  w.close("();");
  w.line("return *stub;");
  w.close();
  w.line("");
  w.open("static void prepare(::grpc::ClientContext& context)");
  w.line("context.set_deadline(std::chrono::system_clock::now() + kDeadline);");
  if (objects) w.line("context.AddMetadata(\"seam-session\", session());");
  if (!plan.callback_classes.empty()) {
    w.line("// Where the service calls this process's callback objects back.");
    w.line("const std::string callbacks = " + callback_host(plan) + "::address();");
    w.line("if (!callbacks.empty()) context.AddMetadata(\"seam-callbacks\", callbacks);");
  }
  w.close();
  w.line("");
  emit_status_check(w, plan);
  if (objects) object_helpers(w);
  if (kept) {
    w.line("");
    w.line("/// A `const T*` result points at a copy of the service's value, kept until the next");
    w.line("/// call of the same rpc on the same object (for a function: the next call of it).");
    w.line("template <typename T>");
    w.open("static const T* keep_result(const void* self, const char* rpc, std::shared_ptr<T> value)");
    w.line("static std::mutex mutex;");
    w.line("static std::map<std::pair<const void*, std::string>, std::shared_ptr<T>> kept;");
    w.line("std::lock_guard<std::mutex> lock(mutex);");
    w.line("std::shared_ptr<T>& slot = kept[{self, rpc}];");
    w.line("slot = std::move(value);");
    w.line("return slot.get();");
    w.close();
  }
  if (interned) {
    w.line("");
    w.line("/// A `const char*` result points into a copy of the text, kept once per distinct");
    w.line("/// text for the life of the process (as a string literal's characters would be).");
    w.open("static const char* intern(const std::string& text)");
    w.line("static std::mutex mutex;");
    w.line("static std::set<std::string> texts;");
    w.line("std::lock_guard<std::mutex> lock(mutex);");
    w.line("return texts.insert(text).first->c_str();");
    w.close();
  }
  w.close(";");
  if (objects) {
    w.line("");
    w.line("/// A destructor cannot report a failed release; the lease cleans up after it.");
    w.line("void remote_status_ignored(const ::grpc::Status&) {}");
  }
  for (const RemoteClassPlan& rc : plan.remote_classes)
    if (rc.lazy) lazy_handle(w, plan, rc, remote);
  for (size_t k = 0; k < plan.remote_classes.size(); ++k)
    if (plan.remote_classes[k].interface) proxy_class(w, plan, static_cast<int>(k), remote);
  w.line("");
  w.close_namespace("");

  // Group the functions by namespace, in plan order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RpcPlan*>> by_ns;
  for (const RpcPlan& r : plan.rpcs) {
    if (r.remote >= 0 && plan.remote_classes[static_cast<size_t>(r.remote)].interface) continue; // in its proxy
    if (!by_ns.count(r.ns)) order.push_back(r.ns);
    by_ns[r.ns].push_back(&r);
  }
  for (const std::string& ns : order) {
    w.line("");
    if (!ns.empty()) w.open_namespace(ns);
    for (const RpcPlan* r : by_ns[ns]) client_function(w, plan, *r, remote);
    if (!ns.empty()) {
      w.line("");
      w.close_namespace(ns);
    }
  }
  return w.str();
}

} // namespace seam::stubs
