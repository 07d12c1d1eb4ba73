// End to end: the first steps docs/ci.md gives work on a CMake project that
// lists sources no translation unit reaches — a Windows-only resource file
// (.rc; no RC compiler on Linux) and a header generated under build/ — as a
// 426-TU project did not (issue 15: 14 errors). `seam init --modules cmake`,
// then `seam check --update-baseline`, then `seam check` must pass.
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;

class InitFirstRun : public test::TempTreeTest {
protected:
  InitFirstRun() : TempTreeTest("seam-init-first-run") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "demo";
    write("CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.16)
project(demo CXX)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
# A header generated into the build folder, listed as a source as projects do.
configure_file(version.h.in ${CMAKE_BINARY_DIR}/gen/version.h)
add_library(core STATIC src/core/core.cpp src/core/core.h)
target_include_directories(core PUBLIC src)
add_library(util STATIC src/util/util.cpp src/util/util.h)
target_include_directories(util PUBLIC src)
# The Windows resource script: CMake lists it, nothing compiles it here.
add_executable(app src/app/main.cpp src/app/app.rc src/app/app_icon.rc ${CMAKE_BINARY_DIR}/gen/version.h)
target_include_directories(app PRIVATE ${CMAKE_BINARY_DIR}/gen)
target_link_libraries(app core util)
)");
    write("version.h.in", "#pragma once\n#define DEMO_VERSION \"1.0\"\n");
    write("src/core/core.h", "#pragma once\nint core_value();\n");
    write("src/core/core.cpp", "#include \"core/core.h\"\n#include \"util/util.h\"\nint core_value() { return util_value() + 1; }\n");
    write("src/util/util.h", "#pragma once\nint util_value();\n");
    // util calls back into core: a cycle, the one thing a starter config fails on.
    write("src/util/util.cpp", "#include \"util/util.h\"\n#include \"core/core.h\"\nint util_value() { return 1; }\n"
                               "int util_twice() { return 2 * core_value(); }\n");
    write("src/app/main.cpp", "#include \"core/core.h\"\n#include \"version.h\"\n#include <cstdio>\n"
                              "int main() { std::printf(\"%s %d\\n\", DEMO_VERSION, core_value()); }\n");
    write("src/app/app.rc", "1 ICON \"app.ico\"\n");
    write("src/app/app_icon.rc", "2 ICON \"app2.ico\"\n");
    fs::create_directories(root_ / "build/.cmake/api/v1/query");
    std::ofstream(root_ / "build/.cmake/api/v1/query/codemodel-v2");
    auto c = run({"cmake", "-S", root_.string(), "-B", (root_ / "build").string(), "-G", "Ninja"});
    ASSERT_EQ(c.status, 0) << c.out << c.err;
  }
  test::RunResult seam(std::vector<std::string> args) {
    std::vector<std::string> argv{SEAM_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    for (const char* a : {"-p", "build", "-j", "2"}) argv.push_back(a);
    return run(argv, root_.string());
  }
};

TEST_F(InitFirstRun, TheDocumentedStepsPass) {
  auto init = seam({"init", "--modules", "cmake"});
  ASSERT_EQ(init.status, 0) << init.err;
  const std::string config = test::slurp((root_ / "seam.json").string());
  // No glob for what no translation unit reaches; a comment says what was left out and why.
  EXPECT_EQ(config.find("\"src/app/app.*\""), std::string::npos) << config;
  EXPECT_EQ(config.find("\"build/"), std::string::npos) << config;
  EXPECT_NE(config.find("src/app/app.rc"), std::string::npos) << config;       // in the comment
  EXPECT_NE(config.find("build/gen/version.h"), std::string::npos) << config;  // in the comment
  EXPECT_NE(init.err.find("left out 3 sources CMake lists"), std::string::npos) << init.err;

  auto update = seam({"check", "--update-baseline"});
  EXPECT_EQ(update.status, 0) << update.out << update.err;
  EXPECT_EQ(update.err.find("error"), std::string::npos) << update.err;
  EXPECT_NE(update.err.find("wrote seam-baseline.json: 1 violation"), std::string::npos) << update.err; // the cycle
  auto check = seam({"check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("no new violations, 1 baselined, 0 fixed: passed"), std::string::npos) << check.out;
}

} // namespace
} // namespace seam
