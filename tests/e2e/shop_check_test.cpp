// End to end: `seam check` on the bundled sample reports exactly the planted
// violations (samples/shop/README.md) at their sites; every format works on
// it; the baseline cycle runs on a temporary copy of the sample (update, clean
// run, a new violation, a fixed one); config errors stop it before parsing.
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <tuple>

namespace seam {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run;
using test::seam_on_sample;

/// (rule, from -> to, file:line:col, symbol or header) of each violation.
using Row = std::tuple<std::string, std::string, std::string, std::string>;

std::set<Row> rows(const json& j, bool only_new = false) {
  std::set<Row> out;
  for (const json& v : j["violations"]) {
    if (only_new && v["baselined"].get<bool>()) continue;
    out.insert({v["rule"], v["from"].get<std::string>() + " -> " + v["to"].get<std::string>(),
                v["file"].get<std::string>() + ":" + std::to_string(v["line"].get<int>()) + ":" +
                    std::to_string(v["column"].get<int>()),
                v.contains("symbol") ? v["symbol"].get<std::string>() : v["header"].get<std::string>()});
  }
  return out;
}

/// The planted problems of samples/shop/README.md, one row per symbol or header
/// used at each planted site (the README's lines; columns as Clang reports them).
const std::set<Row> kPlanted = {
    // 1. the cycle orders <-> payments, closed by the call back into orders
    {"cycle", "payments -> orders", "src/payments/payment_gateway.cpp:46:12", "shop::orders::OrderService::mark_paid"},
    // 2. inventory (domain) -> notifications (service): includes at :7 and :8, the call at :63
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:7:1", "src/notifications/notification.h"},
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:8:1", "src/notifications/notifications.h"},
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:63:18", "shop::notifications::send"},
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:63:38",
     "shop::notifications::Notification"},
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:66:22", "shop::notifications::Channel"},
    {"layer", "inventory -> notifications", "src/inventory/inventory.cpp:66:31",
     "shop::notifications::Channel::Email"},
    // 3. analytics -> catalog, not in may_depend_on: the include at :5, the call at :38
    {"undeclared", "analytics -> catalog", "src/analytics/order_stats.cpp:5:1", "src/catalog/catalog.h"},
    {"undeclared", "analytics -> catalog", "src/analytics/order_stats.cpp:38:33", "shop::catalog::find_product"},
    {"undeclared", "analytics -> catalog", "src/analytics/order_stats.cpp:39:29", "shop::catalog::Product::name"},
    // 4. auth includes users' private header
    {"private-header", "auth -> users", "src/auth/authenticator.cpp:9:1", "src/users/internal/user_store.h"},
};

/// A baseline path that does not exist: the sample's own baseline (if one is
/// ever committed) must not hide the planted violations.
std::string no_baseline() { return std::string(SEAM_BINARY_DIR) + "/shop-check-no-baseline.json"; }

TEST(ShopCheck, ReportsExactlyThePlantedViolations) {
  auto r = seam_on_sample("shop", {"check", "--format", "json", "-q", "--baseline", no_baseline()});
  ASSERT_EQ(r.status, 1) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.check/2");
  EXPECT_EQ(rows(j), kPlanted);
  for (const json& v : j["violations"]) {
    EXPECT_EQ(v["severity"], "error");
    EXPECT_FALSE(v["baselined"].get<bool>());
  }
  const json& cycle = j["violations"][0];
  EXPECT_EQ(cycle["members"], json({"orders", "payments"}));
  EXPECT_EQ(cycle["cycle"], json({"orders", "payments"})); // the elementary cycle: the baseline's key
  EXPECT_EQ(cycle["edges"], json::parse(R"([{"from":"orders","to":"payments","weight":10,"closing":false},
                                            {"from":"payments","to":"orders","weight":5,"closing":true}])"));
  EXPECT_EQ(j["summary"], json({{"new", 11}, {"baselined", 0}, {"fixed", 0}, {"outside_change", 0}, {"errors", 11}, {"warnings", 0},
                                {"infos", 0}, {"failed", true}}));
  // notifications is marked "extract" but no baseline records its interface yet.
  ASSERT_EQ(j["notes"].size(), 2u);
  EXPECT_NE(j["notes"][0].get<std::string>().find("interface of notifications"), std::string::npos);
}

