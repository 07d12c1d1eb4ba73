// Rounding of the numbers seam prints. Every JSON, CSV and text output rounds
// through here, so a value shows the same digits in every format and on every
// machine (the determinism tests diff them).
#pragma once

#include <cmath>

namespace seam {

/// `v` rounded to `decimals` places, halves away from zero. Never -0.0: a
/// value that rounds to zero from below would print as "-0.0" in JSON and CSV.
inline double round_to(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(v * f) / f;
  return r == 0 ? 0.0 : r;
}

} // namespace seam
