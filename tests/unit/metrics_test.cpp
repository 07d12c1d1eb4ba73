// Every metric of `seam metrics` against values computed by hand (in the
// comments) on a three-module project built from facts:
//
//   app   src/app/main.cpp     app::main
//   core  src/core/engine.h    core::Engine (abstract class)
//         src/core/engine.cpp  core::Impl (struct), core::run
//   util  src/util/log.h       util::log, util::Level (enum)
//
//   main.cpp   calls core::run x3, uses core::Engine, calls util::log, calls app::main
//   engine.cpp calls util::log x2, uses util::Level, uses core::Engine x2, core::Impl
//   log.h      uses util::Level
//   main.cpp includes engine.h; engine.cpp includes engine.h and log.h
#include "analyzers/graph/module_graph.h"
#include "analyzers/metrics/dependency_metrics.h"
#include "analyzers/metrics/module_metrics.h"
#include "reports/metrics/metrics_report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::build_from;
using test::src_modules;
using test::TuBuilder;

Project three_modules() {
  TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  t.tu.symbols[t.symbol("core::Engine", "src/core/engine.h", SymbolKind::Class)].is_abstract = true;
  t.symbol("core::Impl", "src/core/engine.cpp", SymbolKind::Struct);
  t.symbol("util::Level", "src/util/log.h", SymbolKind::Enum);
  t.symbol("app::main", "src/app/main.cpp");
  t.symbol("core::run", "src/core/engine.cpp");
  t.symbol("util::log", "src/util/log.h");
  t.include("src/app/main.cpp", 1, "src/core/engine.h");
  t.include("src/core/engine.cpp", 1, "src/core/engine.h");
  t.include("src/core/engine.cpp", 2, "src/util/log.h");
  for (uint32_t line : {3, 4, 5}) t.ref("src/app/main.cpp", line, "core::run", "src/core/engine.cpp");
  t.ref("src/app/main.cpp", 6, "core::Engine", "src/core/engine.h", RefKind::TypeUse);
  t.ref("src/app/main.cpp", 7, "util::log", "src/util/log.h");
  t.ref("src/app/main.cpp", 8, "app::main", "src/app/main.cpp");
  t.ref("src/core/engine.cpp", 10, "util::log", "src/util/log.h");
  t.ref("src/core/engine.cpp", 11, "util::log", "src/util/log.h");
  t.ref("src/core/engine.cpp", 12, "util::Level", "src/util/log.h", RefKind::TypeUse);
  t.ref("src/core/engine.cpp", 13, "core::Engine", "src/core/engine.h", RefKind::TypeUse);
  t.ref("src/core/engine.cpp", 14, "core::Engine", "src/core/engine.h", RefKind::TypeUse);
  t.ref("src/core/engine.cpp", 15, "core::Impl", "src/core/engine.cpp", RefKind::TypeUse);
  t.ref("src/util/log.h", 5, "util::Level", "src/util/log.h", RefKind::TypeUse);
  Project p;
  EXPECT_TRUE(build_from(std::move(t.tu), src_modules({"app", "core", "util"}), p));
  return p;
}

constexpr ModuleId kApp = 0, kCore = 1, kUtil = 2;

TEST(Metrics, SizesAndCoupling) {
  Project p = three_modules();
  Metrics m = compute_metrics(p, build_module_graph(p));
  ASSERT_EQ(m.modules.size(), 3u);
  // Files: app 1, core 2, util 1 (10 lines each from the builder).
  EXPECT_EQ(m.modules[kCore].files, 2u);
  EXPECT_EQ(m.modules[kCore].lines, 20u);
  // Symbols: app {main}, core {Engine, Impl, run}, util {log, Level}.
  EXPECT_EQ(m.modules[kApp].symbols, 1u);
  EXPECT_EQ(m.modules[kCore].symbols, 3u);
  EXPECT_EQ(m.modules[kUtil].symbols, 2u);
  // Edges app -> core, app -> util, core -> util.
  EXPECT_EQ(m.modules[kApp].afferent, 0u);
  EXPECT_EQ(m.modules[kApp].efferent, 2u);
  EXPECT_EQ(m.modules[kCore].afferent, 1u);
  EXPECT_EQ(m.modules[kCore].efferent, 1u);
  EXPECT_EQ(m.modules[kUtil].afferent, 2u);
  EXPECT_EQ(m.modules[kUtil].efferent, 0u);
  // I = Ce / (Ca + Ce): 2/2, 1/2, 0/2.
  EXPECT_DOUBLE_EQ(*m.modules[kApp].instability, 1.0);
  EXPECT_DOUBLE_EQ(*m.modules[kCore].instability, 0.5);
  EXPECT_DOUBLE_EQ(*m.modules[kUtil].instability, 0.0);
  // Levels: util 1, core 2, app 3.
  EXPECT_EQ(m.modules[kApp].level, 3u);
  EXPECT_EQ(m.modules[kCore].level, 2u);
  EXPECT_EQ(m.modules[kUtil].level, 1u);
}

