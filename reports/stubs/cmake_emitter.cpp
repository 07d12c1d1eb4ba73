// CMakeLists.txt for the generated folder: protoc with the gRPC plugin, the
// client library, the module's code as a library, and the server. Include
// paths, macros and the C++ standard come from the monolith's compile
// database; paths inside the monolith are written relative to one cache
// variable so the folder can move with the monolith.
#include "analyzers/core/paths.h"
#include "reports/stubs/stub_files.h"

#include <cctype>
#include <set>

namespace seam::stubs {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// CMake quoting for an argument that may hold spaces or semicolons.
std::string arg(const std::string& s) {
  bool plain = !s.empty();
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '.' || c == '=' ||
          c == '$' || c == '{' || c == '}' || c == '+' || c == ':'))
      plain = false;
  if (plain) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == ';') q += '\\';
    q += c;
  }
  return q + "\"";
}

} // namespace

std::string emit_cmake(const ServicePlan& plan, const StubBuildInputs& in, const StubOrigin& origin) {
  const std::string b = plan.base;
  const std::string V = upper(b);
  const std::string root_var = "${" + V + "_MONOLITH_ROOT}";
  auto in_root = [&](const std::string& abs) {
    std::string rel;
    if (!relative_to(abs, in.root, rel)) return arg(abs);
    return rel.empty() ? root_var : root_var + "/" + arg(rel);
  };
  std::string o;
  auto L = [&](const std::string& s = "") { o += s + "\n"; };
  o += generated_header("CMakeLists.txt", "builds the '" + plan.module + "' service stubs.", plan, origin, "#");
  L("#");
  L("# Targets:");
  L("#   " + b + "_proto    the code protoc generates from " + b + ".proto");
  L("#   " + b + "_client   drop-in client: link it instead of the module's library");
  L("#   " + b + "_impl     the module's own code and the modules it depends on");
  L(plan.contract ? "#   " + b + "_server   the service over a " + plan.contract->name + "& (a library: no main)"
                  : "#   " + b + "_server   the service executable");
  L("#");
  L("# Build it alone (cmake -S <this folder> -B <build>) or add_subdirectory() it");
  L("# from the monolith's build; there, set " + V + "_IMPL_TARGETS to the monolith's");
  L("# library targets to link them instead of compiling the sources listed below.");
  L("cmake_minimum_required(VERSION 3.16)");
  L("project(" + b + "_service LANGUAGES CXX)");
  L();
  L("set(" + V + "_MONOLITH_ROOT " + arg(in.root) + " CACHE PATH");
  L("    \"Root of the monolith the '" + plan.module + "' module comes from\")");
  L("set(" + V + "_IMPL_TARGETS \"\" CACHE STRING");
  L("    \"Targets holding the module's code; empty: compile its sources here\")");
  L();
  L("find_package(Threads REQUIRED)");
  L("find_package(Protobuf REQUIRED)");
  L("# gRPC's CMake package when installed, else pkg-config (Debian: libgrpc++-dev).");
  L("find_package(gRPC CONFIG QUIET)");
  L("if(TARGET gRPC::grpc++)");
  L("  set(" + V + "_GRPCPP gRPC::grpc++)");
  L("else()");
  L("  find_package(PkgConfig REQUIRED)");
  L("  pkg_check_modules(" + V + "_GRPCPP_PC REQUIRED IMPORTED_TARGET grpc++)");
  L("  set(" + V + "_GRPCPP PkgConfig::" + V + "_GRPCPP_PC)");
  L("endif()");
  L("find_program(" + V + "_GRPC_CPP_PLUGIN grpc_cpp_plugin)");
  L("if(NOT " + V + "_GRPC_CPP_PLUGIN)");
  L("  message(FATAL_ERROR \"grpc_cpp_plugin not found (Debian: apt install protobuf-compiler-grpc)\")");
  L("endif()");
  L();
  L("# Include paths and macros of the module's translation units (compile database).");
  L("set(" + V + "_INCLUDE_DIRS");
  for (const std::string& d : in.include_dirs) L("  " + in_root(d));
  L(")");
  L("set(" + V + "_SYSTEM_INCLUDE_DIRS");
  for (const std::string& d : in.system_dirs) L("  " + in_root(d));
  L(")");
  L("set(" + V + "_DEFINITIONS");
  for (const std::string& d : in.defines) L("  " + arg(d));
  L(")");
  L();
  L("function(" + b + "_use_monolith target)");
  L("  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${" + V + "_INCLUDE_DIRS})");
  L("  if(" + V + "_SYSTEM_INCLUDE_DIRS)");
  L("    target_include_directories(${target} SYSTEM PRIVATE ${" + V + "_SYSTEM_INCLUDE_DIRS})");
  L("  endif()");
  L("  target_compile_definitions(${target} PRIVATE ${" + V + "_DEFINITIONS})");
  L("  set_target_properties(${target} PROPERTIES CXX_STANDARD " + std::to_string(in.cxx_standard) +
    " CXX_STANDARD_REQUIRED ON)");
  L("endfunction()");
  L();
  L("set(" + V + "_GENERATED ${CMAKE_CURRENT_BINARY_DIR}/generated)");
  L("file(MAKE_DIRECTORY ${" + V + "_GENERATED})");
  const std::string gen = "${" + V + "_GENERATED}/" + b;
  L("add_custom_command(");
  L("  OUTPUT " + gen + ".pb.cc " + gen + ".pb.h");
  L("         " + gen + ".grpc.pb.cc " + gen + ".grpc.pb.h");
  L("  COMMAND ${Protobuf_PROTOC_EXECUTABLE} --proto_path=${CMAKE_CURRENT_SOURCE_DIR}");
  L("          --cpp_out=${" + V + "_GENERATED} --grpc_out=${" + V + "_GENERATED}");
  L("          --plugin=protoc-gen-grpc=${" + V + "_GRPC_CPP_PLUGIN}");
  L("          ${CMAKE_CURRENT_SOURCE_DIR}/" + b + ".proto");
  L("  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/" + b + ".proto");
  L("  COMMENT \"protoc " + b + ".proto\"");
  L("  VERBATIM)");
  L("add_library(" + b + "_proto STATIC " + gen + ".pb.cc " + gen + ".grpc.pb.cc)");
  L("target_include_directories(" + b + "_proto PUBLIC ${" + V + "_GENERATED})");
  L("target_link_libraries(" + b + "_proto PUBLIC ${" + V + "_GRPCPP} protobuf::libprotobuf Threads::Threads)");
  L("set_target_properties(" + b + "_proto PROPERTIES CXX_STANDARD " + std::to_string(in.cxx_standard) +
    " CXX_STANDARD_REQUIRED ON)");
  L("if(CMAKE_CXX_COMPILER_ID MATCHES \"GNU|Clang\")");
  L("  # protoc's code is not ours to fix: keep the monolith's -Werror away from it.");
  L("  target_compile_options(" + b + "_proto PRIVATE -w)");
  L("endif()");
  L();
  L("add_library(" + b + "_client STATIC " + b + "_client.cpp)");
  L(b + "_use_monolith(" + b + "_client)");
  L("target_link_libraries(" + b + "_client PUBLIC " + b + "_proto)");
  L();
  L("if(" + V + "_IMPL_TARGETS)");
  L("  set(" + V + "_IMPL ${" + V + "_IMPL_TARGETS})");
  L("else()");
  L("  # The module (" + plan.module + ") and what it depends on: " + [&] {
      std::string s;
      for (const std::string& m : in.impl_modules) s += (s.empty() ? "" : ", ") + m;
      return s;
    }() + ".");
  if (in.impl_sources.empty()) {
    // Header-only: the server compiles what it calls from the headers.
    L("  set(" + V + "_IMPL \"\")");
  } else {
    // A concrete callback class's own sources stay out: the server defines its
    // members as calls back into the client's objects (the generated server).
    std::set<std::string> left_out;
    for (const CallbackClassPlan& c : plan.callback_classes)
      for (const std::string& f : c.excluded_sources)
        if (left_out.insert(f).second)
          L("  # not " + f + ": " + c.qualified + " is the client's (callbacks), " + b + "_server.cpp defines its members");
    L("  add_library(" + b + "_impl STATIC");
    for (const std::string& src : in.impl_sources)
      if (!left_out.count(src)) L("    " + root_var + "/" + arg(src));
    L("  )");
    L("  " + b + "_use_monolith(" + b + "_impl)");
    L("  set(" + V + "_IMPL " + b + "_impl)");
  }
  L("endif()");
  L();
  if (plan.contract) {
    // No main(): the serving process constructs its implementation of the
    // class and serves it; both libraries export this folder's headers.
    L("target_include_directories(" + b + "_client PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})");
    L();
    L("add_library(" + b + "_server STATIC " + b + "_server.cpp)");
    L(b + "_use_monolith(" + b + "_server)");
    L("target_include_directories(" + b + "_server PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})");
    L("target_link_libraries(" + b + "_server PUBLIC " + b + "_proto ${" + V + "_IMPL})");
    return o;
  }
  L("add_executable(" + b + "_server " + b + "_server.cpp)");
  L(b + "_use_monolith(" + b + "_server)");
  L("target_link_libraries(" + b + "_server PRIVATE " + b + "_proto ${" + V + "_IMPL})");
  return o;
}

} // namespace seam::stubs
