// The front of the pipeline wired end to end (config -> TUs -> facts ->
// Project) with facts written by hand instead of Clang: the project root is
// the folder of seam.json, else the current folder; without seam.json
// vendored code is left out and modules are inferred; --strict stops.
#include "analyzers/pipeline/load_project.h"
#include "support/facts_builder.h"
#include "support/fake_facts.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace seam {
namespace {

using pipeline::DiagnosticLog;
using pipeline::Level;

class PipelineLoad : public test::TempTreeTest {
protected:
  PipelineLoad() : TempTreeTest("seam-pipeline-load") {}

  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_;
    char buf[4096];
    ASSERT_NE(getcwd(buf, sizeof buf), nullptr);
    old_cwd_ = buf;
    // The pipeline reads ./seam.json and ./build/compile_commands.json, as the CLI does.
    ASSERT_EQ(chdir(root_.c_str()), 0);
    std::string json = "[";
    for (const char* f : {"src/app/main.cpp", "src/core/core.cpp", "third_party/zlib/zlib.c"}) {
      write(f, "");
      json += std::string(json.size() > 1 ? "," : "") + "{\"directory\":\"" + root_.string() + "\",\"file\":\"" +
              root_.string() + "/" + f + "\",\"command\":\"c++ -c " + f + "\"}";
    }
    write("build/compile_commands.json", json + "]");
    test::TuBuilder t;
    t.tu.main_file = "src/app/main.cpp";
    t.ref("src/app/main.cpp", 3, "core::run", "src/core/core.cpp");
    source_.facts["src/app/main.cpp"] = t.tu;
    source_.facts["third_party/zlib/zlib.c"].main_file = "third_party/zlib/zlib.c";
  }
  void TearDown() override {
    ASSERT_EQ(chdir(old_cwd_.c_str()), 0);
    TempTreeTest::TearDown();
  }

  std::vector<std::string> module_names(const Project& p) {
    std::vector<std::string> out;
    for (const Module& m : p.modules) out.push_back(m.name);
    return out;
  }

  std::string old_cwd_;
  test::FakeFacts source_;
  DiagnosticLog log_;
};

TEST_F(PipelineLoad, WithoutSeamJsonVendoredCodeIsLeftOutAndModulesInferred) {
  auto loaded = pipeline::load_project(pipeline::Request{}, source_, log_.sink());
  ASSERT_TRUE(loaded) << dump(log_);
  EXPECT_FALSE(loaded->config_found);
  EXPECT_EQ(loaded->project.root, root_.string());
  EXPECT_EQ(module_names(loaded->project), (std::vector<std::string>{"app", "core"}));
  EXPECT_EQ(loaded->stats.tus, 2u) << "zlib.c is not parsed";
  EXPECT_EQ(loaded->stats.compile_db, root_.string() + "/build/compile_commands.json");
  EXPECT_EQ(loaded->stats.cache_dir, root_.string() + "/build/.seam-cache");
  std::vector<std::string> notes = log_.texts(Level::Note);
  ASSERT_GE(notes.size(), 2u);
  EXPECT_EQ(notes[0].rfind("left out vendored code (third_party), 1 translation unit", 0), 0u) << notes[0];
  EXPECT_EQ(notes[1].rfind("no seam.json: inferred 2 modules from the folder layout (app, core)", 0), 0u) << notes[1];
}

TEST_F(PipelineLoad, SeamJsonDeclaresTheModulesAndItsExcludeDropsTus) {
  write("seam.json", R"({"modules": [{"name": "app", "paths": ["src/app/**"]},
                                    {"name": "core", "paths": ["src/core/**"]},
                                    {"name": "zlib", "paths": ["third_party/zlib/**"]}]})");
  auto loaded = pipeline::load_project(pipeline::Request{}, source_, log_.sink());
  ASSERT_TRUE(loaded) << dump(log_);
  EXPECT_TRUE(loaded->config_found);
  EXPECT_EQ(module_names(loaded->project), (std::vector<std::string>{"app", "core", "zlib"}))
      << "a module listing vendored code brings it back";
  EXPECT_EQ(loaded->stats.tus, 3u);

  write("seam.json", R"({"modules": [{"name": "app", "paths": ["src/app/**"]},
                                    {"name": "core", "paths": ["src/core/**"]}],
                        "exclude": ["third_party/**"]})");
  log_.all.clear();
  loaded = pipeline::load_project(pipeline::Request{}, source_, log_.sink());
  ASSERT_TRUE(loaded) << dump(log_);
  EXPECT_EQ(loaded->stats.tus, 2u);
  ASSERT_FALSE(log_.texts(Level::Note).empty());
  EXPECT_EQ(log_.texts(Level::Note)[0], "1 translation unit excluded by \"exclude\"");
}

TEST_F(PipelineLoad, InvalidSeamJsonStopsBeforeAnythingIsRead) {
  write("seam.json", R"({"modules": [{"name": "app", "paths": 3}]})");
  auto loaded = pipeline::load_project(pipeline::Request{}, source_, log_.sink());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.status(), 2);
  EXPECT_TRUE(source_.scanned_with_cache.empty());
  ASSERT_FALSE(log_.texts(Level::Line).empty());
  EXPECT_EQ(log_.texts(Level::Line)[0].rfind("seam.json:1:", 0), 0u) << log_.texts(Level::Line)[0];
  EXPECT_EQ(log_.texts(Level::Error), std::vector<std::string>{"seam.json: 1 problem in the config; nothing was analysed"});
}

TEST_F(PipelineLoad, StrictStopsOnATuThatFailedToParse) {
  TuFacts& bad = source_.facts["src/core/core.cpp"];
  bad.main_file = "src/core/core.cpp";
  bad.ok = false;
  bad.first_error = "src/core/core.cpp:2:1: expected ';'";
  bad.error_count = 1;
  pipeline::Request r;
  auto lenient = pipeline::load_project(r, source_, log_.sink());
  ASSERT_TRUE(lenient) << dump(log_);
  EXPECT_EQ(lenient->stats.failed, 1u);
  r.strict = true;
  auto strict = pipeline::load_project(r, source_, log_.sink());
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.status(), 2);
  EXPECT_EQ(log_.texts(Level::Error).back(), "1 translation unit failed to parse (--strict)");
}

TEST_F(PipelineLoad, ConfigElsewhereMakesItsFolderTheRoot) {
  write("sub/seam.json", R"({"modules": [{"name": "lib", "paths": ["**"]}]})");
  pipeline::Request r;
  r.config = "sub/seam.json";
  auto loaded = pipeline::load_project(r, source_, log_.sink());
  ASSERT_FALSE(loaded) << "no TU of the compile database is under sub/";
  std::vector<std::string> errors = log_.texts(Level::Error);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("no translation unit of the project root " + root_.string() + "/sub"), std::string::npos)
      << errors[0];
  EXPECT_EQ(log_.texts(Level::Note)[0].rfind("3 translation units outside the project root", 0), 0u);
}

} // namespace
} // namespace seam
