// What extraction needs from the Clang driver before a parse: the resource
// directory, and the driver's option table to drop flags clang does not know
// (prepare_command: the Clang-free rest of the sequence is compdb/arguments.cpp).
// The parallel run over a compile database is scan_facts (fact_scan.cpp).
#include "analyzers/extract/extract.h"

#include <clang/Driver/Driver.h>
#include <clang/Driver/Options.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/FileSystem.h>

#include <filesystem>
#include <set>

#ifndef SEAM_CLANG_RESOURCE_DIR
#define SEAM_CLANG_RESOURCE_DIR ""
#endif

namespace seam {

std::string default_resource_dir(std::string& problem) {
  // 1. SEAM_RESOURCE_DIR overrides; 2. the copy of Clang's builtin headers
  // the Debian package installs beside the binary (<prefix>/lib/seam/clang,
  // so the package needs no -dev package at run time: docs/install.md);
  // 3. the Clang install seam was built against.
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SEAM_RESOURCE_DIR")) candidates.push_back(env);
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((exe.parent_path().parent_path() / "lib/seam/clang").string());
  candidates.push_back(SEAM_CLANG_RESOURCE_DIR);
  for (const std::string& dir : candidates) {
    if (dir.empty()) continue;
    if (llvm::sys::fs::exists(dir + "/include/stddef.h")) return dir;
  }
  problem = "Clang's builtin headers (stddef.h) were not found in '" + std::string(SEAM_CLANG_RESOURCE_DIR) +
            "'; install clang-19 (apt install clang-19) or set SEAM_RESOURCE_DIR to the output of "
            "`clang-19 -print-resource-dir`";
  return "";
}

std::vector<std::string> drop_unknown_driver_flags(const std::vector<std::string>& args,
                                                   std::vector<std::string>& removed) {
  if (args.size() < 2) return args;
  const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
  std::vector<const char*> argv;
  for (size_t i = 1; i < args.size(); ++i) argv.push_back(args[i].c_str());
  unsigned missing_index = 0, missing_count = 0;
  llvm::opt::InputArgList parsed =
      table.ParseArgs(argv, missing_index, missing_count,
                      llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::set<unsigned> drop;
  for (const llvm::opt::Arg* a : parsed) {
    // Unknown to the driver, or known but rejected as unsupported (gcc-only).
    if (a->getOption().getID() != clang::driver::options::OPT_UNKNOWN &&
        !a->getOption().hasFlag(clang::driver::options::Unsupported))
      continue;
    for (unsigned k = 0; k < a->getNumValues() + 1 && a->getIndex() + k < argv.size(); ++k) {
      if (k > 0 && a->getOption().getKind() != llvm::opt::Option::SeparateClass) break;
      drop.insert(a->getIndex() + k);
    }
    removed.push_back(a->getAsString(parsed));
  }
  if (drop.empty()) return args;
  std::vector<std::string> out{args[0]};
  for (size_t i = 1; i < args.size(); ++i)
    if (!drop.count(static_cast<unsigned>(i - 1))) out.push_back(args[i]);
  return out;
}

std::vector<std::string> prepare_command(const CompileCommand& cmd, const AdjustOptions& opts,
                                         std::vector<std::string>& warnings) {
  return prepare_arguments(cmd, opts, &drop_unknown_driver_flags, warnings);
}

} // namespace seam