TEST(Metrics, AbstractnessAndDistance) {
  Project p = three_modules();
  Metrics m = compute_metrics(p, build_module_graph(p));
  // core: Engine (abstract) and Impl: A = 1/2; D = |0.5 + 0.5 - 1| = 0.
  EXPECT_EQ(m.modules[kCore].classes, 2u);
  EXPECT_EQ(m.modules[kCore].abstract_classes, 1u);
  EXPECT_DOUBLE_EQ(m.modules[kCore].abstractness, 0.5);
  EXPECT_DOUBLE_EQ(*m.modules[kCore].distance, 0.0);
  // util: an enum is no class: A = 0; D = |0 + 0 - 1| = 1 (zone of pain).
  EXPECT_EQ(m.modules[kUtil].classes, 0u);
  EXPECT_DOUBLE_EQ(m.modules[kUtil].abstractness, 0.0);
  EXPECT_DOUBLE_EQ(*m.modules[kUtil].distance, 1.0);
  // app: A = 0, I = 1: on the main sequence.
  EXPECT_DOUBLE_EQ(*m.modules[kApp].distance, 0.0);
}

TEST(Metrics, CohesionAndWidths) {
  Project p = three_modules();
  Metrics m = compute_metrics(p, build_module_graph(p));
  // app: 1 inside (main), 5 out (run x3, Engine, log): 1/6.
  EXPECT_EQ(m.modules[kApp].internal_refs, 1u);
  EXPECT_EQ(m.modules[kApp].outgoing_refs, 5u);
  EXPECT_DOUBLE_EQ(*m.modules[kApp].cohesion, 1.0 / 6.0);
  // core: 3 inside (Engine x2, Impl), 3 out (log x2, Level): 1/2.
  EXPECT_DOUBLE_EQ(*m.modules[kCore].cohesion, 0.5);
  // util: 1 inside, none out: 1.
  EXPECT_DOUBLE_EQ(*m.modules[kUtil].cohesion, 1.0);
  // Incoming: core gets run x3 and Engine from app (4); util gets log from
  // app and log x2, Level from core (4); app none.
  EXPECT_EQ(m.modules[kApp].incoming_refs, 0u);
  EXPECT_EQ(m.modules[kCore].incoming_refs, 4u);
  EXPECT_EQ(m.modules[kUtil].incoming_refs, 4u);
  // Interface width: core {run, Engine} = 2, util {log, Level} = 2, app 0.
  EXPECT_EQ(m.modules[kApp].interface_width, 0u);
  EXPECT_EQ(m.modules[kCore].interface_width, 2u);
  EXPECT_EQ(m.modules[kUtil].interface_width, 2u);
  // Dependency width: app {run, Engine, log} = 3, core {log, Level} = 2, util 0.
  EXPECT_EQ(m.modules[kApp].dependency_width, 3u);
  EXPECT_EQ(m.modules[kCore].dependency_width, 2u);
  EXPECT_EQ(m.modules[kUtil].dependency_width, 0u);
}

TEST(Metrics, ProjectCcdAndModularity) {
  Project p = three_modules();
  Metrics m = compute_metrics(p, build_module_graph(p));
  // Reach (itself included): util 1, core 2, app 3: CCD 6, ACD 2.
  // CCD of a balanced binary tree of 3: (3+1)(log2 4 - 1) + 1 = 5: NCCD 6/5.
  EXPECT_EQ(m.project.module_dependency.nodes, 3u);
  EXPECT_EQ(m.project.module_dependency.ccd, 6u);
  EXPECT_DOUBLE_EQ(m.project.module_dependency.acd, 2.0);
  EXPECT_DOUBLE_EQ(m.project.module_dependency.nccd, 1.2);
  // Components src/app/main -> src/core/engine -> src/util/log, and main -> log.
  EXPECT_EQ(m.project.component_dependency.nodes, 3u);
  EXPECT_EQ(m.project.component_dependency.ccd, 6u);
  // Q: m = 13 references; inside app 1, core 3, util 1; made 6, 6, 1;
  // received 1, 7, 5: Q = 5/13 - (6*1 + 6*7 + 1*5)/169 = 12/169.
  EXPECT_EQ(m.project.modularity_refs, 13u);
  ASSERT_TRUE(m.project.modularity);
  EXPECT_NEAR(*m.project.modularity, 12.0 / 169.0, 1e-12);
}

