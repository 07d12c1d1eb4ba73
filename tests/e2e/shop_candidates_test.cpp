// End to end: `seam candidates` on the bundled sample, asserting the answers
// the sample was built to have (samples/shop/README.md, "Planted problems"):
// catalog and notifications first, analytics serving orders' observer port,
// the shared global on both sides, the orders <-> payments cycle and its
// sites, common as a library (seam.json "role"), compile-time uses as headers
// to take along.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace seam {
namespace {

using nlohmann::json;
using test::run;
using test::seam_on_sample;

/// Parsed once per test process (ctest runs each test in its own process).
const json& candidates() {
  static const json j = [] {
    auto r = seam_on_sample("shop", {"candidates", "--format", "json", "-q"});
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out);
  }();
  return j;
}

json module_entry(const std::string& name) {
  for (const json& c : candidates()["candidates"])
    if (c["module"] == name) return c;
  ADD_FAILURE() << "no candidate " << name;
  return json::object();
}

std::vector<json> blockers_of(const std::string& module, const std::string& kind) {
  std::vector<json> out;
  const json entry = module_entry(module);
  for (const json& b : entry["blockers"])
    if (b["kind"] == kind) out.push_back(b);
  return out;
}

TEST(ShopCandidates, CatalogAndNotificationsRankFirstWithoutBlockers) {
  const json& j = candidates();
  EXPECT_EQ(j["schema"], "seam.candidates/2");
  ASSERT_GE(j["candidates"].size(), 2u);
  // README, problem 7: the two clean services, least effort first (22 and 31 sites).
  EXPECT_EQ(j["candidates"][0]["module"], "catalog");
  EXPECT_EQ(j["candidates"][0]["effort"], 22.0);
  EXPECT_TRUE(j["candidates"][0]["blockers"].empty());
  const json& first = j["candidates"][1];
  EXPECT_EQ(first["module"], "notifications");
  EXPECT_EQ(first["rank"], 2);
  EXPECT_EQ(first["effort"], 31.0);
  EXPECT_EQ(first["score"], 67);
  EXPECT_TRUE(first["blockers"].empty());
  std::set<std::string> deps;
  for (const json& d : first["dependencies"]) {
    deps.insert(d["module"].get<std::string>() + ":" + d["kind"].get<std::string>());
  }
  EXPECT_EQ(deps, std::set<std::string>{"common:library"});
  // Its four free functions are the interface's operations, all over values.
  std::set<std::string> ops;
  for (const json& s : first["interface"])
    if (s["operation"]) ops.insert(s["symbol"]);
  EXPECT_EQ(ops, (std::set<std::string>{"shop::notifications::outbox_for", "shop::notifications::recipients",
                                        "shop::notifications::send", "shop::notifications::sent_count"}));
  for (const json& d : first["data"]) EXPECT_TRUE(d["serialisable"].get<bool>()) << d.dump();
  // api calls send and outbox_for inside loops (README, problem 7).
  std::set<std::string> loops;
  for (const json& s : first["chattiness"]["loop_sites"])
    loops.insert(s["file"].get<std::string>() + ":" + std::to_string(s["line"].get<int>()));
  EXPECT_EQ(loops, (std::set<std::string>{"src/api/storefront.cpp:83", "src/api/storefront.cpp:125"}));
}

TEST(ShopCandidates, RanksAreConsecutiveAndScoresDescend) {
  int expected_rank = 1, last_score = 101;
  for (const json& c : candidates()["candidates"]) {
    if (c["rank"].is_null()) continue;
    EXPECT_EQ(c["rank"], expected_rank++);
    EXPECT_LE(c["score"].get<int>(), last_score);
    last_score = c["score"];
    // The effort is the sum of its components, each sites x weight; the score
    // is 100 / (1 + ln(1 + effort / 50)), rounded.
    double sum = 0;
    for (const auto& [name, comp] : c["components"].items()) {
      EXPECT_NEAR(comp["effort"].get<double>(), comp["sites"].get<double>() * comp["weight"].get<double>(), 0.05)
          << c["module"] << " " << name;
      sum += comp["effort"].get<double>();
    }
    EXPECT_NEAR(sum, c["effort"].get<double>(), 0.1) << c["module"];
    EXPECT_NEAR(c["score"].get<int>(), 100.0 / (1 + std::log1p(c["effort"].get<double>() / 50)), 0.5) << c["module"];
  }
  EXPECT_EQ(expected_rank, 9); // 10 modules, minus common and api
}

