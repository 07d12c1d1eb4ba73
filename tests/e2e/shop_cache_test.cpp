// End to end: the fact cache, the parse shortcuts and sharding on the shop
// sample. Every run with a cache, without one, with the shortcuts off, after
// edits, interrupted, concurrent or merged from shards must print exactly what
// a cold run prints; and a re-run parses only the TUs whose files changed.
#include "analyzers/cache/codec.h"
#include "support/run.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <thread>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;

/// A private copy of the sample (so edits never touch the source tree or
/// other tests) with its own compile database and cache.
class ShopCopy {
public:
  ShopCopy() {
    std::string tmpl = (fs::temp_directory_path() / "seam-shop-cache-XXXXXX").string();
    root_ = mkdtemp(tmpl.data());
    fs::copy(test::sample_dir("shop"), root_, fs::copy_options::recursive);
    fs::remove_all(root_ + "/build");
    fs::create_directories(root_ + "/build");
    // The fixture's database with the sources moved here.
    std::string db = test::slurp(test::sample_build("shop") + "/compile_commands.json");
    EXPECT_FALSE(db.empty()) << "the samples fixture did not configure shop";
    const std::string from = test::sample_dir("shop");
    for (size_t at = db.find(from); at != std::string::npos; at = db.find(from, at + root_.size()))
      db.replace(at, from.size(), root_);
    std::ofstream(root_ + "/build/compile_commands.json") << db;
  }
  ~ShopCopy() { fs::remove_all(root_); }

  const std::string& root() const { return root_; }
  std::string cache() const { return root_ + "/build/.seam-cache"; }

  /// seam ARGS -p <copy>/build -j 2, in the copy, with extra environment.
  RunResult seam(std::vector<std::string> args, const std::string& env = "") const {
    std::vector<std::string> argv;
    if (!env.empty()) argv = {"env", env};
    argv.push_back(SEAM_EXE);
    argv.insert(argv.end(), args.begin(), args.end());
    for (const char* a : {"-p", "build", "-j", "2"}) argv.push_back(a);
    return run(argv, root_);
  }

  void append(const std::string& rel, const std::string& text) const {
    std::ofstream(root_ + "/" + rel, std::ios::app) << text;
  }
  void touch(const std::string& rel) const {
    fs::last_write_time(root_ + "/" + rel, fs::last_write_time(root_ + "/" + rel) + std::chrono::seconds(5));
  }

private:
  std::string root_;
};

/// "(P parsed, C from cache)" of `seam scan`.
std::pair<int, int> parsed_and_cached(const RunResult& r) {
  std::smatch m;
  static const std::regex re(R"(\((\d+) parsed, (\d+) from cache\))");
  if (!std::regex_search(r.out, m, re)) return {-1, -1};
  return {std::stoi(m[1]), std::stoi(m[2])};
}

/// Every JSON output that reflects the facts: module graph, cycles, candidates
/// (interfaces, blockers with sites), check (violations with sites).
std::string outputs(const ShopCopy& shop, const std::vector<std::string>& extra = {}, const std::string& env = "") {
  std::string all;
  for (std::vector<std::string> cmd : std::vector<std::vector<std::string>>{
           {"graph", "--format", "json"}, {"cycles", "--format", "json"}, {"metrics", "--format", "json"},
           {"candidates", "--format", "json"}, {"check", "--format", "json"}}) {
    cmd.push_back("-q");
    cmd.insert(cmd.end(), extra.begin(), extra.end());
    RunResult r = shop.seam(cmd, env);
    EXPECT_TRUE(r.status == 0 || (cmd[0] == "check" && r.status == 1)) << cmd[0] << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << cmd[0];
    all += "== " + cmd[0] + "\n" + r.out;
  }
  return all;
}

