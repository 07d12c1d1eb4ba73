// The compile database: literal argument lists in, exact lists out; every
// error and warning text. Files the database names are created in a fresh
// temporary folder per test.
#include "analyzers/compdb/arguments.h"
#include "analyzers/compdb/compile_db.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;
using Lines = std::vector<std::string>;

/// A temporary project: `dir` is absolute and normalised (no symlinks).
class CompDb : public ::testing::Test {
protected:
  std::string dir;

  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "seam_compdb_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir = fs::canonical(tmpl).string();
  }
  void TearDown() override { fs::remove_all(dir); }

  /// Writes `content` to dir/rel (creating folders); returns the absolute path.
  std::string write(const std::string& rel, const std::string& content = "") {
    fs::path p = fs::path(dir) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }

  /// Parses `json` as dir/build/compile_commands.json.
  bool parse(const std::string& json, CompileDb& db, Lines& warnings, std::string& error) {
    return parse_compile_db(json, dir + "/build/compile_commands.json", db, warnings, error);
  }
  std::string db_path() const { return dir + "/build/compile_commands.json"; }
};

// --- split_command_line -----------------------------------------------------

TEST(SplitCommandLine, PosixShellRules) {
  EXPECT_EQ(split_command_line(""), Args{});
  EXPECT_EQ(split_command_line("  \t\n "), Args{});
  EXPECT_EQ(split_command_line("g++  -c\ta.cpp\n-o a.o"),
            (Args{"g++", "-c", "a.cpp", "-o", "a.o"}));
  EXPECT_EQ(split_command_line(R"(cc -DX='a b' "-DY=\"q\"" -DZ=a\ b)"),
            (Args{"cc", "-DX=a b", "-DY=\"q\"", "-DZ=a b"}));
  // Single quotes keep everything, backslashes included.
  EXPECT_EQ(split_command_line(R"(cc '-DP=\n\"')"), (Args{"cc", R"(-DP=\n\")"}));
  // In double quotes a backslash escapes only $ ` " \ and newline.
  EXPECT_EQ(split_command_line(R"(cc "a\$b" "a\`b" "a\\b" "a\nb")"),
            (Args{"cc", "a$b", "a`b", "a\\b", "a\\nb"}));
  // Outside quotes a backslash keeps the next character.
  EXPECT_EQ(split_command_line(R"(cc a\"b a\\b a\'b)"), (Args{"cc", "a\"b", "a\\b", "a'b"}));
  // Adjacent quoted and unquoted parts make one word; empty quotes an empty word.
  EXPECT_EQ(split_command_line(R"(cc -I"inc dir"/sub '' "")"),
            (Args{"cc", "-Iinc dir/sub", "", ""}));
  // Backslash-newline continues the line.
  EXPECT_EQ(split_command_line("cc -c \\\n  a.cpp"), (Args{"cc", "-c", "a.cpp"}));
  // Unterminated quotes run to the end; a trailing backslash is dropped.
  EXPECT_EQ(split_command_line("cc \"a b"), (Args{"cc", "a b"}));
  EXPECT_EQ(split_command_line("cc 'a b"), (Args{"cc", "a b"}));
  EXPECT_EQ(split_command_line("cc a\\"), (Args{"cc", "a"}));
}

// --- parse: both forms, relative paths --------------------------------------

TEST_F(CompDb, CommandAndArgumentsForms) {
  write("src/a.cpp");
  write("src/b.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": ")" + dir + R"(", "file": "src/a.cpp",
     "command": "g++ -DA='1 2' -c src/a.cpp -o a.o", "output": "a.o"},
    {"directory": ")" + dir + R"(/src", "file": ")" + dir + R"(/src/b.cpp",
     "arguments": ["clang++", "-DB=\"x y\"", "-c", "b.cpp"]}
  ])",
                    db, warnings, error))
      << error;
  EXPECT_EQ(warnings, Lines{});
  EXPECT_EQ(db.path, db_path());
  ASSERT_EQ(db.commands.size(), 2u);
  const CompileCommand& a = db.commands[0];
  EXPECT_EQ(a.directory, dir);
  EXPECT_EQ(a.file, dir + "/src/a.cpp");
  EXPECT_EQ(a.arguments, (Args{"g++", "-DA=1 2", "-c", "src/a.cpp", "-o", "a.o"}));
  EXPECT_EQ(a.output, "a.o");
  EXPECT_EQ(a.entry, 0u);
  const CompileCommand& b = db.commands[1];
  EXPECT_EQ(b.directory, dir + "/src");
  EXPECT_EQ(b.file, dir + "/src/b.cpp");
  EXPECT_EQ(b.arguments, (Args{"clang++", "-DB=\"x y\"", "-c", "b.cpp"}));
  EXPECT_EQ(b.output, "");
  EXPECT_EQ(b.entry, 1u);
}

TEST_F(CompDb, RelativeDirectoryIsRelativeToTheDatabaseFolder) {
  write("src/a.cpp");
  write("build/gen/g.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": "..", "file": "src/./a.cpp", "arguments": ["cc", "-c", "src/a.cpp"]},
    {"directory": ".", "file": "gen/g.cpp", "arguments": ["cc", "-c", "gen/g.cpp"]},
    {"directory": "", "file": "../build//gen/../gen/g.cpp", "arguments": ["cc"]}
  ])",
                    db, warnings, error))
      << error;
  ASSERT_EQ(db.commands.size(), 2u); // the third names g.cpp again
  EXPECT_EQ(db.commands[0].directory, dir);
  EXPECT_EQ(db.commands[0].file, dir + "/src/a.cpp");
  EXPECT_EQ(db.commands[1].directory, dir + "/build");
  EXPECT_EQ(db.commands[1].file, dir + "/build/gen/g.cpp");
}