TEST(Metrics, UndefinedValuesStayUndefined) {
  // One module that references nothing and nobody references.
  TuBuilder t;
  t.tu.main_file = "src/solo/a.cpp";
  t.symbol("solo::f", "src/solo/a.cpp");
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), src_modules({"solo"}), p));
  Metrics m = compute_metrics(p, build_module_graph(p));
  EXPECT_FALSE(m.modules[0].instability);
  EXPECT_FALSE(m.modules[0].distance);
  EXPECT_FALSE(m.modules[0].cohesion);
  EXPECT_FALSE(m.project.modularity);
  auto j = metrics_json(p, m);
  EXPECT_TRUE(j["modules"][0]["instability"].is_null());
  EXPECT_NE(metrics_csv(p, m).find("solo,1,1,10,1,0,0,,0,0,0.0000,,0,0,0,,0,0\n"), std::string::npos)
      << metrics_csv(p, m);
}

TEST(DependencyMetrics, CycleMembersReachEachOther) {
  // 0 <-> 1 -> 2: reach 3, 3, 1: CCD 7.
  auto d = dependency_metrics({{1}, {0, 2}, {}});
  EXPECT_EQ(d.ccd, 7u);
  EXPECT_EQ(reach_counts({{1}, {0, 2}, {}}), (std::vector<uint64_t>{3, 3, 1}));
}

TEST(DependencyMetrics, BalancedTreeNormaliser) {
  EXPECT_DOUBLE_EQ(balanced_tree_ccd(1), 1.0);
  EXPECT_DOUBLE_EQ(balanced_tree_ccd(3), 5.0);
  EXPECT_DOUBLE_EQ(balanced_tree_ccd(7), 17.0); // 4 leaves x1 + 2 x3 + 7
  // A balanced binary tree of 7 nodes has NCCD 1 by definition.
  auto d = dependency_metrics({{1, 2}, {3, 4}, {5, 6}, {}, {}, {}, {}});
  EXPECT_EQ(d.ccd, 17u);
  EXPECT_DOUBLE_EQ(d.nccd, 1.0);
}

TEST(DependencyMetrics, ManyNodesAcrossSlices) {
  // A chain of 1000 nodes: node i reaches 1000 - i nodes; CCD = 1000*1001/2.
  std::vector<std::vector<uint32_t>> chain(1000);
  for (uint32_t i = 0; i + 1 < 1000; ++i) chain[i] = {i + 1};
  EXPECT_EQ(dependency_metrics(chain).ccd, 500500u);
}

TEST(MetricsReport, JsonAndCsvCarryEveryColumn) {
  Project p = three_modules();
  Metrics m = compute_metrics(p, build_module_graph(p));
  auto j = metrics_json(p, m);
  EXPECT_EQ(j["schema"], "seam.metrics/1");
  EXPECT_EQ(j["modules"][0]["name"], "app");
  EXPECT_EQ(j["modules"][0]["cohesion"], 0.1667);
  EXPECT_EQ(j["project"]["module_graph"]["nccd"], 1.2);
  EXPECT_EQ(j["project"]["modularity"], 0.071);
  std::string csv = metrics_csv(p, m);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "module,level,files,lines,symbols,afferent,efferent,instability,classes,abstract_classes,abstractness,"
            "distance,internal_references,outgoing_references,incoming_references,cohesion,interface_width,"
            "dependency_width");
  EXPECT_NE(csv.find("\ncore,2,2,20,3,1,1,0.5000,2,1,0.5000,0.0000,3,3,4,0.5000,2,2\n"), std::string::npos) << csv;
  std::string text = metrics_text(p, m);
  EXPECT_NE(text.find("CCD 6  ACD 2.00  NCCD 1.20"), std::string::npos) << text;
}

} // namespace
} // namespace seam
