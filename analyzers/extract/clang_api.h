// The Clang half of seam as a library of its own, libseam-clang.so, loaded
// the first time a run parses. Linking Clang and LLVM into the binary costs
// every process 65 MB and 0.15 s before main() (their relocations and static
// constructors), and a warm run parses nothing: `seam check` on rocksdb with
// every TU in the cache needs no Clang at all.
//
// The binary links seam_extract_lazy: extract_tu, build_prefix_pch and
// drop_unknown_driver_flags there load the library (clang_loader.cpp) and
// call through this table. Tests and tools that link seam_extract get the
// functions themselves. Both halves are built from one tree: the library
// carries the extractor id, and one of another build is refused.
#pragma once

#include "analyzers/extract/extract.h"

namespace seam {

struct ClangApi {
  /// sizeof(ClangApi) and the extractor id (seam/extractor_id.h) of the build.
  unsigned size;
  const char* extractor_id;
  TuFacts (*extract_tu)(const ExtractInput& input, const std::string& root, TuExtras* extras);
  bool (*build_prefix_pch)(const std::vector<std::string>& arguments, const std::string& directory,
                           const std::string& header, const std::string& root, PrefixPch& out, std::string& why);
  std::vector<std::string> (*drop_unknown_driver_flags)(const std::vector<std::string>& args,
                                                        std::vector<std::string>& removed);
  std::string (*clang_full_version)();
  void (*prepare_clang_threads)();
};

} // namespace seam

/// The library's one exported symbol.
extern "C" const seam::ClangApi* seam_clang_api();