TEST_F(CompDb, HeaderListedAsTranslationUnitIsKept) {
  write("inc/x.h");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([{"directory": ")" + dir +
                        R"(", "file": "inc/x.h", "arguments": ["cc", "-x", "c++-header", "inc/x.h"]}])",
                    db, warnings, error));
  ASSERT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(db.commands[0].file, dir + "/inc/x.h");
}

TEST_F(CompDb, EmptyDatabaseIsAnError) {
  // Every command needs a translation unit; the reason is known only here.
  CompileDb db;
  Lines warnings;
  std::string error;
  EXPECT_FALSE(parse("[]", db, warnings, error));
  EXPECT_EQ(error, db_path() + ": the compile database has no entries; regenerate it (CMake: "
                               "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make)");
  EXPECT_TRUE(db.commands.empty());
  EXPECT_EQ(warnings, Lines{});
  // An empty file (a build stopped half-way) is not reported as a JSON error at 1:1.
  for (const char* text : {"", " \n\r\n\t"}) {
    EXPECT_FALSE(parse(text, db, warnings, error));
    EXPECT_EQ(error, db_path() + ": the file is empty; expected a JSON array of compile commands; "
                                 "regenerate it (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other "
                                 "build systems: bear -- make)");
  }
}

// --- parse: errors ----------------------------------------------------------

TEST_F(CompDb, SyntaxErrorHasLineAndColumn) {
  CompileDb db;
  Lines warnings;
  std::string error;
  EXPECT_FALSE(parse("[\n  {\"directory\": \"/x\",\n   \"file\" \"a.cpp\"}\n]", db, warnings, error));
  EXPECT_EQ(error, db_path() +
                       ":3:17: not valid JSON: syntax error while parsing object separator "
                       "- unexpected string literal; expected ':'");
  EXPECT_FALSE(parse("[{}", db, warnings, error));
  EXPECT_EQ(error, db_path() + ":1:4: not valid JSON: syntax error while parsing array - "
                               "unexpected end of input; expected ']'");
  EXPECT_FALSE(parse("\n  ,", db, warnings, error));
  EXPECT_EQ(error, db_path() + ":2:3: not valid JSON: syntax error while parsing value - "
                               "unexpected ','; expected '[', '{', or a literal");
}

TEST_F(CompDb, NotAnArray) {
  CompileDb db;
  Lines warnings;
  std::string error;
  EXPECT_FALSE(parse(R"({"directory": "/"})", db, warnings, error));
  EXPECT_EQ(error, db_path() + ": not a compile database: expected an array of entries, found an "
                               "object");
}

TEST_F(CompDb, EntryErrorsNameTheEntry) {
  write("a.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  const std::string d = "\"directory\": \"" + dir + "\"";
  EXPECT_FALSE(parse("[\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"arguments\": [\"cc\"]},\n"
                     "  \"cc a.cpp\",\n"
                     "  {\"file\": \"a.cpp\", \"arguments\": [\"cc\"]},\n"
                     "  {" + d + ", \"arguments\": [\"cc\"]},\n"
                     "  {" + d + ", \"file\": \"a.cpp\"},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"command\": \"cc\", \"arguments\": []},\n"
                     "  {" + d + ", \"file\": 3, \"command\": \"cc\"},\n"
                     "  {\"directory\": null, \"file\": \"a.cpp\", \"command\": \"cc\"},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"command\": [\"cc\"]},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"arguments\": \"cc a.cpp\"},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"arguments\": [\"cc\", 1]},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"arguments\": []},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"command\": \"  \"},\n"
                     "  {" + d + ", \"file\": \"\", \"command\": \"cc\"},\n"
                     "  {" + d + ", \"file\": \"a.cpp\", \"command\": \"cc\", \"output\": 1}\n"
                     "]",
                     db, warnings, error));
  const std::string p = db_path() + ": entry ";
  EXPECT_EQ(error,
            p + "1: expected an object with \"directory\", \"file\" and \"command\" or "
                "\"arguments\", found a string\n" +
                p + "2: missing \"directory\"\n" +
                p + "3: missing \"file\"\n" +
                p + "4: missing \"command\" or \"arguments\"\n" +
                p + "5: has both \"command\" and \"arguments\"; keep one\n" +
                p + "6: \"file\" must be a string, found a number\n" +
                p + "7: \"directory\" must be a string, found null\n" +
                p + "8: \"command\" must be a string, found an array\n" +
                p + "9: \"arguments\" must be an array of strings, found a string\n" +
                p + "10: \"arguments\" must be an array of strings; argument 1 is a number\n" +
                db_path() + ": and 4 more entries with problems");
  EXPECT_TRUE(db.commands.empty());

  // Below the cap every problem is listed.
  EXPECT_FALSE(parse("[{" + d + ", \"file\": \"a.cpp\", \"arguments\": []},\n"
                     " {" + d + ", \"file\": \"a.cpp\", \"command\": \"  \"},\n"
                     " {" + d + ", \"file\": \"\", \"command\": \"cc\"},\n"
                     " {" + d + ", \"file\": \"a.cpp\", \"command\": \"cc\", \"output\": 1}]",
                     db, warnings, error));
  EXPECT_EQ(error, p + "0: \"arguments\" is empty\n" + p + "1: \"command\" is empty\n" + p +
                       "2: \"file\" is empty\n" + p + "3: \"output\" must be a string, found a "
                       "number");
}

// --- parse: warnings --------------------------------------------------------

TEST_F(CompDb, NonexistentFileIsSkippedWithAWarning) {
  write("a.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": ")" + dir + R"(", "file": "gone.cpp", "command": "cc -c gone.cpp"},
    {"directory": ")" + dir + R"(", "file": "a.cpp", "command": "cc -c a.cpp"},
    {"directory": ")" + dir + R"(", "file": ")" + dir + R"(", "command": "cc -c ."}
  ])",
                    db, warnings, error));
  ASSERT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(db.commands[0].file, dir + "/a.cpp");
  EXPECT_EQ(db.commands[0].entry, 1u);
  EXPECT_EQ(warnings, (Lines{db_path() + ": entry 0: gone.cpp does not exist; entry skipped",
                             db_path() + ": entry 2: " + dir + " is a folder, not a source file; entry skipped"}));
}

