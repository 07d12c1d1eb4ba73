// Merging the bundles of `seam scan --shard K/N`: every record kept once, and
// for a file several parts indexed, the facts of the lowest-ranked TU (the
// ones a single machine keeps), whatever the order of the bundles.
#include "analyzers/cache/bundle_merge.h"
#include "analyzers/cache/fact_store.h"
#include "analyzers/core/output.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace seam {
namespace {

namespace fs = std::filesystem;

TuRecord record(const std::string& main, uint64_t key_seed, std::vector<std::string> files) {
  TuRecord r;
  r.key_text = main + "#" + std::to_string(key_seed);
  r.id = TuId{main, fast_hash(r.key_text)};
  r.parsed_at_ns = 100;
  for (const std::string& f : files) r.files.push_back(FileStamp{f, false, 10, fast_hash(f), 50, 1});
  return r;
}

/// The shard of `path` as indexed by `producer`; `marker` stands for what
/// that TU saw (a header whose facts depend on the includer).
FileShard shard(const std::string& path, const TuId& producer, const std::string& marker) {
  FileShard s;
  s.producer = producer;
  s.facts.files.push_back(FileFact{path, false, 10, fast_hash(path)});
  SymbolFact sym;
  sym.usr = "c:@" + marker;
  sym.name = marker;
  sym.decl = sym.def = Loc{0, 1, 1};
  s.facts.symbols.push_back(sym);
  return s;
}

/// Three parts of a project of four TUs; the common header is indexed by the
/// first TU of each part that reads it.
std::vector<Bundle> parts() {
  TuRecord a = record("src/a.cpp", 1, {"src/a.cpp", "src/common.h"});
  TuRecord b = record("src/b.cpp", 1, {"src/b.cpp", "src/common.h"});
  TuRecord c = record("src/c.cpp", 1, {"src/c.cpp", "src/common.h"});
  TuRecord d = record("src/d.cpp", 1, {"src/d.cpp"});
  Bundle p1{{a}, {shard("src/a.cpp", a.id, "a"), shard("src/common.h", a.id, "common-as-seen-by-a")}};
  Bundle p2{{b, c}, {shard("src/b.cpp", b.id, "b"), shard("src/c.cpp", c.id, "c"),
                     shard("src/common.h", b.id, "common-as-seen-by-b")}};
  Bundle p3{{d}, {shard("src/d.cpp", d.id, "d")}};
  return {p1, p2, p3};
}

TEST(Shard, MergedBundlesKeepEveryRecordAndTheLowestRankedShard) {
  Bundle merged = merge_bundles(parts());
  ASSERT_EQ(merged.records.size(), 4u);
  EXPECT_EQ(merged.records[0].id.main_file, "src/a.cpp"); // rank order
  EXPECT_EQ(merged.records[3].id.main_file, "src/d.cpp");
  ASSERT_EQ(merged.shards.size(), 5u);
  for (const FileShard& s : merged.shards)
    if (s.path() == "src/common.h") EXPECT_EQ(s.facts.symbols[0].name, "common-as-seen-by-a");
}

TEST(Shard, TheOrderOfTheBundlesDoesNotMatter) {
  std::vector<Bundle> forward = parts(), backward = parts();
  std::reverse(backward.begin(), backward.end());
  EXPECT_EQ(encode_bundle(merge_bundles(std::move(forward))), encode_bundle(merge_bundles(std::move(backward))));
}

TEST(Shard, OverlappingPartsKeepOneRecordPerTu) {
  std::vector<Bundle> p = parts();
  p.push_back(p[1]); // the same part twice (a retried CI job)
  Bundle merged = merge_bundles(std::move(p));
  EXPECT_EQ(merged.records.size(), 4u);
  EXPECT_EQ(merged.shards.size(), 5u);
}

TEST(Shard, MergedFilesLandInTheCacheAndABadBundleIsRejected) {
  std::string tmpl = (fs::temp_directory_path() / "seam-shard-test-XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  std::vector<std::string> paths;
  std::string err;
  int k = 0;
  for (const Bundle& b : parts()) {
    paths.push_back(dir + "/part" + std::to_string(++k) + ".bundle");
    ASSERT_TRUE(write_file_atomic(paths.back(), encode_bundle(b), err)) << err;
  }
  MergeStats stats;
  ASSERT_TRUE(merge_bundle_files(paths, dir + "/cache", 0, stats, err)) << err;
  EXPECT_EQ(stats.bundles, 3u);
  EXPECT_EQ(stats.records, 4u);
  EXPECT_EQ(stats.shards, 5u);
  FactStore store;
  ASSERT_TRUE(store.open(dir + "/cache", err)) << err;
  TuRecord r;
  EXPECT_TRUE(store.load_record(record("src/c.cpp", 1, {}).id.key, r));
  EXPECT_EQ(r.id.main_file, "src/c.cpp");
  FileShard s;
  ASSERT_TRUE(store.load_shard("src/common.h", fast_hash("src/common.h"), s));
  EXPECT_EQ(s.facts.symbols[0].name, "common-as-seen-by-a");

  ASSERT_TRUE(write_file_atomic(dir + "/bad.bundle", "SEAMB not really", err));
  paths.push_back(dir + "/bad.bundle");
  EXPECT_FALSE(merge_bundle_files(paths, dir + "/cache2", 0, stats, err));
  EXPECT_NE(err.find("bad.bundle: not a seam facts bundle"), std::string::npos) << err;
  EXPECT_FALSE(merge_bundle_files({dir + "/missing.bundle"}, dir + "/cache2", 0, stats, err));
  EXPECT_NE(err.find("missing.bundle"), std::string::npos) << err;
  fs::remove_all(dir);
}

} // namespace
} // namespace seam