/// outputs() of a cold run into a cache of its own (the first command parses,
/// the others read that cache): a cold result at the cost of one parse.
std::string cold_outputs(const ShopCopy& shop, const std::string& tag, const std::string& env = "") {
  std::string dir = shop.root() + "/cold-cache-" + tag;
  fs::remove_all(dir);
  return outputs(shop, {"--cache", dir}, env);
}

TEST(ShopCache, ColdWarmAndNoCacheRunsPrintTheSameBytes) {
  ShopCopy shop;
  RunResult cold = shop.seam({"scan"});
  ASSERT_EQ(cold.status, 0) << cold.err;
  EXPECT_EQ(parsed_and_cached(cold), std::make_pair(17, 0)) << cold.out;
  EXPECT_NE(cold.out.find("17 ok, 0 failed"), std::string::npos) << cold.out;
  RunResult warm = shop.seam({"scan"});
  ASSERT_EQ(warm.status, 0) << warm.err;
  EXPECT_EQ(parsed_and_cached(warm), std::make_pair(0, 17)) << warm.out;
  // The summary lines other than time are the same.
  // The wall time and the precompiled prefix's line (about the TUs this run
  // parsed: none when warm) are the run's, not the project's.
  auto strip_time = [](std::string s) {
    return std::regex_replace(s, std::regex("time +[0-9.]+ s\n|precompiled prefix [^\n]*\n"), "");
  };
  EXPECT_EQ(std::regex_replace(strip_time(cold.out), std::regex("\\(.*from cache\\)"), ""),
            std::regex_replace(strip_time(warm.out), std::regex("\\(.*from cache\\)"), ""));

  const std::string from_cache = outputs(shop);
  const std::string no_cache = outputs(shop, {"--no-cache"});
  EXPECT_EQ(from_cache, no_cache);
  RunResult nc = shop.seam({"scan", "--no-cache"});
  EXPECT_EQ(parsed_and_cached(nc), std::make_pair(17, 0)) << nc.out;
}

TEST(ShopCache, ACacheOfAnotherSeamBuildIsNamedWhenEveryTuIsParsedAgain) {
  // A new seam version (or a rebuilt extractor) reads none of the facts an
  // older one cached: the scan says why it parsed everything, once.
  ShopCopy shop;
  ASSERT_EQ(shop.seam({"scan"}).status, 0);
  std::string mine;
  for (const auto& e : fs::directory_iterator(shop.cache()))
    if (e.is_directory() && e.path().filename().string()[0] == 'v') mine = e.path().filename().string();
  ASSERT_FALSE(mine.empty());
  fs::rename(shop.cache() + "/" + mine, shop.cache() + "/v1-0123456789abcdef"); // as an older seam left it
  RunResult first = shop.seam({"scan"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(parsed_and_cached(first), std::make_pair(17, 0)) << first.out;
  EXPECT_NE(first.err.find("held only facts of other seam builds (folder v1-0123456789abcdef), which this build "
                           "cannot read, so every TU was parsed"),
            std::string::npos)
      << first.err;
  RunResult again = shop.seam({"scan"});
  EXPECT_EQ(parsed_and_cached(again), std::make_pair(0, 17)) << again.out;
  EXPECT_EQ(again.err.find("other seam builds"), std::string::npos) << again.err;
}

TEST(ShopCache, AWarmRunLoadsNoClangAndAColdOneNamesWhereItLookedForIt) {
  // The parser is libseam-clang.so, loaded when a run first parses a TU
  // (docs/install.md). A run that parses nothing never loads it: with the
  // library out of reach every command of a warm cache prints what it prints
  // with it. A run that must parse stops with exit 2 and the path it tried.
  ShopCopy shop;
  const std::string away = "SEAM_CLANG_LIBRARY=" + shop.root() + "/gone/libseam-clang.so";
  RunResult cold = shop.seam({"scan"}, away);
  EXPECT_EQ(cold.status, 2) << cold.out;
  EXPECT_NE(cold.err.find("seam: error: seam needs libseam-clang.so to parse and found none (looked for " +
                          shop.root() + "/gone/libseam-clang.so)"),
            std::string::npos)
      << cold.err;
  ASSERT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(17, 0));
  EXPECT_EQ(outputs(shop, {}, away), outputs(shop));

  // The binary copied without its library: the two places it looks, named.
  const std::string alone = shop.root() + "/bin-alone";
  fs::create_directories(alone);
  fs::copy_file(SEAM_EXE, alone + "/seam");
  RunResult r = run({alone + "/seam", "scan", "-p", "build", "--no-cache"}, shop.root());
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.err.find("(looked for " + alone + "/libseam-clang.so, " + shop.root() + "/lib/seam/libseam-clang.so)"),
            std::string::npos)
      << r.err;
}

