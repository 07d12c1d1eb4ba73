// Suggested boundaries: Louvain, modularity and the decomposition metrics
// (SM, ICP, IFN, NED) against values computed by hand, the symbol graph's
// entities, and the files a suggestion moves. Everything deterministic.
#include "analyzers/cluster/decomposition.h"
#include "analyzers/cluster/louvain.h"
#include "analyzers/cluster/suggest.h"
#include "analyzers/cluster/symbol_graph.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace seam {
namespace {

using test::TuBuilder;
using Edges = std::vector<std::tuple<uint32_t, uint32_t, double>>;

/// Two 4-cliques {0..3} and {4..7} joined by the edge 3-4.
Edges two_cliques() {
  Edges e;
  for (uint32_t base : {0u, 4u})
    for (uint32_t i = 0; i < 4; ++i)
      for (uint32_t j = i + 1; j < 4; ++j) e.emplace_back(base + i, base + j, 1.0);
  e.emplace_back(3, 4, 1.0);
  return e;
}

TEST(Louvain, FindsTheTwoCliques) {
  WeightedGraph g = WeightedGraph::from_edges(8, two_cliques());
  std::vector<uint32_t> c = louvain(g);
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
  // m = 13; each side: inside 2*6 = 12, degrees 3*4 + 1 = 13.
  // Q = 2 * (12/26 - (13/26)^2) = 0.4230769...
  EXPECT_NEAR(modularity(g, c), 2 * (12.0 / 26 - 0.25), 1e-12);
  EXPECT_NEAR(modularity(g, std::vector<uint32_t>(8, 0)), 0.0, 1e-12); // one community: Q = 0
}

TEST(Louvain, SameAnswerWhateverTheEdgeOrderAndAcrossRuns) {
  Edges e = two_cliques();
  // A graph without an obvious answer: a ring of 12 with chords.
  for (uint32_t i = 0; i < 12; ++i) e.emplace_back(8 + i, 8 + (i + 1) % 12, 1.0 + i % 3);
  e.emplace_back(8, 14, 2.0);
  e.emplace_back(11, 17, 1.0);
  e.emplace_back(7, 8, 0.5);
  std::vector<uint32_t> first = louvain(WeightedGraph::from_edges(20, e));
  Edges reversed(e.rbegin(), e.rend());
  for (auto& [a, b, w] : reversed) std::swap(a, b);
  EXPECT_EQ(louvain(WeightedGraph::from_edges(20, reversed)), first);
  EXPECT_EQ(louvain(WeightedGraph::from_edges(20, e)), first);
  // Communities are numbered by first node.
  EXPECT_EQ(first[0], 0u);
}

TEST(Louvain, HigherResolutionNeverGivesFewerCommunities) {
  Edges e = two_cliques();
  auto count = [&](double gamma) {
    LouvainOptions o;
    o.resolution = gamma;
    std::vector<uint32_t> c = louvain(WeightedGraph::from_edges(8, e), o);
    return *std::max_element(c.begin(), c.end()) + 1;
  };
  EXPECT_EQ(count(0.01), 1u); // gamma -> 0: everything connected joins
  EXPECT_EQ(count(1.0), 2u);
  EXPECT_GE(count(8.0), 2u);
}

/// Six entities; services {0,1,2} and {3,4,5} in `by_hand`.
SymbolGraph six_entities() {
  SymbolGraph g;
  g.entities = {0, 1, 2, 3, 4, 5};
  g.module = {0, 0, 0, 1, 1, 1};
  // from, to, refs, calls
  g.edges = {{0, 1, 2, 2}, {1, 2, 1, 1}, {2, 0, 1, 0}, {2, 3, 1, 1}, {3, 2, 1, 1},
             {3, 4, 1, 1}, {4, 5, 1, 1}, {5, 0, 1, 0}};
  return g;
}

TEST(Decomposition, MetricsByHand) {
  SymbolGraph g = six_entities();
  DecompositionMetrics m = decomposition_metrics(g, {7, 7, 7, 9, 9, 9});
  EXPECT_EQ(m.services, 2u);
  // Linked pairs inside: {0,1},{1,2},{0,2} and {3,4},{4,5}; between: {2,3},{0,5}.
  // SM = (3/9 + 2/9) / 2 - (2 / (2*3*3)) / 1 = 5/18 - 2/18
  EXPECT_NEAR(m.sm, 3.0 / 18, 1e-12);
  // Calls: 2+1+0+1+1+1+1+0 = 7, of which between services 2->3 and 3->2.
  EXPECT_EQ(m.calls, 7u);
  EXPECT_EQ(m.inter_calls, 2u);
  EXPECT_NEAR(m.icp, 2.0 / 7, 1e-12);
  // Interfaces: 3 (from 2), 2 (from 3), 0 (from 5): 3 over 2 services.
  EXPECT_NEAR(m.ifn, 1.5, 1e-12);
  // Both services have 3 entities, below 5: all extreme.
  EXPECT_NEAR(m.ned, 1.0, 1e-12);
  // Undirected weights: {0,1} 2, {1,2} 1, {0,2} 1, {2,3} 2, {3,4} 1, {4,5} 1, {0,5} 1; m = 9.
  // Degrees 4,3,4,3,2,2: totals 11 and 7; inside 8 and 4.
  EXPECT_NEAR(m.modularity, 12.0 / 18 - (121.0 + 49.0) / 324, 1e-12);
}

TEST(Decomposition, OneServiceHasNoCouplingTerm) {
  DecompositionMetrics m = decomposition_metrics(six_entities(), std::vector<uint32_t>(6, 0));
  EXPECT_EQ(m.services, 1u);
  EXPECT_NEAR(m.sm, 7.0 / 36, 1e-12); // 7 linked pairs / 6^2
  EXPECT_EQ(m.inter_calls, 0u);
  EXPECT_NEAR(m.ifn, 0.0, 1e-12);
  EXPECT_NEAR(m.ned, 0.0, 1e-12); // 6 entities: between 5 and 20
}

Config two_modules() {
  Config c;
  c.root = "/p";
  for (const char* n : {"m1", "m2"}) {
    ModuleDecl d;
    d.name = n;
    d.paths = {std::string("src/") + n + "/**"};
    c.modules.push_back(d);
  }
  return c;
}

/// m1: classes A, B, C calling each other; m2: X, Y, Z calling each other;
/// src/m2/stray.cpp defines m2::w, which only m1 uses (heavily).
Project misplaced_file() {
  TuBuilder t;
  auto add = [&](const std::string& name, const std::string& file, SymbolKind k = SymbolKind::Class) {
    return t.symbol(name, file, k);
  };
  for (const char* c : {"m1::A", "m1::B", "m1::C"}) add(c, "src/m1/m1.h");
  for (const char* c : {"m2::X", "m2::Y", "m2::Z"}) add(c, "src/m2/m2.h");
  add("m2::w", "src/m2/stray.cpp", SymbolKind::Function);
  // A method folds into its class.
  uint32_t run = add("m1::A::run", "src/m1/m1.cpp", SymbolKind::Method);
  t.tu.symbols[run].parent_usr = "u:m1::A";
  add("M1_MACRO", "src/m1/m1.h", SymbolKind::Macro);
  add("m2::unused", "src/m2/m2.h", SymbolKind::Function); // no reference: isolated
  uint32_t line = 1;
  auto ref = [&](const std::string& from, const std::string& to, RefKind k = RefKind::Call) {
    t.ref("src/x.cpp", line++, to, "", k);
    t.tu.refs.back().from = t.symbol(from, "");
  };
  for (int i = 0; i < 3; ++i) {
    ref("m1::A::run", "m1::B");
    ref("m1::B", "m1::C");
    ref("m1::C", "m1::A");
    ref("m2::X", "m2::Y");
    ref("m2::Y", "m2::Z");
    ref("m2::Z", "m2::X");
    ref("m1::A::run", "m2::w");
    ref("m1::B", "m2::w");
  }
  ref("m1::C", "m2::X"); // one weak link between the two
  ref("m1::A::run", "M1_MACRO", RefKind::MacroExpansion);
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), two_modules(), p, errors, warnings));
  return p;
}

