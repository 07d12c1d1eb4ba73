// The pull-request scope of `seam check --affected` (analyzers/baseline/
// affected_filter.h) on hand-built facts: which finding a set of changed files
// is answerable for — a site rule by its file, a cycle by the sites of its
// edges, interface-growth by the uses and the declaration of the symbol — and
// what `seam graph --affected` marks.
#include "analyzers/baseline/affected_filter.h"
#include "analyzers/baseline/gate.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

/// a <-> c is a cycle (a/x.cpp calls c::h, c/z.cpp calls a::k); b is being
/// extracted and its recorded interface is b::f, so c/y.cpp's use of b::g is
/// interface growth; b::g is declared in b/b.cpp.
struct Fixture {
  Project p;
  ModuleGraph g;
  Baseline baseline;
  Fixture() {
    test::TuBuilder t;
    t.ref("src/a/x.cpp", 3, "b::f", "src/b/b.cpp");
    t.ref("src/a/x.cpp", 5, "c::h", "src/c/c.cpp");
    t.ref("src/c/z.cpp", 6, "a::k", "src/a/a.cpp");
    t.ref("src/c/y.cpp", 4, "b::g", "src/b/b.cpp");
    Config cfg = test::src_modules({"a", "b", "c"});
    cfg.modules[1].extract = true;
    EXPECT_TRUE(test::build_from(std::move(t.tu), cfg, p));
    g = build_module_graph(p);
    baseline.interfaces["b"] = {"b::f"};
  }
  /// rule -> outside_change, after limiting to `changed`.
  std::map<std::string, bool> outside(const std::set<std::string>& changed, CheckReport* out = nullptr) {
    GateResult gate = run_gate(p, g, &baseline);
    limit_to_change(gate.report, p, g, changed, "main");
    std::map<std::string, bool> r;
    for (const Violation& v : gate.report.violations) r[v.rule] = v.outside_change;
    if (out) *out = gate.report;
    return r;
  }
};

TEST(AffectedFilter, ACycleIsTheChangesWhenAnEdgeAroundItHasASiteInAChangedFile) {
  Fixture f;
  CheckReport r;
  auto o = f.outside({"src/c/z.cpp"}, &r);
  ASSERT_EQ(o.size(), 2u) << "a cycle and an interface growth";
  EXPECT_FALSE(o.at("cycle"));
  EXPECT_TRUE(o.at("interface-growth"));
  EXPECT_TRUE(r.failed());
  EXPECT_EQ(r.count_new(), 1u);
  EXPECT_EQ(r.count_outside_change(), 1u);
  EXPECT_EQ(r.affected_rev, "main");
  EXPECT_EQ(r.changed_files, 1u);
}

TEST(AffectedFilter, InterfaceGrowthIsTheChangesByAUseOrByTheDeclaration) {
  Fixture f;
  auto by_use = f.outside({"src/c/y.cpp"});
  EXPECT_FALSE(by_use.at("interface-growth"));
  EXPECT_TRUE(by_use.at("cycle")); // y.cpp holds no site of a -> c or c -> a
  auto by_decl = f.outside({"src/b/b.cpp"});
  EXPECT_FALSE(by_decl.at("interface-growth"));
  EXPECT_TRUE(by_decl.at("cycle"));
  // A use of the recorded b::f changes nothing: a/x.cpp also calls c::h, so the cycle is touched.
  auto other = f.outside({"src/a/x.cpp"});
  EXPECT_TRUE(other.at("interface-growth"));
  EXPECT_FALSE(other.at("cycle"));
}

TEST(AffectedFilter, NothingChangedFailsNothingAndCountsEverything) {
  Fixture f;
  CheckReport r;
  f.outside({}, &r);
  EXPECT_FALSE(r.failed());
  EXPECT_EQ(r.count_new(), 0u);
  EXPECT_EQ(r.count_outside_change(), r.violations.size());
  EXPECT_EQ(r.count_baselined(), 0u);
}

TEST(AffectedFilter, TouchedUnitsAreTheNodesHoldingAChangedFileAndTheEdgesWithASiteThere) {
  Fixture f;
  UnitGraph g = build_unit_graph(f.p, GraphLevel::Module);
  TouchedUnits t = touched_units(f.p, g, {"src/c/z.cpp"});
  ASSERT_EQ(t.nodes.size(), g.size());
  ASSERT_EQ(t.edges.size(), g.edges.size());
  std::set<std::string> nodes, edges;
  for (size_t v = 0; v < g.size(); ++v)
    if (t.nodes[v]) nodes.insert(g.names[v]);
  for (size_t e = 0; e < g.edges.size(); ++e)
    if (t.edges[e]) edges.insert(g.names[g.edges[e].from] + "->" + g.names[g.edges[e].to]);
  EXPECT_EQ(nodes, (std::set<std::string>{"c"}));
  EXPECT_EQ(edges, (std::set<std::string>{"c->a"}));
}

TEST(FailOn, TheLowestSeverityThatFailsAndNever) {
  CheckReport r;
  Violation w;
  w.rule = "layer";
  w.severity = Severity::Warning;
  r.violations.push_back(w);
  EXPECT_FALSE(r.failed()); // error by default
  r.fail_on = Severity::Warning;
  EXPECT_TRUE(r.failed());
  r.fail_on = Severity::Info;
  EXPECT_TRUE(r.failed());
  r.violations[0].outside_change = true; // outside the change never fails
  EXPECT_FALSE(r.failed());
  r.violations[0].outside_change = false;
  r.violations[0].severity = Severity::Error;
  r.fail_on = Severity::Off; // never
  EXPECT_FALSE(r.failed());
}

} // namespace
} // namespace seam
