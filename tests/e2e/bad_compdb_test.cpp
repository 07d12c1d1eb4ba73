// Compile databases as build systems and people leave them: missing, empty,
// broken JSON, wrong shapes, relative folders, files that are gone, the same
// file twice, response files, gcc-only flags, C beside C++, headers as TUs,
// and 100,000 entries. Each case runs the real `seam` and asserts what a user
// sees: the exact message, the exit status, and what is still produced.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;

constexpr const char* kHint = "CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make";

/// A two-module project (app calls lib) with its database in build/.
class BadCompDb : public ::testing::Test {
protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "seam-badcdb-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = fs::canonical(tmpl);
    root_ = base_ / "proj";
    write("src/lib/lib.h", "#pragma once\nint lib_value();\n");
    write("src/lib/lib.cpp", "#include \"src/lib/lib.h\"\nint lib_value() { return 1; }\n");
    write("src/app/main.cpp", "#include \"src/lib/lib.h\"\nint main() { return lib_value(); }\n");
    fs::create_directories(root_ / "build");
  }
  void TearDown() override { fs::remove_all(base_); }

  void write(const fs::path& rel, const std::string& text) {
    fs::path p = rel.is_absolute() ? rel : root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string db() const { return (root_ / "build" / "compile_commands.json").string(); }
  void database(const std::string& text) { write("build/compile_commands.json", text); }
  /// An entry compiling `file` (relative to the root) with `command` + " -c file".
  std::string entry(const std::string& file, const std::string& command = "c++ -std=c++17 -I.") const {
    return nlohmann::json{{"directory", root_.string()}, {"file", file}, {"command", command + " -c " + file}}.dump();
  }
  std::string good_entries() const { return entry("src/lib/lib.cpp") + ",\n" + entry("src/app/main.cpp"); }

  RunResult seam(std::vector<std::string> args, bool with_p = true) {
    args.insert(args.begin(), SEAM_EXE);
    if (with_p) {
      args.push_back("-p");
      args.push_back("build");
    }
    return run(args, root_.string());
  }
  /// The module edges of `seam graph --format json`.
  static std::set<std::string> edges(const RunResult& r) {
    std::set<std::string> out;
    const nlohmann::json g = nlohmann::json::parse(r.out);
    for (const auto& e : g["edges"])
      out.insert(e["from"].get<std::string>() + "->" + e["to"].get<std::string>());
    return out;
  }

  fs::path base_, root_;
};

// --- the database cannot be used: exit 2, nothing on standard output --------

TEST_F(BadCompDb, MissingDatabase) {
  fs::remove_all(root_ / "build");
  auto r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: -p build: no such file or folder; pass the build folder that holds compile_commands.json\n");
  EXPECT_EQ(r.out, "");

  fs::create_directories(root_ / "build");
  r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, std::string("seam: error: no compile_commands.json in build/ (from -p); generate it (") + kHint +
                       ")\n");

  r = seam({"scan"}, /*with_p=*/false);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, std::string("seam: error: no compile_commands.json in ./ or ./build/; pass -p BUILD_DIR (") +
                       kHint + ")\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(BadCompDb, EmptyFileAndEmptyArray) {
  database("");
  auto r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ": the file is empty; expected a JSON array of compile commands; regenerate it (" + kHint +
                       ")\n");
  EXPECT_EQ(r.out, "");

  database("[]\n");
  r = seam({"graph"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() + ": the compile database has no entries; regenerate it (" + kHint + ")\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(BadCompDb, NotJsonNamesLineAndColumn) {
  // A missing colon on line 3.
  database("[\n  {\"directory\": \"/x\",\n   \"file\" \"a.cpp\", \"command\": \"cc\"}\n]\n");
  auto r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ":3:17: not valid JSON: syntax error while parsing object separator - unexpected string "
                       "literal; expected ':'\n");
  EXPECT_EQ(r.out, "");

  // A trailing comma, as hand-edited files have.
  database("[\n" + good_entries() + ",\n]\n");
  r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ":4:1: not valid JSON: syntax error while parsing value - unexpected ']'; expected '[', "
                       "'{', or a literal\n");

  // Cut off half-way (the build was killed while writing it): the position
  // is the end of the file, just after the 40 characters of line 2.
  database("[\n" + good_entries().substr(0, 40));
  r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ":2:41: not valid JSON: syntax error while parsing value - invalid string: missing closing "
                       "quote; last read: '\"c++ -std=c++17 -I. -c src/li'\n");
}