TEST_F(CompDb, ManyNonexistentFilesAreSummarised) {
  write("a.cpp");
  nlohmann::json j = nlohmann::json::array();
  for (int i = 0; i < 13; ++i)
    j.push_back({{"directory", dir}, {"file", "g" + std::to_string(i) + ".cpp"},
                 {"command", "cc"}});
  j.push_back({{"directory", dir}, {"file", "a.cpp"}, {"command", "cc"}});
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(j.dump(), db, warnings, error));
  ASSERT_EQ(warnings.size(), 11u);
  EXPECT_EQ(warnings[9], db_path() + ": entry 9: g9.cpp does not exist; entry skipped");
  EXPECT_EQ(warnings[10], db_path() + ": 3 more entries name files that do not exist; skipped");
}

TEST_F(CompDb, NoEntryNamingAnExistingFileIsAnError) {
  // A database copied from another machine: nothing to analyse, and the
  // error says why (the warnings are not printed when loading fails).
  nlohmann::json j = nlohmann::json::array();
  for (int i = 0; i < 3; ++i)
    j.push_back({{"directory", "/elsewhere"}, {"file", "g" + std::to_string(i) + ".cpp"}, {"command", "cc"}});
  CompileDb db;
  Lines warnings;
  std::string error;
  EXPECT_FALSE(parse(j.dump(), db, warnings, error));
  const std::string tail = "); was it generated on another machine, or before the sources were checked out? "
                           "Regenerate it (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make)";
  EXPECT_EQ(error, db_path() + ": no entry names a file that exists (3 entries; the first names g0.cpp" + tail);
  EXPECT_TRUE(db.commands.empty());
  EXPECT_FALSE(parse(R"([{"directory": "/elsewhere", "file": "/elsewhere/x.cpp", "command": "cc"}])", db, warnings,
                     error));
  EXPECT_EQ(error, db_path() + ": no entry names a file that exists (its only entry names /elsewhere/x.cpp" + tail);
}

TEST_F(CompDb, DuplicatesKeepTheFirstAndWarnOnce) {
  write("src/a.cpp");
  write("src/b.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": ")" + dir + R"(", "file": "src/a.cpp", "command": "cc -DFIRST src/a.cpp"},
    {"directory": ")" + dir + R"(", "file": "src/b.cpp", "command": "cc src/b.cpp"},
    {"directory": ")" + dir + R"(/src", "file": "a.cpp", "command": "cc -DSECOND a.cpp"},
    {"directory": ")" + dir + R"(", "file": "src/a.cpp", "command": "cc -DTHIRD src/a.cpp"}
  ])",
                    db, warnings, error));
  ASSERT_EQ(db.commands.size(), 2u);
  EXPECT_EQ(db.commands[0].arguments, (Args{"cc", "-DFIRST", "src/a.cpp"}));
  EXPECT_EQ(db.commands[1].file, dir + "/src/b.cpp");
  EXPECT_EQ(warnings, Lines{db_path() + ": 1 file has more than one entry; the first entry of "
                                        "each is used: src/a.cpp (entries 0, 2, 3)"});
}

TEST_F(CompDb, EntriesThatParseTheSameAreNotReported) {
  // CMake's compile database for a library built static and shared: each source
  // twice, differing only in the output, -fPIC and -D<target>_EXPORTS.
  write("src/a.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": ")" + dir + R"(", "file": "src/a.cpp",
     "command": "c++ -DX=1 -Iinc -O2 -o CMakeFiles/s.dir/src/a.cpp.o -c src/a.cpp"},
    {"directory": ")" + dir + R"(", "file": ")" + dir + R"(/src/a.cpp",
     "command": "c++ -DX=1 -Dlib_shared_EXPORTS -Iinc -O2 -fPIC -MD -MT x -MF x.d -o CMakeFiles/d.dir/src/a.cpp.o -c )" +
                        dir + R"(/src/a.cpp"},
    {"directory": ")" + dir + R"(", "file": "src/a.cpp", "arguments": ["c++", "-DX=1", "-Iinc", "-O2", "src/a.cpp"]}
  ])",
                    db, warnings, error));
  ASSERT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(db.commands[0].arguments[5], "CMakeFiles/s.dir/src/a.cpp.o"); // the first entry
  EXPECT_TRUE(warnings.empty()) << warnings[0];
}

TEST_F(CompDb, AFileListedManyTimesGivesAShortWarning) {
  write("a.cpp");
  nlohmann::json j = nlohmann::json::array();
  for (int i = 0; i < 1000; ++i)
    j.push_back({{"directory", dir}, {"file", "a.cpp"}, {"command", "cc -DCONFIG=" + std::to_string(i)}});
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(j.dump(), db, warnings, error));
  EXPECT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(warnings, Lines{db_path() + ": 1 file has more than one entry; the first entry of each is used: "
                                        "a.cpp (entries 0, 1, 2, 3 and 996 more)"});
}