TEST(ShopCandidates, AnalyticsServesOrdersObserverPort) {
  // README, problem 5: the base class is an interface of pure virtual methods
  // that analytics implements and orders calls: an existing contract, not a blocker.
  EXPECT_TRUE(blockers_of("analytics", "inheritance").empty());
  EXPECT_TRUE(blockers_of("orders", "inheritance").empty());
  json analytics = module_entry("analytics");
  ASSERT_EQ(analytics["ports"].size(), 1u);
  const json& port = analytics["ports"][0];
  EXPECT_EQ(port["class"], "shop::orders::OrderObserver");
  EXPECT_EQ(port["file"], "src/orders/order_observer.h");
  EXPECT_EQ(port["owner"], "orders");
  EXPECT_EQ(port["implementers"], json::array({"analytics"}));
  EXPECT_EQ(port["implementations"], json::array({"shop::analytics::OrderStatsListener"}));
  EXPECT_EQ(port["callers"], json::array({"orders"}));
  EXPECT_EQ(port["operations"],
            json::array({"shop::orders::OrderObserver::on_order_paid", "shop::orders::OrderObserver::on_order_placed"}));
  EXPECT_EQ(port["role"], "implements");
  // orders notifies its observers in loops at order_service.cpp:43 and :63.
  std::set<std::string> calls;
  for (const json& c : port["remote_calls"])
    calls.insert(c["file"].get<std::string>() + ":" + std::to_string(c["line"].get<int>()));
  EXPECT_EQ(calls, (std::set<std::string>{"src/orders/order_service.cpp:43", "src/orders/order_service.cpp:63"}));
  // analytics uses orders only at compile time: its headers, no network.
  for (const json& d : analytics["dependencies"])
    if (d["module"] == "orders") {
      EXPECT_EQ(d["kind"], "headers");
      EXPECT_EQ(d["run_time"], 0);
    }
  bool takes_orders = false;
  for (const json& t : analytics["take_along"])
    if (t["module"] == "orders") {
      takes_orders = true;
      EXPECT_EQ(t["headers"], json::array({"src/orders/order.h", "src/orders/order_observer.h"}));
    }
  EXPECT_TRUE(takes_orders) << analytics["take_along"].dump();
  // orders' side: the same port, which it owns and calls.
  json orders = module_entry("orders");
  ASSERT_EQ(orders["ports"].size(), 1u);
  EXPECT_EQ(orders["ports"][0]["role"], "owns, calls");
}

TEST(ShopCandidates, SharedGlobalBlocksApiAndInventory) {
  auto api = blockers_of("api", "global-state");
  ASSERT_EQ(api.size(), 1u);
  EXPECT_EQ(api[0]["symbol"], "shop::inventory::g_reserve_timeout_seconds");
  EXPECT_EQ(api[0]["file"], "src/api/main.cpp");
  EXPECT_EQ(api[0]["line"], 17);
  auto inv = blockers_of("inventory", "global-state");
  ASSERT_EQ(inv.size(), 1u);
  EXPECT_EQ(inv[0]["symbol"], "shop::inventory::g_reserve_timeout_seconds");
  EXPECT_EQ(inv[0]["file"], "src/inventory/inventory.cpp");
  EXPECT_EQ(inv[0]["line"], 40);
}

TEST(ShopCandidates, OrdersAndPaymentsCarryTheCycleNamingEachOther) {
  auto orders = blockers_of("orders", "cycle");
  ASSERT_EQ(orders.size(), 1u);
  // The lighter side of the cycle's edges: payments' 5 uses of orders (why payments orders).
  EXPECT_EQ(orders[0]["sites"], 5);
  EXPECT_EQ(module_entry("orders")["components"]["cycle"]["sites"], 5.0);
  EXPECT_EQ(orders[0]["partners"], json::array({"payments"}));
  EXPECT_EQ(orders[0]["file"], "src/orders/order_service.cpp");
  EXPECT_EQ(orders[0]["line"], 47);
  auto payments = blockers_of("payments", "cycle");
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["partners"], json::array({"orders"}));
  EXPECT_EQ(payments[0]["file"], "src/payments/payment_gateway.cpp");
  EXPECT_EQ(payments[0]["line"], 46);
  // Scored together, the cycle is gone.
  const json& groups = candidates()["groups"];
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0]["modules"], json::array({"orders", "payments"}));
  for (const json& b : groups[0]["blockers"]) EXPECT_NE(b["kind"], "cycle");
}

TEST(ShopCandidates, NothingElseCarriesThePlantedKinds) {
  // README: no other cycle, cross-module base class or shared mutable global.
  std::set<std::string> carriers;
  for (const json& c : candidates()["candidates"])
    for (const json& b : c["blockers"])
      if (b["kind"] == "cycle" || b["kind"] == "inheritance" || b["kind"] == "global-state")
        carriers.insert(c["module"].get<std::string>() + ":" + b["kind"].get<std::string>());
  EXPECT_EQ(carriers, (std::set<std::string>{"api:global-state", "inventory:global-state", "orders:cycle",
                                             "payments:cycle"}));
}

