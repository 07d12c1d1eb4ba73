// The extraction score (analyzers/candidates/scoring.h, docs/scoring.md):
// every component and the blocker penalty against values computed by hand.
#include "analyzers/candidates/candidates.h"
#include "analyzers/candidates/scoring.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace seam {
namespace {

const ScoreComponent& component(const Score& s, const std::string& name) {
  for (const ScoreComponent& c : s.components)
    if (c.name == name) return c;
  throw std::runtime_error("no component " + name);
}

TEST(Scoring, NothingToPayForScoresOneHundred) {
  Score s = compute_score(ScoreInputs{});
  EXPECT_DOUBLE_EQ(s.ease, 100);
  EXPECT_DOUBLE_EQ(s.penalty, 0);
  EXPECT_EQ(s.total, 100);
  ASSERT_EQ(s.components.size(), 7u);
  const char* names[] = {"interface", "data", "dependencies", "chattiness", "asynchrony", "clients", "blockers"};
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(s.components[i].name, names[i]);
}

TEST(Scoring, EachComponentFollowsItsFormula) {
  ScoreInputs in;
  in.operations = 8;        // 25 * 8 / 16          = 12.5
  in.data_types = 4;        // 20 * 3 / 4           = 15
  in.data_serialisable = 3;
  in.remote_dependencies = 2; // 20 * 2 / 4         = 10
  in.calls = 10;            // 15 * (1 - 3 / 10)    = 10.5
  in.loop_calls = 3;
  in.void_calls = 4;        // 10 * 4 / 10          = 4
  in.clients = 5;           // 10 * 4 / 8           = 5
  Score s = compute_score(in);
  EXPECT_DOUBLE_EQ(component(s, "interface").points, 12.5);
  EXPECT_DOUBLE_EQ(component(s, "data").points, 15);
  EXPECT_DOUBLE_EQ(component(s, "dependencies").points, 10);
  EXPECT_DOUBLE_EQ(component(s, "chattiness").points, 10.5);
  EXPECT_DOUBLE_EQ(component(s, "asynchrony").points, 4);
  EXPECT_DOUBLE_EQ(component(s, "clients").points, 5);
  EXPECT_DOUBLE_EQ(component(s, "clients").value, 0.5);
  EXPECT_DOUBLE_EQ(s.ease, 57);
  EXPECT_EQ(s.total, 57);
}

TEST(Scoring, NoCallsMeansNoChattinessAndNothingToWaitFor) {
  ScoreInputs in;
  in.clients = 1;
  Score s = compute_score(in);
  EXPECT_DOUBLE_EQ(component(s, "chattiness").value, 1);
  EXPECT_DOUBLE_EQ(component(s, "asynchrony").value, 1);
  EXPECT_DOUBLE_EQ(component(s, "clients").value, 1);
}

TEST(Scoring, BlockerPenaltyIsTheWeightThenAQuarterPerFurtherOneUpToTwice) {
  EXPECT_DOUBLE_EQ(blocker_penalty(30, 0), 0);
  EXPECT_DOUBLE_EQ(blocker_penalty(30, 1), 30);
  EXPECT_DOUBLE_EQ(blocker_penalty(30, 2), 37.5);
  EXPECT_DOUBLE_EQ(blocker_penalty(10, 3), 15);
  EXPECT_DOUBLE_EQ(blocker_penalty(30, 5), 60);
  EXPECT_DOUBLE_EQ(blocker_penalty(30, 9), 60);
  // Weights by kind, in BlockerKind order.
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Cycle)], 30);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Inheritance)], 25);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::GlobalState)], 25);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Template)], 20);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Friend)], 15);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Callback)], 15);
  EXPECT_EQ(kBlockerWeights[static_cast<int>(BlockerKind::Identity)], 10);
}

TEST(Scoring, BlockersAreSubtractedAndTheTotalClampsAtZero) {
  ScoreInputs in;
  in.blockers[static_cast<int>(BlockerKind::Identity)] = 2; // 12.5
  Score s = compute_score(in);
  EXPECT_DOUBLE_EQ(s.penalty, 12.5);
  EXPECT_DOUBLE_EQ(component(s, "blockers").points, -12.5);
  EXPECT_EQ(s.total, 88); // 87.5 rounds half up

  in.blockers[static_cast<int>(BlockerKind::Cycle)] = 1;       // 30
  in.blockers[static_cast<int>(BlockerKind::Inheritance)] = 1; // 25
  in.blockers[static_cast<int>(BlockerKind::GlobalState)] = 1; // 25
  in.operations = 8;
  Score z = compute_score(in);
  EXPECT_DOUBLE_EQ(z.penalty, 92.5);
  EXPECT_EQ(z.total, 0); // 87.5 - 92.5 clamps to 0
}

TEST(Scoring, WorkedExampleOfDocsScoringMd) {
  // notifications on samples/shop, as docs/scoring.md works it out.
  ScoreInputs in;
  in.operations = 4;
  in.data_types = 5;
  in.data_serialisable = 5;
  in.calls = 9;
  in.loop_calls = 2;
  in.void_calls = 4;
  in.clients = 3;
  Score s = compute_score(in);
  EXPECT_NEAR(s.ease, 25 * 8.0 / 12 + 20 + 20 + 15 * 7.0 / 9 + 10 * 4.0 / 9 + 10 * 4.0 / 6, 1e-9);
  EXPECT_NEAR(s.ease, 79.444, 1e-3);
  EXPECT_EQ(s.total, 79);
}

} // namespace
} // namespace seam
