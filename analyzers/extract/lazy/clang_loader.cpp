// The seam binary's half of clang_api.h's table (extract_tu, build_prefix_pch, ...):
// they load libseam-clang.so on first use and call into it (clang_api.h).
#include "analyzers/extract/clang_api.h"

#include "analyzers/core/paths.h"

#include "seam/extractor_id.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace seam {
namespace {

constexpr const char* kLibrary = "libseam-clang.so";

/// Where the library is looked for: $SEAM_CLANG_LIBRARY; beside the binary
/// (the build tree: build/seam, build/libseam-clang.so); <prefix>/lib/seam
/// (the package: /usr/bin/seam, /usr/lib/seam/libseam-clang.so).
std::vector<std::string> candidates() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("SEAM_CLANG_LIBRARY"); env && *env) {
    out.push_back(env);
    return out;
  }
  if (std::filesystem::path exe = executable_folder(); !exe.empty()) {
    out.push_back((exe / kLibrary).string());
    out.push_back((exe.parent_path() / "lib/seam" / kLibrary).string());
  }
  return out;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "seam: error: %s\n", what.c_str());
  std::exit(2);
}

const ClangApi* load() {
  std::string tried;
  for (const std::string& path : candidates()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) fail("cannot load " + path + ": " + dlerror() + "; reinstall seam (it parses with that library)");
    auto entry = reinterpret_cast<const ClangApi* (*)()>(dlsym(handle, "seam_clang_api"));
    if (!entry) fail(path + " is not seam's Clang library (no seam_clang_api); reinstall seam");
    const ClangApi* api = entry();
    if (api->size != sizeof(ClangApi) || std::strcmp(api->extractor_id, SEAM_EXTRACTOR_ID) != 0)
      fail(path + " is of another seam build (extractor " + api->extractor_id + ", this binary's is " +
           SEAM_EXTRACTOR_ID + "); copy the binary and " + kLibrary + " of one build together");
    return api;
  }
  fail(std::string("seam needs ") + kLibrary + " to parse and found none (looked for " +
       (tried.empty() ? std::string("nothing: /proc/self/exe is unreadable") : tried) +
       "); keep it beside the binary, install seam's package, or set SEAM_CLANG_LIBRARY to its path");
}

const ClangApi& api() {
  static std::once_flag once;
  static const ClangApi* loaded = nullptr;
  std::call_once(once, [] { loaded = load(); });
  return *loaded;
}

} // namespace

TuFacts extract_tu(const ExtractInput& input, const std::string& root) { return extract_tu(input, root, nullptr); }

TuFacts extract_tu(const ExtractInput& input, const std::string& root, TuExtras* extras) {
  return api().extract_tu(input, root, extras);
}

bool build_prefix_pch(const std::vector<std::string>& arguments, const std::string& directory,
                      const std::string& header, const std::string& root, PrefixPch& out, std::string& why) {
  return api().build_prefix_pch(arguments, directory, header, root, out, why);
}

std::vector<std::string> drop_unknown_driver_flags(const std::vector<std::string>& args,
                                                   std::vector<std::string>& removed) {
  return api().drop_unknown_driver_flags(args, removed);
}

std::string clang_full_version() { return api().clang_full_version(); }

void prepare_clang_threads() { api().prepare_clang_threads(); }

} // namespace seam
