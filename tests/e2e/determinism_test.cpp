// The same input gives the same bytes: every JSON, SARIF, DOT and HTML output
// is identical between -j1 and -j2, between a fresh parse and the fact cache,
// and between two runs, on samples/shop and on a generated monolith
// (bench/gen). A CI job diffing two reports must see only real changes.
#include "support/run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;

/// Every output format that a CI job or a reviewer diffs.
const std::vector<std::pair<std::string, std::vector<std::string>>> kOutputs = {
    {"graph.json", {"graph", "--format", "json"}},
    {"graph-files.json", {"graph", "--format", "json", "--level", "file"}},
    {"graph.dot", {"graph", "--format", "dot"}},
    {"cycles.json", {"cycles", "--format", "json"}},
    {"metrics.json", {"metrics", "--format", "json"}},
    {"candidates.json", {"candidates", "--format", "json"}},
    {"check.json", {"check", "--format", "json"}},
    {"check.sarif", {"check", "--format", "sarif"}},
    {"report.html", {"report"}},
};

class Determinism : public ::testing::Test {
protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "seam-determinism-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = fs::canonical(tmpl);
    // The report shows a date: fixed, as a reproducible build would.
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  }
  void TearDown() override { fs::remove_all(base_); }

  /// One output: exit status, standard output, standard error.
  using Outputs = std::map<std::string, RunResult>;

  /// Runs `seam ARGS <common>` in `cwd` for every output. `common` chooses
  /// jobs and cache; the first output parses, the others read what it cached
  /// (or parse again with --no-cache).
  Outputs outputs(const std::string& cwd, const std::vector<std::string>& common,
                  const std::vector<std::string>& only = {}) {
    Outputs out;
    for (const auto& [name, args] : kOutputs) {
      if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
      std::vector<std::string> argv{SEAM_EXE};
      argv.insert(argv.end(), args.begin(), args.end());
      argv.insert(argv.end(), common.begin(), common.end());
      argv.push_back("-q");
      RunResult r = run(argv, cwd);
      EXPECT_TRUE(r.status == 0 || (r.status == 1 && args[0] == "check")) << name << ": " << r.err;
      EXPECT_FALSE(r.out.empty()) << name;
      out[name] = std::move(r);
    }
    return out;
  }

  static void expect_same(const Outputs& a, const Outputs& b, const std::string& what) {
    for (const auto& [name, r] : b) {
      SCOPED_TRACE(what + ": " + name);
      auto it = a.find(name);
      ASSERT_NE(it, a.end());
      EXPECT_EQ(r.status, it->second.status);
      // Not EXPECT_EQ on the texts: a report is megabytes; say where they part.
      const std::string &x = it->second.out, &y = r.out;
      size_t at = 0;
      while (at < x.size() && at < y.size() && x[at] == y[at]) ++at;
      EXPECT_TRUE(x == y) << "sizes " << x.size() << " and " << y.size() << ", first difference at byte " << at
                          << ":\n  " << x.substr(at > 80 ? at - 80 : 0, 200) << "\n  "
                          << y.substr(at > 80 ? at - 80 : 0, 200);
      EXPECT_EQ(r.err, it->second.err);
    }
  }

  /// The whole comparison for a project in `cwd` (with `p` its -p argument).
  void check_project(const std::string& cwd, const std::string& p) {
    const std::string c1 = (base_ / "cache-j1").string(), c2 = (base_ / "cache-j2").string();
    // Facts parsed with one job, then every output from that cache.
    Outputs j1 = outputs(cwd, {"-p", p, "-j", "1", "--cache", c1});
    // Parsed with two jobs into another cache.
    Outputs j2 = outputs(cwd, {"-p", p, "-j", "2", "--cache", c2});
    expect_same(j1, j2, "-j1 and -j2");
    // A second run over the warm -j2 cache.
    Outputs again = outputs(cwd, {"-p", p, "-j", "2", "--cache", c2});
    expect_same(j1, again, "a second run");
    // No cache at all, parsing for each output: the fresh facts against the
    // cached ones, with either number of jobs.
    Outputs fresh2 = outputs(cwd, {"-p", p, "-j", "2", "--no-cache"}, {"graph.json", "check.sarif", "report.html"});
    expect_same(j1, fresh2, "-j2 without a cache");
    Outputs fresh1 = outputs(cwd, {"-p", p, "-j", "1", "--no-cache"}, {"report.html"});
    expect_same(j1, fresh1, "-j1 without a cache");
  }

  fs::path base_;
};

TEST_F(Determinism, SampleShop) {
  check_project(test::sample_dir("shop"), test::sample_build("shop"));
}

TEST_F(Determinism, GeneratedMonolith) {
  // bench/gen's generator: standard C++ only, built here as bench/gen builds it.
  const std::string gen = (base_ / "gen").string();
  auto cc = run({"c++", "-std=c++17", "-O1", "-o", gen, std::string(SEAM_SOURCE_DIR) + "/bench/gen.cpp"});
  ASSERT_EQ(cc.status, 0) << cc.err;
  const std::string mono = (base_ / "mono").string();
  auto g = run({gen, "--modules", "6", "--files", "24", "--seed", "7", "-o", mono});
  ASSERT_EQ(g.status, 0) << g.err;
  check_project(mono, mono);
}

} // namespace
} // namespace seam
