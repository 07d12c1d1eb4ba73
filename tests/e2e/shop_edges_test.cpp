// End to end on samples/shop: `--edges include|symbol|all` on graph, cycles,
// why and metrics. The module graph with include edges is exactly the
// sample's include-backed edges and with symbol edges its reference-backed
// ones (both read off the `all` graph's counts per kind); the text says which
// edges it shows; a wrong value is a usage error naming the valid ones.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace seam {
namespace {

using test::seam_on_sample;
using Json = nlohmann::json;
using Edges = std::set<std::pair<std::string, std::string>>;

Json run_json(std::vector<std::string> args) {
  args.push_back("-q");
  auto r = seam_on_sample("shop", args);
  EXPECT_EQ(r.status, 0) << r.err;
  return Json::parse(r.out);
}

Edges edges_of(const Json& graph) {
  Edges out;
  for (const auto& e : graph["edges"]) out.insert({e["from"].get<std::string>(), e["to"].get<std::string>()});
  return out;
}

TEST(ShopEdges, ModuleGraphSplitsIntoIncludeAndSymbolEdges) {
  Json all = run_json({"graph", "--format", "json"});
  EXPECT_EQ(all["edge_kinds"], "all");
  Edges with_include, with_refs;
  for (const auto& e : all["edges"]) {
    int refs = 0;
    for (const auto& [kind, n] : e["kinds"].items())
      if (kind != "include") refs += n.get<int>();
    const std::pair<std::string, std::string> edge{e["from"], e["to"]};
    if (e["kinds"].contains("include")) with_include.insert(edge);
    if (refs) with_refs.insert(edge);
  }
  ASSERT_FALSE(with_include.empty());
  ASSERT_FALSE(with_refs.empty());

  Json inc = run_json({"graph", "--format", "json", "--edges", "include"});
  EXPECT_EQ(inc["edge_kinds"], "include");
  EXPECT_EQ(edges_of(inc), with_include);
  for (const auto& e : inc["edges"]) {
    EXPECT_EQ(e["kinds"].size(), 1u) << e;
    EXPECT_EQ(e["kinds"]["include"], e["weight"]) << e;
  }
  Json sym = run_json({"graph", "--format", "json", "--edges", "symbol"});
  EXPECT_EQ(sym["edge_kinds"], "symbol");
  EXPECT_EQ(edges_of(sym), with_refs);
  for (const auto& e : sym["edges"]) EXPECT_FALSE(e["kinds"].contains("include")) << e;

  // The planted undeclared use analytics -> catalog: a call, a member read and an include.
  for (const auto& e : inc["edges"])
    if (e["from"] == "analytics" && e["to"] == "catalog") EXPECT_EQ(e["weight"], 1);
  for (const auto& e : sym["edges"])
    if (e["from"] == "analytics" && e["to"] == "catalog") EXPECT_EQ(e["weight"], 2);
}

TEST(ShopEdges, ComponentsAndFilesDefaultToIncludes) {
  for (const char* level : {"component", "file"}) {
    Json def = run_json({"graph", "--format", "json", "--level", level});
    EXPECT_EQ(def["edge_kinds"], "include") << level;
    for (const auto& e : def["edges"]) EXPECT_EQ(e["kinds"].size(), 1u) << level << " " << e;
    Json all = run_json({"graph", "--format", "json", "--level", level, "--edges", "all"});
    EXPECT_EQ(all["edge_kinds"], "all") << level;
    size_t with_refs = 0;
    for (const auto& e : all["edges"]) with_refs += e["kinds"].size() > 1 || !e["kinds"].contains("include");
    EXPECT_GT(with_refs, 0u) << level;
  }
}

TEST(ShopEdges, TextSaysWhichEdgesItShows) {
  auto r = seam_on_sample("shop", {"graph", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("edges: all (#include directives and references to symbols)\n", 0), 0u) << r.out;
  r = seam_on_sample("shop", {"graph", "--level", "component", "-q"});
  EXPECT_EQ(r.out.rfind("edges: include (#include directives)\n", 0), 0u) << r.out;
  r = seam_on_sample("shop", {"graph", "--edges", "symbol", "-q"});
  EXPECT_EQ(r.out.rfind("edges: symbol (references to symbols)\n", 0), 0u) << r.out;
  r = seam_on_sample("shop", {"cycles", "-q"});
  EXPECT_EQ(r.out.rfind("edges: module all, component include, file include", 0), 0u) << r.out;
  r = seam_on_sample("shop", {"why", "payments", "orders", "--edges", "include", "-q"});
  EXPECT_EQ(r.out.rfind("edges: include (#include directives)\n"
                        "payments -> orders: 2 uses (include 2); 0 run-time, 2 compile-time\n",
                        0),
            0u)
      << r.out;
  EXPECT_EQ(r.out.find("mark_paid"), std::string::npos) << r.out; // a reference: not shown
  // Drawings say it in their legend.
  r = seam_on_sample("shop", {"graph", "--format", "dot", "--level", "component", "-q"});
  EXPECT_NE(r.out.find("<B>component graph, edges: #include directives</B>"), std::string::npos) << r.out;
  r = seam_on_sample("shop", {"metrics", "--edges", "symbol", "-q"});
  EXPECT_EQ(r.out.rfind("edges: module graph symbol, component graph symbol", 0), 0u) << r.out;
}

TEST(ShopEdges, CyclesFollowTheChoiceAtEveryLevel) {
  Json def = run_json({"cycles", "--format", "json"});
  EXPECT_EQ(def["edge_kinds"], Json::parse(R"({"module": "all", "component": "include", "file": "include"})"));
  EXPECT_EQ(def["module_cycles"], Json::parse(R"([["orders","payments"]])"));
  // Each side's .cpp includes the other's header: an include cycle of components, not of files.
  EXPECT_EQ(def["component_cycles"], Json::parse(R"([["src/orders/order_service","src/payments/payment_gateway"]])"));
  EXPECT_EQ(def["file_cycles"], Json::array());

  Json inc = run_json({"cycles", "--format", "json", "--edges", "include"});
  EXPECT_EQ(inc["edge_kinds"], Json::parse(R"({"module": "include", "component": "include", "file": "include"})"));
  EXPECT_EQ(inc["module_cycles"], Json::parse(R"([["orders","payments"]])"));

  // With references, order_service.cpp calls charge (payment_gateway.cpp) and
  // payment_gateway.cpp calls mark_paid (order_service.cpp): a file cycle of references.
  Json sym = run_json({"cycles", "--format", "json", "--edges", "symbol"});
  EXPECT_EQ(sym["file_cycles"],
            Json::parse(R"([["src/orders/order_service.cpp","src/payments/payment_gateway.cpp"]])"));
}

TEST(ShopEdges, AnUnknownValueIsAUsageErrorNamingTheValidOnes) {
  for (const char* cmd : {"graph", "cycles", "metrics", "report"}) {
    auto r = seam_on_sample("shop", {cmd, "--edges", "includes", "-q"});
    EXPECT_EQ(r.status, 2) << cmd;
    EXPECT_NE(r.err.find("--edges takes one of include, symbol, all, not 'includes'"), std::string::npos)
        << cmd << ": " << r.err;
  }
  auto r = seam_on_sample("shop", {"why", "orders", "payments", "--edges", "both", "-q"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--edges takes one of include, symbol, all"), std::string::npos) << r.err;
}

} // namespace
} // namespace seam
