// What extraction needs from Clang before a parse: LLVM's signal handlers on
// the scanning thread (prepare_clang_threads), and the driver's option
// table, to drop flags clang does not know (prepare_command; the rest of the
// sequence is compdb/arguments.cpp; the resource directory is command.cpp's).
// The parallel run over a compile database is scan_facts (fact_scan.cpp).
#include "analyzers/extract/extract.h"

#include <clang/Basic/Version.h>
#include <clang/Driver/Driver.h>
#include <clang/Driver/Options.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/Signals.h>

#include <set>

namespace seam {

void prepare_clang_threads() {
  // No interrupt function (LLVM's default); registering it installs the
  // handlers and the alternate stack on this thread (extract.h).
  llvm::sys::SetInterruptFunction(nullptr);
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

std::string clang_full_version() { return clang::getClangFullVersion(); }

} // namespace seam
