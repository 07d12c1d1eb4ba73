#include "analyzers/candidates/scoring.h"

#include <algorithm>
#include <cmath>

namespace seam {

double blocker_penalty(double weight, uint32_t count) {
  if (count == 0) return 0;
  // The first blocker of a kind costs its full weight: one is enough to stop an
  // extraction. Further ones of the same kind usually share a fix (one base
  // class, one global), so they add a quarter each, up to twice the weight.
  return std::min(2 * weight, weight * (1 + (count - 1) / 4.0));
}

Score compute_score(const ScoreInputs& in) {
  Score s;
  auto add = [&](const char* name, double weight, double value) {
    s.components.push_back({name, weight, value, weight * value});
    s.ease += weight * value;
  };
  // Each operation becomes an rpc to design, version and keep compatible.
  add("interface", 25, 8.0 / (8.0 + in.operations));
  // A type that is not a value needs a redesign before it can be a message.
  add("data", 20, in.data_types == 0 ? 1.0 : double(in.data_serialisable) / in.data_types);
  // Each module it keeps calling becomes a network dependency: latency, failure.
  add("dependencies", 20, 2.0 / (2.0 + in.remote_dependencies));
  // A call inside a loop becomes one round trip per iteration.
  add("chattiness", 15, in.calls == 0 ? 1.0 : 1.0 - double(in.loop_calls) / in.calls);
  // A call whose result nobody waits for can become a message on a queue.
  add("asynchrony", 10, in.calls == 0 ? 1.0 : double(in.void_calls) / in.calls);
  // Every client module is a team to coordinate and a caller to migrate.
  add("clients", 10, in.clients == 0 ? 1.0 : 4.0 / (3.0 + in.clients));
  for (int k = 0; k < kScoreBlockerKinds; ++k) s.penalty += blocker_penalty(kBlockerWeights[k], in.blockers[k]);
  s.components.push_back({"blockers", 100, s.penalty / 100, -s.penalty});
  double total = std::clamp(s.ease - s.penalty, 0.0, 100.0);
  // Round half up on a value rounded to 1e-9 first, so that sums that are
  // exact on paper (79.5) do not round down on a machine (79.49999).
  s.total = static_cast<int>(std::floor(std::round(total * 1e9) / 1e9 + 0.5));
  return s;
}

} // namespace seam
