// End to end on a small tree the way real projects hold tests and vendored
// code: src/tests/ (a test folder), src/db/db_test.cc (a test file inside a
// module's folder), third_party/gtest (vendored). `seam init` proposes the
// roles with their reasons and excludes third_party; with that seam.json (or
// with none, inferring the same) the tests are outside the graph unless
// --include-tests.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run;

class RolesInit : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("seam-roles-" + std::to_string(getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    write("src/util/strings.h", "#pragma once\nint util_len(const char* s);\n");
    write("src/util/strings.cpp", "#include \"src/util/strings.h\"\nint util_len(const char* s) { int n = 0; "
                                  "while (s[n]) ++n; return n; }\n");
    write("src/db/db.h", "#pragma once\nint db_get(const char* key);\n");
    write("src/db/db.cpp", "#include \"src/db/db.h\"\n#include \"src/util/strings.h\"\n"
                           "int db_get(const char* key) { return util_len(key); }\n");
    write("src/db/db_test.cc", "#include \"src/db/db.h\"\n#include \"third_party/gtest/gtest.h\"\n"
                               "int db_test() { return gtest_check(db_get(\"k\")); }\n");
    write("src/tests/integration.cpp", "#include \"src/db/db.h\"\n#include \"src/util/strings.h\"\n"
                                       "int integration() { return db_get(\"a\") + util_len(\"b\"); }\n");
    write("src/app/main.cpp", "#include \"src/db/db.h\"\nint main() { return db_get(\"x\"); }\n");
    write("third_party/gtest/gtest.h", "#pragma once\nint gtest_check(int v);\n");
    write("third_party/gtest/gtest.cc", "#include \"third_party/gtest/gtest.h\"\nint gtest_check(int v) { return v; }\n");
    json db = json::array();
    for (const char* s : {"src/util/strings.cpp", "src/db/db.cpp", "src/db/db_test.cc", "src/tests/integration.cpp",
                          "src/app/main.cpp", "third_party/gtest/gtest.cc"})
      db.push_back({{"directory", root_.string()}, {"file", s}, {"command", std::string("c++ -std=c++17 -I. -c ") + s}});
    std::ofstream(root_ / "compile_commands.json") << db.dump(1);
  }
  void TearDown() override {
    if (!HasFailure() && !std::getenv("SEAM_KEEP")) fs::remove_all(root_);
  }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  test::RunResult seam(std::vector<std::string> args) {
    args.insert(args.begin(), SEAM_EXE);
    args.push_back("-p");
    args.push_back(root_.string());
    args.push_back("--no-cache");
    return run(args, root_.string());
  }
  std::set<std::string> edges(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"graph", "--format", "json", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = seam(args);
    EXPECT_EQ(r.status, 0) << r.err;
    std::set<std::string> out;
    const json graph = json::parse(r.out);
    for (const json& e : graph["edges"])
      out.insert(e["from"].get<std::string>() + "->" + e["to"].get<std::string>());
    return out;
  }
  fs::path root_;
};

TEST_F(RolesInit, ProposesRolesWithReasonsAndExcludesVendoredCode) {
  auto r = seam({"init", "--modules", "folders"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("left out vendored code (third_party)"), std::string::npos) << r.err;
  const std::string text = test::slurp((root_ / "seam.json").string());
  json cfg = json::parse(text, nullptr, true, true);
  EXPECT_EQ(cfg["exclude"], json::array({"third_party/**"}));
  EXPECT_NE(text.find("\"third_party/**\"  // vendored: a third_party/ folder"), std::string::npos) << text;
  std::map<std::string, json> modules;
  for (const json& m : cfg["modules"]) modules[m["name"]] = m;
  ASSERT_EQ(modules.size(), 4u) << text; // app, db, tests, util
  EXPECT_EQ(modules["util"]["role"], "library");
  EXPECT_NE(text.find("// library: it uses no other module, 1 module uses it"), std::string::npos) << text;
  EXPECT_EQ(modules["tests"]["role"], "test");
  // The test folder's own glob, and db's test file by a glob beside it.
  EXPECT_EQ(modules["tests"]["paths"], json::array({"src/tests/**", "src/db/*_test.*"}));
  EXPECT_NE(text.find("// test: all its files are test files"), std::string::npos) << text;
  EXPECT_FALSE(modules["db"].contains("role")); // a service: the default is not written
  EXPECT_FALSE(modules["tests"].contains("layer"));
  EXPECT_EQ(modules["app"]["may_depend_on"], json::array({"db"}));

  // With the written seam.json the tests are out of the graph, and back with --include-tests.
  EXPECT_EQ(edges(), (std::set<std::string>{"app->db", "db->util"}));
  EXPECT_EQ(edges({"--include-tests"}),
            (std::set<std::string>{"app->db", "db->util", "tests->db", "tests->util"}));
  auto check = seam({"check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.err.find("left out 1 test module (tests) with 2 files; --include-tests analyses them too"),
            std::string::npos)
      << check.err;
}

TEST_F(RolesInit, WithoutSeamJsonTheSameRolesAreInferredAndSaidSo) {
  auto r = seam({"candidates"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("left out vendored code (third_party), 1 translation unit"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("left out 1 test module (tests) with 2 files"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no seam.json: inferred the roles, test: tests; library: util;"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("util            library: taken along"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("third_party"), std::string::npos) << r.out;
  EXPECT_EQ(edges(), (std::set<std::string>{"app->db", "db->util"}));
}

} // namespace
} // namespace seam