TEST_F(CompDb, ManyDuplicatesInOneWarning) {
  nlohmann::json j = nlohmann::json::array();
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 5; ++i) {
      write("build/f" + std::to_string(i) + ".cpp");
      j.push_back({{"directory", "."}, {"file", "f" + std::to_string(i) + ".cpp"},
                   {"command", round ? "cc -DNDEBUG" : "cc"}});
    }
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(j.dump(), db, warnings, error));
  EXPECT_EQ(db.commands.size(), 5u);
  EXPECT_EQ(warnings, Lines{db_path() + ": 5 files have more than one entry; the first entry of "
                                        "each is used: f0.cpp (entries 0, 5); f1.cpp (entries 1, "
                                        "6); f2.cpp (entries 2, 7); and 2 more"});
}

// --- response files ---------------------------------------------------------

TEST_F(CompDb, ResponseFilesAreExpanded) {
  write("src/a.cpp");
  write("src/b.cpp");
  write("rsp/flags.rsp", "-DONE \"-DTWO=a b\" '-DTHREE=\"q\"'\n  -DFOUR=x\\ y @nested.rsp\n-Iinc");
  write("rsp/nested.rsp", "-DNESTED @../top.rsp");
  write("top.rsp", "-DTOP");
  write("src/local.rsp", "-DLOCAL");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([
    {"directory": ")" + dir + R"(", "file": "src/a.cpp",
     "arguments": ["cc", "@rsp/flags.rsp", "-c", "src/a.cpp"]},
    {"directory": ")" + dir + R"(/src", "file": "b.cpp", "command": "cc @local.rsp @../rsp/nested.rsp b.cpp"}
  ])",
                    db, warnings, error))
      << error;
  EXPECT_EQ(warnings, Lines{});
  ASSERT_EQ(db.commands.size(), 2u);
  EXPECT_EQ(db.commands[0].arguments,
            (Args{"cc", "-DONE", "-DTWO=a b", "-DTHREE=\"q\"", "-DFOUR=x y", "-DNESTED", "-DTOP",
                  "-Iinc", "-c", "src/a.cpp"}));
  EXPECT_EQ(db.commands[1].arguments, (Args{"cc", "-DLOCAL", "-DNESTED", "-DTOP", "b.cpp"}));
}

TEST_F(CompDb, NestedResponseFileFallsBackToTheWorkingFolder) {
  // GCC resolves nested names against the working folder, Clang against the
  // including file's folder; the first that exists wins.
  write("a.cpp");
  write("rsp/outer.rsp", "@inner.rsp");
  write("inner.rsp", "-DINNER");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([{"directory": ")" + dir +
                        R"(", "file": "a.cpp", "arguments": ["cc", "@rsp/outer.rsp", "a.cpp"]}])",
                    db, warnings, error));
  EXPECT_EQ(warnings, Lines{});
  EXPECT_EQ(db.commands[0].arguments, (Args{"cc", "-DINNER", "a.cpp"}));
}

TEST_F(CompDb, MissingAndRecursiveResponseFilesAreLeftOut) {
  write("a.cpp");
  write("self.rsp", "-DSELF @self.rsp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([{"directory": ")" + dir +
                        R"(", "file": "a.cpp", "arguments": ["cc", "@missing.rsp", "@self.rsp", "@", "a.cpp"]}])",
                    db, warnings, error));
  EXPECT_EQ(db.commands[0].arguments, (Args{"cc", "-DSELF", "@", "a.cpp"}));
  EXPECT_EQ(warnings,
            (Lines{db_path() + ": entry 0: response file " + dir +
                       "/missing.rsp cannot be read; @missing.rsp left out",
                   db_path() + ": entry 0: response file " + dir +
                       "/self.rsp includes itself; @self.rsp left out"}));
}

TEST_F(CompDb, DevicesAreNeitherSourcesNorResponseFiles) {
  // Reading /dev/zero would never end.
  write("a.cpp");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(parse(R"([{"directory": ")" + dir +
                        R"(", "file": "a.cpp", "arguments": ["cc", "@/dev/zero", "a.cpp"]},
                        {"directory": ")" + dir + R"(", "file": "/dev/null", "command": "cc"}])",
                    db, warnings, error));
  ASSERT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(db.commands[0].arguments, (Args{"cc", "a.cpp"}));
  EXPECT_EQ(warnings,
            (Lines{db_path() + ": entry 0: response file /dev/zero cannot be read; @/dev/zero "
                               "left out",
                   db_path() + ": entry 1: /dev/null is not a regular file; entry skipped"}));
}

// --- load and find ----------------------------------------------------------

TEST_F(CompDb, LoadFromDisk) {
  write("a.cpp");
  std::string path =
      write("build/compile_commands.json",
            R"([{"directory": "..", "file": "a.cpp", "command": "cc -c a.cpp"}])");
  CompileDb db;
  Lines warnings;
  std::string error;
  ASSERT_TRUE(load_compile_db(path, db, warnings, error)) << error;
  EXPECT_EQ(db.path, path);
  ASSERT_EQ(db.commands.size(), 1u);
  EXPECT_EQ(db.commands[0].file, dir + "/a.cpp");

  EXPECT_FALSE(load_compile_db(dir + "/nope.json", db, warnings, error));
  EXPECT_EQ(error, "cannot read " + dir + "/nope.json: No such file or directory");
  EXPECT_FALSE(load_compile_db(dir, db, warnings, error));
  EXPECT_EQ(error, dir + ": is a folder; pass the build folder with -p, or the file itself");
}

