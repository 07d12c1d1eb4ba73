// `seam split` and `seam report` write only inside the place they are given,
// whatever seam.json names its modules (`../x`, absolute paths, NUL bytes,
// `..`) and whatever symlinks wait in the output folder. Each test lists every
// file under its temporary tree before and after the run: the only new ones
// are the outputs, and files outside are untouched.
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;
using test::slurp;

/// app calls into one module whose name the test chooses.
class PathSafety : public test::TempTreeTest {
protected:
  PathSafety() : TempTreeTest("seam-paths") {}
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(TempTreeTest::SetUp());
    root_ = base_ / "deep" / "er" / "proj"; // room for ../.. to land inside base_
    write("src/evil/evil.h", "#pragma once\nint evil_value(int x);\n");
    write("src/evil/evil.cpp", "#include \"src/evil/evil.h\"\nint evil_value(int x) { return x; }\n");
    write("src/app/main.cpp", "#include \"src/evil/evil.h\"\nint main() { return evil_value(1); }\n");
    nlohmann::json db = nlohmann::json::array();
    for (const char* f : {"src/evil/evil.cpp", "src/app/main.cpp"})
      db.push_back({{"directory", root_.string()}, {"file", f}, {"command", std::string("c++ -I. -c ") + f}});
    write("compile_commands.json", db.dump());
    write(base_ / "victim.txt", "untouched\n");
  }
  /// seam.json with the evil module named `name` (any bytes: JSON-escaped).
  void name_module(const std::string& name) {
    nlohmann::json config = {{"modules",
                              {{{"name", "app"}, {"paths", {"src/app/**"}}}, {{"name", name}, {"paths", {"src/evil/**"}}}}}};
    write("seam.json", config.dump());
  }
  RunResult seam(std::vector<std::string> args) {
    args.insert(args.begin(), SEAM_EXE);
    args.push_back("--no-cache");
    args.push_back("-q");
    return run(args, root_.string());
  }
  /// Every path under base_ (symlinks not followed), with its content for files.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> out;
    for (auto it = fs::recursive_directory_iterator(base_); it != fs::recursive_directory_iterator(); ++it) {
      const fs::path& p = it->path();
      std::string rel = fs::relative(p, base_).string();
      if (it->is_symlink())
        out[rel] = "-> " + fs::read_symlink(p).string();
      else if (it->is_regular_file())
        out[rel] = slurp(p.string());
      else
        out[rel] = "<dir>";
    }
    return out;
  }
  /// What appeared or changed between two snapshots.
  static std::set<std::string> changed(const std::map<std::string, std::string>& before,
                                       const std::map<std::string, std::string>& after) {
    std::set<std::string> out;
    for (const auto& [path, content] : after) {
      auto it = before.find(path);
      if (it == before.end() || it->second != content) out.insert(path);
    }
    for (const auto& [path, content] : before)
      if (!after.count(path)) out.insert(path + " (removed)");
    return out;
  }
  /// The seven files of `seam split` for a module whose names reduce to `stem`.
  static std::set<std::string> stub_files(const std::string& dir, const std::string& stem) {
    std::set<std::string> out{dir, dir + "/CMakeLists.txt", dir + "/README.md"};
    for (const char* suffix : {".proto", "_client.cpp", "_convert.h", "_server.cpp", "_server.h"})
      out.insert(dir + "/" + stem + suffix);
    return out;
  }
};

TEST_F(PathSafety, SplitWritesOnlyIntoItsFolderWhateverTheModuleName) {
  const std::string abs = (base_ / "abs" / "target").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"../x", "x"},
      {"../../../victim", "victim"},
      {abs, "tmp_seam_paths"}, // checked by prefix below: the rest is random
      {"a/../../b", "a_b"},
      {"..", "module"},
      {"./.", "module"},
      {"src/evil/evil.h", "src_evil_evil_h"},
  };
  int k = 0;
  for (const auto& [name, stem] : cases) {
    SCOPED_TRACE(name);
    name_module(name);
    const std::string out = "out" + std::to_string(k++);
    auto before = snapshot();
    auto r = seam({"split", name, "-o", out});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("wrote 7 files to " + out + ": service ", 0), 0u) << r.out;
    std::set<std::string> created = changed(before, snapshot());
    const std::string dir = "deep/er/proj/" + out;
    if (name == abs) {
      // Named after the absolute path with its separators reduced: still flat.
      ASSERT_EQ(created.size(), 8u);
      for (const std::string& c : created) {
        EXPECT_EQ(c.rfind(dir, 0), 0u) << c;
        EXPECT_EQ(c.find('/', dir.size() + 1), std::string::npos) << c;
      }
    } else {
      EXPECT_EQ(created, stub_files(dir, stem));
    }
    EXPECT_FALSE(fs::exists(base_ / "abs"));
    EXPECT_EQ(slurp((base_ / "victim.txt").string()), "untouched\n");
  }
}

