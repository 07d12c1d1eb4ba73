// End to end: `seam cc` as CMake's compiler launcher. A normal Ninja build of
// the shop sample leaves the fact cache full, so seam then parses nothing and
// prints exactly what a plain scan prints; and the launcher never changes the
// compile: the compiler's output and exit status come through, and a failed
// extraction costs a note, not the build.
#include "support/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;

class TempDir {
public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "seam-cc-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

/// "(P parsed, C from cache)" of `seam scan`.
std::pair<int, int> parsed_and_cached(const RunResult& r) {
  std::smatch m;
  static const std::regex re(R"(\((\d+) parsed, (\d+) from cache\))");
  if (!std::regex_search(r.out, m, re)) return {-1, -1};
  return {std::stoi(m[1]), std::stoi(m[2])};
}

std::string outputs(const std::string& root, const std::vector<std::string>& extra) {
  std::string all;
  for (std::vector<std::string> cmd : std::vector<std::vector<std::string>>{
           {"graph", "--format", "json"}, {"graph", "--format", "json", "--level", "file"},
           {"cycles", "--format", "json"}, {"metrics", "--format", "json"}, {"candidates", "--format", "json"},
           {"check", "--format", "json"}}) {
    std::vector<std::string> argv{SEAM_EXE};
    argv.insert(argv.end(), cmd.begin(), cmd.end());
    for (const char* a : {"-p", "build", "-j", "2", "-q"}) argv.push_back(a);
    argv.insert(argv.end(), extra.begin(), extra.end());
    RunResult r = run(argv, root);
    EXPECT_TRUE(r.status == 0 || (cmd[0] == "check" && r.status == 1)) << cmd[0] << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << cmd[0];
    all += "== " + cmd[0] + "\n" + r.out;
  }
  return all;
}

/// Configures `root` (a CMake project) into root/build with clang++-19 and
/// seam cc as the compiler launcher, and builds it with Ninja: the way a team
/// turns the launcher on. Every TU's facts must have been cached (no note).
void build_through_the_launcher(const std::string& root, const std::string& product) {
  RunResult conf = run({"cmake", "-S", ".", "-B", "build", "-G", "Ninja", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                        "-DCMAKE_CXX_COMPILER=clang++-19", std::string("-DCMAKE_CXX_COMPILER_LAUNCHER=") + SEAM_EXE + ";cc"},
                       root);
  ASSERT_EQ(conf.status, 0) << conf.out << conf.err;
  RunResult build = run({"ninja", "-C", "build", "-j", "2"}, root);
  ASSERT_EQ(build.status, 0) << build.out << build.err;
  EXPECT_TRUE(fs::exists(root + "/build/" + product)) << "the build's own product is there";
  EXPECT_EQ(build.out.find("seam: note"), std::string::npos) << build.out; // every TU's facts were cached
}

TEST(SeamCc, ANinjaBuildThroughTheLauncherFillsTheCacheAndSeamParsesNothing) {
  TempDir tmp;
  const std::string root = tmp.path() + "/shop";
  fs::copy(test::sample_dir("shop"), root, fs::copy_options::recursive);
  fs::remove_all(root + "/build");
  ASSERT_NO_FATAL_FAILURE(build_through_the_launcher(root, "shop"));

  RunResult scan = run({SEAM_EXE, "scan", "-p", "build"}, root);
  ASSERT_EQ(scan.status, 0) << scan.err;
  EXPECT_EQ(parsed_and_cached(scan), std::make_pair(0, 17)) << scan.out;
  // What the cache the build filled gives is what a plain parse gives.
  EXPECT_EQ(outputs(root, {}), outputs(root, {"--no-cache"}));
}

// The same on a monolith of bench/gen (its own CMakeLists.txt and seam.json,
// a planted cycle): the build's cache gives the plain parse's answers.
TEST(SeamCc, AGeneratedMonolithBuiltThroughTheLauncherIsReadFromTheCache) {
  TempDir tmp;
  const std::string root = tmp.path() + "/gen";
  RunResult gen = run({SEAM_BENCH_GEN, "--modules", "4", "--files", "12", "--seed", "3", "-o", root}, tmp.path());
  ASSERT_EQ(gen.status, 0) << gen.err;
  fs::remove(root + "/compile_commands.json"); // the build writes its own, under build/
  ASSERT_NO_FATAL_FAILURE(build_through_the_launcher(root, "libsynthetic.a"));

  RunResult scan = run({SEAM_EXE, "scan", "-p", "build"}, root);
  ASSERT_EQ(scan.status, 0) << scan.err;
  EXPECT_EQ(parsed_and_cached(scan), std::make_pair(0, 12)) << scan.out;
  const std::string from_build = outputs(root, {});
  // The analyses ran on the facts: bench/gen planted one module cycle.
  EXPECT_NE(from_build.find("\"module_cycles\": [\n    [\n      \"catalog\",\n      \"orders\"\n    ]\n  ]"),
            std::string::npos)
      << from_build;
  EXPECT_EQ(from_build, outputs(root, {"--no-cache"}));
}

TEST(SeamCc, TheCompilerRunsUnchangedWhateverHappensToTheFacts) {
  TempDir tmp;
  const std::string dir = tmp.path();
  std::ofstream(dir + "/seam.json") << "{\"modules\": [{\"name\": \"a\", \"paths\": [\"*\"]}]}\n";
  std::ofstream(dir + "/bad.cpp") << "int f() { return missing; }\n";
  std::ofstream(dir + "/good.cpp") << "#pragma message \"from the compiler\"\nint g() { return 1; }\n";

  // A failing compile: its diagnostics and exit status come through, nothing is cached.
  RunResult bad = run({SEAM_EXE, "cc", "--", "clang++-19", "-c", "bad.cpp", "-o", "bad.o"}, dir);
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("use of undeclared identifier 'missing'"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir + "/.seam-cache"));

  // A compile that succeeds while the cache cannot be written: the object is
  // built, the status is 0, and a note says why the facts are missing.
  std::ofstream(dir + "/not-a-folder") << "x";
  RunResult good = run({SEAM_EXE, "cc", "--cache", dir + "/not-a-folder/cache", "clang++-19", "-c", "good.cpp", "-o", "good.o"}, dir);
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_TRUE(fs::exists(dir + "/good.o"));
  EXPECT_NE(good.err.find("from the compiler"), std::string::npos) << good.err;
  EXPECT_NE(good.err.find("seam: note: seam cc: facts of good.cpp not cached"), std::string::npos) << good.err;

  // Not a compile (a link, a version query): only run.
  RunResult version = run({SEAM_EXE, "cc", "clang++-19", "--version"}, dir);
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.out.find("clang version"), std::string::npos) << version.out;

  // Flags that load code are dropped from the extraction, and the compile is
  // the build's own: it runs as given (here it fails on the missing plugin).
  RunResult plugin = run({SEAM_EXE, "cc", "clang++-19", "-fplugin=/nonexistent/evil.so", "-c", "good.cpp", "-o", "p.o"}, dir);
  EXPECT_NE(plugin.status, 0);
  EXPECT_NE(plugin.err.find("evil.so"), std::string::npos) << plugin.err;

  RunResult usage = run({SEAM_EXE, "cc"}, dir);
  EXPECT_EQ(usage.status, 2);
  EXPECT_NE(usage.err.find("no compiler command"), std::string::npos) << usage.err;
}

} // namespace
} // namespace seam
