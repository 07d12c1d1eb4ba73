// `seam cc`'s stage with a FactSource that needs no Clang: the project root is
// the folder of the nearest seam.json above the source (or the one given), a
// source outside it is left alone, the default cache is .seam-cache where the
// compiler ran, and the one command is scanned as a launcher (one job, the
// cache written as one of many), its facts for the cache only.
#include "analyzers/pipeline/one_command_stage.h"
#include "support/fake_facts.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

class PipelineOneCommand : public test::TempTreeTest {
protected:
  PipelineOneCommand() : TempTreeTest("seam-one-command") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "proj";
    write("seam.json", "{}");
    write("src/a.cpp", "int a() { return 1; }\n");
    write("build/.keep", "");
  }

  pipeline::OneCommand compile_in_build(const std::string& source) {
    pipeline::OneCommand c;
    c.directory = (root_ / "build").string();
    c.source = source;
    c.arguments = {"g++", "-Iinclude", "-c", source, "-o", "a.o"};
    return c;
  }
};

TEST_F(PipelineOneCommand, ScansTheCommandAsALauncherUnderTheNearestSeamJson) {
  test::FakeFacts source;
  std::vector<std::string> warnings;
  EXPECT_EQ(pipeline::cache_one_command(compile_in_build("../src/a.cpp"), source, warnings), "");
  ASSERT_EQ(source.scanned_with_cache.size(), 1u);
  const ScanOptions& so = source.last_options;
  EXPECT_EQ(so.root, root_.string());
  EXPECT_EQ(so.adjust.root, root_.string());
  EXPECT_EQ(so.cache_dir, (root_ / "build" / ".seam-cache").string()); // where the compiler ran
  EXPECT_TRUE(so.launcher);
  EXPECT_EQ(so.jobs, 1u);
  EXPECT_TRUE(static_cast<bool>(so.on_tu)); // facts for the cache only, not kept
  ASSERT_EQ(source.last_commands.size(), 1u);
  EXPECT_EQ(source.last_commands[0].file, (root_ / "src/a.cpp").string());
  EXPECT_EQ(source.last_commands[0].directory, (root_ / "build").string());
  EXPECT_EQ(source.last_commands[0].arguments.front(), "g++");
}

TEST_F(PipelineOneCommand, GivenConfigAndCacheWin) {
  write(base_ / "elsewhere/seam.json", "{}");
  test::FakeFacts source;
  std::vector<std::string> warnings;
  pipeline::OneCommand c = compile_in_build("../src/a.cpp");
  c.config = (base_ / "elsewhere/seam.json").string();
  c.cache = (base_ / "cache").string();
  // The source is outside the given config's folder: not seam's to analyse.
  EXPECT_EQ(pipeline::cache_one_command(c, source, warnings), "");
  EXPECT_TRUE(source.scanned_with_cache.empty());

  c.config = (root_ / "seam.json").string();
  EXPECT_EQ(pipeline::cache_one_command(c, source, warnings), "");
  ASSERT_EQ(source.scanned_with_cache.size(), 1u);
  EXPECT_EQ(source.scanned_with_cache[0], (base_ / "cache").string());
}

TEST_F(PipelineOneCommand, NoSeamJsonAboveSaysWhatToDo) {
  write(base_ / "loose/b.cpp", "int b;\n");
  test::FakeFacts source;
  std::vector<std::string> warnings;
  pipeline::OneCommand c = compile_in_build((base_ / "loose/b.cpp").string());
  const std::string why = pipeline::cache_one_command(c, source, warnings);
  EXPECT_NE(why.find("no seam.json in the folders above " + (base_ / "loose/b.cpp").string()), std::string::npos)
      << why;
  EXPECT_NE(why.find("--config"), std::string::npos) << why;
  EXPECT_TRUE(source.scanned_with_cache.empty());
}

TEST_F(PipelineOneCommand, ASourceThatCannotParseSaysWhy) {
  test::FakeFacts source;
  source.problem = "no stddef.h in /nowhere/include";
  std::vector<std::string> warnings;
  EXPECT_EQ(pipeline::cache_one_command(compile_in_build("../src/a.cpp"), source, warnings),
            "no stddef.h in /nowhere/include");
  EXPECT_TRUE(source.scanned_with_cache.empty());
}

TEST_F(PipelineOneCommand, AnUnusableCacheIsAnError) {
  test::FakeFacts source;
  source.unusable_cache = (base_ / "ro").string();
  std::vector<std::string> warnings;
  pipeline::OneCommand c = compile_in_build("../src/a.cpp");
  c.cache = source.unusable_cache;
  EXPECT_NE(pipeline::cache_one_command(c, source, warnings).find("Read-only file system"), std::string::npos);
}

} // namespace
} // namespace seam
