// Cycles at module, component and file level: members, the edges inside, one
// walk around each, and the cheapest cut, against hand-computed answers on
// hand-built graphs and facts.
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/shortest_chain.h"
#include "analyzers/model/model.h"
#include "reports/graph/cycles_report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::build_from;
using test::src_modules;
using test::TuBuilder;

/// A graph with nodes named by single letters and edges "xy" of weight w.
UnitGraph letters(const std::string& nodes, const std::vector<std::pair<std::string, uint32_t>>& edges) {
  UnitGraph g;
  for (char c : nodes) g.names.push_back(std::string(1, c));
  g.module.assign(nodes.size(), kNoModule);
  for (const auto& [ft, w] : edges) {
    UnitEdge e;
    e.from = g.find(ft.substr(0, 1));
    e.to = g.find(ft.substr(1, 1));
    e.weight = w;
    g.edges.push_back(e);
  }
  std::sort(g.edges.begin(), g.edges.end(),
            [](const UnitEdge& a, const UnitEdge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
  g.out.assign(nodes.size(), {});
  g.in.assign(nodes.size(), {});
  for (uint32_t i = 0; i < g.edges.size(); ++i) {
    g.out[g.edges[i].from].push_back(i);
    g.in[g.edges[i].to].push_back(i);
  }
  return g;
}

std::vector<std::string> names(const UnitGraph& g, const std::vector<uint32_t>& v) {
  std::vector<std::string> out;
  for (uint32_t x : v) out.push_back(g.names[x]);
  return out;
}

std::string edge_name(const UnitGraph& g, uint32_t e) {
  return e == UINT32_MAX ? "none" : g.names[g.edges[e].from] + g.names[g.edges[e].to];
}

TEST(Cycles, AcyclicGraphHasNone) {
  UnitGraph g = letters("abc", {{"ab", 1}, {"bc", 1}, {"ac", 1}});
  EXPECT_TRUE(find_unit_cycles(g).empty());
}

TEST(Cycles, TwoCyclePicksTheLighterEdge) {
  // a -> b carries 3 uses, b -> a one: cutting b -> a costs least.
  UnitGraph g = letters("abc", {{"ab", 3}, {"ba", 1}, {"bc", 7}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(names(g, cs[0].members), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(cs[0].edges.size(), 2u); // b -> c is not inside
  EXPECT_EQ(edge_name(g, cs[0].cheapest), "ba");
  EXPECT_TRUE(cs[0].cheapest_splits);
  EXPECT_TRUE(cs[0].remaining.empty());
  EXPECT_EQ(names(g, cs[0].path), (std::vector<std::string>{"a", "b", "a"}));
}

TEST(Cycles, EqualWeightsGoToTheFirstEdgeByName) {
  UnitGraph g = letters("cd", {{"dc", 2}, {"cd", 2}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(edge_name(g, cs[0].cheapest), "cd");
}

TEST(Cycles, CutThatLeavesASmallerCycleSaysSo) {
  // x <-> y (1 each), y <-> z (3, 5). The lightest edge x -> y splits x off,
  // but {y, z} stays a cycle.
  UnitGraph g = letters("xyz", {{"xy", 1}, {"yx", 1}, {"yz", 3}, {"zy", 5}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(names(g, cs[0].members), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(edge_name(g, cs[0].cheapest), "xy");
  EXPECT_TRUE(cs[0].cheapest_splits);
  ASSERT_EQ(cs[0].remaining.size(), 1u);
  EXPECT_EQ(names(g, cs[0].remaining[0]), (std::vector<std::string>{"y", "z"}));
}

TEST(Cycles, LightEdgeThatDoesNotSplitIsSkipped) {
  // Ring a -> b -> c -> a (weights 5, 6, 7) plus a chord b -> a (1) and a
  // chord c -> b (2). Removing b -> a leaves the ring; removing c -> b leaves
  // the ring; the ring edges each split something: a -> b (5) is the cut.
  UnitGraph g = letters("abc", {{"ab", 5}, {"bc", 6}, {"ca", 7}, {"ba", 1}, {"cb", 2}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(edge_name(g, cs[0].cheapest), "ab");
  EXPECT_TRUE(cs[0].cheapest_splits);
  // Without a -> b: b -> c -> b and c -> a, b -> a: {b, c} remains.
  ASSERT_EQ(cs[0].remaining.size(), 1u);
  EXPECT_EQ(names(g, cs[0].remaining[0]), (std::vector<std::string>{"b", "c"}));
}

TEST(Cycles, DenseTangleHasNoSingleCut) {
  // Every pair both ways: no single edge splits it; the lightest is reported.
  UnitGraph g = letters("abc", {{"ab", 4}, {"ba", 4}, {"bc", 4}, {"cb", 2}, {"ca", 4}, {"ac", 4}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_FALSE(cs[0].cheapest_splits);
  EXPECT_EQ(edge_name(g, cs[0].cheapest), "cb");
  ASSERT_EQ(cs[0].remaining.size(), 1u);
  EXPECT_EQ(cs[0].remaining[0].size(), 3u);
}

TEST(Cycles, SeveralCyclesSortedByFirstMemberWithShortestWalk) {
  // {a, b, c} via a -> b -> c -> a and a -> c; {d, e}.
  UnitGraph g = letters("abcde", {{"ed", 1}, {"de", 1}, {"ab", 1}, {"bc", 1}, {"ca", 1}, {"ac", 1}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(names(g, cs[0].members), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(names(g, cs[1].members), (std::vector<std::string>{"d", "e"}));
  // Shortest walk through a: a -> c -> a.
  EXPECT_EQ(names(g, cs[0].path), (std::vector<std::string>{"a", "c", "a"}));
  auto of = cycle_of_node(g.size(), cs);
  EXPECT_EQ(of, (std::vector<uint32_t>{0, 0, 0, 1, 1}));
}

TEST(ShortestChain, FollowsTheFewestLinksFirstByName) {
  UnitGraph g = letters("abcde", {{"ab", 1}, {"ac", 1}, {"bd", 1}, {"cd", 1}, {"de", 1}});
  auto path = shortest_chain(g, g.find("a"), g.find("e"));
  std::vector<std::string> walk;
  for (uint32_t e : path) walk.push_back(edge_name(g, e));
  EXPECT_EQ(walk, (std::vector<std::string>{"ab", "bd", "de"}));
  EXPECT_TRUE(shortest_chain(g, g.find("e"), g.find("a")).empty());
  EXPECT_TRUE(shortest_chain(g, g.find("a"), g.find("a")).empty());
}

/// Three modules laid out like samples/shop's planted cycle, plus a header
/// cycle inside one module:
///   src/a/x.cpp includes src/b/y.h and calls b::y (3 times);
///   src/b/y.h includes src/a/x.h; src/b/y.cpp uses a::X once;
///   src/c/p.h and src/c/q.h include each other.
Project planted() {
  TuBuilder t;
  t.tu.main_file = "src/a/x.cpp";
  t.include("src/a/x.cpp", 1, "src/a/x.h");
  t.include("src/a/x.cpp", 2, "src/b/y.h");
  t.symbol("b::y", "src/b/y.cpp");
  t.ref("src/a/x.cpp", 10, "b::y", "src/b/y.cpp");
  t.ref("src/a/x.cpp", 11, "b::y", "src/b/y.cpp");
  t.ref("src/a/x.cpp", 12, "b::y", "src/b/y.cpp");
  t.include("src/b/y.h", 3, "src/a/x.h");
  t.include("src/b/y.cpp", 1, "src/b/y.h");
  t.ref("src/b/y.cpp", 20, "a::X", "src/a/x.h", RefKind::TypeUse);
  t.include("src/c/p.h", 1, "src/c/q.h");
  t.include("src/c/q.h", 1, "src/c/p.h");
  t.include("src/c/p.cpp", 1, "src/c/p.h");
  Project p;
  EXPECT_TRUE(build_from(std::move(t.tu), src_modules({"a", "b", "c"}), p));
  return p;
}

TEST(ProjectCycles, ModuleComponentAndFileLevels) {
  Project p = planted();
  ProjectCycles c = find_project_cycles(p, EdgeKinds::All); // components with references too
  // Modules: a -> b (1 include + 3 calls = 4), b -> a (1 include + 1 type = 2).
  ASSERT_EQ(c.module_cycles.size(), 1u);
  EXPECT_EQ(names(c.modules, c.module_cycles[0].members), (std::vector<std::string>{"a", "b"}));
  const UnitEdge& cut = c.modules.edges[c.module_cycles[0].cheapest];
  EXPECT_EQ(c.modules.names[cut.from], "b");
  EXPECT_EQ(cut.weight, 2u);
  EXPECT_EQ(c.modules.edge(0, 1)->weight, 4u);
  // Components: src/a/x <-> src/b/y, and src/c/p <-> src/c/q.
  ASSERT_EQ(c.component_cycles.size(), 2u);
  EXPECT_EQ(names(c.components, c.component_cycles[0].members), (std::vector<std::string>{"src/a/x", "src/b/y"}));
  EXPECT_EQ(names(c.components, c.component_cycles[1].members), (std::vector<std::string>{"src/c/p", "src/c/q"}));
  const UnitEdge& ccut = c.components.edges[c.component_cycles[0].cheapest];
  EXPECT_EQ(c.components.names[ccut.from], "src/b/y");
  // Files: only the header pair; x.cpp -> y.h -> x.h is no file cycle.
  ASSERT_EQ(c.file_cycles.size(), 1u);
  EXPECT_EQ(names(c.files, c.file_cycles[0].members), (std::vector<std::string>{"src/c/p.h", "src/c/q.h"}));
  // Levels: the module cycle {a, b} depends on nothing else; c is alone.
  EXPECT_EQ(c.module_levels, (std::vector<uint32_t>{1, 1, 1}));
}

TEST(ProjectCycles, JsonHasSortedMemberListsAndDetails) {
  Project p = planted();
  auto j = cycles_json(p, find_project_cycles(p));
  EXPECT_EQ(j["schema"], "seam.cycles/1");
  EXPECT_EQ(j["module_cycles"], nlohmann::ordered_json::parse(R"([["a","b"]])"));
  EXPECT_EQ(j["file_cycles"], nlohmann::ordered_json::parse(R"([["src/c/p.h","src/c/q.h"]])"));
  const auto& d = j["module_cycle_details"][0];
  EXPECT_EQ(d["cheapest_break"]["from"], "b");
  EXPECT_EQ(d["cheapest_break"]["to"], "a");
  EXPECT_EQ(d["cheapest_break"]["weight"], 2);
  EXPECT_EQ(d["cheapest_break"]["splits"], true);
  // a -> b: the heaviest symbol is b::y, used 3 times, first at x.cpp:10.
  const auto& ab = d["edges"][0];
  EXPECT_EQ(ab["from"], "a");
  EXPECT_EQ(ab["heaviest_sites"]["symbols"][0]["symbol"], "b::y");
  EXPECT_EQ(ab["heaviest_sites"]["symbols"][0]["uses"], 3);
  EXPECT_EQ(ab["heaviest_sites"]["symbols"][0]["site"]["file"], "src/a/x.cpp");
  EXPECT_EQ(ab["heaviest_sites"]["symbols"][0]["site"]["line"], 10);
  EXPECT_EQ(ab["heaviest_sites"]["includes"][0]["line"], 2);
  EXPECT_EQ(j["module_levels"][0]["module"], "a");
  EXPECT_EQ(j["module_levels"][0]["level"], 1);
}

TEST(ProjectCycles, TextNamesTheCutAndTheSites) {
  Project p = planted();
  std::string t = cycles_text(p, find_project_cycles(p));
  EXPECT_NE(t.find("module cycles: 1"), std::string::npos) << t;
  EXPECT_NE(t.find("path: a -> b -> a"), std::string::npos) << t;
  EXPECT_NE(t.find("cheapest cut: b -> a (2 uses) breaks the cycle"), std::string::npos) << t;
  EXPECT_NE(t.find("b::y  x3  e.g. src/a/x.cpp:10:5 call"), std::string::npos) << t;
  EXPECT_NE(t.find("file cycles: 1"), std::string::npos) << t;
}

TEST(ProjectCycles, TextOfABigTangleListsItsLightestEdges) {
  // A ring of 20 files including each other in a circle, plus chords:
  // f00.h -> f01.h -> ... -> f19.h -> f00.h.
  TuBuilder t;
  t.tu.main_file = "src/m/f00.h";
  auto name = [](int i) { return "src/m/f" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".h"; };
  for (int i = 0; i < 20; ++i) t.include(name(i), 1, name((i + 1) % 20));
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), src_modules({"m"}), p));
  ProjectCycles pc = find_project_cycles(p);
  ASSERT_EQ(pc.file_cycles.size(), 1u);
  EXPECT_EQ(pc.file_cycles[0].members.size(), 20u);
  EXPECT_EQ(pc.file_cycles[0].path.size(), 21u); // the whole ring and back
  std::string text = cycles_text(p, pc);
  EXPECT_NE(text.find("... 8 more edges inside this cycle, none lighter (--format json lists all)"), std::string::npos) << text;
  EXPECT_EQ(cycles_json(p, pc)["file_cycle_details"][0]["edges"].size(), 20u);
}

TEST(ProjectCycles, TextOfAHugeCycleNamesItsFirstMembersAndCountsTheRest) {
  TuBuilder t;
  t.tu.main_file = "src/m/f00.h";
  auto name = [](int i) { return "src/m/f" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".h"; };
  for (int i = 0; i < 30; ++i) t.include(name(i), 1, name((i + 1) % 30));
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), src_modules({"m"}), p));
  ProjectCycles pc = find_project_cycles(p);
  std::string text = cycles_text(p, pc);
  EXPECT_NE(text.find("[1] src/m/f00.h, src/m/f01.h, "), std::string::npos) << text;
  EXPECT_NE(text.find("src/m/f23.h, and 6 more  (30 files, level 1)"), std::string::npos) << text;
  EXPECT_EQ(text.find("src/m/f24.h, src/m/f25.h"), std::string::npos) << text;
  EXPECT_EQ(cycles_json(p, pc)["file_cycles"][0].size(), 30u);
}

} // namespace
} // namespace seam