TEST_F(PathSafety, AModuleNameWithANulByte) {
  // The name cannot be typed on a command line: split cannot select it by a
  // prefix, and the report holds it without writing anything but its file.
  name_module(std::string("evil\0/../../victim.txt", 22));
  auto before = snapshot();
  auto r = seam({"split", "evil", "-o", "out"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("seam: error: unknown module 'evil'; the modules are: ", 0), 0u) << r.err;
  EXPECT_EQ(changed(before, snapshot()), std::set<std::string>{});

  r = seam({"report", "-o", "report.html"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(changed(before, snapshot()), std::set<std::string>{"deep/er/proj/report.html"});
  EXPECT_EQ(slurp((base_ / "victim.txt").string()), "untouched\n");
  // The name reaches the page only escaped: no raw NUL byte in the HTML.
  EXPECT_EQ(slurp((root_ / "report.html").string()).find('\0'), std::string::npos);
}

TEST_F(PathSafety, ReportWritesOnlyItsFileWhateverTheModuleNames) {
  for (const std::string name : {"../x", "/tmp/seam-abs/x", "..", "a/../../b"}) {
    SCOPED_TRACE(name);
    name_module(name);
    auto before = snapshot();
    auto r = seam({"report", "-o", "r/report.html"});
    if (!fs::exists(root_ / "r")) {
      // The folder of -o must exist (as for every -o): say so, write nothing.
      EXPECT_EQ(r.status, 2);
      EXPECT_EQ(r.err, "seam: error: cannot write r/report.html: No such file or directory\n");
      EXPECT_EQ(changed(before, snapshot()), std::set<std::string>{});
      fs::create_directories(root_ / "r");
      before = snapshot();
      r = seam({"report", "-o", "r/report.html"});
    }
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(changed(before, snapshot()), std::set<std::string>{"deep/er/proj/r/report.html"});
    EXPECT_FALSE(fs::exists("/tmp/seam-abs"));
  }
}

TEST_F(PathSafety, SymlinksInTheOutputFolderAreReplacedNotFollowed) {
  // A repository can ship symlinks where `seam split --force` will write.
  name_module("billing");
  fs::create_directories(root_ / "out");
  for (const char* f : {"billing.proto", "README.md", "CMakeLists.txt"})
    fs::create_symlink(base_ / "victim.txt", root_ / "out" / f);
  auto r = seam({"split", "billing", "-o", "out", "--force"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp((base_ / "victim.txt").string()), "untouched\n");
  for (const char* f : {"billing.proto", "README.md", "CMakeLists.txt"}) {
    EXPECT_FALSE(fs::is_symlink(root_ / "out" / f)) << f;
    EXPECT_TRUE(fs::is_regular_file(root_ / "out" / f)) << f;
  }
  EXPECT_NE(slurp((root_ / "out" / "billing.proto").string()).find("service BillingService"), std::string::npos);
}

TEST_F(PathSafety, APlantedSymlinkAtTheTemporaryNameIsNotFollowed) {
  // The temporary file's name is predictable (<output>.seam-tmp-<pid>): the
  // test forks, plants a symlink under the child's name, then lets it run seam.
  name_module("billing");
  int go[2];
  ASSERT_EQ(::pipe(go), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    char c;
    ::close(go[1]);
    if (::read(go[0], &c, 1) != 1) ::_exit(120);
    if (::chdir(root_.c_str()) != 0) ::_exit(121);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::execl(SEAM_EXE, SEAM_EXE, "report", "-q", "--no-cache", "-o", "report.html", (char*)nullptr);
    ::_exit(122);
  }
  ::close(go[0]);
  const fs::path planted = root_ / ("report.html.seam-tmp-" + std::to_string(pid));
  fs::create_symlink(base_ / "victim.txt", planted);
  ASSERT_EQ(::write(go[1], "x", 1), 1);
  ::close(go[1]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(slurp((base_ / "victim.txt").string()) == "untouched\n") << "seam wrote through the planted symlink";
  EXPECT_FALSE(fs::exists(fs::symlink_status(planted)));
  EXPECT_EQ(slurp((root_ / "report.html").string()).rfind("<!DOCTYPE html>", 0), 0u);
}

TEST_F(PathSafety, AFileNameThatIsNotUtf8ReachesEveryOutput) {
  // A Latin-1 folder name (0xE9), reached through an #include: JSON cannot
  // hold the byte, so outputs carry U+FFFD; `check --update-baseline` used to
  // end with an uncaught exception here.
  const std::string latin = std::string("src/l") + char(0xE9) + "b";
  write(latin + "/lib.h", "#pragma once\ninline int lib_value() { return 1; }\n");
  write("src/app/main.cpp", "#include \"" + latin + "/lib.h\"\nint main() { return lib_value(); }\n");
  write("compile_commands.json", nlohmann::json::array({{{"directory", root_.string()},
                                                         {"file", "src/app/main.cpp"},
                                                         {"command", "c++ -I. -c src/app/main.cpp"}}})
                                     .dump());
  write("seam.json", R"({"modules": [{"name": "app", "paths": ["src/app/**"], "may_depend_on": []},
                                     {"name": "lib", "paths": ["src/l*b/**"]}]})");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"graph", "--format", "json", "--level", "file"}, {"check", "--format", "json"},
        {"check", "--format", "sarif"}}) {
    auto r = seam(args);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << args[0] << ": " << r.status << " " << r.err;
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << args[0];
    EXPECT_NE(r.out.find("src/l\xEF\xBF\xBD" "b/lib.h"), std::string::npos) << args[0];
  }
  auto r = seam({"check", "--update-baseline", "--baseline", "baseline.json"});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string baseline = slurp((root_ / "baseline.json").string());
  EXPECT_TRUE(nlohmann::json::accept(baseline)) << baseline;
  EXPECT_NE(baseline.find("\"header\":\"src/l\xEF\xBF\xBD" "b/lib.h\""), std::string::npos) << baseline;
}

} // namespace
} // namespace seam