/// Runs find_compile_db from `cwd`, restoring the current folder after.
bool find_from(const std::string& cwd, const std::string& p, std::string& path,
               std::string& error) {
  auto saved = fs::current_path();
  fs::current_path(cwd);
  bool ok = find_compile_db(p, path, error);
  fs::current_path(saved);
  return ok;
}

TEST_F(CompDb, FindLikeClangTidy) {
  std::string path, error;
  EXPECT_FALSE(find_from(dir, "", path, error));
  EXPECT_EQ(error, "no compile_commands.json in ./ or ./build/; pass -p BUILD_DIR (CMake: "
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make)");

  std::string in_build = write("build/compile_commands.json", "[]");
  EXPECT_TRUE(find_from(dir, "", path, error));
  EXPECT_EQ(path, in_build);

  std::string in_root = write("compile_commands.json", "[]");
  EXPECT_TRUE(find_from(dir, "", path, error)); // ./ wins over ./build/
  EXPECT_EQ(path, in_root);

  // -p DIR, relative or absolute, and -p FILE.
  EXPECT_TRUE(find_from(dir, "build", path, error));
  EXPECT_EQ(path, in_build);
  EXPECT_TRUE(find_from(dir + "/build", "", path, error));
  EXPECT_EQ(path, in_build);
  EXPECT_TRUE(find_from("/", dir + "/build/", path, error));
  EXPECT_EQ(path, in_build);
  std::string other = write("out/cc.json", "[]");
  EXPECT_TRUE(find_from(dir, "out/cc.json", path, error));
  EXPECT_EQ(path, other);

  EXPECT_FALSE(find_from(dir, "out", path, error));
  EXPECT_EQ(error, "no compile_commands.json in out/ (from -p); generate it (CMake: "
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make)");
  EXPECT_FALSE(find_from(dir, "nowhere", path, error));
  EXPECT_EQ(error, "-p nowhere: no such file or folder; pass the build folder that holds compile_commands.json");
}

// --- scale ------------------------------------------------------------------

TEST_F(CompDb, HundredThousandEntries) {
  // 100,000 distinct (empty) files in 100 folders: every entry is kept, so
  // the whole path runs: JSON, validation, stat, dedup, command splitting.
  const int kEntries = 100000;
  for (int d = 0; d < 100; ++d) fs::create_directories(dir + "/src/m" + std::to_string(d));
  std::string json = "[";
  json.reserve(kEntries * 400);
  for (int i = 0; i < kEntries; ++i) {
    std::string rel = "src/m" + std::to_string(i % 100) + "/f" + std::to_string(i) + ".cpp";
    int fd = ::open((dir + "/" + rel).c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ::close(fd);
    if (i) json += ",\n";
    json += "{\"directory\": \"" + dir + "/build\", \"file\": \"../" + rel + "\", ";
    if (i % 2)
      json += "\"command\": \"/usr/bin/c++ -DNDEBUG -I" + dir + "/include -isystem /opt/x/include "
              "-O2 -g -std=c++20 -Wall -Wextra -o CMakeFiles/m.dir/" + rel + ".o -c ../" + rel + "\"";
    else
      json += "\"arguments\": [\"/usr/bin/c++\", \"-DNDEBUG\", \"-I" + dir + "/include\", "
              "\"-isystem\", \"/opt/x/include\", \"-O2\", \"-g\", \"-std=c++20\", \"-Wall\", "
              "\"-Wextra\", \"-o\", \"CMakeFiles/m.dir/" + rel + ".o\", \"-c\", \"../" + rel +
              "\"], \"output\": \"CMakeFiles/m.dir/" + rel + ".o\"";
    json += "}";
  }
  json += "]";

  CompileDb db;
  Lines warnings;
  std::string error;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  ASSERT_TRUE(parse(json, db, warnings, error)) << error;
  double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start)
                .count();
  // Reported, not asserted: timing depends on the machine (and its load).
  std::printf("parsed %d entries (%zu bytes) in %lld ms (%.0f ms CPU)\n", kEntries, json.size(),
              static_cast<long long>(ms), cpu_ms);
  EXPECT_EQ(warnings, Lines{});
  ASSERT_EQ(db.commands.size(), static_cast<size_t>(kEntries));
  EXPECT_EQ(db.commands[12345].file, dir + "/src/m45/f12345.cpp");
  EXPECT_EQ(db.commands[12345].arguments.size(), 14u);
  for (size_t i = 0; i < db.commands.size(); i += 997) {
    EXPECT_EQ(db.commands[i].entry, i);
    EXPECT_EQ(db.commands[i].arguments.back(), "../" + db.commands[i].file.substr(dir.size() + 1));
  }
}

// --- adjust_arguments -------------------------------------------------------

/// Adjusts `args` for dir/src/a.cpp compiled in dir (entry 12).
class Adjust : public ::testing::Test {
protected:
  CompileCommand cmd;
  Lines warnings;
  AdjustOptions opts;

