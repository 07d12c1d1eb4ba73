// End to end on samples/shop: `seam cycles` finds exactly the planted cycle
// (orders <-> payments; src/orders/order_service <-> src/payments/payment_gateway
// at component level; no file cycle) with its breakdown and minimum cut, the levels follow
// the designed module edges, and `seam graph --format dot|svg` draws them: the
// DOT read back with cgraph is the module graph, red exactly on the cycle,
// dashed exactly on the two planted boundary breaks.
#include "support/run.h"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace seam {
namespace {

using test::seam_on_sample;
using Json = nlohmann::json;

std::set<std::pair<std::string, std::string>> expected_edges() {
  std::ifstream in(test::sample_dir("shop") + "/expected/module_edges.txt");
  std::set<std::pair<std::string, std::string>> out;
  std::string from, to;
  while (in >> from >> to) out.insert({from, to});
  return out;
}

const std::set<std::string> kModules = {"analytics", "api",    "auth",     "catalog", "common",
                                        "inventory", "notifications", "orders", "payments", "users"};

Json run_json(std::vector<std::string> args) {
  args.push_back("-q");
  auto r = seam_on_sample("shop", args);
  EXPECT_EQ(r.status, 0) << r.err;
  return Json::parse(r.out);
}

/// Edge weights of `seam graph --format json` at a level.
std::map<std::pair<std::string, std::string>, int> weights(const std::string& level, const std::string& edges = "") {
  std::map<std::pair<std::string, std::string>, int> w;
  std::vector<std::string> args{"graph", "--format", "json", "--level", level};
  if (!edges.empty()) args.insert(args.end(), {"--edges", edges});
  Json j = run_json(args); // outlives the loop
  for (const auto& e : j["edges"]) w[{e["from"], e["to"]}] = e["weight"];
  return w;
}

bool has_site(const Json& edge, const std::string& symbol, const std::string& file, int line) {
  for (const auto& s : edge["heaviest_sites"]["symbols"])
    if (s["symbol"] == symbol && s["site"]["file"] == file && s["site"]["line"] == line) return true;
  return false;
}

TEST(ShopCycles, ExactlyThePlantedCycleAtEveryLevel) {
  Json j = run_json({"cycles", "--format", "json"});
  EXPECT_EQ(j["schema"], "seam.cycles/2");
  EXPECT_EQ(j["module_cycles"], Json::parse(R"([["orders","payments"]])"));
  EXPECT_EQ(j["component_cycles"], Json::parse(R"([["src/orders/order_service","src/payments/payment_gateway"]])"));
  EXPECT_EQ(j["file_cycles"], Json::array());
  EXPECT_EQ(j["file_cycle_details"], Json::array());
}

TEST(ShopCycles, MinimumCutOfTheModuleCycleIsPaymentsToOrders) {
  Json d = run_json({"cycles", "--format", "json"})["module_cycle_details"][0];
  auto w = weights("module");
  const Json& cut = d["cut"];
  EXPECT_EQ(cut["exact"], true);
  ASSERT_EQ(cut["edges"].size(), 1u);
  const Json& edge = cut["edges"][0];
  EXPECT_EQ(edge["from"], "payments");
  EXPECT_EQ(edge["to"], "orders");
  // The callback (1 call, 2 type uses, 2 includes) weighs less than orders' use of payments.
  const int back_w = w[{"payments", "orders"}], there_w = w[{"orders", "payments"}];
  EXPECT_EQ(edge["weight"], back_w);
  EXPECT_EQ(cut["weight"], back_w);
  EXPECT_LT(back_w, there_w);
  EXPECT_TRUE(has_site({{"heaviest_sites", edge["sites"]}}, "shop::orders::OrderService::mark_paid",
                       "src/payments/payment_gateway.cpp", 46))
      << edge;
  // Cut payments -> orders and orders comes first: only the cut edge points back.
  EXPECT_EQ(d["order"], Json::parse(R"(["orders","payments"])"));
  // One elementary cycle, closed by the edge back to its start.
  EXPECT_EQ(d["breakdown"], Json::parse(R"([{"path":["orders","payments","orders"],
      "closing":{"from":"payments","to":"orders","weight":)" + std::to_string(back_w) + "}}]"));
  EXPECT_EQ(d["path"], Json::parse(R"(["orders","payments","orders"])"));
  EXPECT_EQ(d["level"], 4);
  // The edges that close it, traced to the planted sites (README problem 1).
  ASSERT_EQ(d["edges"].size(), 2u);
  const Json& back = d["edges"][1];
  EXPECT_EQ(back["from"], "payments");
  EXPECT_TRUE(has_site(back, "shop::orders::OrderService::mark_paid", "src/payments/payment_gateway.cpp", 46)) << back;
  bool include_seen = false;
  for (const auto& i : back["heaviest_sites"]["includes"])
    include_seen |= i["file"] == "src/payments/payment_gateway.h" && i["line"] == 6;
  EXPECT_TRUE(include_seen) << back;
}