TEST(ShopCandidates, CommonIsALibraryNotAService) {
  json common = module_entry("common");
  EXPECT_TRUE(common["rank"].is_null());
  EXPECT_TRUE(common["score"].is_null());
  EXPECT_EQ(common["role"], "library");
  EXPECT_TRUE(common["shared_kernel"].get<bool>()); // taken along, as before roles
  ASSERT_FALSE(common["reasons"].empty());
  EXPECT_EQ(common["reasons"][0], "library (seam.json: \"role\": \"library\"): taken along into every service that "
                                  "uses it; calls into it stay local");
  // Every module that depends on common takes it along as a library.
  for (const json& c : candidates()["candidates"])
    for (const json& d : c["dependencies"])
      if (d["module"] == "common") {
        EXPECT_EQ(d["kind"], "library") << c["module"];
      }
  EXPECT_EQ(module_entry("api")["role"], "entry-point");
}

TEST(ShopCandidates, EveryNumberTracesToSites) {
  for (const json& c : candidates()["candidates"]) {
    uint32_t calls = 0, loop_calls = 0;
    for (const json& cl : c["clients"]) {
      calls += cl["calls"].get<uint32_t>();
      loop_calls += cl["loop_calls"].get<uint32_t>();
    }
    EXPECT_EQ(calls, c["chattiness"]["calls"].get<uint32_t>()) << c["module"];
    EXPECT_EQ(loop_calls, c["chattiness"]["loop_sites"].size()) << c["module"];
    // Remote calls in: through the interface, and through the ports it implements.
    uint32_t iface_calls = 0;
    for (const json& s : c["interface"]) iface_calls += s["calls"].get<uint32_t>();
    for (const json& port : c["ports"])
      if (port["role"].get<std::string>().find("implements") != std::string::npos)
        iface_calls += port["remote_calls"].size();
    EXPECT_EQ(iface_calls, calls) << c["module"];
    // Every dependency's uses are compile-time or run-time; only a remote one is called.
    for (const json& d : c["dependencies"]) {
      EXPECT_EQ(d["run_time"].get<uint32_t>() + d["compile_time"].get<uint32_t>(),
                d["references"].get<uint32_t>() + d["includes"].get<uint32_t>())
          << c["module"] << " " << d.dump();
      if (d["kind"] == "headers") EXPECT_EQ(d["run_time"], 0) << c["module"] << " " << d.dump();
    }
    for (const json& b : c["blockers"]) {
      EXPECT_TRUE(b["file"].is_string()) << b.dump();
      EXPECT_GT(b["line"].get<int>(), 0) << b.dump();
      EXPECT_FALSE(b["detail"].get<std::string>().empty());
    }
  }
}