TEST_F(BadCompDb, NotAnArray) {
  database(entry("src/app/main.cpp"));
  auto r = seam({"scan"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ": not a compile database: expected an array of entries, found an object\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(BadCompDb, InvalidEntriesAreAllNamedAndNothingIsAnalysed) {
  const std::string dir = root_.string();
  database("[\n" + good_entries() + ",\n" +                                                  // entries 0, 1
           R"({"file": "src/app/main.cpp", "command": "c++ -c src/app/main.cpp"},)" "\n" +   // 2
           R"({"directory": ")" + dir + R"(", "command": "c++ -c src/app/main.cpp"},)" "\n" + // 3
           R"({"directory": ")" + dir + R"(", "file": "src/app/main.cpp", "command": "c++", "arguments": ["c++"]},)"
           "\n" +                                                                              // 4
           R"({"directory": ")" + dir + R"(", "file": "src/app/main.cpp"},)" "\n" +           // 5
           R"("src/app/main.cpp"])" "\n");                                                     // 6
  auto r = seam({"graph"});
  EXPECT_EQ(r.status, 2);
  const std::string p = db() + ": entry ";
  EXPECT_EQ(r.err, "seam: error: " + p + "2: missing \"directory\"\n" +                              //
                       p + "3: missing \"file\"\n" +                                                  //
                       p + "4: has both \"command\" and \"arguments\"; keep one\n" +                  //
                       p + "5: missing \"command\" or \"arguments\"\n" +                              //
                       p + "6: expected an object with \"directory\", \"file\" and \"command\" or "
                           "\"arguments\", found a string\n");
  EXPECT_EQ(r.out, "");
}

// --- odd but usable: the project is analysed --------------------------------

TEST_F(BadCompDb, RelativeDirectoriesAreRelativeToTheDatabaseFolder) {
  // "directory": ".." from build/ is the root; "." is build/ itself.
  database(R"([{"directory": "..", "file": "src/lib/lib.cpp", "arguments": ["c++", "-I.", "-c", "src/lib/lib.cpp"]},
               {"directory": ".", "file": "../src/app/main.cpp", "command": "c++ -I.. -c ../src/app/main.cpp"}])");
  auto r = seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(edges(r), std::set<std::string>{"app->lib"});
}

TEST_F(BadCompDb, AFileThatDoesNotExistIsSkippedWithAWarning) {
  database("[\n" + entry("src/gone/gone.cpp") + ",\n" + good_entries() + "\n]");
  auto r = seam({"scan", "-q"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "seam: warning: " + db() + ": entry 0: src/gone/gone.cpp does not exist; entry skipped\n");
  EXPECT_NE(r.out.find("translation units  2 ok, 0 failed"), std::string::npos) << r.out;

  // When that leaves nothing, the error says so (not "no translation unit").
  database("[\n" + entry("src/gone/gone.cpp") + ",\n" + entry("src/gone/too.cpp") + "\n]");
  r = seam({"scan", "-q"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: " + db() +
                       ": no entry names a file that exists (2 entries; the first names src/gone/gone.cpp); was it "
                       "generated on another machine, or before the sources were checked out? Regenerate it (" +
                       kHint + ")\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(BadCompDb, DuplicateEntriesForOneFileUseTheFirst) {
  // main.cpp calls into lib only when USE_LIB is defined: the graph shows
  // which of its two entries was used.
  write("src/app/main.cpp",
        "#include \"src/lib/lib.h\"\n#ifdef USE_LIB\nint main() { return lib_value(); }\n#else\nint main() { return 0; "
        "}\n#endif\n");
  database("[\n" + entry("src/lib/lib.cpp") + ",\n" + entry("src/app/main.cpp", "c++ -I. -DUSE_LIB") + ",\n" +
           entry("src/app/main.cpp", "c++ -I.") + ",\n" +
           R"({"directory": ")" + root_.string() + R"(/src", "file": "app/main.cpp", "command": "c++ -c app/main.cpp"})" +
           "\n]");
  auto r = seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "seam: warning: " + db() +
                       ": 1 file has more than one entry; the first entry of each is used: src/app/main.cpp (entries "
                       "1, 2, 3)\n");
  EXPECT_EQ(edges(r), std::set<std::string>{"app->lib"});
  EXPECT_EQ(edges(r).size(), 1u);
}

TEST_F(BadCompDb, ResponseFilesAreExpandedAndAMissingOneIsLeftOut) {
  // lib.cpp needs the macro and the include folder its response file holds.
  write("src/lib/lib.cpp", "#ifndef FROM_RSP\n#error the response file was not read\n#endif\n#include "
                           "\"lib.h\"\nint lib_value() { return FROM_RSP; }\n");
  write("build/lib.rsp", "-DFROM_RSP=7 \"-I../src/lib\"\n");
  database(R"([{"directory": ")" + (root_ / "build").string() +
           R"(", "file": "../src/lib/lib.cpp", "command": "c++ @lib.rsp -c ../src/lib/lib.cpp"},
               {"directory": ")" + root_.string() +
           R"(", "file": "src/app/main.cpp", "arguments": ["c++", "-I.", "@build/missing.rsp", "-c", "src/app/main.cpp"]}])");
  auto r = seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "seam: warning: " + db() + ": entry 1: response file " + (root_ / "build/missing.rsp").string() +
                       " cannot be read; @build/missing.rsp left out\n");
  EXPECT_EQ(edges(r), std::set<std::string>{"app->lib"});
  auto scan = seam({"scan", "-q"});
  EXPECT_NE(scan.out.find("translation units  2 ok, 0 failed"), std::string::npos) << scan.out << scan.err;
}