TEST(SymbolGraph, MembersFoldIntoTheirClassMacrosAndLoneSymbolsAreLeftOut) {
  Project p = misplaced_file();
  SymbolGraph g = build_symbol_graph(p);
  std::vector<std::string> names;
  for (SymbolId s : g.entities) names.push_back(p.symbols[s].name);
  EXPECT_EQ(names, (std::vector<std::string>{"m1::A", "m1::B", "m1::C", "m2::X", "m2::Y", "m2::Z", "m2::w"}));
  EXPECT_EQ(g.isolated, 1u); // m2::unused
  EXPECT_EQ(g.entity_of[p.symbol_index.at("u:m1::A::run")], 0u);
  // A -> B counts the three calls made by A::run.
  auto ab = std::find_if(g.edges.begin(), g.edges.end(), [](const EntityEdge& e) { return e.from == 0 && e.to == 1; });
  ASSERT_NE(ab, g.edges.end());
  EXPECT_EQ(ab->refs, 3u);
  EXPECT_EQ(ab->calls, 3u);
  // Leaving m2 out drops its symbols and every edge to them.
  std::vector<char> left_out(p.modules.size(), 0);
  left_out[p.find_module("m2")] = 1;
  SymbolGraph only_m1 = build_symbol_graph(p, left_out);
  EXPECT_EQ(only_m1.entities.size(), 3u);
  for (const EntityEdge& e : only_m1.edges) EXPECT_LT(std::max(e.from, e.to), 3u);
}

TEST(Suggest, MovesTheFileWhoseCodeBelongsWithTheOtherModule) {
  Project p = misplaced_file();
  Suggestion s = suggest_services(p);
  ASSERT_EQ(s.services.size(), 2u);
  EXPECT_EQ(p.module_name(s.services[0].label), "m1"); // A, B, C and w: 4 entities
  EXPECT_EQ(s.services[0].entities.size(), 4u);
  EXPECT_EQ(p.module_name(s.services[1].label), "m2");
  ASSERT_EQ(s.moves.size(), 1u);
  EXPECT_EQ(p.files[s.moves[0].file].path, "src/m2/stray.cpp");
  EXPECT_EQ(p.module_name(s.moves[0].from), "m2");
  EXPECT_EQ(p.module_name(s.moves[0].to), "m1");
  EXPECT_EQ(s.moves[0].symbols, 1u);
  // The suggestion is better than the declared modules on this graph.
  EXPECT_GT(s.suggested.modularity, s.declared.modularity);
  EXPECT_LT(s.suggested.icp, s.declared.icp);
  // Declared m2 splits into the two services.
  ASSERT_EQ(s.modules.size(), 2u);
  EXPECT_EQ(s.modules[1].services.size(), 2u);
  // Deterministic.
  Suggestion again = suggest_services(p);
  EXPECT_EQ(again.service_of, s.service_of);
}

} // namespace
} // namespace seam
