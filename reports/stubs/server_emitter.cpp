// MODULE_server.h/.cpp: the gRPC service over the module's real functions,
// and a main() that serves it.
#include "analyzers/stubs/names.h"
#include "reports/stubs/conversion.h"
#include "reports/stubs/stub_files.h"

namespace seam::stubs {
namespace {

std::string impl_class(const ServicePlan& plan) { return plan.service + "Impl"; }

/// The parameters of a service method. Unused ones stay unnamed: the monolith
/// may build with -Wextra.
std::vector<std::string> method_params(const RpcPlan& r) {
  return {"::grpc::ServerContext*", "const " + r.request + "*" + (r.params.empty() ? "" : " request"),
          r.response + "*" + (r.result ? " response" : "")};
}

void server_method(CodeWriter& w, const ServicePlan& plan, const RpcPlan& r) {
  Conversions conv(plan, "convert::");
  w.begin_function({"context", "request", "response", "lock", "result", "error"});
  w.line("");
  w.line("// " + r.qualified + " (" + r.declared_at + ")");
  w.call("::grpc::Status " + impl_class(plan) + "::" + r.rpc, method_params(r), "", true);
  w.line("std::lock_guard<std::mutex> lock(mutex_);");
  w.open("try");
  emit_serve_call(w, conv, r, "::" + r.qualified, r.qualified);
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
  w.line("#include <mutex>");
  w.line("");
  w.open_namespace(ns);
  w.line("");
  w.line("/// Each rpc converts its request, calls the module's real function and converts");
  w.line("/// the result. Calls are serialised by one mutex because the module was written");
  w.line("/// for the monolith's threads, not for concurrent requests; remove the lock once");
  w.line("/// its code is safe to call from many threads at once.");
  w.open("class " + impl_class(plan) + " final : public " + plan.service + "::Service");
  w.label("public:");
  for (const RpcPlan& r : plan.rpcs) w.call("::grpc::Status " + r.rpc, method_params(r), " override;");
  if (!plan.rpcs.empty()) w.line("");
  w.label("private:");
  w.line("std::mutex mutex_;");
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
  w.line("#include <cstring>");
  w.line("#include <exception>");
  w.line("#include <iostream>");
  w.line("#include <memory>");
  w.line("#include <optional>");
  w.line("#include <string>");
  w.line("#include <utility>");
  w.line("");
  w.open_namespace(ns);
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
