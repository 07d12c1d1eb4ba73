// End to end on samples/shop: `seam why` lists every site behind an edge,
// grouped by symbol, most used first, and adds up to the edge's weight; it
// names the planted sites of the README; without a direct edge it walks the
// shortest chain.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace seam {
namespace {

using test::seam_on_sample;
using Json = nlohmann::json;

Json why(std::vector<std::string> args) {
  args.insert(args.begin(), "why");
  args.push_back("--format");
  args.push_back("json");
  args.push_back("-q");
  auto r = seam_on_sample("shop", args);
  EXPECT_EQ(r.status, 0) << r.err;
  return Json::parse(r.out);
}

int graph_weight(const std::string& from, const std::string& to) {
  auto r = seam_on_sample("shop", {"graph", "--format", "json", "-q"});
  Json j = Json::parse(r.out); // outlives the loop
  for (const auto& e : j["edges"])
    if (e["from"] == from && e["to"] == to) return e["weight"];
  return 0;
}

TEST(ShopWhy, EverySiteOfTheCallbackIntoOrders) {
  Json j = why({"payments", "orders"});
  EXPECT_EQ(j["schema"], "seam.why/1");
  EXPECT_EQ(j["direct"], true);
  EXPECT_EQ(j["weight"], graph_weight("payments", "orders"));
  EXPECT_EQ(j["reverse_weight"], graph_weight("orders", "payments"));
  // Uses and include directives add up to the weight; groups are most used first.
  size_t total = 0, last = SIZE_MAX;
  bool mark_paid = false;
  for (const auto& s : j["symbols"]) {
    size_t uses = s["uses"];
    EXPECT_LE(uses, last);
    last = uses;
    EXPECT_EQ(s["sites"].size(), uses);
    total += uses;
    for (const auto& site : s["sites"])
      if (s["symbol"] == "shop::orders::OrderService::mark_paid") {
        mark_paid = true;
        EXPECT_EQ(site["file"], "src/payments/payment_gateway.cpp");
        EXPECT_EQ(site["line"], 46);
        EXPECT_EQ(site["kind"], "call");
        EXPECT_EQ(site["from"], "shop::payments::charge");
      }
  }
  EXPECT_TRUE(mark_paid) << j;
  for (const auto& i : j["includes"]) total += i["count"].get<size_t>();
  EXPECT_EQ(total, j["weight"].get<size_t>());
  ASSERT_EQ(j["includes"].size(), 1u);
  EXPECT_EQ(j["includes"][0]["file"], "src/orders/order_service.h");
  std::set<std::pair<std::string, int>> sites;
  for (const auto& s : j["includes"][0]["sites"]) sites.emplace(s["file"].get<std::string>(), s["line"].get<int>());
  EXPECT_EQ(sites, (std::set<std::pair<std::string, int>>{{"src/payments/payment_gateway.cpp", 5},
                                                         {"src/payments/payment_gateway.h", 6}}));
  EXPECT_EQ(j["chain"], Json::array());
}

TEST(ShopWhy, SaysWhetherTheEdgeIsInTheMinimumCut) {
  // payments -> orders (the callback) is the cycle's minimum cut; orders -> payments is not.
  Json back = why({"payments", "orders"});
  EXPECT_EQ(back["cycle"]["members"], 2);
  EXPECT_EQ(back["cycle"]["in_cut"], true);
  EXPECT_EQ(back["cycle"]["cut_weight"], graph_weight("payments", "orders"));
  Json there = why({"orders", "payments"});
  EXPECT_EQ(there["cycle"]["in_cut"], false);
  EXPECT_EQ(there["cycle"]["cut"], back["cycle"]["cut"]);
  EXPECT_EQ(why({"api", "orders"})["cycle"], nullptr);
  auto r = seam_on_sample("shop", {"why", "orders", "payments", "-q"});
  EXPECT_NE(r.out.find("orders and payments are in one module cycle of 2 modules; its minimum cut is 1 edge (5 uses); "
                       "orders -> payments is not in it. The cut:\n  payments -> orders  (5 uses)\n"),
            std::string::npos)
      << r.out;
  r = seam_on_sample("shop", {"why", "payments", "orders", "-q"});
  EXPECT_NE(r.out.find("this edge is its minimum cut (5 uses): cut payments -> orders and the cycle is gone"),
            std::string::npos)
      << r.out;
}

TEST(ShopWhy, ThePlantedSitesOfTheReadme) {
  // Problem 2: inventory calls notifications::send at inventory.cpp:63.
  auto r = seam_on_sample("shop", {"why", "inventory", "notifications", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("shop::notifications::send  (function, 1 use)\n"
                       "  src/inventory/inventory.cpp:63:18  call  in shop::inventory::Inventory::alert_if_low\n"),
            std::string::npos)
      << r.out;
  // Problem 4: auth includes users' private header at authenticator.cpp:9.
  auto a = seam_on_sample("shop", {"why", "auth", "users", "-q"});
  EXPECT_NE(a.out.find("src/users/internal/user_store.h  (included 1 time)\n"
                       "  src/auth/authenticator.cpp:9  #include \"users/internal/user_store.h\"\n"),
            std::string::npos)
      << a.out;
  // Problem 3: analytics calls catalog::find_product at order_stats.cpp:38.
  Json c = why({"analytics", "catalog"});
  bool found = false;
  for (const auto& s : c["symbols"])
    for (const auto& site : s["sites"])
      found |= s["symbol"] == "shop::catalog::find_product" && site["file"] == "src/analytics/order_stats.cpp" &&
               site["line"] == 38 && site["kind"] == "call";
  EXPECT_TRUE(found) << c;
}

TEST(ShopWhy, ShortestChainWhenNotDirect) {
  // analytics -> orders -> inventory (analytics does not use inventory itself).
  Json j = why({"analytics", "inventory"});
  EXPECT_EQ(j["direct"], false);
  EXPECT_EQ(j["weight"], 0);
  ASSERT_EQ(j["chain"].size(), 2u);
  EXPECT_EQ(j["chain"][0]["from"], "analytics");
  EXPECT_EQ(j["chain"][0]["to"], "orders");
  EXPECT_EQ(j["chain"][1]["from"], "orders");
  EXPECT_EQ(j["chain"][1]["to"], "inventory");
  for (const auto& link : j["chain"]) {
    EXPECT_EQ(link["weight"], graph_weight(link["from"], link["to"]));
    std::string file = link["site"]["file"];
    EXPECT_EQ(file.rfind("src/" + link["from"].get<std::string>() + "/", 0), 0u) << link;
  }
  auto r = seam_on_sample("shop", {"why", "analytics", "inventory", "-q"});
  EXPECT_NE(r.out.find("analytics does not use inventory directly; the shortest chain has 2 links:"),
            std::string::npos)
      << r.out;
}

TEST(ShopWhy, NoPathAndBadNames) {
  auto r = seam_on_sample("shop", {"why", "common", "api", "-q"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("common does not depend on api, directly or through other modules"), std::string::npos)
      << r.out;
  Json j = why({"common", "api"});
  EXPECT_EQ(j["direct"], false);
  EXPECT_EQ(j["chain"], Json::array());
  auto bad = seam_on_sample("shop", {"why", "orders", "shipping", "-q"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("no module named 'shipping'; the modules are: analytics, api,"), std::string::npos)
      << bad.err;
  auto one = seam_on_sample("shop", {"why", "orders", "-q"});
  EXPECT_EQ(one.status, 2);
}

TEST(ShopWhy, ComponentLevel) {
  // Components show #include edges unless told otherwise: the one include, no symbol.
  Json inc = why({"src/orders/order_service", "src/payments/payment_gateway", "--level", "component"});
  EXPECT_EQ(inc["edge_kinds"], "include");
  EXPECT_EQ(inc["symbols"].size(), 0u);
  Json j = why({"src/orders/order_service", "src/payments/payment_gateway", "--level", "component", "--edges", "all"});
  EXPECT_EQ(j["level"], "component");
  EXPECT_EQ(j["edge_kinds"], "all");
  ASSERT_EQ(j["symbols"].size(), 1u);
  EXPECT_EQ(j["symbols"][0]["symbol"], "shop::payments::charge");
  EXPECT_EQ(j["symbols"][0]["sites"][0]["line"], 47);
}

} // namespace
} // namespace seam
