// The one rounding helper every output uses (analyzers/core/rounding.h).
#include "analyzers/core/rounding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace seam {
namespace {

TEST(Rounding, HalvesGoAwayFromZero) {
  EXPECT_EQ(round_to(0.125, 2), 0.13); // 12.5 is exact in binary
  EXPECT_EQ(round_to(-0.125, 2), -0.13);
  EXPECT_EQ(round_to(2.5, 0), 3.0);
  EXPECT_EQ(round_to(0.33333, 4), 0.3333);
  EXPECT_EQ(round_to(12.34, 1), 12.3);
}

TEST(Rounding, NeverNegativeZeroSoJsonNeverPrintsMinusZero) {
  const double r = round_to(-0.00001, 4);
  EXPECT_EQ(r, 0.0);
  EXPECT_FALSE(std::signbit(r));
  EXPECT_EQ(nlohmann::json(round_to(-0.00004, 4)).dump(), "0.0");
  EXPECT_EQ(nlohmann::json(round_to(-0.0, 1)).dump(), "0.0");
}

// The one number formatter of text, CSV and drawings: what each output printed
// with its own snprintf before, byte for byte.
TEST(Fixed, PrintsExactlyTheGivenPlaces) {
  EXPECT_EQ(fixed(0.5, 2), "0.50");
  EXPECT_EQ(fixed(1.0 / 3.0, 3), "0.333");
  EXPECT_EQ(fixed(2.0, 0), "2");
  EXPECT_EQ(fixed(12.345678, 4), "12.3457");
  EXPECT_EQ(fixed(1e6, 1), "1000000.0");
}

TEST(Fixed, TrimmedDropsTrailingZerosAndNeverPrintsMinusZero) {
  EXPECT_EQ(fixed_trimmed(12.5, 1), "12.5");
  EXPECT_EQ(fixed_trimmed(3.0, 1), "3");
  EXPECT_EQ(fixed_trimmed(0.25, 3), "0.25");
  EXPECT_EQ(fixed_trimmed(100.0, 2), "100"); // zeros before the point stay
  EXPECT_EQ(fixed_trimmed(-0.01, 1), "0");
  EXPECT_EQ(fixed_trimmed(-1.5, 1), "-1.5");
}

} // namespace
} // namespace seam
