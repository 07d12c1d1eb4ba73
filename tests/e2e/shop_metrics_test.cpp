// End to end on samples/shop: `seam metrics` in text, JSON and CSV. Coupling
// (Ca, Ce, I), levels and CCD are checked against values computed here from
// the designed edges (expected/module_edges.txt); the rest against what the
// sample is known to contain (one abstract class, OrderObserver in orders;
// common uses nothing) and against the formulas.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <dirent.h>
#include <functional>
#include <map>
#include <set>

namespace seam {
namespace {

using test::seam_on_sample;
using Json = nlohmann::json;

std::map<std::string, std::set<std::string>> designed() {
  std::ifstream in(test::sample_dir("shop") + "/expected/module_edges.txt");
  std::map<std::string, std::set<std::string>> out;
  std::string from, to;
  while (in >> from >> to) out[from].insert(to);
  return out;
}

Json metrics() {
  auto r = seam_on_sample("shop", {"metrics", "--format", "json", "-q"});
  EXPECT_EQ(r.status, 0) << r.err;
  return Json::parse(r.out);
}

std::map<std::string, Json> by_name(const Json& j) {
  std::map<std::string, Json> m;
  for (const auto& x : j["modules"]) m[x["name"]] = x;
  return m;
}

TEST(ShopMetrics, CouplingMatchesTheDesignedEdges) {
  Json j = metrics();
  EXPECT_EQ(j["schema"], "seam.metrics/1");
  auto m = by_name(j);
  ASSERT_EQ(m.size(), 10u);
  auto edges = designed();
  std::map<std::string, int> ca, ce;
  for (const auto& [from, tos] : edges) {
    ce[from] = static_cast<int>(tos.size());
    for (const std::string& to : tos) ++ca[to];
  }
  for (const auto& [name, x] : m) {
    EXPECT_EQ(x["afferent"], ca[name]) << name;
    EXPECT_EQ(x["efferent"], ce[name]) << name;
    double i = static_cast<double>(ce[name]) / (ca[name] + ce[name]);
    EXPECT_NEAR(x["instability"].get<double>(), i, 5e-5) << name;
    double d = std::fabs(x["abstractness"].get<double>() + x["instability"].get<double>() - 1);
    EXPECT_NEAR(x["distance"].get<double>(), d, 1e-4) << name;
    int in = x["internal_references"], out = x["outgoing_references"];
    EXPECT_NEAR(x["cohesion"].get<double>(), static_cast<double>(in) / (in + out), 5e-5) << name;
  }
  // By hand: common is used by all nine others and uses none; api the reverse.
  EXPECT_EQ(m["common"]["afferent"], 9);
  EXPECT_EQ(m["common"]["instability"], 0.0);
  EXPECT_EQ(m["common"]["cohesion"], 1.0);
  EXPECT_EQ(m["common"]["dependency_width"], 0);
  EXPECT_EQ(m["api"]["efferent"], 9);
  EXPECT_EQ(m["api"]["instability"], 1.0);
  EXPECT_EQ(m["api"]["interface_width"], 0);
  // orders: used by analytics, api, payments; uses catalog, common, inventory,
  // notifications, payments: I = 5/8.
  EXPECT_EQ(m["orders"]["instability"], 0.625);
}

TEST(ShopMetrics, OnlyOrdersHasAnAbstractClass) {
  auto m = by_name(metrics());
  for (const auto& [name, x] : m) {
    if (name == "orders") {
      EXPECT_EQ(x["abstract_classes"], 1); // OrderObserver (README problem 5)
      EXPECT_NEAR(x["abstractness"].get<double>(), 1.0 / x["classes"].get<int>(), 5e-5);
    } else {
      EXPECT_EQ(x["abstract_classes"], 0) << name;
      EXPECT_EQ(x["abstractness"], 0.0) << name;
    }
  }
}

TEST(ShopMetrics, LevelsAndCcdFromTheDesignedEdges) {
  Json j = metrics();
  auto edges = designed();
  // Reach of every module (itself included), by depth-first search over the
  // designed edges: CCD is their sum.
  uint64_t ccd = 0;
  for (const char* m : {"analytics", "api", "auth", "catalog", "common", "inventory", "notifications",
                               "orders", "payments", "users"}) {
    std::set<std::string> seen{std::string(m)};
    std::function<void(const std::string&)> dfs = [&](const std::string& v) {
      for (const std::string& w : edges[v])
        if (seen.insert(w).second) dfs(w);
    };
    dfs(m);
    ccd += seen.size();
  }
  EXPECT_EQ(ccd, 42u); // 1 + 3*2 + 2*3 + 2*6 + 7 + 10, worked in docs/metrics.md
  const Json& g = j["project"]["module_graph"];
  EXPECT_EQ(g["nodes"], 10);
  EXPECT_EQ(g["ccd"], ccd);
  EXPECT_EQ(g["acd"], 4.2);
  // CCD of a balanced binary tree of 10: 11 * (log2 11 - 1) + 1 = 28.05...
  EXPECT_EQ(g["nccd"], 1.4971);
  auto m = by_name(j);
  EXPECT_EQ(m["common"]["level"], 1);
  EXPECT_EQ(m["orders"]["level"], 4);
  EXPECT_EQ(m["payments"]["level"], 4);
  EXPECT_EQ(m["api"]["level"], 6);
}

TEST(ShopMetrics, ComponentGraphCountsEveryHeaderSourcePairOnce) {
  // Components: the distinct paths without extension under src/.
  std::set<std::string> components;
  std::function<void(const std::string&)> walk = [&](const std::string& dir) {
    DIR* d = opendir(dir.c_str());
    ASSERT_NE(d, nullptr) << dir;
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n == "." || n == "..") continue;
      std::string path = dir + "/" + n;
      if (e->d_type == DT_DIR)
        walk(path);
      else if (n.size() > 2 && (n.ends_with(".h") || n.ends_with(".cpp")))
        components.insert(path.substr(0, path.rfind('.')));
    }
    closedir(d);
  };
  walk(test::sample_dir("shop") + "/src");
  Json j = metrics();
  EXPECT_EQ(j["project"]["component_graph"]["nodes"], components.size());
  // The cycle makes two components reach each other: CCD exceeds the node count.
  EXPECT_GT(j["project"]["component_graph"]["ccd"].get<int>(), static_cast<int>(components.size()));
  // Q recomputed from the per-module counts: m = all references between
  // symbols of modules, L = inside, out = L + outgoing, in = L + incoming.
  double m = 0, inside = 0, products = 0;
  for (const auto& x : j["modules"]) {
    double l = x["internal_references"], o = x["outgoing_references"], i = x["incoming_references"];
    m += l + o;
    inside += l;
    products += (l + o) * (l + i);
  }
  EXPECT_EQ(j["project"]["modularity_references"], m);
  double q = j["project"]["modularity"];
  EXPECT_NEAR(q, inside / m - products / (m * m), 5e-5);
  // Declared modules that mostly reference themselves: clearly modular.
  EXPECT_GT(q, 0.3);
  EXPECT_LT(q, 1.0);
  EXPECT_GT(j["project"]["modularity_references"].get<int>(), 0);
}

