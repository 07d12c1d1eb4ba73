// Fuzzes the compile-database reader and the argument adjuster: any bytes in,
// a clean error or a database out, never a crash.
#include "analyzers/compdb/arguments.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  seam::CompileDb db;
  std::vector<std::string> warnings;
  std::string error;
  if (seam::parse_compile_db(text, "/fuzz/compile_commands.json", db, warnings, error)) {
    seam::AdjustOptions opts;
    opts.resource_dir = "/usr/lib/llvm-19/lib/clang/19";
    for (const seam::CompileCommand& c : db.commands) seam::adjust_arguments(c, opts, warnings);
  }
  seam::split_command_line(text);
  return 0;
}
