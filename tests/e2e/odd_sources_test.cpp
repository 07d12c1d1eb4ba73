// Sources as real monoliths have them: BOMs, CRLF, non-ASCII and spaced paths,
// symlinked folders, one file under two spellings, files outside the root, and
// a TU that does not compile. Each case asserts what a user would see.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;

class OddSources : public ::testing::Test {
protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("seam-odd-" + std::to_string(getpid()));
    fs::remove_all(base_);
    root_ = base_ / "proj";
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(base_); }

  void write(const fs::path& rel, const std::string& text) {
    fs::path p = rel.is_absolute() ? rel : root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  /// A compile database with one entry per source (paths relative to the root).
  void database(const std::vector<std::string>& sources, const std::string& extra = "") {
    nlohmann::json db = nlohmann::json::array();
    for (const std::string& s : sources)
      db.push_back({{"directory", root_.string()},
                    {"file", s},
                    {"command", "c++ -std=c++17 -I. -Iinclude " + extra + " -c '" + s + "'"}});
    std::ofstream(root_ / "compile_commands.json") << db.dump(1);
  }
  test::RunResult seam(std::vector<std::string> args) {
    args.insert(args.begin(), SEAM_EXE);
    args.push_back("-p");
    args.push_back(root_.string());
    return run(args, root_.string());
  }
  nlohmann::json graph() {
    auto r = seam({"graph", "--format", "json", "-q"});
    EXPECT_EQ(r.status, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static std::set<std::string> edges(const nlohmann::json& g) {
    std::set<std::string> out;
    for (const auto& e : g["edges"]) out.insert(e["from"].get<std::string>() + "->" + e["to"].get<std::string>());
    return out;
  }

  fs::path base_, root_;
};

TEST_F(OddSources, BomAndCrlfFilesParseWithTheirLinesCounted) {
  write("src/lib/lib.h", "\xEF\xBB\xBF#pragma once\r\nint lib_value();\r\n");
  write("src/lib/lib.cpp", "\xEF\xBB\xBF#include \"src/lib/lib.h\"\r\nint lib_value() { return 1; }\r\n");
  write("src/app/main.cpp", "#include \"src/lib/lib.h\"\r\n\r\nint main() { return lib_value(); }\r\n");
  database({"src/lib/lib.cpp", "src/app/main.cpp"});
  auto g = graph();
  EXPECT_EQ(edges(g), std::set<std::string>{"app->lib"});
  for (const auto& n : g["nodes"])
    if (n["id"] == "lib") EXPECT_EQ(n["lines"], 4);
  auto why = seam({"scan", "-q"});
  EXPECT_NE(why.out.find("2 ok, 0 failed"), std::string::npos) << why.out << why.err;
}

TEST_F(OddSources, NonAsciiAndSpacedPathsArePreserved) {
  write("src/módulo uno/api.h", "#pragma once\nint api();\n");
  write("src/módulo uno/api.cpp", "#include \"api.h\"\nint api() { return 2; }\n");
  write("src/app/main.cpp", "#include \"src/módulo uno/api.h\"\nint main() { return api(); }\n");
  database({"src/módulo uno/api.cpp", "src/app/main.cpp"});
  auto g = graph();
  EXPECT_EQ(edges(g), std::set<std::string>{"app->módulo uno"});
}

TEST_F(OddSources, ASymlinkedFolderAndTwoSpellingsAreOneFileInOneModule) {
  write("src/lib/lib.h", "#pragma once\ninline int lib_value() { return 3; }\n");
  write("src/lib/lib.cpp", "#include \"lib.h\"\n#include \"../lib/lib.h\"\nint lib_twice() { return 2 * lib_value(); }\n");
  fs::create_directories(root_ / "include");
  fs::create_symlink(root_ / "src" / "lib", root_ / "include" / "liblink");
  write("src/app/main.cpp", "#include \"include/liblink/lib.h\"\n#include \"src/lib/lib.h\"\nint main() { return lib_value(); }\n");
  database({"src/lib/lib.cpp", "src/app/main.cpp"});
  auto g = graph();
  std::set<std::string> nodes;
  for (const auto& n : g["nodes"]) nodes.insert(n["id"].get<std::string>());
  EXPECT_EQ(nodes, (std::set<std::string>{"app", "lib"}));
  EXPECT_EQ(edges(g), std::set<std::string>{"app->lib"});
  for (const auto& n : g["nodes"])
    if (n["id"] == "lib") EXPECT_EQ(n["files"], 2) << n.dump();
}

TEST_F(OddSources, FilesOutsideTheRootAreExternalDependencies) {
  write(base_ / "thirdparty" / "ext.h", "#pragma once\ninline int ext() { return 4; }\n");
  write("src/app/main.cpp", "#include \"ext.h\"\nint main() { return ext(); }\n");
  write("src/lib/lib.cpp", "int lib() { return 0; }\n");
  database({"src/app/main.cpp", "src/lib/lib.cpp"}, "-I" + (base_ / "thirdparty").string());
  auto g = graph();
  EXPECT_TRUE(g["edges"].empty());
  ASSERT_EQ(g["external"].size(), 1u) << g.dump();
  EXPECT_EQ(g["external"][0]["module"], "app");
  EXPECT_EQ(g["external"][0]["header"], (base_ / "thirdparty" / "ext.h").string());
}

TEST_F(OddSources, ATuThatFailsIsReportedAndTheRestAnalysed) {
  write("src/lib/lib.h", "#pragma once\nint lib_value();\n");
  write("src/lib/lib.cpp", "#include \"src/lib/lib.h\"\nint lib_value() { return 1; }\n");
  write("src/app/main.cpp", "#include \"src/lib/lib.h\"\nint main() { return lib_value() + missing; }\n");
  write("src/app/broken.cpp", "#include \"src/app/nope.h\"\nint x;\n");
  database({"src/lib/lib.cpp", "src/app/main.cpp", "src/app/broken.cpp"});
  auto r = seam({"graph", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  // The edge from main.cpp is still found although main.cpp itself has an error.
  EXPECT_EQ(edges(nlohmann::json::parse(r.out)), std::set<std::string>{"app->lib"});
  EXPECT_NE(r.err.find("failed to parse src/app/broken.cpp: src/app/broken.cpp:1:10: error: 'src/app/nope.h' file not found"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed to parse src/app/main.cpp: src/app/main.cpp:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 of 3 translation units failed to parse"), std::string::npos) << r.err;

  auto strict = seam({"graph", "--strict", "-q"});
  EXPECT_EQ(strict.status, 2);
  EXPECT_NE(strict.err.find("2 translation units failed to parse (--strict)"), std::string::npos) << strict.err;
  EXPECT_TRUE(strict.out.empty());
}

TEST_F(OddSources, WithoutAConfigHeadersInIncludeFoldersBelongToAModule) {
  // leveldb's layout: public headers in include/<name>/, sources elsewhere.
  write("include/lib/lib.h", "#pragma once\nint lib_value();\n");
  write("include/kv/db.h", "#pragma once\ninline int kv_get() { return 7; }\n");
  write("src/lib/lib.cpp", "#include \"lib/lib.h\"\nint lib_value() { return 1; }\n");
  write("src/app/main.cpp", "#include \"kv/db.h\"\n#include \"lib/lib.h\"\nint main() { return lib_value() + kv_get(); }\n");
  write("src/app/config.h", "#pragma once\n");
  database({"src/lib/lib.cpp", "src/app/main.cpp"});
  auto r = seam({"graph", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("no seam.json: inferred 3 modules from the folder layout (app, kv, lib)"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("belong to no module"), std::string::npos) << r.err;
  auto g = nlohmann::json::parse(r.out);
  EXPECT_EQ(edges(g), (std::set<std::string>{"app->kv", "app->lib"}));
  for (const auto& n : g["nodes"])
    if (n["id"] == "lib") EXPECT_EQ(n["files"], 2) << n.dump(); // its source and its public header

  // seam init writes the same modules with globs that hold the headers.
  auto init = seam({"init", "--modules", "folders", "-o", "-", "-q"});
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_NE(init.out.find("\"include/lib/**\""), std::string::npos) << init.out;
  EXPECT_NE(init.out.find("\"include/kv/**\""), std::string::npos) << init.out;
}

} // namespace
} // namespace seam
