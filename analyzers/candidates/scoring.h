// The extraction score: 0-100, from counts only, so every component can be
// computed by hand. The model, its reasoning and a worked example on
// samples/shop are in docs/scoring.md; keep the two in step.
//
//   ease      = sum of six components, each weight x value (value in [0, 1]):
//     interface     25 x 8 / (8 + operations)
//     data          20 x serialisable types / types            (1 when none)
//     dependencies  20 x 2 / (2 + remote modules)
//     chattiness    15 x (1 - loop calls / calls)               (1 when no call)
//     asynchrony    10 x calls to void functions / calls        (1 when no call)
//     clients       10 x 4 / (3 + client modules)               (1 when none)
//   penalty   = per blocker kind present: weight x (1 + (count - 1) / 4),
//               at most 2 x weight; weights: cycle 30, inheritance 25,
//               global-state 25, template 20, friend 15, callback 15, identity 10
//   score     = round(ease - penalty), clamped to [0, 100]
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace seam {

inline constexpr int kScoreBlockerKinds = 7; ///< = kBlockerKindCount (candidates.h)

/// What the score is computed from.
struct ScoreInputs {
  uint32_t operations = 0;         ///< interface functions and variables (future rpcs)
  uint32_t data_types = 0;         ///< distinct types in the interface's signatures
  uint32_t data_serialisable = 0;  ///< of which serialisable
  uint32_t remote_dependencies = 0;///< modules it would call over the network
  uint32_t calls = 0;              ///< interface calls from client modules
  uint32_t loop_calls = 0;         ///< of which inside loops
  uint32_t void_calls = 0;         ///< of which to functions returning void
  uint32_t clients = 0;            ///< client modules
  std::array<uint32_t, kScoreBlockerKinds> blockers{}; ///< per BlockerKind
};

struct ScoreComponent {
  std::string name;    ///< "interface", "data", ..., "blockers"
  double weight = 0;   ///< points at stake (blockers: the penalty's cap)
  double value = 0;    ///< in [0, 1]; for blockers the penalty / 100
  double points = 0;   ///< weight x value; negative for blockers
};

struct Score {
  int total = 0;       ///< 0-100
  double ease = 0;     ///< sum of the six components
  double penalty = 0;  ///< blocker penalty
  std::vector<ScoreComponent> components; ///< the six, then "blockers"
};

/// The weight of each blocker kind, indexed by BlockerKind.
inline constexpr std::array<double, kScoreBlockerKinds> kBlockerWeights = {30, 25, 25, 20, 15, 15, 10};

/// Penalty for `count` blockers of a kind of weight `weight`.
double blocker_penalty(double weight, uint32_t count);

Score compute_score(const ScoreInputs& in);

} // namespace seam
