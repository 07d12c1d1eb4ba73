// Fuzzes the baseline reader (seam-baseline.json: a file in the repository,
// edited by hand and by merges): any bytes in, errors or a baseline out,
// never a crash; what it accepts is written so that it reads back, and a
// rewrite of that changes nothing.
#include "analyzers/baseline/baseline.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  seam::Baseline baseline;
  std::vector<std::string> errors;
  if (!seam::parse_baseline(text, "seam-baseline.json", baseline, errors)) return 0;
  // The round trip `seam check --update-baseline` relies on: what seam
  // writes reads back, and rewriting it changes nothing. (The first write
  // may differ from the input: names that are not UTF-8 become U+FFFD, which
  // can reorder sorted lists once.)
  const std::string written = seam::format_baseline(baseline);
  seam::Baseline again;
  if (!seam::parse_baseline(written, "seam-baseline.json", again, errors)) __builtin_trap();
  const std::string rewritten = seam::format_baseline(again);
  seam::Baseline third;
  if (!seam::parse_baseline(rewritten, "seam-baseline.json", third, errors)) __builtin_trap();
  if (seam::format_baseline(third) != rewritten) __builtin_trap();
  return 0;
}
