// MODULE_server.h/.cpp: the gRPC service over the module's real functions,
// and a main() that serves it.
#include "analyzers/stubs/names.h"
#include "reports/stubs/callback_emitter.h"
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

#include <algorithm>

namespace seam::stubs {
namespace {

std::string impl_class(const ServicePlan& plan) { return plan.service + "Impl"; }

/// Does some rpc hand objects of the service over to the module's code?
bool hands_over(const ServicePlan& plan) {
  for (const RpcPlan& r : plan.rpcs)
    for (const ParamPlan& p : r.params)
      if (p.handed_over) return true;
  return false;
}

/// The parameters of a service method. Unused ones stay unnamed: the monolith
/// may build with -Wextra.
std::vector<std::string> method_params(const ServicePlan& plan, const RpcPlan& r) {
  // With remote objects every call names its session: it renews the lease.
  const bool objects = plan.has_objects();
  const bool uses_request = !r.params.empty() || r.role == RpcRole::Method || r.role == RpcRole::Destructor;
  const bool uses_response = r.result || r.role == RpcRole::Constructor || r.result_remote >= 0 ||
                             std::any_of(r.params.begin(), r.params.end(), [](const ParamPlan& p) { return p.out; });
  return {std::string("::grpc::ServerContext*") + (objects ? " context" : ""),
          "const " + r.request + "*" + (uses_request ? " request" : ""),
          r.response + "*" + (uses_response ? " response" : "")};
}

void server_method(CodeWriter& w, const ServicePlan& plan, const RpcPlan& r) {
  Conversions conv(plan, "convert::");
  w.begin_function({"context", "request", "response", "lock", "result", "error", "self", "session", "object"});
  w.line("");
  if (r.implicit)
    w.line("// a new " + r.qualified.substr(0, r.qualified.rfind("::")) + " (" + r.declared_at +
           "), made with its implicit default constructor");
  else
    w.line("// " + r.qualified + " (" + r.declared_at + ")" +
           (r.inherited_from.empty() ? "" : ", inherited by " + plan.remote_classes.at(static_cast<size_t>(r.remote)).qualified));
  w.call("::grpc::Status " + impl_class(plan) + "::" + r.rpc, method_params(plan, r), "", true);
  w.line("std::lock_guard<std::mutex> lock(mutex_);");
  const bool callbacks = std::any_of(r.params.begin(), r.params.end(), [](const ParamPlan& p) { return p.callback >= 0 || p.carried >= 0; });
  if (r.role == RpcRole::Constructor || r.result_remote >= 0 || callbacks)
    w.line("const std::string session = enter(*context);");
  else if (plan.has_objects())
    w.line("enter(*context);");
  std::string callee = "::" + r.qualified;
  if (r.role == RpcRole::Destructor) {
    w.line("release(request->handle());");
    w.line("return ::grpc::Status::OK;");
    w.close();
    return;
  }
  if (r.role == RpcRole::Method) {
    const RemoteClassPlan& rc = plan.remote_classes.at(static_cast<size_t>(r.remote));
    w.line("auto* self = find(" + server_objects(plan, r.remote) + ", request->handle());");
    w.line("if (self == nullptr) return not_found(\"" + rc.qualified + "\", request->handle());");
    callee = r.inherited_from.empty() ? "self->" + last_component(r.qualified)
                                      : "static_cast<::" + r.inherited_from + "*>(self)->" + last_component(r.qualified);
  }
  if (r.role == RpcRole::Constructor)
    callee = "std::make_unique<::" + plan.remote_classes.at(static_cast<size_t>(r.remote)).qualified + ">";
  w.open("try");
  emit_serve_call(w, conv, r, callee, r.qualified);
}

/// The registry of remote objects inside the service class: one map per
/// class, the session owning each handle, and the lease.
void registry_members(CodeWriter& w, const ServicePlan& plan) {
  w.line("/// Releases the objects of sessions that have not called for the lease; renews this one's.");
  w.line("std::string enter(const ::grpc::ServerContext& context);");
  w.line("/// Destroys the object behind `handle` (nothing when there is none).");
  w.line("void release(std::uint64_t handle);");
  w.line("static ::grpc::Status not_found(const char* cls, std::uint64_t handle);");
  w.line("");
  w.line("template <typename T>");
  w.open("std::uint64_t adopt(std::map<std::uint64_t, std::unique_ptr<T>>& objects, std::unique_ptr<T> object, "
         "const std::string& session)");
  w.line("const std::uint64_t handle = next_handle_++;");
  w.line("objects.emplace(handle, std::move(object));");
  w.line("owner_.emplace(handle, session);");
  w.line("return handle;");
  w.close();
  if (hands_over(plan)) {
    w.line("/// Lets go of the object behind `handle` without destroying it: a function of the");
    w.line("/// module took it over (seam.json \"ownership\") and will delete it itself.");
    w.line("template <typename T>");
    w.open("void take(std::map<std::uint64_t, std::unique_ptr<T>>& objects, std::uint64_t handle)");
    w.line("auto it = objects.find(handle);");
    w.line("if (it == objects.end()) return;");
    w.line("static_cast<void>(it->second.release());");
    w.line("objects.erase(it);");
    w.line("owner_.erase(handle);");
    w.close();
  }
  w.line("template <typename T>");
  w.open("static T* find(std::map<std::uint64_t, std::unique_ptr<T>>& objects, std::uint64_t handle)");
  w.line("auto it = objects.find(handle);");
  w.line("return it == objects.end() ? nullptr : it->second.get();");
  w.close();
  w.line("");
  for (size_t k = 0; k < plan.remote_classes.size(); ++k)
    w.line("std::map<std::uint64_t, std::unique_ptr<::" + plan.remote_classes[k].qualified + ">> " +
           server_objects(plan, static_cast<int>(k)) + ";");
  w.line("std::map<std::uint64_t, std::string> owner_;  ///< handle -> session that made it");
  w.line("std::map<std::string, std::chrono::steady_clock::time_point> last_call_; ///< session -> its last call");
  w.line("std::uint64_t next_handle_ = 1; ///< 0 is no object (a null pointer)");
  w.line("std::chrono::seconds lease_;");
  emit_server_callback_registry(w, plan);
}

std::string lease_variable(const ServicePlan& plan) {
  return plan.env_addr.substr(0, plan.env_addr.size() - 4) + "LEASE_SECONDS";
}

void registry_functions(CodeWriter& w, const ServicePlan& plan) {
  const std::string impl = impl_class(plan);
  w.line("");
  w.line("// The lease: objects of a client that has not called for this long are released,");
  w.line("// so a client that died or disconnected does not keep them forever.");
  w.open(impl + "::" + impl + "()");
  w.line("const char* seconds = std::getenv(\"" + lease_variable(plan) + "\");");
  w.line("lease_ = std::chrono::seconds(seconds != nullptr && std::atoi(seconds) > 0 ? std::atoi(seconds) : 600);");
  w.close();
  w.line("");
  w.open("std::string " + impl + "::enter(const ::grpc::ServerContext& context)");
  w.line("const auto& metadata = context.client_metadata();");
  w.line("auto it = metadata.find(\"seam-session\");");
  w.line("std::string session = it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());");
  w.line("const auto now = std::chrono::steady_clock::now();");
  w.open("for (auto last = last_call_.begin(); last != last_call_.end();)");
  w.open("if (last->first != session && now - last->second > lease_)");
  w.line("std::vector<std::uint64_t> expired;");
  w.open("for (const auto& [handle, owner] : owner_)");
  w.line("if (owner == last->first) expired.push_back(handle);");
  w.close();
  w.line("for (std::uint64_t handle : expired) release(handle);");
  if (!plan.callback_classes.empty()) w.line("release_callbacks(last->first); // after the objects that may hold them");
  w.line("last = last_call_.erase(last);");
  w.reopen("else");
  w.line("++last;");
  w.close();
  w.close();
  w.line("last_call_[session] = now;");
  w.line("return session;");
  w.close();
  w.line("");
  w.open("void " + impl + "::release(std::uint64_t handle)");
  w.line("owner_.erase(handle);");
  for (size_t k = 0; k < plan.remote_classes.size(); ++k)
    w.line(server_objects(plan, static_cast<int>(k)) + ".erase(handle);");
  w.close();
  w.line("");
  w.open("::grpc::Status " + impl + "::not_found(const char* cls, std::uint64_t handle)");
  w.line("return ::grpc::Status(::grpc::StatusCode::NOT_FOUND, std::string(\"no \") + cls + \" with handle \" +");
  w.line("                                                         std::to_string(handle) +");
  w.line("                                                         \": released, or its client's lease expired\");");
  w.close();
}

} // namespace

std::string emit_server_header(const ServicePlan& plan, const StubOrigin& origin) {
  const std::string ns = plan.cpp_package.substr(2);
  CodeWriter w;
  w.raw(generated_header(plan.base + "_server.h", "the '" + plan.module + "' module as a gRPC service.", plan, origin));
  w.line("#pragma once");
  w.line("");
  w.line("#include \"" + plan.base + ".grpc.pb.h\"");
  w.line("");
  const bool objects = plan.has_objects();
  if (objects) { // the registry holds the module's objects
    for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
    if (!plan.headers.empty()) w.line("");
    w.line("#include <chrono>");
    w.line("#include <cstdint>");
    w.line("#include <map>");
    w.line("#include <memory>");
  }
  w.line("#include <mutex>");
  if (objects) {
    w.line("#include <string>");
    w.line("#include <vector>");
  }
  w.line("");
  w.open_namespace(ns);
  w.line("");
  w.line("/// Each rpc converts its request, calls the module's real function and converts");
  w.line("/// the result. Calls are serialised by one mutex because the module was written");
  w.line("/// for the monolith's threads, not for concurrent requests; remove the lock once");
  w.line("/// its code is safe to call from many threads at once.");
  w.open("class " + impl_class(plan) + " final : public " + plan.service + "::Service");
  w.label("public:");
  if (objects) {
    w.line("/// Reads the lease from " + lease_variable(plan) + " (default 600).");
    w.line(impl_class(plan) + "();");
    w.line("");
  }
  for (const RpcPlan& r : plan.rpcs) w.call("::grpc::Status " + r.rpc, method_params(plan, r), " override;");
  if (!plan.rpcs.empty()) w.line("");
  w.label("private:");
  w.line("std::mutex mutex_;");
  if (objects) registry_members(w, plan);
  w.close(";");
  w.line("");
  w.close_namespace(ns);
  return w.str();
}

std::string emit_server(const ServicePlan& plan, const StubOrigin& origin) {
  const std::string ns = plan.cpp_package.substr(2);
  const std::string exe = plan.base + "_server";
  CodeWriter w;
  w.raw(generated_header(exe + ".cpp", "the service over the module's real code, and its main().", plan, origin));
  w.line("//");
  w.line("// Usage: " + exe + " [HOST:PORT]   (default 127.0.0.1:50051; port 0 picks a free port)");
  w.line("// Prints \"" + exe + " listening on HOST:PORT\" once it serves, then serves until killed.");
  w.line("");
  w.line("#include \"" + plan.base + "_server.h\"");
  w.line("#include \"" + plan.base + "_convert.h\"");
  w.line("");
  for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
  if (!plan.headers.empty()) w.line("");
  w.line("#include <grpcpp/grpcpp.h>");
  w.line("");
  w.line("#include <cstdlib>");
  w.line("#include <cstring>");
  w.line("#include <exception>");
  w.line("#include <iostream>");
  w.line("#include <memory>");
  w.line("#include <optional>");
  if (!plan.callback_classes.empty()) w.line("#include <set>");
  if (!plan.callback_classes.empty()) w.line("#include <stdexcept>");
  if (!plan.callback_classes.empty()) w.line("#include <tuple>");
  w.line("#include <string>");
  w.line("#include <utility>");
  w.line("");
  if (!plan.callback_classes.empty()) {
    w.open_namespace(ns);
    w.open_namespace("");
    emit_server_callback_helpers(w, plan);
    w.line("");
    w.close_namespace("");
    w.close_namespace(ns);
    emit_server_callback_members(w, plan);
    w.line("");
  }
  w.open_namespace(ns);
  if (plan.has_objects()) registry_functions(w, plan);
  emit_server_callback_functions(w, plan, impl_class(plan));
  for (const RpcPlan& r : plan.rpcs) server_method(w, plan, r);
  w.line("");
  w.close_namespace(ns);
  w.line("");
  w.open("int main(int argc, char** argv)");
  w.open("if (argc > 2 || (argc == 2 && (std::strcmp(argv[1], \"--help\") == 0 || std::strcmp(argv[1], \"-h\") == 0)))");
  w.line("std::cout << \"usage: " + exe + " [HOST:PORT]\\n\"");
  w.line("             \"Serves " + plan.package + "." + plan.service + " (default address 127.0.0.1:50051;\\n\"");
  w.line("             \"port 0 picks a free port) and prints the address it listens on.\\n\";");
  w.line("return argc > 2 ? 2 : 0;");
  w.close();
  w.line("const std::string address = argc == 2 ? argv[1] : \"127.0.0.1:50051\";");
  w.line(plan.cpp_package + "::" + impl_class(plan) + " service;");
  w.line("::grpc::ServerBuilder builder;");
  w.line("int port = 0;");
  w.line("builder.AddListeningPort(address, ::grpc::InsecureServerCredentials(), &port);");
  w.line("builder.RegisterService(&service);");
  w.line("std::unique_ptr<::grpc::Server> server = builder.BuildAndStart();");
  w.open("if (!server || port == 0)");
  w.line("std::cerr << \"" + exe + ": cannot listen on \" << address << \"\\n\";");
  w.line("return 1;");
  w.close();
  w.line("// The port actually bound (port 0 asks for a free one), for scripts and tests.");
  w.line("std::cout << \"" + exe + " listening on \" << address.substr(0, address.rfind(':')) << \":\" << port");
  w.line("          << std::endl;");
  w.line("server->Wait();");
  w.line("return 0;");
  w.close();
  return w.str();
}

} // namespace seam::stubs
