// A project file is a project file however the TU reached it. Test targets
// often reach the project's own headers through `-isystem <root>` (a common
// CMake pattern), so one header is a system header in one TU and a user header
// in another; the TU that indexes it must record the same facts either way.
// The real case (issue 13, leveldb): env.h indexed by a test TU that reached
// it through -isystem recorded no definition of leveldb::Env, so the class was
// owned by a forward declaration in db/ and util -> db was a false edge.
#include "analyzers/extract/extract.h"
#include "support/annotated.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::Annotated;

const std::string kRoot = "/virtual/proj";

std::string resource_dir() {
  std::string problem;
  return default_resource_dir(problem);
}

const char* kEnv = R"cpp(#pragma once
#define LIB_EXPORT
namespace lib {
class Status {};
class LIB_EXPORT $env^Env {
 public:
  virtual ~Env();
  virtual $status^Status $now^Now() = 0;
};
}
)cpp";

/// Parses a main file that includes lib/env.h with the given include flags.
TuFacts parse(const Annotated& env, const std::vector<std::string>& include_flags) {
  ExtractInput in;
  in.directory = kRoot;
  in.main_file = kRoot + "/test/env_test.cc";
  in.arguments = {"clang++", "-std=c++17", "-fsyntax-only", "-resource-dir", resource_dir()};
  in.arguments.insert(in.arguments.end(), include_flags.begin(), include_flags.end());
  in.arguments.push_back(in.main_file);
  in.overlay[in.main_file] = "#include \"lib/env.h\"\nint use(lib::Env* e) { return e ? 1 : 0; }\n";
  in.overlay[kRoot + "/include/lib/env.h"] = env.text();
  return extract_tu(in, kRoot);
}

const SymbolFact* symbol(const TuFacts& f, const std::string& name) {
  for (const SymbolFact& s : f.symbols)
    if (s.name == name) return &s;
  return nullptr;
}

class ExtractSystemHeaders : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(ExtractSystemHeaders, AProjectHeaderHasItsFactsHoweverItWasReached) {
  Annotated env(kEnv);
  TuFacts f = parse(env, GetParam());
  ASSERT_TRUE(f.ok) << f.first_error;
  bool found = false;
  for (const FileFact& file : f.files)
    if (file.path == "include/lib/env.h") {
      found = true;
      EXPECT_FALSE(file.external);
    }
  EXPECT_TRUE(found);

  // The definition of the class, where it is.
  const SymbolFact* cls = symbol(f, "lib::Env");
  ASSERT_TRUE(cls);
  ASSERT_TRUE(cls->def.valid());
  EXPECT_EQ(f.files[cls->def.file].path, "include/lib/env.h");
  EXPECT_EQ(std::make_pair(cls->def.line, cls->def.column), env.point("env"));
  EXPECT_TRUE(cls->is_abstract);

  // The declarations inside it, and the references they make.
  const SymbolFact* now = symbol(f, "lib::Env::Now");
  ASSERT_TRUE(now);
  EXPECT_EQ(std::make_pair(now->decl.line, now->decl.column), env.point("now"));
  bool status_use = false;
  for (const RefFact& r : f.refs)
    if (f.symbols[r.target].name == "lib::Status" && f.files[r.site.file].path == "include/lib/env.h" &&
        std::make_pair(r.site.line, r.site.column) == env.point("status"))
      status_use = r.kind == RefKind::TypeUse;
  EXPECT_TRUE(status_use);

  // Its macros.
  const SymbolFact* macro = symbol(f, "LIB_EXPORT");
  ASSERT_TRUE(macro);
  EXPECT_EQ(f.files[macro->def.file].path, "include/lib/env.h");
}

INSTANTIATE_TEST_SUITE_P(
    Flags, ExtractSystemHeaders,
    ::testing::Values(std::vector<std::string>{"-I" + kRoot + "/include"},
                      std::vector<std::string>{"-isystem", kRoot + "/include"},
                      std::vector<std::string>{"-isystem" + kRoot + "/include"},
                      std::vector<std::string>{"-iquote", kRoot + "/include"},
                      std::vector<std::string>{"-idirafter", kRoot + "/include"},
                      std::vector<std::string>{"--system-header-prefix=lib/", "-I" + kRoot + "/include"}));

} // namespace
} // namespace seam
