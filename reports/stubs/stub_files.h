// The files of `seam split`: a proto3 service, a conversion header, a drop-in
// client, a server over the module's real code, a CMakeLists.txt and a
// README, each printed from a ServicePlan. Pure functions of their inputs, so
// regenerating over the same code gives byte-identical files.
#pragma once

#include "analyzers/stubs/build_inputs.h"
#include "analyzers/stubs/service_plan.h"

#include <string>
#include <vector>

namespace seam::stubs {

struct GeneratedFile {
  std::string name;    ///< file name inside the output folder (from ServicePlan::base)
  std::string content;
  std::string purpose; ///< one line for the README
};

/// Where the files came from, for their header comments.
struct StubOrigin {
  std::string root;        ///< absolute project root
  std::string regenerate;  ///< the command line that regenerates them
};

std::string emit_proto(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_convert_header(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_client(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_server_header(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_server(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_contract_client_header(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_contract_client(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_contract_server_header(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_contract_server(const ServicePlan& plan, const StubOrigin& origin);
std::string emit_cmake(const ServicePlan& plan, const StubBuildInputs& inputs, const StubOrigin& origin);
std::string emit_readme(const ServicePlan& plan, const StubBuildInputs& inputs, const StubOrigin& origin,
                        const std::vector<GeneratedFile>& files);

/// Every file, README.md last. Names: <base>.proto, <base>_convert.h,
/// <base>_client.cpp, <base>_server.h, <base>_server.cpp, CMakeLists.txt, README.md;
/// with a contract also <base>_client.h (the proxy class), and no main().
std::vector<GeneratedFile> generate_stub_files(const ServicePlan& plan, const StubBuildInputs& inputs,
                                               const StubOrigin& origin);

/// The comment every generated file starts with, using `prefix` ("//" or "#").
std::string generated_header(const std::string& file, const std::string& what, const ServicePlan& plan,
                             const StubOrigin& origin, const std::string& prefix = "//");

} // namespace seam::stubs
