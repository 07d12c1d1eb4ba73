// The benchmarks' random numbers: splitmix64 from a fixed seed, so a generated
// project or graph is the same on every machine and every run.
#pragma once

#include <cstdint>

namespace seam::bench {

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 0x1234567ull) {}
  uint64_t next() { // splitmix64
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A number in [0, n), in n's type; 0 when n is not positive.
  template <typename N>
  N below(N n) {
    return n <= 0 ? N{0} : static_cast<N>(next() % static_cast<uint64_t>(n));
  }
};

} // namespace seam::bench
