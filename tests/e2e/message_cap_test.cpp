// Per-item message lists stay readable at any scale: the first 20, then a
// count and how to see all (--all-messages). Issue 15 item 6: a config with
// 100,000 unknown names printed 100,000 lines.
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace seam {
namespace {

using test::run;

size_t lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

class MessageCap : public test::TempTreeTest {
protected:
  MessageCap() : TempTreeTest("seam-msgcap") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_;
  }
  /// `n` TUs a/fN.cpp, each compiled with `flags`.
  void project(int n, const std::string& flags) {
    nlohmann::json db = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
      const std::string f = "a/f" + std::to_string(i) + ".cpp";
      write(f, "int f" + std::to_string(i) + "() { return " + std::to_string(i) + "; }\n");
      db.push_back({{"directory", root_.string()}, {"file", f}, {"command", "c++ " + flags + " -c " + f}});
    }
    write("compile_commands.json", db.dump(1));
  }
};

TEST_F(MessageCap, HundredThousandUnknownModuleNames) {
  project(1, "");
  nlohmann::json names = nlohmann::json::array();
  for (int i = 0; i < 100000; ++i) names.push_back("nosuch" + std::to_string(i));
  write("seam.json", nlohmann::json{{"modules", {{{"name", "a"}, {"paths", {"a/**"}}, {"may_depend_on", names}}}}}.dump());

  test::RunResult r = run({SEAM_EXE, "check", "-p", "."}, root_.string());
  EXPECT_EQ(r.status, 2);
  // 20 problems, the count, the closing error.
  EXPECT_EQ(lines(r.err), 22u) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("names unknown module \"nosuch0\""), std::string::npos);
  EXPECT_NE(r.err.find("names unknown module \"nosuch19\""), std::string::npos);
  EXPECT_EQ(r.err.find("\"nosuch20\""), std::string::npos);
  EXPECT_NE(r.err.find("... and 99980 more of these (100000 in all; --all-messages prints every one)"),
            std::string::npos);
  EXPECT_NE(r.err.find("100000 problems in the config; nothing was analysed"), std::string::npos);
  EXPECT_EQ(r.out, "");

  test::RunResult all = run({SEAM_EXE, "check", "-p", ".", "--all-messages"}, root_.string());
  EXPECT_EQ(all.status, 2);
  EXPECT_EQ(lines(all.err), 100001u);
  EXPECT_NE(all.err.find("names unknown module \"nosuch99999\""), std::string::npos);
}

TEST_F(MessageCap, DroppedFlagsOfManyTranslationUnits) {
  // A plugin flag in every TU: each command gets its own "dropped" warning.
  project(30, "-fplugin=libcheck.so");
  write("seam.json", R"({"modules": [{"name": "a", "paths": ["a/**"]}]})");
  test::RunResult r = run({SEAM_EXE, "scan", "-p", ".", "--no-cache", "-q"}, root_.string());
  EXPECT_EQ(r.status, 0) << r.err;
  size_t dropped = 0;
  for (size_t at = r.err.find("dropped -fplugin"); at != std::string::npos; at = r.err.find("dropped -fplugin", at + 1))
    ++dropped;
  EXPECT_EQ(dropped, 20u) << r.err;
  EXPECT_NE(r.err.find("... and 10 more of these (30 in all; --all-messages prints every one)"),
            std::string::npos)
      << r.err;
  EXPECT_LE(lines(r.err), 25u);

  test::RunResult all = run({SEAM_EXE, "scan", "-p", ".", "--no-cache", "-q", "--all-messages"}, root_.string());
  EXPECT_EQ(all.status, 0);
  EXPECT_NE(all.err.find("entry 29 (a/f29.cpp): dropped -fplugin"), std::string::npos) << all.err;
  EXPECT_EQ(all.err.find("more of these"), std::string::npos);
}

} // namespace
} // namespace seam
