// End to end: `seam graph` on the bundled sample, asserting the exact module
// edges the sample was designed to have (samples/shop/expected/module_edges.txt).
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace seam {
namespace {

using test::run;
using test::seam_on_sample;

std::set<std::pair<std::string, std::string>> expected_edges() {
  std::ifstream in(test::sample_dir("shop") + "/expected/module_edges.txt");
  std::set<std::pair<std::string, std::string>> out;
  std::string from, to;
  while (in >> from >> to) out.insert({from, to});
  return out;
}

TEST(ShopGraph, JsonHasExactlyTheDesignedModuleEdges) {
  auto r = seam_on_sample("shop", {"graph", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.graph/1");
  EXPECT_EQ(j["level"], "module");
  std::set<std::pair<std::string, std::string>> edges;
  for (const auto& e : j["edges"]) {
    edges.insert({e["from"].get<std::string>(), e["to"].get<std::string>()});
    EXPECT_GT(e["weight"].get<int>(), 0);
    int sum = 0;
    for (const auto& [k, v] : e["kinds"].items()) sum += v.get<int>();
    EXPECT_EQ(sum, e["weight"].get<int>()) << e.dump();
  }
  auto want = expected_edges();
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(edges, want);
  std::set<std::string> nodes;
  for (const auto& n : j["nodes"]) nodes.insert(n["id"].get<std::string>());
  EXPECT_EQ(nodes, (std::set<std::string>{"analytics", "api", "auth", "catalog", "common", "inventory",
                                          "notifications", "orders", "payments", "users"}));
}

// The planted undeclared dependency is one call, one member read and one
// include (samples/shop/README.md): its counts guard against lost references,
// which an edge set alone would not notice.
TEST(ShopGraph, ThePlantedUndeclaredEdgeHasExactlyItsDesignedSites) {
  auto r = seam_on_sample("shop", {"graph", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& e : j["edges"]) {
    if (e["from"] != "analytics" || e["to"] != "catalog") continue;
    found = true;
    EXPECT_EQ(e["weight"], 3);
    EXPECT_EQ(e["kinds"], nlohmann::json({{"call", 1}, {"include", 1}, {"member", 1}}));
  }
  EXPECT_TRUE(found);
}

TEST(ShopGraph, OutputIsByteIdenticalAcrossJobsAndRuns) {
  auto a = seam_on_sample("shop", {"graph", "--format", "json", "-j", "1", "-q"});
  auto b = seam_on_sample("shop", {"graph", "--format", "json", "-j", "2", "-q"});
  auto c = seam_on_sample("shop", {"graph", "--format", "json", "-j", "2", "-q"});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(b.out, c.out);
}

TEST(ShopGraph, TextListsOneLinePerEdgeWithKinds) {
  auto r = seam_on_sample("shop", {"graph", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("orders -> payments"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("payments -> orders"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("call "), std::string::npos);
  // The edges shown, then one line per edge.
  EXPECT_EQ(r.out.rfind("edges: all (#include directives and references to symbols)\n", 0), 0u) << r.out;
  size_t lines = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_EQ(lines, 1 + expected_edges().size());
}

TEST(ShopGraph, OutputFileIsWrittenAtomically) {
  std::string out = std::string(SEAM_BINARY_DIR) + "/shop-graph-test.json";
  std::remove(out.c_str());
  auto r = seam_on_sample("shop", {"graph", "--format", "json", "-q", "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  auto j = nlohmann::json::parse(test::slurp(out));
  EXPECT_EQ(j["schema"], "seam.graph/1");
}

TEST(ShopScan, SummaryCountsEveryTranslationUnit) {
  auto r = seam_on_sample("shop", {"scan"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(" ok, 0 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("modules            10"), std::string::npos) << r.out;
}

TEST(Cli, HelpVersionAndBadUsage) {
  auto h = run({SEAM_EXE, "--help"});
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("usage: seam <command>"), std::string::npos);
  EXPECT_NE(h.out.find("graph"), std::string::npos);
  auto v = run({SEAM_EXE, "--version"});
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("seam ", 0), 0u);
  auto gh = run({SEAM_EXE, "graph", "--help"});
  EXPECT_EQ(gh.status, 0);
  EXPECT_NE(gh.out.find("--format"), std::string::npos);
  auto bad = run({SEAM_EXE, "graph", "--format", "xml"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--format takes one of text, json, dot, svg, not 'xml'"), std::string::npos) << bad.err;
  auto unknown = run({SEAM_EXE, "frobnicate"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos);
}

TEST(Cli, MissingCompileDatabaseIsAClearError) {
  auto r = run({SEAM_EXE, "scan", "-p", "/nonexistent-dir"}, "/tmp");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent-dir"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("compile_commands.json"), std::string::npos) << r.err;
}

} // namespace
} // namespace seam