TEST(ShopCache, ShortcutsChangeNoFact) {
  ShopCopy shop;
  // Headers indexed once and bodies skipped, against every TU indexing every
  // file with every body parsed.
  EXPECT_EQ(cold_outputs(shop, "shortcuts"), cold_outputs(shop, "plain", "SEAM_NO_SHORTCUTS=1"));
}

TEST(ShopCache, OnlyTheTusThatReadAnEditedFileAreParsedAgain) {
  ShopCopy shop;
  ASSERT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(17, 0));

  // One .cpp edited: its TU only.
  shop.append("src/users/user_directory.cpp", "\n// edited\n");
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(1, 16));
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));

  // A header only touched (time changed, content not): nothing is parsed.
  shop.touch("src/common/money.h");
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));

  // A private header read by two TUs (outbox.cpp and notifications.cpp).
  shop.append("src/notifications/internal/outbox.h", "\n// edited\n");
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(2, 15));

  // A widely included header: the 9 TUs that read common/money.h, directly or not
  // (as `clang++ -MM` lists them).
  shop.append("src/common/money.h", "\nnamespace shop::common { inline int edited() { return 1; } }\n");
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(9, 8));

  // After all that, the cache gives what a cold run on the edited tree gives.
  EXPECT_EQ(outputs(shop), cold_outputs(shop, "edited"));
}

TEST(ShopCache, MergedShardsGiveTheSingleMachineResult) {
  ShopCopy shop;
  const std::string single = cold_outputs(shop, "single");
  std::vector<std::string> bundles;
  int parsed = 0;
  for (int k = 1; k <= 3; ++k) {
    std::string bundle = shop.root() + "/part" + std::to_string(k) + ".bundle";
    // Each part on its own "machine": its own cache.
    RunResult r = shop.seam({"scan", "--shard", std::to_string(k) + "/3", "--bundle", bundle, "--cache",
                             shop.root() + "/cache" + std::to_string(k)});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("bundle             " + bundle), std::string::npos) << r.out;
    parsed += parsed_and_cached(r).first;
    bundles.push_back(bundle);
  }
  EXPECT_EQ(parsed, 17); // the parts cover every TU once
  // Merged in any order into the cache every command reads.
  RunResult m = run({SEAM_EXE, "merge", bundles[2], bundles[0], bundles[1], "-p", "build"}, shop.root());
  ASSERT_EQ(m.status, 0) << m.err;
  EXPECT_NE(m.out.find("merged 3 bundles: 17 translation units"), std::string::npos) << m.out;
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));
  EXPECT_EQ(outputs(shop), single);
}

TEST(ShopCache, TwoProcessesShareOneCache) {
  ShopCopy shop;
  RunResult a, b;
  std::thread ta([&] { a = shop.seam({"graph", "--format", "json", "-q"}); });
  std::thread tb([&] { b = shop.seam({"graph", "--format", "json", "-q"}); });
  ta.join();
  tb.join();
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));
  EXPECT_EQ(shop.seam({"graph", "--format", "json", "-q", "--no-cache"}).out, a.out);
}

