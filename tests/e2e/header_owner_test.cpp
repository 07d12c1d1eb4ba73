// A class belongs to the module of its definition, whatever TU indexed the
// header and however the header was reached. The leveldb case of issue 13 in
// miniature: Env is defined in include/lib/env.h and forward-declared in
// db/fwd.h; the test TU (first in rank order, so it indexes the shared
// headers) reaches them through `-isystem <root>` as leveldb's CMake test
// targets do. seam used to record no definition from that TU, own Env by the
// forward declaration in db/, and report util -> db for util's uses of Env.
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace seam {
namespace {

using test::run;

class HeaderOwner : public test::TempTreeTest {
protected:
  HeaderOwner() : TempTreeTest("seam-owner") {}

  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "proj";
    write("include/lib/env.h", R"cpp(#pragma once
namespace lib {
class Env {
 public:
  virtual ~Env() = default;
  virtual int NowMicros() = 0;
};
}
)cpp");
    write("db/fwd.h", R"cpp(#pragma once
namespace lib { class Env; }
namespace db { int build(lib::Env* env); }
)cpp");
    write("db/build.cc", R"cpp(#include "db/fwd.h"
#include "lib/env.h"
namespace db { int build(lib::Env* env) { return env->NowMicros(); } }
)cpp");
    write("db/autocompact_test.cc", R"cpp(#include "lib/env.h"
#include "db/fwd.h"
int main() { lib::Env* env = nullptr; return db::build(env); }
)cpp");
    write("util/env.cc", R"cpp(#include "lib/env.h"
namespace util {
class PosixEnv : public lib::Env { public: int NowMicros() override { return 1; } };
lib::Env* default_env() { static PosixEnv env; return &env; }
}
)cpp");
    write("seam.json", R"json({"modules": [
  {"name": "api", "paths": ["include/**"]},
  {"name": "db", "paths": ["db/**"]},
  {"name": "util", "paths": ["util/**"]}
]}
)json");
    const std::string root = root_.string();
    const std::string lib_flags = "-I" + root + " -I" + root + "/include";
    // The test target reaches the project's headers as system headers.
    const std::string test_flags = "-isystem " + root + " -isystem " + root + "/include";
    nlohmann::json db = nlohmann::json::array();
    for (auto [file, flags] : {std::pair{"db/build.cc", lib_flags}, std::pair{"db/autocompact_test.cc", test_flags},
                               std::pair{"util/env.cc", lib_flags}})
      db.push_back({{"directory", root}, {"file", file}, {"command", "c++ -std=c++17 " + flags + " -c " + file}});
    std::ofstream(root_ / "compile_commands.json") << db.dump(1);
  }

  test::RunResult seam(std::vector<std::string> args) {
    args.insert(args.begin(), SEAM_EXE);
    args.push_back("-p");
    args.push_back(root_.string());
    args.push_back("--no-cache");
    return run(args, root_.string());
  }
};

TEST_F(HeaderOwner, AForwardDeclarationDoesNotOwnTheClass) {
  auto g = seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(g.status, 0) << g.err;
  std::set<std::string> edges;
  const nlohmann::json graph = nlohmann::json::parse(g.out); // outlives the loop
  for (const auto& e : graph["edges"])
    edges.insert(e["from"].get<std::string>() + "->" + e["to"].get<std::string>());
  EXPECT_EQ(edges, (std::set<std::string>{"db->api", "util->api"})) << g.out;

  auto why = seam({"why", "util", "db", "-q"});
  ASSERT_EQ(why.status, 0) << why.err;
  EXPECT_EQ(why.out,
            "edges: all (#include directives and references to symbols)\n"
            "util does not depend on db, directly or through other modules\n");
}

TEST_F(HeaderOwner, UtilsUsesOfTheClassAreUsesOfApi) {
  auto why = seam({"why", "util", "api", "--format", "json", "-q"});
  ASSERT_EQ(why.status, 0) << why.err;
  auto j = nlohmann::json::parse(why.out);
  std::set<std::string> symbols;
  for (const auto& s : j["symbols"]) symbols.insert(s["symbol"].get<std::string>());
  EXPECT_TRUE(symbols.count("lib::Env")) << j.dump(1);
}

} // namespace
} // namespace seam
