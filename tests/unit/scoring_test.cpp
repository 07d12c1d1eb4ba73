// The extraction score (analyzers/candidates/scoring.h, docs/scoring.md):
// every effort term and the score curve against values computed by hand.
#include "analyzers/candidates/candidates.h"
#include "analyzers/candidates/scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace seam {
namespace {

const ScoreComponent& component(const Score& s, const std::string& name) {
  for (const ScoreComponent& c : s.components)
    if (c.name == name) return c;
  throw std::runtime_error("no component " + name);
}

TEST(Scoring, NothingToChangeScoresOneHundred) {
  Score s = compute_score(ScoreInputs{});
  EXPECT_DOUBLE_EQ(s.effort, 0);
  EXPECT_EQ(s.total, 100);
  const char* names[] = {"cycle",   "interface",   "data",         "dependencies", "calls",    "messages",
                         "loops",   "clients",     "inheritance",  "global-state", "friend",   "callback",
                         "identity"};
  ASSERT_EQ(s.components.size(), std::size(names));
  for (size_t i = 0; i < std::size(names); ++i) EXPECT_EQ(s.components[i].name, names[i]);
}

TEST(Scoring, EachTermIsSitesTimesItsWeight) {
  ScoreInputs in;
  in.cycle_sites = 7;          // 7 x 1            = 7
  in.operations = 4;           // 4 x 3            = 12
  in.data_types = 4;           // (4 - 3) x 5      = 5
  in.data_serialisable = 3;
  in.remote_dependencies = 2;  // 2 x 5            = 10
  in.calls = 10;               // in: 10 calls, 4 void, 3 in loops
  in.void_calls = 4;
  in.loop_calls = 3;
  in.out_calls = 5;            // out: 5 calls, 1 void, 1 in a loop
  in.out_void_calls = 1;
  in.out_loop_calls = 1;       // calls (6 + 4) x 1 = 10; messages 5 x 0.5 = 2.5; loops 4 x 3 = 12
  in.clients = 3;              // 3 x 2            = 6
  in.blocker_sites[static_cast<int>(BlockerKind::Inheritance)] = 2; // 2 x 5 = 10
  in.blocker_sites[static_cast<int>(BlockerKind::GlobalState)] = 3; // 3 x 4 = 12
  in.blocker_sites[static_cast<int>(BlockerKind::Friend)] = 1;      // 1 x 4 = 4
  in.blocker_sites[static_cast<int>(BlockerKind::Callback)] = 2;    // 2 x 4 = 8
  in.blocker_sites[static_cast<int>(BlockerKind::Identity)] = 5;    // 5 x 2 = 10
  Score s = compute_score(in);
  EXPECT_DOUBLE_EQ(component(s, "cycle").effort, 7);
  EXPECT_DOUBLE_EQ(component(s, "interface").effort, 12);
  EXPECT_DOUBLE_EQ(component(s, "data").effort, 5);
  EXPECT_DOUBLE_EQ(component(s, "dependencies").effort, 10);
  EXPECT_DOUBLE_EQ(component(s, "calls").sites, 10);
  EXPECT_DOUBLE_EQ(component(s, "messages").effort, 2.5);
  EXPECT_DOUBLE_EQ(component(s, "loops").effort, 12);
  EXPECT_DOUBLE_EQ(component(s, "clients").effort, 6);
  EXPECT_DOUBLE_EQ(component(s, "inheritance").effort, 10);
  EXPECT_DOUBLE_EQ(component(s, "global-state").effort, 12);
  EXPECT_DOUBLE_EQ(component(s, "friend").effort, 4);
  EXPECT_DOUBLE_EQ(component(s, "callback").effort, 8);
  EXPECT_DOUBLE_EQ(component(s, "identity").effort, 10);
  EXPECT_DOUBLE_EQ(s.effort, 7 + 12 + 5 + 10 + 10 + 2.5 + 12 + 6 + 10 + 12 + 4 + 8 + 10);
  // 108.5 sites: 100 / (1 + ln(1 + 108.5 / 50)) = 46.4
  EXPECT_EQ(s.total, 46);
}

TEST(Scoring, TemplatesAndTheCycleBlockerCostNothingBeyondTheCycleTerm) {
  ScoreInputs in;
  in.blockers[static_cast<int>(BlockerKind::Template)] = 3;
  in.blocker_sites[static_cast<int>(BlockerKind::Template)] = 3;
  in.blockers[static_cast<int>(BlockerKind::Cycle)] = 1;
  in.blocker_sites[static_cast<int>(BlockerKind::Cycle)] = 9;
  EXPECT_DOUBLE_EQ(compute_score(in).effort, 0);
  in.cycle_sites = 9;
  EXPECT_DOUBLE_EQ(compute_score(in).effort, 9);
}

TEST(Scoring, TheScoreFallsByAboutTheSamePointsPerDoublingAndNeverReachesZero) {
  EXPECT_EQ(score_for_effort(0), 100);
  EXPECT_EQ(score_for_effort(50), 59);     // 100 / (1 + ln 2)
  EXPECT_EQ(score_for_effort(50 * (std::exp(1.0) - 1)), 50);
  // Real modules: 500 to 50,000 sites stay apart, and above 0.
  int last = 101;
  for (double effort : {500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0}) {
    int s = score_for_effort(effort);
    EXPECT_LT(s, last) << effort;
    EXPECT_GT(s, 0) << effort;
    last = s;
  }
  EXPECT_EQ(score_for_effort(50000), 13);
}

TEST(Scoring, WorkedExampleOfDocsScoringMd) {
  // notifications on samples/shop, as docs/scoring.md works it out.
  ScoreInputs in;
  in.operations = 4;      // 12
  in.data_types = 7;
  in.data_serialisable = 7;
  in.calls = 9;           // 5 wait for a result: 5
  in.void_calls = 4;      // 4 x 0.5 = 2
  in.loop_calls = 2;      // 2 x 3 = 6
  in.clients = 3;         // 6
  Score s = compute_score(in);
  EXPECT_DOUBLE_EQ(s.effort, 31);
  EXPECT_EQ(s.total, 67); // 100 / (1 + ln(1 + 31 / 50)) = 67.46
}

} // namespace
} // namespace seam