TEST(ShopCycles, MinimumCutOfTheComponentCycleIsTheCallToCharge) {
  // With references (components show #include edges by default).
  Json d = run_json({"cycles", "--format", "json", "--edges", "all"})["component_cycle_details"][0];
  auto w = weights("component", "all");
  const std::pair<std::string, std::string> there{"src/orders/order_service", "src/payments/payment_gateway"};
  const std::pair<std::string, std::string> back{there.second, there.first};
  // order_service -> payment_gateway is one include and one call of charge;
  // payment_gateway -> order_service two includes, two type uses and mark_paid.
  ASSERT_EQ(d["cut"]["edges"].size(), 1u);
  const Json& edge = d["cut"]["edges"][0];
  EXPECT_EQ(edge["from"], there.first);
  EXPECT_EQ(edge["to"], there.second);
  EXPECT_EQ(edge["weight"], w[there]);
  EXPECT_EQ(d["cut"]["weight"], w[there]);
  EXPECT_LT(w[there], w[back]);
  EXPECT_TRUE(has_site({{"heaviest_sites", edge["sites"]}}, "shop::payments::charge", "src/orders/order_service.cpp", 47));
  // The breakdown closes at the edge back to the first member by name,
  // whatever the cut: the lint's rule, not the cheapest edge.
  ASSERT_EQ(d["breakdown"].size(), 1u);
  EXPECT_EQ(d["breakdown"][0]["closing"]["from"], there.second);
  EXPECT_EQ(d["breakdown"][0]["closing"]["to"], there.first);
  EXPECT_EQ(d["order"], Json::parse(R"(["src/payments/payment_gateway","src/orders/order_service"])"));
  EXPECT_TRUE(has_site(d["edges"][0], "shop::payments::charge", "src/orders/order_service.cpp", 47)) << d["edges"][0];
  EXPECT_TRUE(has_site(d["edges"][1], "shop::orders::OrderService::mark_paid", "src/payments/payment_gateway.cpp", 46));
}

TEST(ShopCycles, LevelsFollowTheDesignedEdges) {
  Json j = run_json({"cycles", "--format", "json"});
  std::map<std::string, int> level;
  for (const auto& l : j["module_levels"]) level[l["module"]] = l["level"];
  // By hand from expected/module_edges.txt: common uses nothing; catalog,
  // notifications, users use only common; auth uses users, inventory uses
  // notifications; orders <-> payments use inventory; analytics uses orders;
  // api uses everything.
  EXPECT_EQ(level, (std::map<std::string, int>{{"analytics", 5}, {"api", 6}, {"auth", 3}, {"catalog", 2},
                                                {"common", 1}, {"inventory", 3}, {"notifications", 2},
                                                {"orders", 4}, {"payments", 4}, {"users", 2}}));
  // Invariant: every edge goes down a level, except inside the cycle.
  for (const auto& [from, to] : expected_edges()) {
    bool cycle = (from == "orders" && to == "payments") || (from == "payments" && to == "orders");
    if (cycle)
      EXPECT_EQ(level[from], level[to]);
    else
      EXPECT_GT(level[from], level[to]) << from << " -> " << to;
  }
}

