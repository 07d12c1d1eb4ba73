// A compile database is untrusted input: flags that load code into the process
// must never be honoured. This test builds a real plugin shared object whose
// constructor leaves a marker file, puts it in a compile database every way
// Clang knows to load code, and proves seam never ran it.
#include "support/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;

class PluginFlags : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("seam-plugin-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src" / "app");
    marker_ = (dir_ / "PLUGIN_RAN").string();
    std::ofstream(dir_ / "evil.c") << "#include <stdio.h>\n"
                                      "__attribute__((constructor)) static void ran(void) {\n"
                                      "  FILE* f = fopen(\"" + marker_ + "\", \"w\"); if (f) fclose(f);\n"
                                      "}\n";
    auto cc = run({"cc", "-shared", "-fPIC", "-o", (dir_ / "evil.so").string(), (dir_ / "evil.c").string()});
    ASSERT_EQ(cc.status, 0) << cc.err;
    std::ofstream(dir_ / "src" / "app" / "main.cpp") << "int main() { return 0; }\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write_db(const std::string& args_json) {
    std::ofstream(dir_ / "compile_commands.json")
        << "[{\"directory\": \"" << dir_.string() << "\", \"file\": \"src/app/main.cpp\", \"arguments\": "
        << args_json << "}]\n";
  }

  fs::path dir_;
  std::string marker_;
};

TEST_F(PluginFlags, EveryCodeLoadingFlagIsDroppedWithAWarningAndNeverRuns) {
  std::string so = (dir_ / "evil.so").string();
  write_db("[\"clang++\", \"-fplugin=" + so + "\", \"-fpass-plugin=" + so +
           "\", \"-Xclang\", \"-load\", \"-Xclang\", \"" + so +
           "\", \"-Xclang\", \"-plugin\", \"-Xclang\", \"evil\", \"-Xclang\", \"-add-plugin\", \"-Xclang\", \"evil\", "
           "\"-c\", \"src/app/main.cpp\"]");
  auto r = run({SEAM_EXE, "scan", "-p", dir_.string()}, dir_.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(marker_)) << "the plugin ran";
  EXPECT_NE(r.out.find("1 ok, 0 failed"), std::string::npos) << r.out << r.err;
  for (const std::string flag : {"-fplugin=", "-fpass-plugin=", "-load", "-plugin", "-add-plugin"})
    EXPECT_NE(r.err.find("dropped " + (flag.back() == '=' ? flag + so : std::string("-Xclang ") + flag)),
              std::string::npos)
        << flag << "\n" << r.err;
  EXPECT_NE(r.err.find("entry 0 (src/app/main.cpp)"), std::string::npos) << r.err;
}

} // namespace
} // namespace seam