TEST(ShopCache, AnInterruptedRunLeavesNoCorruptEntry) {
  ShopCopy shop;
  const std::string expected = shop.seam({"graph", "--format", "json", "-q", "--no-cache"}).out;
  for (int delay_ms : {300, 1500}) {
    fs::remove_all(shop.cache());
    std::string cmd = "cd " + test::shell_quote(shop.root()) + " && (" + test::shell_quote(SEAM_EXE) +
                      " scan -q -p build -j 2 >/dev/null 2>&1 & pid=$!; sleep " + std::to_string(delay_ms / 1000.0) +
                      "; kill -INT $pid; wait $pid) >/dev/null 2>&1";
    (void)std::system(cmd.c_str());
    RunResult r = shop.seam({"graph", "--format", "json", "-q"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, expected) << "after an interrupt at " << delay_ms << " ms";
    EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));
  }
}

TEST(ShopCache, CorruptEntriesAreIgnoredAndRewritten) {
  ShopCopy shop;
  const std::string expected = shop.seam({"graph", "--format", "json", "-q"}).out;
  size_t damaged = 0;
  for (const auto& e : fs::recursive_directory_iterator(shop.cache()))
    if (e.is_regular_file() && e.path().filename() != "CACHEDIR.TAG") {
      std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "garbage" << damaged;
      ++damaged;
    }
  EXPECT_GT(damaged, 17u);
  RunResult r = shop.seam({"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, expected);
  EXPECT_EQ(parsed_and_cached(shop.seam({"scan"})), std::make_pair(0, 17));
}

TEST(ShopCache, TheSizeBoundIsKept) {
  ShopCopy shop;
  RunResult r = shop.seam({"scan", "--cache-max-size", "20K"});
  ASSERT_EQ(r.status, 0) << r.err;
  uintmax_t bytes = 0;
  // The store's folder is v<format>-<extractor id>.
  for (const auto& v : fs::directory_iterator(shop.cache()))
    if (v.is_directory() && v.path().filename().string().rfind("v" + std::to_string(kCacheFormat) + "-", 0) == 0)
      for (const auto& e : fs::recursive_directory_iterator(v.path()))
        if (e.is_regular_file()) bytes += e.file_size();
  EXPECT_LE(bytes, 20u * 1024);
  EXPECT_GT(bytes, 0u);
  // What was evicted is parsed again; the answer does not change.
  RunResult again = shop.seam({"scan", "--cache-max-size", "20K"});
  EXPECT_GT(parsed_and_cached(again).first, 0) << again.out;
  EXPECT_EQ(shop.seam({"graph", "--format", "json", "-q", "--cache-max-size", "20K"}).out,
            shop.seam({"graph", "--format", "json", "-q", "--no-cache"}).out);
}

TEST(ShopCache, BadUsageIsAClearError) {
  ShopCopy shop;
  for (const char* bad : {"0/3", "4/3", "2", "a/b", "1/0"}) {
    RunResult r = shop.seam({"scan", "--shard", bad});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--shard takes K/N"), std::string::npos) << r.err;
  }
  RunResult size = shop.seam({"scan", "--cache-max-size", "lots"});
  EXPECT_EQ(size.status, 2);
  EXPECT_NE(size.err.find("--cache-max-size takes a size"), std::string::npos) << size.err;
  std::ofstream(shop.root() + "/not-a-bundle") << "hello";
  RunResult merge = run({SEAM_EXE, "merge", "not-a-bundle", "-p", "build"}, shop.root());
  EXPECT_EQ(merge.status, 2);
  EXPECT_NE(merge.err.find("not-a-bundle: not a seam facts bundle"), std::string::npos) << merge.err;
  RunResult none = run({SEAM_EXE, "merge", "-p", "build"}, shop.root());
  EXPECT_EQ(none.status, 2);
  RunResult unwritable = shop.seam({"scan", "--cache", "/proc/seam-nope"});
  EXPECT_EQ(unwritable.status, 2);
  EXPECT_NE(unwritable.err.find("/proc/seam-nope"), std::string::npos) << unwritable.err;
}

} // namespace
} // namespace seam