TEST(ShopCheck, TextIsCompilerStyleGroupedWithASummary) {
  auto r = seam_on_sample("shop", {"check", "-q", "--baseline", no_baseline()});
  ASSERT_EQ(r.status, 1) << r.err;
  std::regex line(R"(^src/[a-z_/]+\.(cpp|h):\d+:\d+: error: \[seam/(cycle|layer|undeclared|private-header)\] .+$)");
  size_t sites = 0;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);)
    if (l.rfind("src/", 0) == 0) {
      EXPECT_TRUE(std::regex_match(l, line)) << l;
      ++sites;
    }
  EXPECT_EQ(sites, kPlanted.size());
  EXPECT_NE(r.out.find("\nlayer  inventory -> notifications  (6 violations)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("src/auth/authenticator.cpp:9:1: error: [seam/private-header] auth includes "
                       "\"users/internal/user_store.h\" (src/users/internal/user_store.h), a private header of "
                       "users; its public headers are src/users/*.h"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nseam check: 11 new violations (11 errors), 0 baselined, 0 fixed: failed\n"),
            std::string::npos)
      << r.out;
}

TEST(ShopCheck, EveryFormatOnTheSample) {
  auto sarif = seam_on_sample("shop", {"check", "--format", "sarif", "-q", "--baseline", no_baseline()});
  ASSERT_EQ(sarif.status, 1) << sarif.err;
  json s = json::parse(sarif.out);
  EXPECT_EQ(s["version"], "2.1.0");
  const json& run0 = s["runs"][0];
  std::set<std::string> ids;
  for (const json& rule : run0["tool"]["driver"]["rules"]) ids.insert(rule["id"]);
  ASSERT_EQ(run0["results"].size(), kPlanted.size());
  std::set<std::string> fingerprints;
  for (const json& res : run0["results"]) {
    EXPECT_TRUE(ids.count(res["ruleId"])) << res["ruleId"];
    const json& loc = res["locations"][0]["physicalLocation"];
    EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(loc["artifactLocation"]["uri"].get<std::string>().rfind("src/", 0), 0u);
    EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
    fingerprints.insert(res["partialFingerprints"]["seamViolationKey/v1"]);
  }
  EXPECT_EQ(fingerprints.size(), kPlanted.size());

  auto junit = seam_on_sample("shop", {"check", "--format", "junit", "-q", "--baseline", no_baseline()});
  EXPECT_EQ(junit.status, 1);
  // 4 module pairs fail: orders<->payments (closing edge), inventory->notifications,
  // analytics->catalog, auth->users.
  EXPECT_NE(junit.out.find("failures=\"4\""), std::string::npos) << junit.out.substr(0, 300);

  auto gh = seam_on_sample("shop", {"check", "--format", "github", "-q", "--baseline", no_baseline(),
                                    "--path-prefix", "samples/shop"});
  EXPECT_EQ(gh.status, 1);
  size_t errors = 0;
  std::istringstream in(gh.out);
  for (std::string l; std::getline(in, l);) errors += l.rfind("::error file=samples/shop/src/", 0) == 0;
  EXPECT_EQ(errors, kPlanted.size()) << gh.out;

  auto gl = seam_on_sample("shop", {"check", "--format", "gitlab", "-q", "--baseline", no_baseline()});
  EXPECT_EQ(gl.status, 1);
  EXPECT_EQ(json::parse(gl.out).size(), kPlanted.size());

  auto md = seam_on_sample("shop", {"check", "--format", "markdown", "-q", "--baseline", no_baseline()});
  EXPECT_EQ(md.status, 1);
  EXPECT_NE(md.out.find("| layer | error | 6 | 0 | 0 |"), std::string::npos) << md.out;
}

TEST(ShopCheck, OutputIsIdenticalAcrossJobs) {
  auto a = seam_on_sample("shop", {"check", "--format", "sarif", "-q", "-j", "1", "--baseline", no_baseline()});
  auto b = seam_on_sample("shop", {"check", "--format", "sarif", "-q", "-j", "2", "--baseline", no_baseline()});
  EXPECT_EQ(a.status, 1);
  EXPECT_EQ(a.out, b.out);
}

