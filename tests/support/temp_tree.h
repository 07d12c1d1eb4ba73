// A fixture for end-to-end tests that run seam on files they write: each test
// gets a fresh folder under the system temp folder, removed with everything in
// it after the test.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace seam::test {

/// base_ is the test's own folder, canonical so that it compares equal to the
/// paths seam prints; root_ is the project folder inside it, which the derived
/// fixture's SetUp chooses after calling this one's.
class TempTreeTest : public ::testing::Test {
protected:
  /// The folder is <temp>/<prefix>-XXXXXX.
  explicit TempTreeTest(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / (prefix_ + "-XXXXXX")).string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = std::filesystem::canonical(tmpl);
  }
  void TearDown() override { std::filesystem::remove_all(base_); }

  /// Writes `text` to `rel` under root_, or to `rel` itself when it is
  /// absolute, making the folders it needs.
  void write(const std::filesystem::path& rel, const std::string& text) {
    std::filesystem::path p = rel.is_absolute() ? rel : root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  std::filesystem::path base_, root_;

private:
  std::string prefix_;
};

} // namespace seam::test