TEST(ShopMetrics, CsvAndTextCarryTheSameNumbers) {
  Json j = metrics();
  auto csv = seam_on_sample("shop", {"metrics", "--format", "csv", "-q"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  std::istringstream in(csv.out);
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("module,level,files,lines,symbols,afferent,efferent,instability,", 0), 0u);
  size_t rows = 0;
  while (std::getline(in, line)) {
    const Json& x = j["modules"][rows++];
    std::string want = x["name"].get<std::string>() + "," + std::to_string(x["level"].get<int>()) + "," +
                       std::to_string(x["files"].get<int>()) + "," + std::to_string(x["lines"].get<int>()) + ",";
    EXPECT_EQ(line.rfind(want, 0), 0u) << line;
  }
  EXPECT_EQ(rows, 10u);
  auto text = seam_on_sample("shop", {"metrics", "-q"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_EQ(text.out.rfind("edges: module graph all, component graph include", 0), 0u) << text.out;
  EXPECT_NE(text.out.find("\nmodule         level  files"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("module graph    10 nodes  CCD 42  ACD 4.20  NCCD 1.50"), std::string::npos) << text.out;
}

TEST(ShopMetrics, ByteIdenticalAcrossJobs) {
  for (const char* fmt : {"json", "csv", "text"}) {
    auto a = seam_on_sample("shop", {"metrics", "--format", fmt, "-q", "-j", "1"});
    auto b = seam_on_sample("shop", {"metrics", "--format", fmt, "-q", "-j", "2"});
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << fmt;
  }
}

} // namespace
} // namespace seam
