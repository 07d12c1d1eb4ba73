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

} // namespace
} // namespace seam
