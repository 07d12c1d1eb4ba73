// Files to modules by seam.json's globs (analyzers/config/module_globs.h), the
// one rule the model and `seam check` share: known answers on small configs.
#include "analyzers/config/module_globs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace seam {
namespace {

ModuleDecl module(const std::string& name, std::vector<std::string> paths, std::optional<ModuleRole> role = {}) {
  ModuleDecl d;
  d.name = name;
  d.paths = std::move(paths);
  d.role = role;
  for (size_t g = 0; g < d.paths.size(); ++g) d.path_pos.push_back({static_cast<uint32_t>(10 + g), 5});
  return d;
}

std::vector<std::string_view> views(const std::vector<std::string>& files) { return {files.begin(), files.end()}; }

/// The owner of each file by module name ("-" for none, "excluded").
std::vector<std::string> owners_of(const Config& c, const std::vector<std::string>& files) {
  FileOwners o = assign_files(c, views(files));
  std::vector<std::string> out;
  for (size_t f = 0; f < files.size(); ++f)
    out.push_back(o.excluded[f] ? "excluded" : o.owner[f] == FileOwners::kNone ? "-" : c.modules[o.owner[f]].name);
  return out;
}

TEST(ModuleGlobs, StarStaysInAFolderDoubleStarCrossesAndExcludeWins) {
  Config c;
  c.modules = {module("a", {"src/a/**"}), module("b", {"src/b/*.cpp"}), module("top", {"*.cpp"})};
  c.exclude = {"src/a/gen/**"};
  const std::vector<std::string> files = {"src/a/x.cpp", "src/a/sub/y.h", "src/a/gen/g.cpp", "src/b/z.cpp",
                                          "src/b/sub/w.cpp", "src/b/z.h", "main.cpp", "src/main.cpp"};
  EXPECT_EQ(owners_of(c, files),
            (std::vector<std::string>{"a", "a", "excluded", "b", "-", "-", "top", "-"}));
  FileOwners o = assign_files(c, views(files));
  EXPECT_EQ(o.path_hits, (std::vector<std::vector<uint32_t>>{{2}, {1}, {1}}));
  EXPECT_EQ(o.exclude_hits, (std::vector<uint32_t>{1}));
  EXPECT_TRUE(o.shared.empty());
}

TEST(ModuleGlobs, ATestModuleCarvesItsFilesOutOfAnotherModulesFolder) {
  Config c;
  c.modules = {module("lib", {"src/**"}), module("tests", {"**/*_test.cc"}, ModuleRole::Test)};
  const std::vector<std::string> files = {"src/x.cc", "src/x_test.cc", "tools/y_test.cc"};
  EXPECT_EQ(owners_of(c, files), (std::vector<std::string>{"lib", "tests", "tests"}));
  // In either order of declaration.
  std::swap(c.modules[0], c.modules[1]);
  EXPECT_EQ(owners_of(c, files), (std::vector<std::string>{"lib", "tests", "tests"}));
  EXPECT_TRUE(assign_files(c, views(files)).shared.empty());
}

TEST(ModuleGlobs, FilesTwoModulesClaimAreCountedOncePerPairWithTheFirstFile) {
  Config c;
  c.path = "seam.json";
  c.modules = {module("a", {"src/a/**"}), module("wide", {"src/*.h", "src/**"}), module("c", {"src/c/**"})};
  const std::vector<std::string> files = {"src/a/1.cpp", "src/a/2.cpp", "src/c/3.cpp", "src/d/4.cpp", "src/5.h"};
  FileOwners o = assign_files(c, views(files));
  // Each file goes to the first module in config order that claims it.
  EXPECT_EQ(owners_of(c, files), (std::vector<std::string>{"a", "a", "wide", "wide", "wide"}));
  ASSERT_EQ(o.shared.size(), 2u);
  EXPECT_EQ(o.shared[0].owner, 0u); // a, then wide's "src/**" over src/a/1.cpp and src/a/2.cpp
  EXPECT_EQ(o.shared[0].other, 1u);
  EXPECT_EQ(o.shared[0].glob, 1u);
  EXPECT_EQ(o.shared[0].first_file, "src/a/1.cpp");
  EXPECT_EQ(o.shared[0].files, 2u);
  EXPECT_EQ(o.shared[1].owner, 1u); // wide, then c over src/c/3.cpp
  EXPECT_EQ(o.shared[1].other, 2u);
  EXPECT_EQ(o.shared[1].files, 1u);
  // Both globs hit every file they match, the shared ones included.
  EXPECT_EQ(o.path_hits, (std::vector<std::vector<uint32_t>>{{2}, {1, 5}, {1}}));
  // One wording: where, which file, both modules and globs, what to do.
  EXPECT_EQ(shared_files_error(c, o.shared[0], "seam.json").format(),
            "seam.json:11:5: error: glob \"src/**\" of module \"wide\" matches src/a/1.cpp and 1 more file, already in "
            "module \"a\" (by \"src/a/**\" at seam.json:10:5); a file belongs to one module: narrow one module's "
            "\"paths\" or add the files to \"exclude\"");
}

TEST(ModuleGlobs, PublicGlobsAreCountedAndEveryMatchingModuleIsHeardOnce) {
  Config c;
  ModuleDecl a = module("a", {"src/a/**", "src/a/*.h"});
  a.public_headers = std::vector<std::string>{"src/a/*.h", "src/a/none/*.h"};
  c.modules = {a, module("b", {"src/**"})};
  const std::vector<std::string> files = {"src/a/x.h", "src/a/x.cpp", "src/b/y.h"};
  std::vector<std::pair<size_t, size_t>> heard;
  FileOwners o = assign_files(c, views(files), [&](size_t f, size_t m) { heard.push_back({f, m}); });
  EXPECT_EQ(o.public_hits, (std::vector<std::vector<uint32_t>>{{1, 0}, {}}));
  EXPECT_EQ(heard, (std::vector<std::pair<size_t, size_t>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 1}}));
}

TEST(ModuleGlobs, ThousandsOfModulesEachGetTheirOwnFiles) {
  // A module per folder, as `seam init` infers them on a large tree: every
  // file must land in its folder's module and no glob may go unmatched.
  Config c;
  std::vector<std::string> files;
  for (int m = 0; m < 2000; ++m) {
    const std::string dir = "src/m" + std::to_string(m);
    c.modules.push_back(module("m" + std::to_string(m), {dir + "/**"}));
    for (int f = 0; f < 10; ++f) files.push_back(dir + "/f" + std::to_string(f) + ".cpp");
  }
  FileOwners o = assign_files(c, views(files));
  for (size_t f = 0; f < files.size(); ++f) ASSERT_EQ(o.owner[f], f / 10) << files[f];
  for (const auto& hits : o.path_hits) EXPECT_EQ(hits, (std::vector<uint32_t>{10}));
}

} // namespace
} // namespace seam
