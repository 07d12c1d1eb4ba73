// The extraction score: an estimate of the effort, in sites to change, to
// turn a unit into a service, and a 0-100 score that falls with it but never
// reaches 0, so large real modules still get distinct scores. From counts
// only, so every term can be computed by hand. The model, why each weight,
// and a worked example on samples/shop are in docs/scoring.md; keep the two
// in step.
//
//   effort = sum of terms, each sites x weight (weight = effort per site):
//     cycle          1  per use to cut to leave its dependency cycle
//     interface      3  per operation (a run-time interface function: an rpc)
//     data           5  per type crossing the boundary that is not a value
//     dependencies   5  per module it would call over the network
//     calls          1  per remote call site that waits for a result (in and out)
//     messages       0.5 per remote call site to a function returning void
//     loops          3  per remote call site inside a loop (on top: it needs a batch)
//     clients        2  per client module
//     and per blocker kind, per site: inheritance 5, global-state 4, friend 4,
//     callback 4, identity 2 (cycle: counted by the cycle term; template: 0)
//     co-change      2  per commit that also changed a module outside it (with history only)
//   score  = round(100 / (1 + ln(1 + effort / 50)))
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace seam {

inline constexpr int kScoreBlockerKinds = 7; ///< = kBlockerKindCount (candidates.h)

/// What the score is computed from.
struct ScoreInputs {
  uint32_t cycle_sites = 0;        ///< uses to cut to leave its cycle (0: in none)
  uint32_t operations = 0;         ///< interface functions used at run time (future rpcs)
  uint32_t data_types = 0;         ///< distinct types crossing the boundary
  uint32_t data_serialisable = 0;  ///< of which serialisable
  uint32_t remote_dependencies = 0;///< modules it would call over the network
  uint32_t calls = 0;              ///< remote calls into it from client modules
  uint32_t loop_calls = 0;         ///< of which inside loops
  uint32_t void_calls = 0;         ///< of which to functions returning void
  uint32_t out_calls = 0;          ///< remote calls from it to modules it would call
  uint32_t out_loop_calls = 0;     ///< of which inside loops
  uint32_t out_void_calls = 0;     ///< of which to functions returning void
  uint32_t clients = 0;            ///< client modules
  std::array<uint32_t, kScoreBlockerKinds> blockers{};      ///< per BlockerKind: how many
  std::array<uint32_t, kScoreBlockerKinds> blocker_sites{}; ///< per BlockerKind: sites to change
  bool history = false;            ///< co-change known (git history read): the "co-change" term exists
  uint32_t co_changes = 0;         ///< commits that changed the unit and a module outside it
};

struct ScoreComponent {
  std::string name;    ///< "cycle", "interface", ..., then blocker kinds
  double sites = 0;    ///< what is counted
  double weight = 0;   ///< effort per site
  double effort = 0;   ///< sites x weight
};

struct Score {
  int total = 0;       ///< 0-100, 100 = nothing to change
  double effort = 0;   ///< sum of the components' effort, in sites
  std::vector<ScoreComponent> components; ///< fixed order (see kComponentNames)
};

/// Effort per site of each blocker kind, indexed by BlockerKind. The cycle's
/// sites are the "cycle" term; templates are compile-time dependencies.
inline constexpr std::array<double, kScoreBlockerKinds> kBlockerWeights = {0, 5, 4, 0, 4, 4, 2};

/// Effort per commit that changed the unit together with a module outside it
/// (not taken along): a release two services would have had to make in step.
inline constexpr double kCoChangeWeight = 2;

/// Effort at which the score is 100 / (1 + ln 2) = 59: about what a small,
/// clean service costs (a handful of operations and a dozen calls).
inline constexpr double kEffortScale = 50;

/// The score for an effort: 100 at 0, falling by about the same number of
/// points each time the effort doubles, never 0.
int score_for_effort(double effort);

Score compute_score(const ScoreInputs& in);

} // namespace seam