TEST_F(BadCompDb, FlagsOnlyGccKnowsAreDropped) {
  // Known GCC-only flags go silently (none changes a parse); flags the Clang
  // driver does not know at all are dropped with a warning naming the entry.
  database("[\n" + entry("src/lib/lib.cpp",
                         "g++ -I. -fconserve-stack -fno-var-tracking-assignments -fipa-pta -fno-tree-vrp "
                         "-fstack-reuse=all -flto=8 -fdiagnostics-format=json -Wlogical-op -fmax-errors=5") +
           ",\n" + entry("src/app/main.cpp", "g++ -I. -fplan9-extensions -flto-odr-type-merging") + "\n]");
  auto r = seam({"scan", "-q"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err,
            "seam: warning: compile_commands.json entry 1 (src/app/main.cpp): dropped -fplan9-extensions: not a flag "
            "clang knows\n"
            "seam: warning: compile_commands.json entry 1 (src/app/main.cpp): dropped -flto-odr-type-merging: not a "
            "flag clang knows\n");
  EXPECT_NE(r.out.find("translation units  2 ok, 0 failed"), std::string::npos) << r.out;
}

TEST_F(BadCompDb, CFilesAndDashXCBesideCpp) {
  // lib is C: `class` and `new` are plain names there, so a C++ parse would
  // fail. table.inc is C only because of -x c. app (C++) calls lib through
  // an extern "C" header: one module edge across the languages.
  write("src/lib/lib.h",
        "#pragma once\n#ifdef __cplusplus\nextern \"C\" {\n#endif\nint lib_value(void);\nint table_size(void);\n"
        "#ifdef __cplusplus\n}\n#endif\n");
  write("src/lib/lib.c", "#include \"lib.h\"\nint lib_value(void) { int class = 1, new = 2; return class + new; }\n");
  write("src/lib/table.inc", "#include \"lib.h\"\nint table_size(void) { int class = 3; return class; }\n");
  database(R"([{"directory": ")" + root_.string() +
           R"(", "file": "src/lib/lib.c", "command": "cc -std=gnu11 -c src/lib/lib.c"},
               {"directory": ")" + root_.string() +
           R"(", "file": "src/lib/table.inc", "command": "gcc -x c -std=c11 -c src/lib/table.inc"},)" + "\n" +
           entry("src/app/main.cpp") + "]");
  write("src/app/main.cpp", "#include \"src/lib/lib.h\"\nint main() { return lib_value() + table_size(); }\n");
  auto r = seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto g = nlohmann::json::parse(r.out);
  ASSERT_EQ(g["edges"].size(), 1u) << g.dump();
  EXPECT_EQ(g["edges"][0]["from"], "app");
  EXPECT_EQ(g["edges"][0]["to"], "lib");
  EXPECT_EQ(g["edges"][0]["kinds"]["call"], 2) << g.dump();
  auto scan = seam({"scan", "-q"});
  EXPECT_NE(scan.out.find("translation units  3 ok, 0 failed"), std::string::npos) << scan.out << scan.err;
}

