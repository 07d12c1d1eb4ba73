// --edges include|symbol|all and a rule's "edges" on hand-built facts: which
// dependencies each choice keeps, at every level, in cycles, metrics and the
// cycle rule, and the default of each level.
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/metrics/module_metrics.h"
#include "analyzers/rules/rules.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <set>

namespace seam {
namespace {

using test::TuBuilder;

/// app uses lib only through a call (no #include of a lib file: a declaration
/// of its own), and util only through an #include (a header of macros or
/// types it never names). lib -> app closes a reference-only cycle; util
/// includes back an app header: an include-only cycle.
Project mixed(Config config = test::src_modules({"app", "lib", "util"})) {
  TuBuilder t;
  t.ref("src/app/main.cpp", 4, "lib::run", "src/lib/run.cpp");
  t.ref("src/lib/run.cpp", 7, "app::on_done", "src/app/main.cpp");
  t.include("src/app/main.cpp", 1, "src/util/config.h");
  t.include("src/util/config.h", 2, "src/app/version.h");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), config, p));
  return p;
}

bool has_edge(const Project& p, const ModuleGraph& g, const char* from, const char* to) {
  return g.find(p.find_module(from), p.find_module(to)) != nullptr;
}

bool has_edge(const UnitGraph& g, const std::string& from, const std::string& to) {
  uint32_t a = g.find(from), b = g.find(to);
  return a != kNoNode && b != kNoNode && g.edge(a, b) != nullptr;
}

TEST(EdgeKinds, ModuleGraphKeepsTheChosenKindOfUse) {
  Project p = mixed();
  ModuleGraph all = build_module_graph(p);
  EXPECT_EQ(all.edge_kinds, EdgeKinds::All);
  EXPECT_TRUE(has_edge(p, all, "app", "lib"));
  EXPECT_TRUE(has_edge(p, all, "app", "util"));

  ModuleGraph inc = build_module_graph(p, EdgeKinds::Include);
  EXPECT_FALSE(has_edge(p, inc, "app", "lib")); // reference only: gone
  EXPECT_TRUE(has_edge(p, inc, "app", "util"));
  EXPECT_EQ(inc.find(p.find_module("app"), p.find_module("util"))->refs.size(), 0u);

  ModuleGraph sym = build_module_graph(p, EdgeKinds::Symbol);
  EXPECT_TRUE(has_edge(p, sym, "app", "lib"));
  EXPECT_FALSE(has_edge(p, sym, "app", "util")); // include only: gone
  EXPECT_EQ(sym.find(p.find_module("app"), p.find_module("lib"))->include_count, 0u);
}

TEST(EdgeKinds, EachLevelHasItsDefaultAndTakesAChoice) {
  Project p = mixed();
  UnitGraph modules = build_unit_graph(p, GraphLevel::Module);
  EXPECT_EQ(modules.edge_kinds, EdgeKinds::All);
  EXPECT_TRUE(has_edge(modules, "app", "lib"));
  EXPECT_TRUE(has_edge(modules, "app", "util"));

  // Components and files: #include edges unless told otherwise.
  for (GraphLevel level : {GraphLevel::Component, GraphLevel::File}) {
    const bool files = level == GraphLevel::File;
    const std::string main = files ? "src/app/main.cpp" : "src/app/main";
    const std::string run = files ? "src/lib/run.cpp" : "src/lib/run";
    const std::string config = files ? "src/util/config.h" : "src/util/config";
    UnitGraph def = build_unit_graph(p, level);
    EXPECT_EQ(def.edge_kinds, EdgeKinds::Include) << to_string(level);
    EXPECT_FALSE(has_edge(def, main, run)) << to_string(level);
    EXPECT_TRUE(has_edge(def, main, config)) << to_string(level);

    UnitGraph sym = build_unit_graph(p, level, kNoModule, EdgeKinds::Symbol);
    EXPECT_TRUE(has_edge(sym, main, run)) << to_string(level);
    EXPECT_FALSE(has_edge(sym, main, config)) << to_string(level);

    UnitGraph all = build_unit_graph(p, level, kNoModule, EdgeKinds::All);
    EXPECT_TRUE(has_edge(all, main, run)) << to_string(level);
    EXPECT_TRUE(has_edge(all, main, config)) << to_string(level);
  }
  UnitGraph inc = build_unit_graph(p, GraphLevel::Module, kNoModule, EdgeKinds::Include);
  EXPECT_FALSE(has_edge(inc, "app", "lib"));
  EXPECT_TRUE(has_edge(inc, "app", "util"));
}

