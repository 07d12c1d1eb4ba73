// MODULE_client.cpp: the module's interface functions, same names, namespaces
// and signatures, each forwarding its call over gRPC. Linked instead of the
// module's own sources, callers compile and link unchanged.
#include "analyzers/stubs/names.h"
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

#include <map>

namespace seam::stubs {
namespace {

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
  w.line("");
  w.line("// rpc " + r.rpc + "; declared at " + r.declared_at + ".");
  w.call(declare(r.result_spelling, "") + " " + r.local_name, params, r.is_noexcept ? " noexcept" : "", true);
  Conversions conv(plan, pb + "::convert::");
  emit_forward_call(w, plan, conv, r, remote, remote + "::stub().", request, response, context);
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
  w.line("#include <cstdlib>");
  w.line("#include <memory>");
  w.line("#include <stdexcept>");
  w.line("#include <string>");
  w.line("");
  w.open_namespace("");
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
  w.close();
  w.line("");
  emit_status_check(w, plan);
  w.close(";");
  w.line("");
  w.close_namespace("");

  // Group the functions by namespace, in plan order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RpcPlan*>> by_ns;
  for (const RpcPlan& r : plan.rpcs) {
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
