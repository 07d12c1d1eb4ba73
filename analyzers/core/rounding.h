// Rounding and printing of the numbers seam prints. Every JSON, CSV and text
// output rounds and formats through here, so a value shows the same digits in
// every format and on every machine (the determinism tests diff them).
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace seam {

/// `v` rounded to `decimals` places, halves away from zero. Never -0.0: a
/// value that rounds to zero from below would print as "-0.0" in JSON and CSV.
inline double round_to(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(v * f) / f;
  return r == 0 ? 0.0 : r;
}

/// `v` with exactly `decimals` places, as printf's "%.*f" writes it: 0.5 with
/// 2 places is "0.50". For text, CSV and drawing attributes; JSON numbers go
/// through round_to instead, so they stay numbers.
inline std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

/// fixed() without trailing zeros or point, for counts that are mostly whole:
/// 12.50 is "12.5", 3.0 is "3", and never "-0".
inline std::string fixed_trimmed(double v, int decimals) {
  std::string s = fixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

} // namespace seam