TEST(ShopCycles, TextNamesTheCutTheSitesAndTheLevels) {
  auto r = seam_on_sample("shop", {"cycles", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* want :
       {"module cycles: 1\n", "  [1] orders, payments  (2 modules, level 4, 2 edges)",
        "      1 elementary cycle (shortest first; each closing edge removed before the next):\n"
        "        orders -> payments -> orders\n",
        "      cut this edge (5 uses) and the module graph is acyclic:\n        payments -> orders  5  (call 1, include 2, type 2)\n",
        "shop::orders::OrderService::mark_paid  x1  e.g. src/payments/payment_gateway.cpp:46:12 call in "
        "shop::payments::charge",
        "component cycles: 1\n",
        // Components show #include edges: the one include of payment_gateway.h.
        "cut this edge (1 use) and the component graph is acyclic:\n"
        "        src/orders/order_service -> src/payments/payment_gateway  1  (include 1)",
        "file cycles: none\n", "  1  common\n", "  4  orders, payments\n", "  6  api\n"})
    EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n---\n" << r.out;
}

TEST(ShopCycles, ByteIdenticalAcrossJobs) {
  const std::vector<std::vector<std::string>> commands = {
      {"cycles", "--format", "json"}, {"cycles"}, {"graph", "--format", "dot"},
      {"graph", "--format", "svg"},   {"graph", "--format", "json", "--level", "component"}};
  for (auto args : commands) {
    args.push_back("-q");
    auto one = args, two = args;
    one.insert(one.end(), {"-j", "1"});
    two.insert(two.end(), {"-j", "2"});
    auto a = seam_on_sample("shop", one);
    auto b = seam_on_sample("shop", two);
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_FALSE(a.out.empty());
    EXPECT_EQ(a.out, b.out) << args[0] << " " << (args.size() > 2 ? args[2] : "");
  }
}

struct Drawn {
  std::set<std::string> nodes;
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> edges; ///< attrs
};

Drawn read_dot(const std::string& dot) {
  Drawn d;
  Agraph_t* g = agmemread(dot.c_str());
  EXPECT_NE(g, nullptr);
  if (!g) return d;
  auto get = [](void* o, const char* n) {
    char* v = agget(o, const_cast<char*>(n));
    return std::string(v ? v : "");
  };
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    if (get(n, "class") == "unit") d.nodes.insert(agnameof(n));
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      if (get(e, "class").rfind("unit", 0) != 0) continue;
      std::string label = get(e, "label").empty() ? get(e, "xlabel") : get(e, "label");
      d.edges[{agnameof(agtail(e)), agnameof(aghead(e))}] = {
          {"label", label}, {"color", get(e, "color")}, {"style", get(e, "style")}};
    }
  }
  agclose(g);
  return d;
}

