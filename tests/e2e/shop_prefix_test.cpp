// End to end: the precompiled prefix (docs/performance.md) on the shop sample.
// A cold scan with it and one with --no-prefix leave byte-identical fact
// shards in their caches and print byte-identical JSON; the prefix is built
// and kept in the cache's prefix/ folder.
#include "support/sample_copy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace seam {
namespace {

namespace fs = std::filesystem;

/// Every fact shard of a cache: relative name -> bytes.
std::map<std::string, std::string> shards(const std::string& cache) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(cache))
    if (e.is_regular_file() && e.path().extension() == ".facts")
      out[fs::relative(e.path(), cache).string()] = test::slurp(e.path().string());
  return out;
}

std::string outputs(const test::SampleCopy& shop, const std::string& cache) {
  std::string all;
  for (const char* cmd : {"graph", "cycles", "metrics", "candidates", "check"}) {
    test::RunResult r = shop.seam({cmd, "--format", "json", "-q", "--cache", cache});
    EXPECT_TRUE(r.status == 0 || r.status == 1) << cmd << ": " << r.err;
    all += std::string("== ") + cmd + "\n" + r.out;
  }
  return all;
}

TEST(ShopPrefix, PrefixedAndWholeParsesLeaveTheSameFacts) {
  test::SampleCopy shop("shop");
  ASSERT_TRUE(shop.has_db()) << "the samples fixture did not configure shop";
  const std::string with = shop.base() + "/cache-prefix", without = shop.base() + "/cache-whole";
  test::RunResult a = shop.seam({"scan", "--cache", with});
  ASSERT_EQ(a.status, 0) << a.err;
  test::RunResult b = shop.seam({"scan", "--no-prefix", "--cache", without});
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_NE(a.out.find("17 parsed"), std::string::npos) << a.out;
  // The summary says how far the prefix reached, and that --no-prefix had none.
  EXPECT_NE(a.out.find("\nprecompiled prefix "), std::string::npos) << a.out;
  EXPECT_NE(a.out.find(" of 17 parsed TUs used one of "), std::string::npos) << a.out;
  EXPECT_NE(b.out.find("\nprecompiled prefix not used (--no-prefix)\n"), std::string::npos) << b.out;

  size_t pchs = 0;
  for (const auto& e : fs::directory_iterator(with + "/prefix")) pchs += e.path().extension() == ".pch";
  EXPECT_GT(pchs, 0u) << "no precompiled prefix was built for shop";
  EXPECT_FALSE(fs::exists(without + "/prefix"));

  const auto sa = shards(with), sb = shards(without);
  EXPECT_GT(sa.size(), 10u);
  EXPECT_EQ(sa, sb);
  EXPECT_EQ(outputs(shop, with), outputs(shop, without));
}

} // namespace
} // namespace seam