// --- the baseline cycle, on a temporary copy of the sample ---

/// A copy of samples/shop configured by CMake (so it has its own compile database).
class ShopCopy : public ::testing::Test {
protected:
  void SetUp() override {
    base_ = fs::path(SEAM_BINARY_DIR) / ("shop-check-copy-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(base_);
    root_ = base_ / "shop";
    fs::create_directories(base_);
    fs::copy(test::sample_dir("shop"), root_, fs::copy_options::recursive);
    fs::remove(root_ / "seam-baseline.json"); // start without one, whatever the sample ships
    auto c = run({"cmake", "-S", root_.string(), "-B", build().string(), "-G", "Ninja",
                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"});
    ASSERT_EQ(c.status, 0) << c.out << c.err;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(base_);
  }
  fs::path build() const { return base_ / "build"; }
  test::RunResult seam(std::vector<std::string> args) {
    std::vector<std::string> argv{SEAM_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-q");
    argv.push_back("-p");
    argv.push_back(build().string());
    return run(argv, root_.string());
  }
  /// Replaces `from` (which must occur) by `to` in a file of the copy.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = test::slurp((root_ / file).string());
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(root_ / file, std::ios::binary) << text;
  }
  /// 1-based line of the first occurrence of `what` in a file of the copy.
  int line_of(const std::string& file, const std::string& what) {
    std::string text = test::slurp((root_ / file).string());
    size_t at = text.find(what);
    return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  }
  fs::path base_, root_;
};

TEST_F(ShopCopy, BaselineCycleUpdateCleanNewAndFixed) {
  // 1. Accept the current violations.
  auto u = seam({"check", "--update-baseline"});
  ASSERT_EQ(u.status, 0) << u.err;
  std::string baseline = test::slurp((root_ / "seam-baseline.json").string());
  EXPECT_EQ(baseline.find("\"line\""), std::string::npos); // line-number independent
  EXPECT_NE(baseline.find("{\"rule\":\"cycle\",\"cycle\":[\"orders\",\"payments\"]}"), std::string::npos);
  EXPECT_NE(baseline.find("\"shop::notifications::send\""), std::string::npos); // the recorded interface

  // 2. A clean run: everything baselined, exit 0.
  auto clean = seam({"check"});
  EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("seam check: no new violations, 11 baselined, 0 fixed: passed"), std::string::npos)
      << clean.out;

  // 3. A new undeclared use in a file that already had baselined ones: only it is new.
  edit("src/analytics/order_stats.cpp", "} // namespace shop::analytics",
       "bool knows_sku(const std::string& sku) { return catalog::find_by_sku(sku).has_value(); }\n\n"
       "} // namespace shop::analytics");
  const int added = line_of("src/analytics/order_stats.cpp", "catalog::find_by_sku");
  const int column = 1 + static_cast<int>(std::string("bool knows_sku(const std::string& sku) { return catalog::")
                                               .size()); // Clang places a call at the callee's name
  auto one = seam({"check", "--format", "json"});
  ASSERT_EQ(one.status, 1) << one.err;
  json j = json::parse(one.out);
  EXPECT_EQ(rows(j, true), (std::set<Row>{{"undeclared", "analytics -> catalog",
                                           "src/analytics/order_stats.cpp:" + std::to_string(added) + ":" + std::to_string(column),
                                           "shop::catalog::find_by_sku"}}));
  EXPECT_EQ(j["summary"]["baselined"], 11);
  auto text = seam({"check"});
  EXPECT_EQ(text.status, 1);
  size_t error_lines = 0;
  std::istringstream in(text.out);
  for (std::string l; std::getline(in, l);) error_lines += l.find(": error: ") != std::string::npos;
  EXPECT_EQ(error_lines, 1u) << text.out;

  // 4. The module being extracted gains an interface symbol (api reads a field it never read).
  edit("src/api/storefront.cpp", "\nvoid Storefront::", "\nstd::string first_recipient(const notifications::Notification& n) { return n.recipient; }\n\nvoid Storefront::");
  auto grown = seam({"check", "--format", "json"});
  ASSERT_EQ(grown.status, 1) << grown.err;
  j = json::parse(grown.out);
  std::set<Row> fresh = rows(j, true);
  ASSERT_EQ(fresh.size(), 2u) << grown.out;
  // Rows sort by rule name: interface-growth before the undeclared one of step 3.
  EXPECT_EQ(std::get<0>(*fresh.begin()), "interface-growth");
  EXPECT_EQ(std::get<1>(*fresh.begin()), "api -> notifications");
  EXPECT_EQ(std::get<2>(*fresh.begin()).rfind("src/api/storefront.cpp:", 0), 0u);
  EXPECT_EQ(std::get<3>(*fresh.begin()), "shop::notifications::Notification::recipient");
  EXPECT_EQ(std::get<0>(*fresh.rbegin()), "undeclared");

  // 5. A planted violation removed: the baseline entry is reported fixed.
  edit("src/auth/authenticator.cpp", "#include \"users/internal/user_store.h\"\n", "");
  edit("src/auth/authenticator.cpp",
       "  const users::internal::UserStore& store = directory_.store();\n"
       "  return store.password_hash(user) == users::internal::hash_password(password);",
       "  return user > 0 && !password.empty();");
  auto fixed = seam({"check", "--format", "json"});
  ASSERT_EQ(fixed.status, 1) << fixed.err;
  j = json::parse(fixed.out);
  EXPECT_EQ(j["fixed"], json::parse(R"([{"rule":"private-header","from":"auth","to":"users",
      "file":"src/auth/authenticator.cpp","header":"src/users/internal/user_store.h"}])"));
  EXPECT_EQ(j["summary"]["fixed"], 1);
  EXPECT_EQ(j["summary"]["baselined"], 10);

  // 6. Updating again accepts the new ones and drops the fixed one: a clean run.
  ASSERT_EQ(seam({"check", "--update-baseline"}).status, 0);
  baseline = test::slurp((root_ / "seam-baseline.json").string());
  EXPECT_EQ(baseline.find("user_store.h"), std::string::npos);
  EXPECT_NE(baseline.find("shop::notifications::Notification::recipient"), std::string::npos);
  auto again = seam({"check"});
  EXPECT_EQ(again.status, 0) << again.out;

  // 7. An allowance no code uses: info by default (shown, not failing), an error when configured so.
  std::string cfg = test::slurp((root_ / "seam.json").string());
  const std::string users = "\"src/users/*.h\"], \"layer\": \"domain\",\n     \"may_depend_on\": [\"common\"";
  size_t at = cfg.find(users);
  ASSERT_NE(at, std::string::npos);
  cfg.insert(at + users.size(), ", \"catalog\"");
  std::ofstream(root_ / "seam.json") << cfg;
  size_t entry = cfg.find("\"catalog\"", at);
  const std::string pos = std::to_string(1 + std::count(cfg.begin(), cfg.begin() + entry, '\n')) + ":" +
                          std::to_string(entry - cfg.rfind('\n', entry));
  auto unused = seam({"check"});
  EXPECT_EQ(unused.status, 0) << unused.out;
  EXPECT_NE(unused.out.find("seam.json:" + pos + ": note: [seam/unused-allowance] users may depend on catalog, but "
                            "no code of users uses catalog (no reference, no #include); remove it from "
                            "\"may_depend_on\""),
            std::string::npos)
      << unused.out;
  cfg.insert(cfg.rfind('}'), ", \"rules\": {\"unused-allowance\": \"error\"}\n");
  std::ofstream(root_ / "seam.json") << cfg;
  auto strict = seam({"check"});
  EXPECT_EQ(strict.status, 1) << strict.out;
  EXPECT_NE(strict.out.find(": error: [seam/unused-allowance] users may depend on catalog"), std::string::npos);
}

TEST_F(ShopCopy, AnOldBaselineStillHoldsItsCycleAndANewCycleFails) {
  ASSERT_EQ(seam({"check", "--update-baseline"}).status, 0);
  // The entry as seam wrote it before elementary cycles: the group's members.
  std::string baseline = test::slurp((root_ / "seam-baseline.json").string());
  const std::string now = "{\"rule\":\"cycle\",\"cycle\":[\"orders\",\"payments\"]}";
  size_t at = baseline.find(now);
  ASSERT_NE(at, std::string::npos) << baseline;
  baseline.replace(at, now.size(), "{\"rule\":\"cycle\",\"members\":[\"orders\",\"payments\"]}");
  std::ofstream(root_ / "seam-baseline.json", std::ios::binary) << baseline;
  auto old = seam({"check"});
  EXPECT_EQ(old.status, 0) << old.out << old.err;
  EXPECT_NE(old.out.find("seam check: no new violations, 11 baselined, 0 fixed: passed"), std::string::npos) << old.out;

  // inventory now includes an orders header: {inventory, orders, payments} is one
  // group, and inventory -> orders -> inventory a new elementary cycle. The old
  // group entry still holds orders -> payments -> orders; the new cycle fails.
  edit("src/inventory/inventory.cpp", "#include \"common/ids.h\"\n",
       "#include \"common/ids.h\"\n#include \"orders/order.h\"\n");
  auto grown = seam({"check", "--format", "json"});
  ASSERT_EQ(grown.status, 1) << grown.err;
  json j = json::parse(grown.out);
  std::set<std::pair<std::string, bool>> cycles;
  for (const json& v : j["violations"])
    if (v["rule"] == "cycle") {
      std::string walk;
      for (const json& m : v["cycle"]) walk += m.get<std::string>() + " ";
      cycles.insert({walk, v["baselined"].get<bool>()});
    }
  EXPECT_EQ(cycles, (std::set<std::pair<std::string, bool>>{{"inventory orders ", false}, {"orders payments ", true}}))
      << grown.out;
  EXPECT_EQ(j["fixed"], json::array());
  auto text = seam({"check"});
  EXPECT_NE(text.out.find("[seam/cycle] modules inventory and orders depend on each other in a cycle "
                          "(inventory -> orders -> inventory); cut it at inventory -> orders"),
            std::string::npos)
      << text.out;

  // Updating the baseline replaces the group by its elementary cycles.
  ASSERT_EQ(seam({"check", "--update-baseline"}).status, 0);
  baseline = test::slurp((root_ / "seam-baseline.json").string());
  EXPECT_EQ(baseline.find("\"members\""), std::string::npos) << baseline;
  EXPECT_NE(baseline.find("{\"rule\":\"cycle\",\"cycle\":[\"inventory\",\"orders\"]}"), std::string::npos) << baseline;
  EXPECT_NE(baseline.find(now), std::string::npos) << baseline;
}

TEST_F(ShopCopy, ConfigErrorsStopBeforeParsingWithPositions) {
  std::string cfg = test::slurp((root_ / "seam.json").string());
  // A typo in a glob, and a second module claiming users' files.
  size_t at = cfg.find("\"src/analytics/**\"");
  ASSERT_NE(at, std::string::npos);
  cfg.replace(at, 18, "\"src/analytic/**\"");
  at = cfg.find("{\"name\": \"common\"");
  ASSERT_NE(at, std::string::npos);
  cfg.insert(at, "{\"name\": \"people\", \"paths\": [\"src/users/*.h\"]},\n    ");
  std::ofstream(root_ / "broken.json") << cfg;
  auto line_col = [&](const std::string& what) {
    size_t p = cfg.find(what);
    int line = 1 + static_cast<int>(std::count(cfg.begin(), cfg.begin() + p, '\n'));
    int col = static_cast<int>(p - cfg.rfind('\n', p));
    return std::to_string(line) + ":" + std::to_string(col);
  };
  auto r = seam({"check", "--config", "broken.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("broken.json:" + line_col("\"src/analytic/**\"") +
                       ": error: glob \"src/analytic/**\" in \"paths\" of module \"analytics\" matches no file"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("broken.json:" + line_col("\"src/users/*.h\"]}") +
                       ": error: glob \"src/users/*.h\" of module \"people\" matches src/users/user.h and 1 more "
                       "file, already in module \"users\" (by \"src/users/**\" at broken.json:" +
                       line_col("\"src/users/**\"") + "); a file belongs to one module"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("seam: error: broken.json: 2 problems in the config; nothing was analysed"), std::string::npos)
      << r.err;

  // The config reader's own checks come first: an unknown key, with a suggestion.
  std::ofstream(root_ / "typo.json") << "{\n  \"modulse\": []\n}\n";
  auto t = seam({"check", "--config", "typo.json"});
  EXPECT_EQ(t.status, 2);
  EXPECT_NE(t.err.find("typo.json:2:3: error: unknown key \"modulse\"; did you mean \"modules\"?"), std::string::npos)
      << t.err;
}

TEST_F(ShopCopy, AnInvalidBaselineIsAnErrorAtItsPosition) {
  std::ofstream(root_ / "bad.json") << "{\"schema\": \"seam.baseline/1\",\n \"violations\": [{\"rule\": \"nope\"}]}\n";
  auto r = seam({"check", "--baseline", "bad.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("bad.json:2:17: error: unknown rule \"nope\" in the baseline\nseam: error: the baseline "
                       "bad.json is invalid; fix it, or rewrite it with `seam check --update-baseline`"),
            std::string::npos)
      << r.err;
}

/// The `seam check` command lines of the CI recipes in docs/ci.md (GitHub `run:` and
/// GitLab script lines), with the binary and the build folder of this test.
std::vector<std::string> ci_commands(const std::string& build) {
  std::istringstream in(test::slurp(std::string(SEAM_SOURCE_DIR) + "/docs/ci.md"));
  std::vector<std::string> out;
  bool yaml = false;
  for (std::string l; std::getline(in, l);) {
    std::string t = l.substr(std::min(l.size(), l.find_first_not_of(' ')));
    if (t.rfind("```", 0) == 0) {
      yaml = t == "```yaml";
      continue;
    }
    if (!yaml) continue;
    for (const char* prefix : {"- ", "run: "})
      if (t.rfind(prefix, 0) == 0) t = t.substr(std::string(prefix).size());
    for (const char* exe : {"/opt/seam/seam check ", ".seam-bin/seam check "})
      if (t.rfind(exe, 0) == 0) {
        std::string cmd = test::shell_quote(SEAM_EXE) + " check " + t.substr(std::string(exe).size());
        size_t p = cmd.find(" -p build");
        if (p != std::string::npos) cmd.replace(p, 9, " -p " + test::shell_quote(build));
        out.push_back(cmd);
      }
  }
  return out;
}

TEST_F(ShopCopy, TheCiRecipesInTheDocsRun) {
  std::vector<std::string> cmds = ci_commands(build().string());
  ASSERT_GE(cmds.size(), 7u);
  auto run_all = [&](int gate_status) {
    for (const std::string& c : cmds) {
      auto r = run({"sh", "-c", "GITHUB_STEP_SUMMARY=summary.md; " + c}, root_.string());
      // Report steps accept exit 1 (new violations); the gates return it.
      bool gate = c.find("|| [ $? -eq 1 ]") == std::string::npos;
      EXPECT_EQ(r.status, gate ? gate_status : 0) << c << "\n" << r.err;
    }
  };
  run_all(1); // no baseline yet: the planted violations are new
  json sarif = json::parse(test::slurp((root_ / "seam.sarif").string()));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(json::parse(test::slurp((root_ / "gl-code-quality-report.json").string())).size(), kPlanted.size());
  EXPECT_NE(test::slurp((root_ / "seam-junit.xml").string()).find("<testsuites name=\"seam check\""),
            std::string::npos);
  EXPECT_NE(test::slurp((root_ / "summary.md").string()).find("## seam check: failed"), std::string::npos);
  ASSERT_EQ(seam({"check", "--update-baseline"}).status, 0);
  run_all(0); // the baseline holds them
  EXPECT_NE(test::slurp((root_ / "seam.txt").string()).find(", 0 fixed: passed"), std::string::npos);
}

TEST(ShopCheck, HelpDescribesRulesFormatsAndOptions) {
  auto h = run({SEAM_EXE, "check", "--help"});
  EXPECT_EQ(h.status, 0);
  for (const char* s : {"--format", "text|json|sarif|junit|github|gitlab|markdown", "--baseline FILE",
                        "--update-baseline", "--path-prefix", "interface-growth", "unused-allowance"})
    EXPECT_NE(h.out.find(s), std::string::npos) << s;
}

} // namespace
} // namespace seam
