// Levelization (Lakos) on hand-built graphs and on a module graph built from
// hand-built facts: level 1 depends on nothing, a cycle shares one level.
#include "analyzers/graph/levels.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/model/model.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using Succ = std::vector<std::vector<uint32_t>>;

TEST(Levels, EmptyGraphHasNoLevels) { EXPECT_TRUE(levelize({}).empty()); }

TEST(Levels, IsolatedNodesAreLevelOne) { EXPECT_EQ(levelize(Succ{{}, {}, {}}), (std::vector<uint32_t>{1, 1, 1})); }

TEST(Levels, ChainCountsUpFromTheBottom) {
  // 0 -> 1 -> 2 -> 3: 3 depends on nothing.
  EXPECT_EQ(levelize(Succ{{1}, {2}, {3}, {}}), (std::vector<uint32_t>{4, 3, 2, 1}));
}

TEST(Levels, LevelIsOneAboveTheHighestDependency) {
  // 0 -> 1, 0 -> 3; 1 -> 2; 2 -> 3. Node 0 reaches 3 directly (level 1) and
  // through 1 (level 3): its level is 4, not 2.
  EXPECT_EQ(levelize(Succ{{1, 3}, {2}, {3}, {}}), (std::vector<uint32_t>{4, 3, 2, 1}));
}

TEST(Levels, CycleMembersShareALevel) {
  // 0 -> 1 <-> 2 -> 3; 4 -> 0.
  //   3: 1; {1, 2}: 2; 0: 3; 4: 4.
  auto l = levelize(Succ{{1}, {2}, {1, 3}, {}, {0}});
  EXPECT_EQ(l, (std::vector<uint32_t>{3, 2, 2, 1, 4}));
}

TEST(Levels, CycleOnTheBottomIsLevelOne) {
  // 0 <-> 1, 2 -> 0: the cycle depends on nothing outside itself.
  EXPECT_EQ(levelize(Succ{{1}, {0}, {0}}), (std::vector<uint32_t>{1, 1, 2}));
}

TEST(Levels, ModuleGraphFromFacts) {
  // app -> core -> util, app -> util; core <-> net (a cycle).
  test::TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  t.ref("src/app/main.cpp", 3, "core::run", "src/core/core.cpp");
  t.ref("src/app/main.cpp", 4, "util::log", "src/util/util.cpp");
  t.ref("src/core/core.cpp", 5, "util::log", "src/util/util.cpp");
  t.ref("src/core/core.cpp", 6, "net::send", "src/net/net.cpp");
  t.ref("src/net/net.cpp", 7, "core::run", "src/core/core.cpp");
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "core", "net", "util"}), p));
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  auto l = levelize(g.successors());
  ASSERT_EQ(g.names, (std::vector<std::string>{"app", "core", "net", "util"}));
  EXPECT_EQ(l, (std::vector<uint32_t>{3, 2, 2, 1}));
}

} // namespace
} // namespace seam