TEST(ShopCandidates, WhatIfListsEveryCallThatWouldBecomeRemote) {
  auto r = seam_on_sample("shop", {"candidates", "--what-if", "payments,orders", "--format", "json", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.candidates/2");
  EXPECT_EQ(j["what_if"], json::array({"orders", "payments"}));
  ASSERT_EQ(j["candidates"].size(), 1u);
  const json& c = j["candidates"][0];
  EXPECT_EQ(c["module"], "orders+payments");
  std::set<std::string> in_set{"orders", "payments"};
  std::set<std::string> sites;
  for (const json& call : c["remote_calls"]) {
    bool in = call["direction"] == "in";
    EXPECT_EQ(in_set.count(call["to"]), in ? 1u : 0u) << call.dump();
    EXPECT_EQ(in_set.count(call["from"]), in ? 0u : 1u) << call.dump();
    sites.insert(call["file"].get<std::string>() + ":" + std::to_string(call["line"].get<int>()));
  }
  EXPECT_TRUE(sites.count("src/api/storefront.cpp:67")) << "api calls OrderService::place";
  EXPECT_TRUE(sites.count("src/orders/order_service.cpp:97")) << "orders calls notifications::send";
  EXPECT_FALSE(sites.count("src/orders/order_service.cpp:47")) << "orders -> payments stays inside";
  EXPECT_EQ(c["remote_calls"].size(), c["chattiness"]["calls"].get<size_t>() + [&] {
    size_t out = 0;
    for (const json& d : c["dependencies"])
      if (d["kind"] == "remote") out += d["calls"].get<size_t>();
    // orders notifies analytics through the observer port (order_service.cpp:43, :63).
    for (const json& port : c["ports"]) out += port["remote_calls"].size();
    return out;
  }());
  EXPECT_TRUE(sites.count("src/orders/order_service.cpp:43")) << "orders calls analytics through OrderObserver";

  auto text = seam_on_sample("shop", {"candidates", "--what-if", "orders,payments", "-q"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("what if orders+payments became one service"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("src/api/storefront.cpp:67"), std::string::npos);
}

TEST(ShopCandidates, BadUsageIsAClearError) {
  auto r = seam_on_sample("shop", {"candidates", "--what-if", "orders,billing", "-q"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no module named 'billing'"), std::string::npos) << r.err;
  auto both = seam_on_sample("shop", {"candidates", "--what-if", "orders", "--suggest", "-q"});
  EXPECT_EQ(both.status, 2);
  EXPECT_NE(both.err.find("--what-if and --suggest"), std::string::npos) << both.err;
  auto res = seam_on_sample("shop", {"candidates", "--suggest", "--resolution", "zero", "-q"});
  EXPECT_EQ(res.status, 2);
  EXPECT_NE(res.err.find("--resolution needs a number"), std::string::npos) << res.err;
  auto help = run({SEAM_EXE, "candidates", "--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* opt : {"--format", "--what-if", "--suggest", "--resolution"})
    EXPECT_NE(help.out.find(opt), std::string::npos) << opt;
}

TEST(ShopCandidates, TextRanksCatalogFirst) {
  auto r = seam_on_sample("shop", {"candidates", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  size_t header = r.out.find('\n');
  ASSERT_NE(header, std::string::npos);
  std::string first = r.out.substr(header + 1, r.out.find('\n', header + 1) - header - 1);
  EXPECT_NE(first.find("catalog"), std::string::npos) << first;
  EXPECT_EQ(first.find("   1 "), 0u) << first;
  EXPECT_NE(r.out.find("common          library: taken along"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("extract together"), std::string::npos);
}

TEST(ShopCandidates, SuggestComparesPartitionsAndIsIdenticalAcrossJobsAndRuns) {
  auto a = seam_on_sample("shop", {"candidates", "--suggest", "--format", "json", "-j", "1", "-q"});
  auto b = seam_on_sample("shop", {"candidates", "--suggest", "--format", "json", "-j", "2", "-q"});
  auto c = seam_on_sample("shop", {"candidates", "--suggest", "--format", "json", "-j", "2", "-q"});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(b.out, c.out);
  json j = json::parse(a.out);
  EXPECT_EQ(j["schema"], "seam.suggest/1");
  EXPECT_EQ(j["algorithm"], "louvain");
  EXPECT_EQ(j["libraries"], json::array({"common"}));
  size_t total = 0;
  for (const json& s : j["services"]) total += s["size"].get<size_t>();
  EXPECT_EQ(total, j["entities"].get<size_t>());
  for (const char* side : {"declared", "suggested"})
    for (const char* m : {"modularity", "sm", "icp", "ifn", "ned"})
      EXPECT_TRUE(j["metrics"][side][m].is_number()) << side << " " << m;
  EXPECT_EQ(j["metrics"]["declared"]["services"], 9); // ten modules minus the kernel
  // analytics only exists to listen to orders: the clustering puts it with them.
  bool moved = false;
  for (const json& m : j["moves"])
    if (m["file"] == "src/analytics/order_stats.h") moved = m["to"] == "orders";
  EXPECT_TRUE(moved) << j["moves"].dump();

  auto text = seam_on_sample("shop", {"candidates", "--suggest", "-q"});
  ASSERT_EQ(text.status, 0) << text.err;
  for (const char* s : {"structural modularity (SM)", "inter-call percentage (ICP)", "interface number (IFN)",
                        "non-extreme distribution (NED)", "files the suggestion would move"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s;
}

TEST(ShopCandidates, OutputIsByteIdenticalAcrossJobsAndRuns) {
  auto a = seam_on_sample("shop", {"candidates", "--format", "json", "-j", "1", "-q"});
  auto b = seam_on_sample("shop", {"candidates", "--format", "json", "-j", "2", "-q"});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  auto t1 = seam_on_sample("shop", {"candidates", "-j", "1", "-q"});
  auto t2 = seam_on_sample("shop", {"candidates", "-j", "2", "-q"});
  EXPECT_EQ(t1.out, t2.out);
}

TEST(ShopCandidates, OutputFileIsWrittenAtomically) {
  std::string out = std::string(SEAM_BINARY_DIR) + "/shop-candidates-test.json";
  std::remove(out.c_str());
  auto r = seam_on_sample("shop", {"candidates", "--format", "json", "-q", "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(json::parse(test::slurp(out))["schema"], "seam.candidates/2");
}

} // namespace
} // namespace seam
