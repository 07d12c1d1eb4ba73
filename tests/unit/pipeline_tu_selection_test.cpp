// Which translation units are the project's: the root, "exclude" and
// vendored-code policies of the pipeline, on literal compile databases.
#include "analyzers/pipeline/tu_selection.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using pipeline::DiagnosticLog;
using pipeline::Level;

CompileDb db_of(std::initializer_list<const char*> files) {
  CompileDb db;
  for (const char* f : files) {
    CompileCommand c;
    c.file = f;
    c.directory = "/p";
    c.arguments = {"c++", "-c", f};
    db.commands.push_back(c);
  }
  return db;
}

TEST(PipelineTuSelection, KeepsTusUnderTheRootAndNotExcluded) {
  pipeline::TuSelection s = pipeline::select_tus(
      db_of({"/p/src/a.cpp", "/q/other.cpp", "/p/third_party/z/z.cpp", "/p/src/b.cpp", "/pp/src/c.cpp"}), "/p",
      {"third_party/**"});
  EXPECT_EQ(s.rel_files, (std::vector<std::string>{"src/a.cpp", "src/b.cpp"}));
  ASSERT_EQ(s.db.commands.size(), 2u);
  EXPECT_EQ(s.db.commands[1].file, "/p/src/b.cpp") << "commands stay parallel to rel_files";
  EXPECT_EQ(s.outside, 2u) << "/q and /pp are outside /p (a prefix of the name is not a folder)";
  EXPECT_EQ(s.excluded, 1u);
}

class PipelineLoadTus : public test::TempTreeTest {
protected:
  PipelineLoadTus() : TempTreeTest("seam-pipeline-tus") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "proj";
  }
  /// compile_commands.json under build/ with one entry per root-relative
  /// file ("../x" is outside the root), each written as an empty source.
  std::string database(std::initializer_list<std::string> files) {
    std::string json = "[";
    for (const std::string& f : files) {
      std::string path = f.rfind("../", 0) == 0 ? (base_ / f.substr(3)).string() : (root_ / f).string();
      write(path, "");
      json += std::string(json.size() > 1 ? "," : "") + "{\"directory\":\"" + root_.string() + "\",\"file\":\"" +
              path + "\",\"command\":\"c++ -c " + path + "\"}";
    }
    write("build/compile_commands.json", json + "]");
    return (root_ / "build").string();
  }
};

TEST_F(PipelineLoadTus, NotesSayWhatWasSkippedAndWhy) {
  pipeline::Request r;
  r.compile_db_dir = database({"src/a.cpp", "gen/x.cpp", "../elsewhere/y.cpp"});
  DiagnosticLog log;
  auto tus = pipeline::load_tus(r, root_.string(), {"gen/**"}, log.sink());
  ASSERT_TRUE(tus) << dump(log);
  EXPECT_EQ(tus->rel_files, std::vector<std::string>{"src/a.cpp"});
  EXPECT_EQ(tus->db_path, root_.string() + "/build/compile_commands.json");
  EXPECT_EQ(log.texts(Level::Note),
            (std::vector<std::string>{"1 translation unit outside the project root " + root_.string() +
                                          " skipped (the root is the folder of seam.json, else the current folder)",
                                      "1 translation unit excluded by \"exclude\""}));
  EXPECT_TRUE(log.texts(Level::Error).empty());
}

TEST_F(PipelineLoadTus, NothingLeftIsAnErrorNamingTheRoot) {
  pipeline::Request r;
  r.compile_db_dir = database({"../elsewhere/y.cpp"});
  DiagnosticLog log;
  auto tus = pipeline::load_tus(r, root_.string(), {}, log.sink());
  ASSERT_FALSE(tus);
  EXPECT_EQ(tus.status(), 2);
  ASSERT_EQ(log.texts(Level::Error).size(), 1u);
  EXPECT_NE(log.texts(Level::Error)[0].find("no translation unit of the project root " + root_.string()),
            std::string::npos);
}

TEST_F(PipelineLoadTus, NoDatabaseIsAnError) {
  pipeline::Request r;
  r.compile_db_dir = (base_ / "nowhere").string();
  DiagnosticLog log;
  auto tus = pipeline::load_tus(r, root_.string(), {}, log.sink());
  EXPECT_FALSE(tus);
  EXPECT_EQ(log.all.size(), 1u);
  EXPECT_EQ(log.all[0].level, Level::Error);
}

TEST_F(PipelineLoadTus, VendoredFoldersAreLeftOutWithTheirGlobAndWhy) {
  pipeline::Request r;
  r.compile_db_dir = database({"src/a.cpp", "third_party/zlib/inflate.c", "third_party/zlib/deflate.c"});
  DiagnosticLog log;
  auto tus = pipeline::load_tus(r, root_.string(), {}, log.sink());
  ASSERT_TRUE(tus) << dump(log);
  auto globs = pipeline::leave_out_vendored(*tus, root_.string(), log.sink());
  EXPECT_EQ(tus->rel_files, std::vector<std::string>{"src/a.cpp"});
  ASSERT_EQ(tus->db.commands.size(), 1u);
  ASSERT_EQ(globs.size(), 1u);
  EXPECT_EQ(globs[0].first, "third_party/**");
  EXPECT_EQ(globs[0].second, "vendored: a third_party/ folder");
  EXPECT_EQ(log.texts(Level::Note).back(),
            "left out vendored code (third_party), 2 translation units, like system headers; a seam.json module "
            "listing it brings it back");
}

} // namespace
} // namespace seam
