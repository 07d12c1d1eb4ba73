// `seam split MODULE --contract CLASS`: the client is a proxy class deriving
// from CLASS (callers holding a CLASS& or CLASS* take it unchanged), the server
// a gRPC service holding a CLASS& to the real implementation. The proto, the
// conversion header and CMakeLists.txt are the ones of a plain split.
#include "analyzers/stubs/names.h"
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

#include <algorithm>

namespace seam::stubs {
namespace {

std::vector<std::string> cpp_params(const RpcPlan& r) {
  std::vector<std::string> out;
  for (const ParamPlan& p : r.params) out.push_back(declare(p.spelling, p.name));
  return out;
}

std::string qualifiers(const RpcPlan& r) {
  return std::string(r.is_const ? " const" : "") + (r.is_noexcept ? " noexcept" : "");
}

std::vector<std::string> cpp_params(const UnservedOperation& u) {
  std::vector<std::string> out;
  for (const auto& [spelling, name] : u.params) out.push_back(declare(spelling, name));
  return out;
}

std::string qualifiers(const UnservedOperation& u) {
  return std::string(u.is_const ? " const" : "") + (u.is_noexcept ? " noexcept" : "");
}

/// C++ string literal for `s`.
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

std::string impl_class(const ServicePlan& plan) { return plan.service + "Impl"; }

std::vector<std::string> method_params(const RpcPlan& r) {
  return {"::grpc::ServerContext*", "const " + r.request + "*" + (r.params.empty() ? "" : " request"),
          r.response + "*" + (r.result || std::any_of(r.params.begin(), r.params.end(), [](const ParamPlan& p) { return p.out; }) ? " response" : "")};
}

} // namespace

std::string emit_contract_client_header(const ServicePlan& plan, const StubOrigin& origin) {
  const ContractPlan& c = *plan.contract;
  CodeWriter w;
  w.raw(generated_header(plan.base + "_client.h", c.name + " served by another process: a proxy.", plan, origin));
  w.line("//");
  w.line("// " + c.client_class + " is a " + c.qualified + ": hand it to code that holds a");
  w.line("// " + c.name + "& or " + c.name + "* and every call goes to the " + plan.service + " service");
  w.line("// over gRPC. A call that fails (service down, deadline of 30 s exceeded, the");
  w.line("// server's implementation threw) throws std::runtime_error naming the rpc.");
  w.line("#pragma once");
  w.line("");
  if (!c.header.empty()) w.line("#include \"" + c.header + "\"");
  w.line("");
  w.line("#include <memory>");
  w.line("#include <string>");
  w.line("");
  if (!c.ns.empty()) w.open_namespace(c.ns);
  w.line("");
  w.open("class " + c.client_class + " final : public ::" + c.qualified);
  w.label("public:");
  w.line("/// Connects to the address in " + plan.env_addr + " (default 127.0.0.1:50051).");
  w.line(c.client_class + "();");
  w.line("/// Connects to `address` (host:port).");
  w.line("explicit " + c.client_class + "(const std::string& address);");
  w.line("~" + c.client_class + "() override;");
  w.line(c.client_class + "(const " + c.client_class + "&) = delete;");
  w.line(c.client_class + "& operator=(const " + c.client_class + "&) = delete;");
  w.line("");
  for (const RpcPlan& r : plan.rpcs) {
    w.line("/// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
    w.call(declare(r.result_spelling, "") + " " + r.local_name, cpp_params(r), qualifiers(r) + " override;");
  }
  for (const UnservedOperation& u : c.unserved) {
    w.line("/// No rpc (" + u.declared_at + ", see README.md): throws std::logic_error.");
    w.call(declare(u.result_spelling, "") + " " + u.local_name, cpp_params(u), qualifiers(u) + " override;");
  }
  w.line("");
  w.label("private:");
  w.line("struct Stub; // the gRPC stub: callers need no generated header");
  w.line("std::unique_ptr<Stub> stub_;");
  w.close(";");
  w.line("");
  if (!c.ns.empty()) w.close_namespace(c.ns);
  return w.str();
}

std::string emit_contract_client(const ServicePlan& plan, const StubOrigin& origin) {
  const ContractPlan& c = *plan.contract;
  const std::string pb = plan.cpp_package;
  const std::string cls = c.client_class;
  CodeWriter w;
  w.raw(generated_header(plan.base + "_client.cpp", "the proxy's methods, forwarding over gRPC.", plan, origin));
  w.line("//");
  w.line("// Environment:");
  w.line("//   " + plan.env_addr + "  host:port of the service (default 127.0.0.1:50051)");
  w.line("");
  w.line("#include \"" + plan.base + "_client.h\"");
  w.line("");
  for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
  if (!plan.headers.empty()) w.line("");
  w.line("#include \"" + plan.base + ".grpc.pb.h\"");
  w.line("#include \"" + plan.base + "_convert.h\"");
  w.line("");
  w.line("#include <grpcpp/grpcpp.h>");
  w.line("");
  w.line("#include <chrono>");
  w.line("#include <cstdlib>");
  w.line("#include <stdexcept>");
  w.line("");
  if (!c.ns.empty()) w.open_namespace(c.ns);
  w.line("");
  w.open("struct " + cls + "::Stub");
  w.line("std::unique_ptr<" + pb + "::" + plan.service + "::Stub> stub;");
  w.line("");
  w.open("static void prepare(::grpc::ClientContext& context)");
  w.line("context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));");
  w.close();
  w.line("");
  emit_status_check(w, plan);
  w.close(";");
  w.line("");
  w.open(cls + "::" + cls + "(const std::string& address) : stub_(new Stub)");
  w.line("stub_->stub = " + pb + "::" + plan.service + "::NewStub(");
  w.line("    ::grpc::CreateChannel(address, ::grpc::InsecureChannelCredentials()));");
  w.close();
  w.line("");
  w.line(cls + "::" + cls + "()");
  w.line("    : " + cls + "([] {");
  w.line("        const char* address = std::getenv(\"" + plan.env_addr + "\");");
  w.line("        return std::string(address != nullptr && *address != '\\0' ? address : \"127.0.0.1:50051\");");
  w.line("      }()) {}");
  w.line("");
  w.line(cls + "::~" + cls + "() = default;");
  Conversions conv(plan, pb + "::convert::");
  for (const RpcPlan& r : plan.rpcs) {
    std::set<std::string> reserved;
    for (const ParamPlan& p : r.params) reserved.insert(p.name);
    reserved.insert("stub_");
    w.begin_function(reserved);
    std::string request = w.fresh("request"), response = w.fresh("response"), context = w.fresh("context");
    w.line("");
    w.line("// rpc " + r.rpc + "; " + c.name + "::" + r.local_name + " is declared at " + r.declared_at + ".");
    w.call(declare(r.result_spelling, "") + " " + cls + "::" + r.local_name, cpp_params(r), qualifiers(r), true);
    emit_forward_call(w, plan, conv, r, "Stub", "stub_->stub->", request, response, context);
  }
  for (const UnservedOperation& u : c.unserved) {
    // Unnamed parameters: nothing uses them, and the monolith may build with -Wextra.
    std::vector<std::string> params;
    for (const auto& [spelling, name] : u.params) params.push_back(declare(spelling, ""));
    w.line("");
    w.line("// No rpc: " + u.reason);
    w.call(declare(u.result_spelling, "") + " " + cls + "::" + u.local_name, params, qualifiers(u), true);
    w.line("throw std::logic_error(" + literal(c.name + "::" + u.local_name + " is not served remotely (" +
                                             u.declared_at + "): write this override by hand") + ");");
    w.close();
  }
  w.line("");
  if (!c.ns.empty()) w.close_namespace(c.ns);
  return w.str();
}

std::string emit_contract_server_header(const ServicePlan& plan, const StubOrigin& origin) {
  const ContractPlan& c = *plan.contract;
  const std::string ns = plan.cpp_package.substr(2);
  CodeWriter w;
  w.raw(generated_header(plan.base + "_server.h", c.name + " as a gRPC service over a real implementation.", plan,
                         origin));
  w.line("//");
  w.line("// The serving process constructs its implementation of " + c.qualified);
  w.line("// (" + [&] {
           std::string s;
           for (const std::string& i : c.implementations) s += (s.empty() ? "" : ", ") + i;
           return s.empty() ? std::string("none found") : s;
         }() + "), hands it to " + impl_class(plan) + " and");
  w.line("// registers that with a ::grpc::ServerBuilder, or calls serve() below.");
  w.line("#pragma once");
  w.line("");
  w.line("#include \"" + plan.base + ".grpc.pb.h\"");
  if (!c.header.empty()) w.line("#include \"" + c.header + "\"");
  w.line("");
  w.line("#include <memory>");
  w.line("#include <mutex>");
  w.line("#include <string>");
  w.line("");
  w.line("namespace grpc {");
  w.line("class Server;");
  w.line("} // namespace grpc");
  w.line("");
  w.open_namespace(ns);
  w.line("");
  w.line("/// Each rpc converts its request and calls the implementation's method. Calls");
  w.line("/// are serialised by one mutex because the implementation was written for the");
  w.line("/// monolith's threads; remove the lock once it is safe to call concurrently.");
  w.open("class " + impl_class(plan) + " final : public " + plan.service + "::Service");
  w.label("public:");
  w.line("/// `target` must outlive the service.");
  w.line("explicit " + impl_class(plan) + "(::" + c.qualified + "& target) : target_(target) {}");
  w.line("");
  for (const RpcPlan& r : plan.rpcs) w.call("::grpc::Status " + r.rpc, method_params(r), " override;");
  if (!plan.rpcs.empty()) w.line("");
  w.label("private:");
  w.line("::" + c.qualified + "& target_;");
  w.line("std::mutex mutex_;");
  w.close(";");
  w.line("");
  w.line("/// Starts serving `service` on `address` (\"host:port\", port 0 picks a free one) and");
  w.line("/// stores the port bound in `port`; null when it cannot listen.");
  w.line("std::unique_ptr<::grpc::Server> serve(" + impl_class(plan) + "& service, const std::string& address, int& port);");
  w.line("");
  w.close_namespace(ns);
  return w.str();
}

std::string emit_contract_server(const ServicePlan& plan, const StubOrigin& origin) {
  const ContractPlan& c = *plan.contract;
  const std::string ns = plan.cpp_package.substr(2);
  CodeWriter w;
  w.raw(generated_header(plan.base + "_server.cpp", "the service's rpcs, calling the implementation.", plan, origin));
  w.line("");
  w.line("#include \"" + plan.base + "_server.h\"");
  w.line("#include \"" + plan.base + "_convert.h\"");
  w.line("");
  for (const std::string& h : plan.headers) w.line("#include \"" + h + "\"");
  if (!plan.headers.empty()) w.line("");
  w.line("#include <grpcpp/grpcpp.h>");
  w.line("");
  w.line("#include <exception>");
  w.line("#include <optional>");
  w.line("#include <string>");
  w.line("#include <utility>");
  w.line("");
  w.open_namespace(ns);
  Conversions conv(plan, "convert::");
  for (const RpcPlan& r : plan.rpcs) {
    w.begin_function({"context", "request", "response", "lock", "result", "error", "target_", "mutex_"});
    w.line("");
    w.line("// " + c.name + "::" + r.local_name + " (" + r.declared_at + ")");
    w.call("::grpc::Status " + impl_class(plan) + "::" + r.rpc, method_params(r), "", true);
    w.line("std::lock_guard<std::mutex> lock(mutex_);");
    w.open("try");
    emit_serve_call(w, conv, r, "target_." + r.local_name, c.name + "::" + r.local_name);
  }
  w.line("");
  w.open("std::unique_ptr<::grpc::Server> serve(" + impl_class(plan) + "& service, const std::string& address, int& port)");
  w.line("::grpc::ServerBuilder builder;");
  w.line("port = 0;");
  w.line("builder.AddListeningPort(address, ::grpc::InsecureServerCredentials(), &port);");
  w.line("builder.RegisterService(&service);");
  w.line("std::unique_ptr<::grpc::Server> server = builder.BuildAndStart();");
  w.line("if (!server || port == 0) return nullptr;");
  w.line("return server;");
  w.close();
  w.line("");
  w.close_namespace(ns);
  return w.str();
}

} // namespace seam::stubs