TEST(ShopPictures, DotReadsBackAsTheModuleGraph) {
  auto r = seam_on_sample("shop", {"graph", "--format", "dot", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  Drawn d = read_dot(r.out);
  EXPECT_EQ(d.nodes, kModules);
  auto w = weights("module");
  std::set<std::pair<std::string, std::string>> drawn, red, dashed;
  for (const auto& [k, a] : d.edges) {
    drawn.insert(k);
    EXPECT_EQ(a.at("label"), std::to_string(w[k])) << k.first << " -> " << k.second;
    if (a.at("color") == "#d62728") red.insert(k);
    if (a.at("style") == "dashed") dashed.insert(k);
  }
  EXPECT_EQ(drawn, expected_edges());
  EXPECT_EQ(red, (std::set<std::pair<std::string, std::string>>{{"orders", "payments"}, {"payments", "orders"}}));
  // The upward layer edge and the undeclared edge (README problems 2 and 3).
  EXPECT_EQ(dashed,
            (std::set<std::pair<std::string, std::string>>{{"analytics", "catalog"}, {"inventory", "notifications"}}));
  // One rank per level, labelled.
  for (int l = 1; l <= 6; ++l) EXPECT_NE(r.out.find("\" level " + std::to_string(l) + "\""), std::string::npos);
}

TEST(ShopPictures, SvgIsWellFormedAndNamesEveryModule) {
  std::string out = std::string(SEAM_BINARY_DIR) + "/shop-graph-test.svg";
  std::remove(out.c_str());
  auto r = seam_on_sample("shop", {"graph", "--format", "svg", "--external", "-q", "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string svg = test::slurp(out);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  for (const std::string& m : kModules) EXPECT_NE(svg.find("<title>" + m + "</title>"), std::string::npos) << m;
  EXPECT_NE(svg.find("&lt;string&gt;"), std::string::npos); // an external header, escaped
  auto lint = test::run({"sh", "-c", "command -v xmllint"});
  if (lint.status != 0) GTEST_SKIP() << "xmllint not installed; well-formedness is checked in graphviz_test";
  auto x = test::run({"xmllint", "--noout", out});
  EXPECT_EQ(x.status, 0) << x.err;
}

TEST(ShopPictures, ComponentLevelInsideOneModuleAndAcross) {
  Json j = run_json({"graph", "--format", "json", "--level", "file", "--module", "orders"});
  EXPECT_EQ(j["level"], "file");
  EXPECT_EQ(j["module"], "orders");
  ASSERT_FALSE(j["nodes"].empty());
  for (const auto& n : j["nodes"]) {
    EXPECT_EQ(n["id"].get<std::string>().rfind("src/orders/", 0), 0u) << n;
    EXPECT_EQ(n["module"], "orders");
  }
  for (const auto& e : j["edges"]) EXPECT_EQ(e["kinds"].size(), 1u) << e; // includes only at file level
  auto r = seam_on_sample("shop", {"graph", "--format", "dot", "--level", "component", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  Drawn d = read_dot(r.out);
  std::set<std::pair<std::string, std::string>> red;
  for (const auto& [k, a] : d.edges)
    if (a.at("color") == "#d62728") red.insert(k);
  EXPECT_EQ(red, (std::set<std::pair<std::string, std::string>>{
                     {"src/orders/order_service", "src/payments/payment_gateway"},
                     {"src/payments/payment_gateway", "src/orders/order_service"}}));
  EXPECT_NE(r.out.find("cluster_orders"), std::string::npos);
}

TEST(ShopPictures, FocusKeepsTheDirectNeighboursAndMinWeightHidesThinEdges) {
  Json j = run_json({"graph", "--format", "json", "--focus", "notifications"});
  std::set<std::string> nodes;
  for (const auto& n : j["nodes"]) nodes.insert(n["id"]);
  // From expected/module_edges.txt: api, inventory, orders use notifications; it uses common.
  EXPECT_EQ(nodes, (std::set<std::string>{"api", "common", "inventory", "notifications", "orders"}));
  auto w = weights("module");
  Json heavy = run_json({"graph", "--format", "json", "--min-weight", "10"});
  size_t kept = 0;
  for (const auto& [k, weight] : w) kept += weight >= 10;
  EXPECT_EQ(heavy["edges"].size(), kept);
  EXPECT_EQ(heavy["hidden_edges"], w.size() - kept);
  for (const auto& e : heavy["edges"]) EXPECT_GE(e["weight"].get<int>(), 10);
}

TEST(ShopPictures, BadOptionsAreClearErrors) {
  auto a = seam_on_sample("shop", {"graph", "--module", "orders", "-q"});
  EXPECT_EQ(a.status, 2);
  EXPECT_NE(a.err.find("add --level component or --level file"), std::string::npos) << a.err;
  auto b = seam_on_sample("shop", {"graph", "--focus", "nope", "-q"});
  EXPECT_EQ(b.status, 2);
  EXPECT_NE(b.err.find("no module named 'nope'; the modules are: analytics, api,"), std::string::npos) << b.err;
  auto c = seam_on_sample("shop", {"graph", "--min-weight", "many", "-q"});
  EXPECT_EQ(c.status, 2);
  EXPECT_NE(c.err.find("--min-weight needs a number"), std::string::npos) << c.err;
  auto d = seam_on_sample("shop", {"graph", "--level", "component", "--module", "nope", "-q"});
  EXPECT_EQ(d.status, 2);
  EXPECT_NE(d.err.find("no module named 'nope'"), std::string::npos) << d.err;
}

} // namespace
} // namespace seam
