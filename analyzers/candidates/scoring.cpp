#include "analyzers/candidates/scoring.h"

#include <algorithm>
#include <cmath>

namespace seam {

namespace {

/// Blocker kinds with a term of their own; the cycle is the "cycle" term and
/// templates are compile-time dependencies (weight 0: no term).
constexpr const char* kBlockerNames[kScoreBlockerKinds] = {"cycle", "inheritance", "global-state",
                                                           "template", "friend", "callback", "identity"};

} // namespace

int score_for_effort(double effort) {
  // A logarithm rather than a hyperbola 100 K / (K + effort): real modules
  // need 500 to 50,000 sites, which a hyperbola squeezes into 0-9 points; the
  // logarithm keeps them 15 points apart, so the ranking still reads.
  double s = 100.0 / (1.0 + std::log1p(std::max(0.0, effort) / kEffortScale));
  // Round half up on a value rounded to 1e-9 first, so that values exact on
  // paper do not round down on a machine.
  return static_cast<int>(std::floor(std::round(s * 1e9) / 1e9 + 0.5));
}

Score compute_score(const ScoreInputs& in) {
  Score s;
  auto add = [&](const char* name, double sites, double weight) {
    s.components.push_back({name, sites, weight, sites * weight});
    s.effort += sites * weight;
  };
  // Every use that closes the cycle has to go (or be inverted) before either
  // side can be deployed on its own.
  add("cycle", in.cycle_sites, 1);
  // An rpc to design, version and keep compatible, and a handler to write.
  add("interface", in.operations, 3);
  // A type that is not a value needs a redesign before it can be a message.
  add("data", in.data_types - std::min(in.data_types, in.data_serialisable), 5);
  // A client to configure, a failure mode, an ordering of deployments.
  add("dependencies", in.remote_dependencies, 5);
  // A caller that now waits on the network: timeouts, errors, retries.
  const uint32_t waits = in.calls - std::min(in.calls, in.void_calls) + in.out_calls -
                         std::min(in.out_calls, in.out_void_calls);
  add("calls", waits, 1);
  // A call whose result nobody waits for can become a message on a queue.
  add("messages", in.void_calls + in.out_void_calls, 0.5);
  // A call inside a loop becomes one round trip per iteration: a batch operation first.
  add("loops", in.loop_calls + in.out_loop_calls, 3);
  // A team to coordinate and a build to switch to the client.
  add("clients", in.clients, 2);
  for (int k = 0; k < kScoreBlockerKinds; ++k) {
    if (kBlockerWeights[k] == 0) continue;
    add(kBlockerNames[k], in.blocker_sites[k], kBlockerWeights[k]);
  }
  // Last, and only with history, so a static-only score is what it always was.
  if (in.history) add("co-change", in.co_changes, kCoChangeWeight);
  s.total = score_for_effort(s.effort);
  return s;
}

} // namespace seam
