// The entry of libseam-clang.so (clang_api.h): the only symbol it exports.
#include "analyzers/extract/clang_api.h"

#include "seam/extractor_id.h"

extern "C" __attribute__((visibility("default"))) const seam::ClangApi* seam_clang_api() {
  static const seam::ClangApi api = {
      sizeof(seam::ClangApi),
      SEAM_EXTRACTOR_ID,
      [](const seam::ExtractInput& input, const std::string& root, seam::TuExtras* extras) {
        return seam::extract_tu(input, root, extras);
      },
      &seam::build_prefix_pch,
      &seam::drop_unknown_driver_flags,
      &seam::clang_full_version,
      &seam::prepare_clang_threads,
  };
  return &api;
}