TEST_F(BadCompDb, AHeaderListedAsATranslationUnitAddsNothingTwice) {
  database("[\n" + good_entries() + "\n]");
  auto plain = seam({"graph", "--format", "json", "-q", "--no-cache"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  // Some generators list headers (with -x c++-header, or without).
  database("[\n" + entry("src/lib/lib.h", "c++ -x c++-header -I.") + ",\n" + good_entries() + ",\n" +
           entry("src/app/extra.h", "c++ -I.") + "\n]");
  write("src/app/extra.h", "#pragma once\n#include \"src/lib/lib.h\"\n");
  auto r = seam({"graph", "--format", "json", "-q", "--no-cache"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(edges(r), std::set<std::string>{"app->lib"});
  auto g = nlohmann::json::parse(r.out), before = nlohmann::json::parse(plain.out);
  // The same symbols and lines; app gains only extra.h.
  for (size_t n = 0; n < g["nodes"].size(); ++n) {
    if (g["nodes"][n]["id"] == "lib") EXPECT_EQ(g["nodes"][n], before["nodes"][n]);
  }
  auto scan = seam({"scan", "-q", "--no-cache"});
  EXPECT_NE(scan.out.find("translation units  4 ok, 0 failed"), std::string::npos) << scan.out << scan.err;
  EXPECT_NE(scan.out.find("symbols            2\n"), std::string::npos) << scan.out;
}

TEST_F(BadCompDb, HundredThousandEntriesAreAllRead) {
  // 99,998 entries name real files outside the project root (a monorepo's
  // database used from one project): every one is read, checked and counted;
  // the two of the project are parsed.
  const fs::path other = base_ / "other";
  fs::create_directories(other);
  const size_t kOutside = 99998;
  std::string text = "[\n" + good_entries();
  text.reserve(kOutside * 160);
  for (size_t i = 0; i < kOutside; ++i) {
    const std::string name = (other / ("f" + std::to_string(i) + ".cpp")).string();
    int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0) << name;
    ::close(fd);
    text += ",\n{\"directory\": \"" + other.string() + "\", \"file\": \"" + name +
            "\", \"command\": \"c++ -O2 -DNDEBUG -Iinclude -c " + name + "\"}";
  }
  text += "\n]\n";
  database(text);
  auto r = seam({"scan"});
  ASSERT_EQ(r.status, 0) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("seam: note: 99998 translation units outside the project root " + root_.string() + " skipped"),
            std::string::npos)
      << r.err.substr(0, 2000);
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err.substr(0, 2000);
  EXPECT_NE(r.out.find("translation units  2 ok, 0 failed"), std::string::npos) << r.out;
}

} // namespace
} // namespace seam
