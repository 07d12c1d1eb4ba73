// Cycles at module, component and file level: members, the edges inside, one
// walk around each, the breakdown and the minimum cut, against hand-computed answers on
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

std::vector<std::string> edge_names(const UnitGraph& g, const std::vector<uint32_t>& es) {
  std::vector<std::string> out;
  for (uint32_t e : es) out.push_back(edge_name(g, e));
  return out;
}

std::vector<std::string> breakdown_text(const UnitGraph& g, const UnitCycle& c) {
  std::vector<std::string> out;
  for (const CycleStep& s : c.breakdown) {
    std::string t;
    for (uint32_t v : s.path) t += g.names[v];
    out.push_back(t + " closes at " + edge_name(g, s.closing));
  }
  return out;
}

TEST(Cycles, TwoCycleCutsTheLighterEdge) {
  // a -> b carries 3 uses, b -> a one: cutting b -> a costs least.
  UnitGraph g = letters("abc", {{"ab", 3}, {"ba", 1}, {"bc", 7}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(names(g, cs[0].members), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(cs[0].edges.size(), 2u); // b -> c is not inside
  EXPECT_EQ(edge_names(g, cs[0].cut), (std::vector<std::string>{"ba"}));
  EXPECT_EQ(cs[0].cut_weight, 1u);
  EXPECT_TRUE(cs[0].cut_exact);
  EXPECT_EQ(names(g, cs[0].order), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(breakdown_text(g, cs[0]), (std::vector<std::string>{"aba closes at ba"}));
  EXPECT_EQ(names(g, cs[0].path), (std::vector<std::string>{"a", "b", "a"}));
}

TEST(Cycles, TheBreakdownClosesAtTheStartWhateverTheWeights) {
  // The lint's rule: the closing edge goes back to the first member by name,
  // here the heavier one; the cut still takes the lighter.
  UnitGraph g = letters("cd", {{"dc", 5}, {"cd", 2}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(breakdown_text(g, cs[0]), (std::vector<std::string>{"cdc closes at dc"}));
  EXPECT_EQ(edge_names(g, cs[0].cut), (std::vector<std::string>{"cd"}));
  EXPECT_EQ(names(g, cs[0].order), (std::vector<std::string>{"d", "c"}));
}

TEST(Cycles, TwoLoopsThroughOneNode) {
  // x <-> y (1 each), y <-> z (3, 5): two elementary cycles, and the cut needs
  // one edge of each: x -> y (or y -> x) and y -> z.
  UnitGraph g = letters("xyz", {{"xy", 1}, {"yx", 1}, {"yz", 3}, {"zy", 5}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(names(g, cs[0].members), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(breakdown_text(g, cs[0]), (std::vector<std::string>{"xyx closes at yx", "yzy closes at zy"}));
  EXPECT_EQ(cs[0].cut_weight, 4u);
  // Orders of weight 4: x z y, z x y, z y x; the first by name wins.
  EXPECT_EQ(names(g, cs[0].order), (std::vector<std::string>{"x", "z", "y"}));
  EXPECT_EQ(edge_names(g, cs[0].cut), (std::vector<std::string>{"yx", "yz"}));
}

TEST(Cycles, TwoLightChordsBeatOneRingEdge) {
  // Ring a -> b -> c -> a (5, 6, 7) plus chords b -> a (1) and c -> b (2):
  // cycles aba, bcb, abca. No single edge is in all three; two cuts of 7 hit
  // them all, {a -> b, c -> b} (order b c a) and {b -> a, b -> c} (order
  // c a b): the first order by name wins.
  UnitGraph g = letters("abc", {{"ab", 5}, {"bc", 6}, {"ca", 7}, {"ba", 1}, {"cb", 2}});
  auto cs = find_unit_cycles(g);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].cut_weight, 7u);
  EXPECT_EQ(edge_names(g, cs[0].cut), (std::vector<std::string>{"ab", "cb"}));
  EXPECT_EQ(names(g, cs[0].order), (std::vector<std::string>{"b", "c", "a"}));
  // Breakdown: the 2-cycles first (a's, then b's), then the ring, closed by c -> a.
  EXPECT_EQ(breakdown_text(g, cs[0]),
            (std::vector<std::string>{"aba closes at ba", "bcb closes at cb", "abca closes at ca"}));
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
  ASSERT_EQ(c.module_cycles[0].cut.size(), 1u);
  const UnitEdge& cut = c.modules.edges[c.module_cycles[0].cut[0]];
  EXPECT_EQ(c.modules.names[cut.from], "b");
  EXPECT_EQ(cut.weight, 2u);
  EXPECT_EQ(c.modules.edge(0, 1)->weight, 4u);
  // Components: src/a/x <-> src/b/y, and src/c/p <-> src/c/q.
  ASSERT_EQ(c.component_cycles.size(), 2u);
  EXPECT_EQ(names(c.components, c.component_cycles[0].members), (std::vector<std::string>{"src/a/x", "src/b/y"}));
  EXPECT_EQ(names(c.components, c.component_cycles[1].members), (std::vector<std::string>{"src/c/p", "src/c/q"}));
  ASSERT_EQ(c.component_cycles[0].cut.size(), 1u);
  const UnitEdge& ccut = c.components.edges[c.component_cycles[0].cut[0]];
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
  EXPECT_EQ(j["schema"], "seam.cycles/2");
  EXPECT_EQ(j["module_cycles"], nlohmann::ordered_json::parse(R"([["a","b"]])"));
  EXPECT_EQ(j["file_cycles"], nlohmann::ordered_json::parse(R"([["src/c/p.h","src/c/q.h"]])"));
  const auto& d = j["module_cycle_details"][0];
  EXPECT_EQ(d["cut"]["exact"], true);
  EXPECT_EQ(d["cut"]["weight"], 2);
  ASSERT_EQ(d["cut"]["edges"].size(), 1u);
  EXPECT_EQ(d["cut"]["edges"][0]["from"], "b");
  EXPECT_EQ(d["cut"]["edges"][0]["to"], "a");
  EXPECT_EQ(d["cut"]["edges"][0]["sites"]["symbols"][0]["symbol"], "a::X");
  EXPECT_EQ(d["order"], nlohmann::ordered_json::parse(R"(["a","b"])"));
  EXPECT_EQ(d["breakdown"], nlohmann::ordered_json::parse(
                                R"([{"path":["a","b","a"],"closing":{"from":"b","to":"a","weight":2}}])"));
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
  EXPECT_NE(t.find("        a -> b -> a\n"), std::string::npos) << t;
  EXPECT_NE(t.find("cut this edge (2 uses) and the module graph is acyclic:\n        b -> a  2"), std::string::npos) << t;
  EXPECT_NE(t.find("a::X  x1  e.g. src/b/y.cpp:20"), std::string::npos) << t; // the cut edge's site
  // Two component cycles: one total, then each cut for its own members.
  EXPECT_NE(t.find("component cycles: 2\n  cut these 2 edges"), std::string::npos) << t;
  EXPECT_NE(t.find("and these 2 components no longer form a cycle:"), std::string::npos) << t;
  EXPECT_NE(t.find("file cycles: 1"), std::string::npos) << t;
}

TEST(ProjectCycles, TextOfABigTangleCapsTheBreakdownAndTheCut) {
  // 30 files in a ring, each including the next, the one three ahead and the
  // previous: 30 two-cycles and longer ones; above 20 nodes the cut is heuristic.
  TuBuilder t;
  t.tu.main_file = "src/m/f00.h";
  auto name = [](int i) { return "src/m/f" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".h"; };
  for (int i = 0; i < 30; ++i) {
    t.include(name(i), 1, name((i + 1) % 30));
    t.include(name(i), 2, name((i + 3) % 30));
    t.include(name(i), 3, name((i + 29) % 30)); // back to the previous one: 2-cycles
  }
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), src_modules({"m"}), p));
  ProjectCycles pc = find_project_cycles(p);
  ASSERT_EQ(pc.file_cycles.size(), 1u);
  const UnitCycle& c = pc.file_cycles[0];
  EXPECT_EQ(c.members.size(), 30u);
  EXPECT_FALSE(c.cut_exact);
  EXPECT_GT(c.breakdown.size(), kCycleBreakdownInText);
  EXPECT_EQ(c.breakdown[0].path.size(), 3u); // the 2-cycles first: f00 -> f01 -> f00
  std::string text = cycles_text(p, pc);
  EXPECT_NE(text.find("        ... " + std::to_string(c.breakdown.size() - kCycleBreakdownInText) +
                      " more, each as long or longer (--format json lists all)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("(heuristic: the lightest cut found, not proven minimum):"), std::string::npos) << text;
  ASSERT_GT(c.cut.size(), kCycleEdgesInText); // 30 two-cycles in a ring need 15 cuts at least
  EXPECT_NE(text.find("        ... " + std::to_string(c.cut.size() - kCycleEdgesInText) + " lighter cut edges"),
            std::string::npos)
      << text;
  auto j = cycles_json(p, pc)["file_cycle_details"][0];
  EXPECT_EQ(j["breakdown"].size(), c.breakdown.size());
  EXPECT_EQ(j["cut"]["exact"], false);
  EXPECT_EQ(j["cut"]["edges"].size(), c.cut.size());
  EXPECT_EQ(j["order"].size(), 30u);
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
  EXPECT_NE(text.find("src/m/f23.h, and 6 more  (30 files, level 1, 30 edges)"), std::string::npos) << text;
  EXPECT_EQ(text.find("src/m/f24.h, src/m/f25.h"), std::string::npos) << text;
  EXPECT_EQ(cycles_json(p, pc)["file_cycles"][0].size(), 30u);
}

} // namespace
} // namespace seam