  void SetUp() override {
    cmd.directory = "/p";
    cmd.file = "/p/src/a.cpp";
    cmd.entry = 12;
  }
  Args adjust(Args args) {
    cmd.arguments = std::move(args);
    warnings.clear();
    return adjust_arguments(cmd, opts, warnings);
  }
  /// The whole sequence, with a stand-in for the driver's table that drops
  /// every flag starting with -fclang-unknown (and sees what reaches it).
  Args prepare(Args args) {
    cmd.arguments = std::move(args);
    warnings.clear();
    return prepare_arguments(cmd, opts, &fake_driver, warnings);
  }
  static inline Args seen_by_driver;
  static Args fake_driver(const Args& args, Args& removed) {
    seen_by_driver = args;
    Args out;
    for (const std::string& a : args)
      (a.starts_with("-fclang-unknown") ? removed : out).push_back(a);
    return out;
  }
  /// The standard tail: what every adjusted command ends with.
  static Args tail() { return {"-fsyntax-only", "--no-default-config", "/p/src/a.cpp"}; }
  static Args with_tail(Args head) {
    for (auto& t : tail()) head.push_back(t);
    return head;
  }
  static std::string dropped(const std::string& what) {
    return "compile_commands.json entry 12 (src/a.cpp): dropped " + what +
           ": flags that load code are never honoured";
  }
};

TEST_F(Adjust, TypicalCMakeCommand) {
  EXPECT_EQ(adjust({"/usr/bin/c++", "-DNDEBUG", "-I/p/include", "-isystem", "/opt/inc", "-O2",
                    "-std=c++20", "-o", "CMakeFiles/a.dir/src/a.cpp.o", "-c", "/p/src/a.cpp"}),
            with_tail({"/usr/bin/c++", "-DNDEBUG", "-I/p/include", "-isystem", "/opt/inc", "-O2",
                       "-std=c++20"}));
  EXPECT_EQ(warnings, Lines{});
}

TEST_F(Adjust, InputFileInAnySpellingIsRemovedAndPutLast) {
  EXPECT_EQ(adjust({"cc", "src/a.cpp", "-Wall"}), with_tail({"cc", "-Wall"}));
  EXPECT_EQ(adjust({"cc", "./src/../src/a.cpp", "-Wall", "/p/src/a.cpp"}),
            with_tail({"cc", "-Wall"}));
  // Other inputs (a second source file, stdin) go too; other words stay.
  EXPECT_EQ(adjust({"cc", "other.c", "-", "-Wall", "lib.a"}), with_tail({"cc", "-Wall", "lib.a"}));
  // After "--" everything is an input.
  EXPECT_EQ(adjust({"cc", "-Wall", "--", "src/a.cpp", "-weird-name.cpp"}),
            with_tail({"cc", "-Wall"}));
}

TEST_F(Adjust, OutputAndDependencyFlags) {
  EXPECT_EQ(adjust({"cc", "-o", "a.o", "-oa.o", "--output", "x", "--output=y", "-c", "-S", "-E",
                    "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-MF", "a.d", "-MFa.d", "-MT", "a.o",
                    "-MTa.o", "-MQ", "a.o", "-MQa.o", "-MJ", "a.json", "-MJa.json",
                    "-Wp,-MD,a.d", "-Wp,-MMD,a.d", "-Wp,-D_FORTIFY_SOURCE=2", "-Werror",
                    "-Werror=return-type", "-fsyntax-only", "-save-temps=obj", "-ftime-trace",
                    "--serialize-diagnostics", "a.dia", "src/a.cpp"}),
            with_tail({"cc", "-Wp,-D_FORTIFY_SOURCE=2", "-Werror", "-Werror=return-type"}));
  EXPECT_EQ(warnings, Lines{});
  // -objc... and -object are not -o.
  EXPECT_EQ(adjust({"cc", "-objcmt-migrate-literals", "-ObjC"}),
            with_tail({"cc", "-objcmt-migrate-literals", "-ObjC"}));
}

TEST_F(Adjust, SyntaxOnlyAddedOnce) {
  EXPECT_EQ(adjust({"cc", "-fsyntax-only", "-fsyntax-only"}), with_tail({"cc"}));
}

TEST_F(Adjust, PrecompiledHeaders) {
  // CMake's precompile_headers for GCC and for Clang.
  EXPECT_EQ(adjust({"g++", "-Winvalid-pch", "-include", "/p/build/cmake_pch.hxx", "-c",
                    "src/a.cpp"}),
            with_tail({"g++", "-include", "/p/build/cmake_pch.hxx"}));
  EXPECT_EQ(adjust({"clang++", "-Xclang", "-include-pch", "-Xclang", "/p/build/cmake_pch.hxx.pch",
                    "-Xclang", "-include", "-Xclang", "/p/build/cmake_pch.hxx", "-include-pch",
                    "x.pch"}),
            with_tail({"clang++", "-Xclang", "-include", "-Xclang", "/p/build/cmake_pch.hxx"}));
  EXPECT_EQ(warnings, Lines{});
  // The entry that builds the PCH would write it instead of parsing.
  EXPECT_EQ(adjust({"clang++", "-Xclang", "-emit-pch", "-Xclang=-emit-obj", "-x", "c++-header"}),
            with_tail({"clang++", "-x", "c++-header"}));
}

TEST_F(Adjust, KeepsWhatShapesTheParse) {
  Args kept = {"cc",        "-x",           "c++",         "-std=gnu++17",  "-DA=1",
               "-D",        "B",            "-UC",         "-I",            "inc",
               "-iquote",   "q",            "-isystem",    "/sys",          "-idirafter",
               "/after",    "-include",     "pre.h",       "-imacros",      "m.h",
               "--sysroot", "/sr",          "-isysroot",   "/sr",           "-target",
               "aarch64-linux-gnu",         "-march=armv8-a",               "-fno-exceptions",
               "-Wno-maybe-uninitialized",  "-fmacro-prefix-map=/a=/b",     "-fdiagnostics-color",
               "-flto=auto",                "-fmerge-constants",            "-Xclang",
               "-fno-pch-timestamp",        "-mllvm",       "-inline-threshold=10"};
  EXPECT_EQ(adjust(kept), with_tail(kept));
  EXPECT_EQ(warnings, Lines{});
}

