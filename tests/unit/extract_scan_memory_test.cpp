// A cold scan's memory does not grow with the number of TUs it parses
// (analyzers/extract/fact_scan.cpp): with a cache, each parsed TU's file facts
// and record are let go once written and read back to merge, so the facts held
// at once follow the TUs in flight (-j), not the TUs parsed; the facts read back
// are byte for byte those kept in memory without a cache (--no-cache), where
// everything stays until the merge.
#include "analyzers/cache/codec.h"
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/paths.h"
#include "analyzers/extract/fact_scan.h"
#include "support/run.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace seam {
namespace {

namespace fs = std::filesystem;

struct Scanned {
  std::vector<std::string> tus; ///< per TU in rank order: main file and the encoded facts
  ScanResult result;
};

Scanned scan(const std::string& root, const std::string& cache, unsigned jobs) {
  CompileDb db;
  std::vector<std::string> warnings;
  std::string error;
  EXPECT_TRUE(load_compile_db(root + "/compile_commands.json", db, warnings, error)) << error;
  ScanOptions so;
  so.root = canonical_path(root);
  so.adjust.root = so.root;
  so.jobs = jobs;
  so.cache_dir = cache;
  std::string problem;
  so.adjust.resource_dir = default_resource_dir(problem);
  EXPECT_FALSE(so.adjust.resource_dir.empty()) << problem;
  Scanned s;
  EXPECT_TRUE(scan_facts(db, so, s.result, error)) << error;
  for (TuFacts& tu : s.result.tus) {
    FileFacts whole; // the codec's exact bytes for the whole TU
    whole.facts = tu;
    s.tus.push_back(tu.main_file + "\n" + encode_file_facts(whole));
  }
  return s;
}

class Folder {
public:
  explicit Folder(const char* name) {
    std::string tmpl = (fs::temp_directory_path() / (std::string(name) + "-XXXXXX")).string();
    path_ = mkdtemp(tmpl.data());
  }
  ~Folder() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

TEST(ExtractScanMemory, ACachedColdScanHoldsTheFactsOfTheTusInFlightNotOfEveryTu) {
  Folder gen("seam-scanmem-gen"), cache1("seam-scanmem-c1"), cache2("seam-scanmem-c2");
  test::RunResult r =
      test::run({SEAM_BENCH_GEN, "--modules", "4", "--files", "16", "--seed", "5", "-o", gen.path()}, gen.path());
  ASSERT_EQ(r.status, 0) << r.err;

  Scanned kept = scan(gen.path(), "", 2);             // --no-cache: everything until the merge
  Scanned serial = scan(gen.path(), cache1.path(), 1);
  Scanned parallel = scan(gen.path(), cache2.path(), 2);
  ASSERT_EQ(kept.tus.size(), 16u);
  ASSERT_EQ(serial.result.parsed, 16u);
  ASSERT_EQ(parallel.result.parsed, 16u);

  // Without a cache every produced file's facts and every record stay.
  EXPECT_EQ(kept.result.facts_held_peak, kept.result.files_indexed);
  EXPECT_EQ(kept.result.records_held_peak, 16u);
  EXPECT_GT(kept.result.files_indexed, 16u);

  // With a cache, each file's facts are let go as soon as written: one file
  // and one record per TU in flight at most.
  EXPECT_EQ(serial.result.facts_held_peak, 1u);
  EXPECT_EQ(serial.result.records_held_peak, 1u);
  EXPECT_GE(parallel.result.facts_held_peak, 1u);
  EXPECT_LE(parallel.result.facts_held_peak, 2u);
  EXPECT_LE(parallel.result.records_held_peak, 2u);

  // The facts read back from the cache are those kept in memory, byte for byte.
  EXPECT_EQ(serial.tus, kept.tus);
  EXPECT_EQ(parallel.tus, kept.tus);
  // And those of the warm run that follows.
  Scanned warm = scan(gen.path(), cache2.path(), 2);
  EXPECT_EQ(warm.result.parsed, 0u);
  EXPECT_EQ(warm.tus, kept.tus);
}

} // namespace
} // namespace seam
