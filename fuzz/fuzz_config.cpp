// Fuzzes the seam.json reader (JSON with comments, positions, validation).
#include "analyzers/config/config.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  seam::Config config;
  std::vector<seam::ConfigError> errors;
  seam::parse_config(text, "seam.json", config, errors);
  for (const seam::ConfigError& e : errors) (void)e.format();
  return 0;
}