TEST_F(Adjust, SeparateValuesAreNotMistakenForInputs) {
  // A value that looks like a source file stays with its flag.
  EXPECT_EQ(adjust({"cc", "-include", "forced.c", "-x", "c", "-D", "X", "-MF", "src/a.cpp"}),
            with_tail({"cc", "-include", "forced.c", "-x", "c", "-D", "X"}));
}

TEST_F(Adjust, GccOnlyFlagsClangRejects) {
  Args gcc = {"g++",
              "-fno-extended-identifiers",
              "-fstack-reuse=all",
              "-fconserve-stack",
              "-fno-var-tracking-assignments",
              "-fno-ipa-cp",
              "-fipa-pta",
              "-fno-tree-vrp",
              "-ftree-loop-vectorize",
              "-fno-canonical-system-headers",
              "-fno-allow-store-data-races",
              "-fcompare-debug-second",
              "-flto=4",
              "-fno-lifetime-dse",
              "-fconcepts",
              "-fconcepts-diagnostics-depth=2",
              "-fext-numeric-literals",
              "-fmodules-ts",
              "-fabi-version=11",
              "-fdiagnostics-format=json",
              "-fdump-tree-all",
              "-fno-gnu-unique",
              "-mindirect-branch=thunk-extern",
              "-mindirect-branch-register",
              "-fsched-pressure",
              "-fno-sched-spec",
              "-fira-region=all",
              "-flto-partition=none",
              "-fno-isolate-erroneous-paths-dereference",
              "-O2"};
  EXPECT_EQ(prepare(gcc), with_tail({"g++", "-O2"}));
  EXPECT_EQ(warnings, Lines{});
  // They go before the driver's table sees the command: no warning for them.
  EXPECT_EQ(seen_by_driver, with_tail({"g++", "-O2"}));
  // Accepted by Clang: kept (-mno-fp-ret-in-387, -flto=jobserver, -fno-var-tracking).
  EXPECT_EQ(prepare({"g++", "-mno-fp-ret-in-387", "-flto=jobserver", "-fno-var-tracking"}),
            with_tail({"g++", "-mno-fp-ret-in-387", "-flto=jobserver", "-fno-var-tracking"}));
  // A value is never taken for a flag: `-D -fconserve-stack` defines a macro.
  EXPECT_EQ(prepare({"g++", "-D", "-fconserve-stack", "-Xclang", "-fsched-pressure"}),
            with_tail({"g++", "-D", "-fconserve-stack", "-Xclang", "-fsched-pressure"}));
}

TEST_F(Adjust, PrepareWarnsOncePerFlagTheDriverDrops) {
  // adjust (code loading: warned) -> GCC-only (silent) -> driver table (warned), in that order.
  EXPECT_EQ(prepare({"g++", "-fplugin=/x/evil.so", "-fconserve-stack", "-fclang-unknown-a", "-O2",
                     "-fclang-unknown-b=1", "src/a.cpp"}),
            with_tail({"g++", "-O2"}));
  EXPECT_EQ(warnings,
            (Lines{"compile_commands.json entry 12 (src/a.cpp): dropped -fplugin=/x/evil.so: flags that load code are "
                   "never honoured",
                   "compile_commands.json entry 12 (src/a.cpp): dropped -fclang-unknown-a: not a flag clang knows",
                   "compile_commands.json entry 12 (src/a.cpp): dropped -fclang-unknown-b=1: not a flag clang knows"}));
}

TEST_F(Adjust, CodeLoadingFlagsAreDroppedWithAWarningEach) {
  EXPECT_EQ(adjust({"cc", "-fplugin=/x/evil.so", "-fplugin", "/x/evil2.so",
                    "-fplugin-arg-evil-key=v", "-fpass-plugin=/x/pass.so", "-fpass-plugin",
                    "/x/pass2.so", "--hipspv-pass-plugin=/x/hip.so", "-Wall"}),
            with_tail({"cc", "-Wall"}));
  EXPECT_EQ(warnings, (Lines{dropped("-fplugin=/x/evil.so"), dropped("-fplugin /x/evil2.so"),
                             dropped("-fpass-plugin=/x/pass.so"),
                             dropped("-fpass-plugin /x/pass2.so"),
                             dropped("--hipspv-pass-plugin=/x/hip.so")}));
}

TEST_F(Adjust, CodeLoadingThroughXclang) {
  EXPECT_EQ(adjust({"cc", "-Xclang", "-load", "-Xclang", "/x/evil.so", "-Xclang", "-plugin",
                    "-Xclang", "evil", "-Xclang", "-add-plugin", "-Xclang", "evil2", "-Xclang",
                    "-plugin-arg-evil", "-Xclang", "x", "-Xclang", "-fpass-plugin=/x/p.so",
                    "-Xclang=-load", "-Xclang=/x/joined.so", "-Xclang", "-Wall"}),
            with_tail({"cc", "-Xclang", "-Wall"}));
  EXPECT_EQ(warnings, (Lines{dropped("-Xclang -load -Xclang /x/evil.so"),
                             dropped("-Xclang -plugin -Xclang evil"),
                             dropped("-Xclang -add-plugin -Xclang evil2"),
                             dropped("-Xclang -plugin-arg-evil -Xclang x"),
                             dropped("-Xclang -fpass-plugin=/x/p.so"),
                             dropped("-Xclang=-load -Xclang=/x/joined.so")}));
  // Other wrappers hand flags to the driver of another compilation.
  EXPECT_EQ(adjust({"cc", "-Xarch_host", "-fplugin=/x/h.so", "-Xarch_device", "-O1",
                    "-Xopenmp-target=nvptx64", "-fpass-plugin=/x/o.so"}),
            with_tail({"cc", "-Xarch_device", "-O1"}));
  EXPECT_EQ(warnings, (Lines{dropped("-Xarch_host -fplugin=/x/h.so"),
                             dropped("-Xopenmp-target=nvptx64 -fpass-plugin=/x/o.so")}));
  // A -load whose value is not wrapped still goes; the bare word left behind
  // is only a linker input to the driver, unused in a syntax-only parse.
  EXPECT_EQ(adjust({"cc", "-Xclang", "-load", "/x/evil.so"}), with_tail({"cc", "/x/evil.so"}));
  EXPECT_EQ(warnings, Lines{dropped("-Xclang -load")});
  EXPECT_EQ(adjust({"cc", "-Xclang"}), with_tail({"cc"}));
}

