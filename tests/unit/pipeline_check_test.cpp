// The gate over a Project as `seam check` and `seam report` run it: where the
// baseline is, what an invalid one does to each (check stops, the report
// counts every violation as new), --update-baseline; and the edges policy.
#include "analyzers/core/output.h"
#include "analyzers/pipeline/analyses.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using pipeline::DiagnosticLog;
using pipeline::Level;

class PipelineCheck : public test::TempTreeTest {
protected:
  PipelineCheck() : TempTreeTest("seam-pipeline-check") {}

  /// ui (top) -> base (bottom) and base -> ui: a layer violation and a cycle.
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_;
    Config c = test::config_with({test::src_module("ui", "top"), test::src_module("base", "bottom")});
    c.root = root_.string();
    c.layers = {"top", "bottom"};
    test::TuBuilder t;
    t.tu.main_file = "src/ui/main.cpp";
    t.ref("src/ui/main.cpp", 10, "base::util", "src/base/base.cpp");
    t.include("src/ui/main.cpp", 1, "src/base/base.h");
    t.ref("src/base/base.cpp", 20, "ui::show", "src/ui/main.cpp");
    ASSERT_TRUE(test::build_from(std::move(t.tu), c, project_));
    project_.root = root_.string();
  }

  pipeline::Outcome<pipeline::CheckRun> check(const pipeline::CheckOptions& o) {
    return pipeline::check(project_, build_module_graph(project_), o, log_.sink());
  }

  Project project_;
  DiagnosticLog log_;
};

TEST_F(PipelineCheck, NoBaselineEveryViolationIsNew) {
  auto run = check({});
  ASSERT_TRUE(run);
  EXPECT_FALSE(run->baseline.exists);
  EXPECT_EQ(run->baseline.path, root_.string() + "/seam-baseline.json") << "seam.json's default, under the root";
  EXPECT_EQ(run->baseline.shown, "seam-baseline.json");
  ASSERT_FALSE(run->gate.report.violations.empty());
  for (const Violation& v : run->gate.report.violations) EXPECT_FALSE(v.baselined);
  EXPECT_TRUE(log_.all.empty());
}

TEST_F(PipelineCheck, UpdateWritesTheBaselineThenEverythingIsBaselined) {
  pipeline::CheckOptions o;
  o.update_baseline = true;
  auto run = check(o);
  ASSERT_TRUE(run);
  EXPECT_TRUE(std::filesystem::exists(root_ / "seam-baseline.json"));
  for (const Violation& v : run->gate.report.violations) EXPECT_TRUE(v.baselined) << v.message;
  const size_t n = run->gate.report.violations.size();
  EXPECT_EQ(log_.texts(Level::Note),
            std::vector<std::string>{"wrote seam-baseline.json: " + std::to_string(n) +
                                     " violations, the interface of 0 modules being extracted (0 symbols); commit it"});

  // The next run reads it: the same violations, all baselined.
  auto again = check({});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->baseline.exists);
  ASSERT_TRUE(again->baseline.baseline);
  EXPECT_EQ(again->gate.report.violations.size(), n);
  for (const Violation& v : again->gate.report.violations) EXPECT_TRUE(v.baselined) << v.message;
}

TEST_F(PipelineCheck, InvalidBaselineStopsTheCheck) {
  write("seam-baseline.json", "not a baseline\n");
  auto run = check({});
  ASSERT_FALSE(run);
  EXPECT_EQ(run.status(), 2);
  ASSERT_FALSE(log_.texts(Level::Line).empty()) << "the problem at its line";
  EXPECT_EQ(log_.texts(Level::Line)[0].rfind("seam-baseline.json:1:", 0), 0u) << log_.texts(Level::Line)[0];
  EXPECT_EQ(log_.texts(Level::Error),
            std::vector<std::string>{"the baseline seam-baseline.json is invalid; fix it, or rewrite it with `seam "
                                     "check --update-baseline`"});
}

TEST_F(PipelineCheck, InvalidBaselineCountsAsNoneForTheReport) {
  write("seam-baseline.json", "not a baseline\n");
  pipeline::CheckOptions o;
  o.invalid = pipeline::InvalidBaseline::AllNew;
  auto run = check(o);
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->baseline.exists);
  EXPECT_FALSE(run->baseline.baseline);
  ASSERT_FALSE(run->gate.report.violations.empty());
  for (const Violation& v : run->gate.report.violations) EXPECT_FALSE(v.baselined);
  EXPECT_TRUE(log_.texts(Level::Error).empty());
  EXPECT_EQ(log_.texts(Level::Note).back(),
            "the baseline seam-baseline.json is invalid; the report counts every violation as new");
}

TEST_F(PipelineCheck, GivenBaselineIsReadFromTheCurrentFolderAndNamedAsGiven) {
  pipeline::CheckOptions o;
  o.baseline = (base_ / "elsewhere.json").string();
  o.update_baseline = true;
  ASSERT_TRUE(check(o));
  o.update_baseline = false;
  auto run = check(o);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->baseline.shown, o.baseline);
  EXPECT_TRUE(run->baseline.baseline);
  EXPECT_FALSE(std::filesystem::exists(root_ / "seam-baseline.json"));
}

TEST_F(PipelineCheck, ReportAnalysesAreTheCommandsResults) {
  pipeline::Analyses a = pipeline::analyse_all(project_, std::nullopt, "", log_.sink());
  auto run = check({});
  ASSERT_TRUE(run);
  ASSERT_EQ(a.check.gate.report.violations.size(), run->gate.report.violations.size());
  for (size_t i = 0; i < run->gate.report.violations.size(); ++i)
    EXPECT_EQ(a.check.gate.report.violations[i].message, run->gate.report.violations[i].message);
  EXPECT_EQ(a.graph.edge_kinds, EdgeKinds::All) << "without --edges the module graph has every kind";
  EXPECT_EQ(a.metrics.modules.size(), project_.modules.size());
  EXPECT_EQ(a.ranking.modules.size(), project_.modules.size()) << "every module assessed";

  // --edges include: the graph and the metrics follow it; the gate still follows seam.json.
  pipeline::Analyses inc = pipeline::analyse_all(project_, EdgeKinds::Include, "", log_.sink());
  EXPECT_EQ(inc.graph.edge_kinds, EdgeKinds::Include);
  EXPECT_EQ(inc.graph.edges.size(), 1u) << "only ui -> base includes";
  EXPECT_EQ(inc.check.gate.report.violations.size(), run->gate.report.violations.size());
}

TEST(PipelineEdges, ModuleGraphHasEveryKindUnlessChosen) {
  EXPECT_EQ(pipeline::module_edges(std::nullopt), EdgeKinds::All);
  EXPECT_EQ(pipeline::module_edges(EdgeKinds::Symbol), EdgeKinds::Symbol);
}

} // namespace
} // namespace seam
