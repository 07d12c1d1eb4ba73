// What the generated CMakeLists.txt needs from the monolith: the include paths,
// macros and language standard of the module's translation units (from the
// compile database), and the sources the server links to run the module's
// real code: the module's own translation units and those of every module it
// depends on, transitively (a program's main() excluded).
#pragma once

#include "analyzers/compdb/compile_db.h"
#include "analyzers/model/model.h"

#include <string>
#include <vector>

namespace seam::stubs {

struct StubBuildInputs {
  std::string root;                         ///< absolute project root
  std::vector<std::string> include_dirs;    ///< absolute, first-seen order (-I, -iquote)
  std::vector<std::string> system_dirs;     ///< absolute (-isystem)
  std::vector<std::string> defines;         ///< "NAME" or "NAME=VALUE" (-D)
  int cxx_standard = 17;                    ///< at least 17 (gRPC needs it)
  std::vector<std::string> impl_sources;    ///< project-relative, sorted
  std::vector<std::string> impl_modules;    ///< the module and its dependencies, sorted
};

/// Collects the inputs for `module`. Flags come from the commands of the TUs
/// in impl_sources, in database order; duplicates are dropped.
StubBuildInputs stub_build_inputs(const Project& project, ModuleId module, const CompileDb& db);

/// The flags one command contributes (exposed for tests).
void collect_flags(const CompileCommand& cmd, StubBuildInputs& out);

} // namespace seam::stubs
