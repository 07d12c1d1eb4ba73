// The fact stage's policies with a FactSource that needs no Clang: where the
// cache lives, that a default cache that cannot be used (a read-only build
// folder) is skipped with a note while a --cache one is an error, and that a
// source that cannot parse at all stops the run.
#include "analyzers/pipeline/fact_stage.h"
#include "support/fake_facts.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using pipeline::DiagnosticLog;
using pipeline::Level;

pipeline::TuSelection two_tus() {
  pipeline::TuSelection s;
  s.db_path = "/p/build/compile_commands.json";
  for (const char* f : {"src/a.cpp", "src/b.cpp"}) {
    CompileCommand c;
    c.file = std::string("/p/") + f;
    c.directory = "/p";
    s.db.commands.push_back(c);
    s.rel_files.push_back(f);
  }
  return s;
}

TEST(PipelineFacts, CacheFolderIsBesideTheDatabaseUnlessGivenOrOff) {
  pipeline::Request r;
  EXPECT_EQ(pipeline::cache_folder(r, "/p/build/compile_commands.json"), "/p/build/.seam-cache");
  r.cache = "/tmp/c";
  EXPECT_EQ(pipeline::cache_folder(r, "/p/build/compile_commands.json"), "/tmp/c");
  r.no_cache = true;
  EXPECT_EQ(pipeline::cache_folder(r, "/p/build/compile_commands.json"), "");
}

TEST(PipelineFacts, ReadOnlyDefaultCacheIsSkippedWithANote) {
  test::FakeFacts source;
  source.unusable_cache = "/p/build/.seam-cache";
  pipeline::Request r;
  DiagnosticLog log;
  auto facts = pipeline::gather_facts(r, "/p", two_tus(), source, log.sink());
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->tus.size(), 2u) << "the facts of both TUs, parsed without a cache";
  EXPECT_EQ(facts->cache_dir, "");
  EXPECT_EQ(source.scanned_with_cache, (std::vector<std::string>{"/p/build/.seam-cache", ""}));
  EXPECT_EQ(log.texts(Level::Note),
            std::vector<std::string>{"cannot create the fact cache /p/build/.seam-cache: Read-only file system; "
                                     "continuing without a fact cache (--cache DIR picks another place)"});
}

TEST(PipelineFacts, UnusableGivenCacheIsAnError) {
  test::FakeFacts source;
  source.unusable_cache = "/ro/cache";
  pipeline::Request r;
  r.cache = "/ro/cache";
  DiagnosticLog log;
  auto facts = pipeline::gather_facts(r, "/p", two_tus(), source, log.sink());
  ASSERT_FALSE(facts);
  EXPECT_EQ(facts.status(), 2);
  EXPECT_EQ(source.scanned_with_cache.size(), 1u) << "no second scan without the cache the user asked for";
  EXPECT_EQ(log.texts(Level::Error),
            std::vector<std::string>{"cannot create the fact cache /ro/cache: Read-only file system; pass another "
                                     "--cache DIR, or --no-cache"});
}

TEST(PipelineFacts, UsableCacheIsUsedAndReported) {
  test::FakeFacts source;
  pipeline::Request r;
  DiagnosticLog log;
  auto facts = pipeline::gather_facts(r, "/p", two_tus(), source, log.sink());
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->cache_dir, "/p/build/.seam-cache");
  EXPECT_TRUE(log.all.empty());
}

TEST(PipelineFacts, ASourceThatCannotParseStopsTheRun) {
  test::FakeFacts source;
  source.problem = "the Clang resource directory /x has no include/stddef.h";
  pipeline::Request r;
  DiagnosticLog log;
  auto facts = pipeline::gather_facts(r, "/p", two_tus(), source, log.sink());
  ASSERT_FALSE(facts);
  EXPECT_TRUE(source.scanned_with_cache.empty());
  EXPECT_EQ(log.texts(Level::Error), std::vector<std::string>{source.problem});
}

} // namespace
} // namespace seam
