// End to end: `seam init` on a copy of the sample without its seam.json. From
// folders and from CMake targets (File API), the starter config declares
// exactly today's module edges (samples/shop/expected/module_edges.txt) and the
// levels as layers, so `seam check` with it reports only the planted cycle; it
// refuses to overwrite without --force and writes the same bytes every time.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

namespace seam {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run;

class ShopInit : public ::testing::Test {
protected:
  /// A copy of the sample without seam.json, configured by CMake; with `file_api`
  /// the build folder gets the codemodel query first, so CMake writes a reply.
  void prepare(bool file_api) {
    base_ = fs::path(SEAM_BINARY_DIR) /
            ("shop-init-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(base_);
    root_ = base_ / "shop";
    fs::create_directories(base_);
    fs::copy(test::sample_dir("shop"), root_, fs::copy_options::recursive);
    fs::remove(root_ / "seam.json");
    fs::remove(root_ / "seam-baseline.json");
    if (file_api) {
      fs::create_directories(build() / ".cmake/api/v1/query");
      std::ofstream(build() / ".cmake/api/v1/query/codemodel-v2");
    }
    auto c = run({"cmake", "-S", root_.string(), "-B", build().string(), "-G", "Ninja",
                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"});
    ASSERT_EQ(c.status, 0) << c.out << c.err;
  }
  void TearDown() override {
    if (!HasFailure() && !base_.empty()) fs::remove_all(base_);
  }
  fs::path build() const { return base_ / "build"; }
  test::RunResult seam(std::vector<std::string> args) {
    std::vector<std::string> argv{SEAM_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-p");
    argv.push_back(build().string());
    return run(argv, root_.string());
  }
  json written() { return json::parse(test::slurp((root_ / "seam.json").string()), nullptr, true, true); }
  fs::path base_, root_;
};

std::set<std::pair<std::string, std::string>> expected_edges() {
  std::ifstream in(test::sample_dir("shop") + "/expected/module_edges.txt");
  std::set<std::pair<std::string, std::string>> out;
  std::string from, to;
  while (in >> from >> to) out.insert({from, to});
  return out;
}

std::set<std::pair<std::string, std::string>> declared_edges(const json& cfg) {
  std::set<std::pair<std::string, std::string>> out;
  for (const json& m : cfg["modules"])
    for (const json& d : m["may_depend_on"])
      out.insert(std::make_pair(m["name"].get<std::string>(), d.get<std::string>()));
  return out;
}

TEST_F(ShopInit, FromFoldersDeclaresTodaysEdgesAndLevels) {
  prepare(false);
  auto r = seam({"init"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("wrote seam.json: 10 modules from the folder layout of its 17 translation units (0 test "
                       "modules, 1 library), 6 layers"),
            std::string::npos)
      << r.err;
  json cfg = written();
  // common is proposed a library (the lowest level, no mutable global, no virtuals), as samples/shop declares it.
  for (const json& m : cfg["modules"]) EXPECT_EQ(m.contains("role"), m["name"] == "common") << m;
  EXPECT_EQ(cfg["layers"], json({"level6", "level5", "level4", "level3", "level2", "level1"}));
  std::map<std::string, std::string> layer;
  for (const json& m : cfg["modules"]) {
    std::string name = m["name"];
    EXPECT_EQ(m["paths"], json::array({"src/" + name + "/**"}));
    layer[name] = m["layer"];
  }
  EXPECT_EQ(layer, (std::map<std::string, std::string>{
                       {"api", "level6"}, {"analytics", "level5"}, {"orders", "level4"}, {"payments", "level4"},
                       {"auth", "level3"}, {"inventory", "level3"}, {"catalog", "level2"},
                       {"notifications", "level2"}, {"users", "level2"}, {"common", "level1"}}));
  EXPECT_EQ(declared_edges(cfg), expected_edges());
  const std::string first = test::slurp((root_ / "seam.json").string());
  EXPECT_NE(first.find("// A cycle (seam check reports it until it is broken): orders, payments."),
            std::string::npos);

  // Never overwritten by accident; --force writes the same bytes again.
  auto again = seam({"init"});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("seam: error: seam.json already exists; `seam init --force` overwrites it, `-o FILE` "
                           "writes elsewhere"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(test::slurp((root_ / "seam.json").string()), first);
  ASSERT_EQ(seam({"init", "--force", "-q"}).status, 0);
  EXPECT_EQ(test::slurp((root_ / "seam.json").string()), first);

  // With the starter config, the gate reports the one thing no declaration allows: the cycle.
  auto check = seam({"check", "--format", "json", "-q"});
  ASSERT_EQ(check.status, 1) << check.err;
  json j = json::parse(check.out);
  ASSERT_EQ(j["violations"].size(), 1u) << check.out;
  EXPECT_EQ(j["violations"][0]["rule"], "cycle");
  EXPECT_EQ(j["violations"][0]["members"], json({"orders", "payments"}));
  ASSERT_EQ(seam({"check", "--update-baseline", "-q"}).status, 0);
  EXPECT_EQ(seam({"check", "-q"}).status, 0);
}

TEST_F(ShopInit, ReadsAndFillsTheFactCacheLikeEveryCommand) {
  prepare(false);
  // init parses (nothing is cached yet) and leaves the facts in the cache ...
  ASSERT_EQ(seam({"init", "-q"}).status, 0);
  auto scan = seam({"scan"});
  ASSERT_EQ(scan.status, 0) << scan.err;
  EXPECT_NE(scan.out.find("17 ok, 0 failed (0 parsed, 17 from cache)"), std::string::npos) << scan.out;
  // ... and writes the same config from the cache as from a fresh parse.
  auto again = seam({"init", "--force", "-q", "-o", "-"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, test::slurp((root_ / "seam.json").string()));
  EXPECT_EQ(seam({"init", "--force", "--no-cache", "-q", "-o", "-"}).out, again.out);
}

TEST_F(ShopInit, FromCMakeTargetsWhenTheBuildHasAFileApiReply) {
  prepare(true);
  auto r = seam({"init", "-o", "-", "-q"});
  ASSERT_EQ(r.status, 0) << r.err;
  json cfg = json::parse(r.out, nullptr, true, true);
  std::map<std::string, json> paths;
  for (const json& m : cfg["modules"]) paths[m["name"]] = m["paths"];
  ASSERT_EQ(paths.size(), 11u); // the ten libraries and the shop executable
  EXPECT_EQ(paths["shop"], json::array({"src/api/main.*"}));
  EXPECT_EQ(paths["api"], json::array({"src/api/storefront.*"}));
  EXPECT_EQ(paths["users"], json::array({"src/users/**"}));
  EXPECT_FALSE(fs::exists(root_ / "seam.json")); // -o - printed it
  // Today's edges between the libraries, plus what the executable's main.cpp uses.
  auto declared = declared_edges(cfg);
  std::set<std::pair<std::string, std::string>> libs;
  for (const auto& e : declared)
    if (e.first != "shop") libs.insert(e);
  EXPECT_EQ(libs, expected_edges());
  EXPECT_TRUE(declared.count({"shop", "api"}));

  // --modules folders ignores the reply.
  auto folders = seam({"init", "--modules", "folders", "-o", "-", "-q"});
  ASSERT_EQ(folders.status, 0);
  EXPECT_EQ(json::parse(folders.out, nullptr, true, true)["modules"].size(), 10u);
}

TEST_F(ShopInit, CMakeModulesNeedAReply) {
  prepare(false);
  auto r = seam({"init", "--modules", "cmake"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("has no CMake File API reply; create "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(".cmake/api/v1/query/codemodel-v2 (an empty file) and run cmake again"), std::string::npos);
  EXPECT_FALSE(fs::exists(root_ / "seam.json"));
  auto h = run({SEAM_EXE, "init", "--help"});
  EXPECT_EQ(h.status, 0);
  for (const char* s : {"--modules FROM", "auto|folders|cmake", "--force", "File API"})
    EXPECT_NE(h.out.find(s), std::string::npos) << s;
}

} // namespace
} // namespace seam