TEST_F(Adjust, ConfigFilesAreNeverRead) {
  EXPECT_EQ(adjust({"cc", "--config=x.cfg", "--config", "y.cfg", "--config-user-dir=/u",
                    "--config-system-dir=/s", "-Wall"}),
            with_tail({"cc", "-Wall"}));
  const std::string w = "compile_commands.json entry 12 (src/a.cpp): dropped ";
  const std::string why = ": configuration files can name flags that load code and are never "
                          "honoured";
  EXPECT_EQ(warnings, (Lines{w + "--config=x.cfg" + why, w + "--config y.cfg" + why,
                             w + "--config-user-dir=/u" + why, w + "--config-system-dir=/s" + why}));
}

TEST_F(Adjust, ResourceDir) {
  EXPECT_EQ(adjust({"cc", "-resource-dir", "/old", "-resource-dir=/old2"}),
            with_tail({"cc", "-resource-dir", "/old", "-resource-dir=/old2"}));
  opts.resource_dir = "/usr/lib/llvm-19/lib/clang/19";
  EXPECT_EQ(adjust({"cc", "-resource-dir", "/old", "-resource-dir=/old2", "-Wall"}),
            (Args{"cc", "-Wall", "-fsyntax-only", "--no-default-config", "-resource-dir",
                  "/usr/lib/llvm-19/lib/clang/19", "/p/src/a.cpp"}));
}

TEST_F(Adjust, CompilerLauncherIsSkipped) {
  EXPECT_EQ(adjust({"/usr/bin/ccache", "g++", "-Wall"}), with_tail({"g++", "-Wall"}));
  EXPECT_EQ(adjust({"sccache", "/usr/bin/clang++", "-c", "src/a.cpp"}),
            with_tail({"/usr/bin/clang++"}));
}

TEST_F(Adjust, FileOutsideTheDirectoryIsNamedInFull) {
  cmd.directory = "/p/build";
  cmd.file = "/p/src/a.cpp";
  cmd.arguments = {"cc", "-fplugin=/e.so", "../src/a.cpp"};
  Lines w;
  EXPECT_EQ(adjust_arguments(cmd, opts, w), (Args{"cc", "-fsyntax-only", "--no-default-config",
                                                  "/p/src/a.cpp"}));
  EXPECT_EQ(w, Lines{"compile_commands.json entry 12 (/p/src/a.cpp): dropped -fplugin=/e.so: "
                     "flags that load code are never honoured"});
}

TEST_F(Adjust, FileIsNamedRelativeToTheProjectRootWhenGiven) {
  cmd.directory = "/p/build";
  cmd.file = "/p/src/a.cpp";
  cmd.arguments = {"cc", "-fplugin=/e.so", "../src/a.cpp"};
  opts.root = "/p";
  Lines w;
  adjust_arguments(cmd, opts, w);
  EXPECT_EQ(w, Lines{"compile_commands.json entry 12 (src/a.cpp): dropped -fplugin=/e.so: "
                     "flags that load code are never honoured"});
}

TEST_F(Adjust, UnexpandedResponseFileIsDropped) {
  EXPECT_EQ(adjust({"cc", "@flags.rsp", "-Wall"}), with_tail({"cc", "-Wall"}));
  EXPECT_EQ(warnings, Lines{"compile_commands.json entry 12 (src/a.cpp): dropped @flags.rsp: "
                            "response files are expanded when the database is read, and this "
                            "one could not be"});
}

TEST_F(Adjust, EndToEndFromTheDatabase) {
  // parse + adjust, the way the extraction stage uses them.
  CompileDb db;
  Lines w;
  std::string error;
  std::string tmp = (fs::temp_directory_path() / ("seam_adjust_" + std::to_string(getpid()))).string();
  fs::create_directories(tmp + "/src");
  std::ofstream(tmp + "/src/a.cpp");
  std::ofstream(tmp + "/evil.rsp") << "-fplugin=/x/evil.so";
  ASSERT_TRUE(parse_compile_db(R"([{"directory": ")" + tmp + R"(", "file": "src/a.cpp",
      "command": "c++ @evil.rsp -DX -c src/a.cpp -o a.o"}])",
                               tmp + "/compile_commands.json", db, w, error))
      << error;
  Args out = adjust_arguments(db.commands[0], opts, w);
  EXPECT_EQ(out, (Args{"c++", "-DX", "-fsyntax-only", "--no-default-config", tmp + "/src/a.cpp"}));
  EXPECT_EQ(w, Lines{"compile_commands.json entry 0 (src/a.cpp): dropped -fplugin=/x/evil.so: "
                     "flags that load code are never honoured"});
  fs::remove_all(tmp);
}

} // namespace
} // namespace seam