TEST(EdgeKinds, CyclesFollowTheChoice) {
  Project p = mixed();
  auto module_cycles = [&](std::optional<EdgeKinds> k) {
    ProjectCycles c = find_project_cycles(p, k);
    std::vector<std::vector<std::string>> out;
    for (const UnitCycle& cy : c.module_cycles) {
      out.emplace_back();
      for (uint32_t v : cy.members) out.back().push_back(c.modules.names[v]);
    }
    return out;
  };
  using Cycles = std::vector<std::vector<std::string>>;
  EXPECT_EQ(module_cycles(std::nullopt), (Cycles{{"app", "lib", "util"}}));
  EXPECT_EQ(module_cycles(EdgeKinds::Include), (Cycles{{"app", "util"}}));
  EXPECT_EQ(module_cycles(EdgeKinds::Symbol), (Cycles{{"app", "lib"}}));
  // At component level the default is include: the reference cycle is not there.
  ProjectCycles c = find_project_cycles(p);
  EXPECT_EQ(c.components.edge_kinds, EdgeKinds::Include);
  ASSERT_EQ(c.component_cycles.size(), 0u); // app/main -> util/config -> app/version: no way back
  ProjectCycles s = find_project_cycles(p, EdgeKinds::Symbol);
  ASSERT_EQ(s.component_cycles.size(), 1u);
  EXPECT_EQ(s.components.names[s.component_cycles[0].members[0]], "src/app/main");
  EXPECT_EQ(s.components.names[s.component_cycles[0].members[1]], "src/lib/run");
}

TEST(EdgeKinds, MetricsCountTheChosenEdges) {
  Project p = mixed();
  Metrics all = compute_metrics(p, build_module_graph(p));
  const ModuleId app = p.find_module("app");
  EXPECT_EQ(all.modules[app].efferent, 2u); // lib and util
  EXPECT_EQ(all.project.module_edges, EdgeKinds::All);
  EXPECT_EQ(all.project.component_edges, EdgeKinds::Include);
  Metrics inc = compute_metrics(p, build_module_graph(p, EdgeKinds::Include), EdgeKinds::Include);
  EXPECT_EQ(inc.modules[app].efferent, 1u); // util
  // Cohesion counts references whatever the edges.
  EXPECT_EQ(inc.modules[app].outgoing_refs, all.modules[app].outgoing_refs);
  Metrics sym = compute_metrics(p, build_module_graph(p, EdgeKinds::Symbol), EdgeKinds::Symbol);
  EXPECT_EQ(sym.modules[app].efferent, 1u); // lib
  EXPECT_EQ(sym.project.component_edges, EdgeKinds::Symbol);
}

/// The modules in the cycle rule's violations (however it splits them into violations).
std::set<std::string> cycle_violations(const char* rules) {
  Config cfg;
  std::vector<ConfigError> errors;
  const std::string text = std::string(R"({"modules": [
    {"name": "app", "paths": ["src/app/**"]},
    {"name": "lib", "paths": ["src/lib/**"]},
    {"name": "util", "paths": ["src/util/**"]}], "rules": )") + rules + "}";
  EXPECT_TRUE(parse_config(text, "seam.json", cfg, errors)) << (errors.empty() ? "" : errors[0].format());
  cfg.root = "/p";
  Project p = mixed(cfg);
  RuleResult r = evaluate_rules(p, build_module_graph(p), {});
  std::set<std::string> out;
  for (const Violation& v : r.violations)
    if (v.rule == "cycle") out.insert(v.members.begin(), v.members.end());
  return out;
}

TEST(EdgeKinds, TheCycleRuleChecksTheEdgesItsConfigNames) {
  using Names = std::set<std::string>;
  EXPECT_EQ(cycle_violations(R"({"cycle": "error"})"), (Names{"app", "lib", "util"}));
  EXPECT_EQ(cycle_violations(R"({"cycle": {"severity": "error", "edges": "include"}})"), (Names{"app", "util"}));
  EXPECT_EQ(cycle_violations(R"({"cycle": {"edges": "symbol"}})"), (Names{"app", "lib"}));
}

} // namespace
} // namespace seam
