// seam on the shop sample with a git history made in the test: the sample's
// files committed into a repository laid out like it (--history-repo, the
// clone case), then auth and catalog changed together five times though
// neither uses the other: hidden coupling, in the graph, in the candidates
// (and not at all with --no-history, which gives the static output byte for
// byte), identical across -j and runs.
#include "analyzers/core/process.h"
#include "support/run.h"
#include "support/temp_tree.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace seam {
namespace {

using test::seam_on_sample;

class ShopHistory : public test::TempTreeTest {
protected:
  ShopHistory() : TempTreeTest("seam-shop-history") {}
  void SetUp() override {
    TempTreeTest::SetUp();
    root_ = base_ / "shop";
    std::filesystem::create_directories(root_);
    std::filesystem::copy(test::sample_dir("shop") + "/src", root_ / "src", std::filesystem::copy_options::recursive);
    git("Ann", 1, {"init", "-q", "-b", "main"});
    commit("Ann", 1);
    for (int i = 0; i < 5; ++i) {
      append("src/auth/authenticator.cpp", "// token format v" + std::to_string(i) + "\n");
      append("src/catalog/catalog.cpp", "// token format v" + std::to_string(i) + "\n");
      commit(i % 2 ? "Bob" : "Ann", 2 + i);
    }
    append("src/auth/authenticator.h", "// alone\n");
    commit("Cy", 8);
  }
  void git(const std::string& who, int day, std::vector<std::string> args) {
    const std::string date = "2026-02-0" + std::to_string(day) + "T10:00:00Z";
    std::vector<std::string> argv = {"env", "GIT_COMMITTER_DATE=" + date, "GIT_AUTHOR_DATE=" + date, "git", "-C",
                                     root_.string(), "-c", "user.name=" + who, "-c", "user.email=" + who + "@shop",
                                     "-c", "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = run_process(argv);
    ASSERT_EQ(r.exit_status, 0) << r.err << r.error;
  }
  void commit(const std::string& who, int day) {
    git(who, day, {"add", "-A"});
    git(who, day, {"commit", "-q", "-m", "day " + std::to_string(day)});
  }
  void append(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::app | std::ios::binary) << text;
  }
  std::vector<std::string> with_history(std::vector<std::string> args) {
    args.push_back("--history-repo");
    args.push_back(root_.string());
    args.push_back("--cache");
    args.push_back((base_ / "cache").string());
    return args;
  }
};

TEST_F(ShopHistory, HiddenCouplingBetweenAuthAndCatalog) {
  auto r = seam_on_sample("shop", with_history({"graph", "--coupling", "change", "--format", "json", "-q"}));
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.change-coupling/1");
  EXPECT_EQ(j["window"]["commits_in_window"], 7);
  EXPECT_EQ(j["window"]["analysed"], 7);
  bool found = false;
  for (const auto& e : j["edges"]) {
    if (e["a"] != "auth" || e["b"] != "catalog") continue;
    found = true;
    // The first commit (every file) and the five made together.
    EXPECT_EQ(e["commits"], 6);
    EXPECT_EQ(e["confidence_a_to_b"], 0.857); // auth: 7 commits
    EXPECT_EQ(e["confidence_b_to_a"], 1.0);   // catalog: 6
    EXPECT_EQ(e["static_dependency"], false);
    EXPECT_EQ(e["hidden"], true);
  }
  EXPECT_TRUE(found) << r.out;
  // Pairs that only share the first commit are below --min-weight 2.
  for (const auto& e : j["edges"]) EXPECT_GE(e["commits"].get<int>(), 2) << e.dump();

  auto text = seam_on_sample("shop", with_history({"graph", "--coupling", "change", "-q"}));
  EXPECT_NE(text.out.find("auth <-> catalog: 6 commits (auth 7, catalog 6), confidence 0.857 / 1.000, support 0.857  HIDDEN"),
            std::string::npos)
      << text.out;
  auto svg = seam_on_sample("shop", with_history({"graph", "--coupling", "change", "--format", "svg", "-q"}));
  ASSERT_EQ(svg.status, 0) << svg.err;
  EXPECT_NE(svg.out.find("<svg"), std::string::npos);
  EXPECT_NE(svg.out.find("auth and catalog: 6 commits (hidden coupling)"), std::string::npos);
}

TEST_F(ShopHistory, CandidatesPayForCoChangeAndNoHistoryIsTheStaticOutput) {
  auto with = seam_on_sample("shop", with_history({"candidates", "--format", "json", "-q"}));
  ASSERT_EQ(with.status, 0) << with.err;
  auto j = nlohmann::json::parse(with.out);
  EXPECT_EQ(j["schema"], "seam.candidates/3");
  bool seen = false;
  for (const auto& c : j["candidates"]) {
    if (c["module"] != "catalog") continue;
    seen = true;
    EXPECT_EQ(c["co_change"]["commits"], 6);
    EXPECT_EQ(c["co_change"]["partners"][0]["module"], "auth");
    EXPECT_EQ(c["co_change"]["partners"][0]["commits"], 6);
    bool reason = false;
    for (const auto& w : c["reasons"])
      reason |= w.get<std::string>().rfind("changed together with auth in 6 of its 6 commits", 0) == 0;
    EXPECT_TRUE(reason) << c["reasons"].dump();
    // The co-change term: 2 sites of effort per commit shared with a module outside.
    ASSERT_TRUE(c["components"].contains("co-change")) << c["components"].dump();
    EXPECT_EQ(c["components"]["co-change"]["sites"], c["co_change"]["with_outside"]);
    EXPECT_EQ(c["components"]["co-change"]["weight"], 2);
  }
  EXPECT_TRUE(seen);

  // --no-history: the static output, byte for byte; and what-if names the partner.
  auto plain = seam_on_sample("shop", {"candidates", "--format", "json", "-q"});
  auto off = seam_on_sample("shop", with_history({"candidates", "--format", "json", "-q", "--no-history"}));
  ASSERT_EQ(off.status, 0) << off.err;
  EXPECT_EQ(off.out, plain.out);
  EXPECT_NE(plain.out.find("\"schema\": \"seam.candidates/2\""), std::string::npos);
  auto what_if = seam_on_sample("shop", with_history({"candidates", "--what-if", "auth,users", "-q"}));
  EXPECT_NE(what_if.out.find("  co-change    "), std::string::npos) << what_if.out;
  EXPECT_NE(what_if.out.find("    catalog"), std::string::npos) << what_if.out;
}

TEST_F(ShopHistory, WhatIfCountsTheCoChangeBetweenTheSetAndTheRest) {
  // auth+users: auth's 7 commits (users changed only in the first, with
  // everything). 6 also changed a module outside the set: the first (every
  // module) and the five with catalog. common is a shared kernel, taken along:
  // never a partner.
  auto r = seam_on_sample("shop", with_history({"candidates", "--what-if", "auth,users", "--format", "json", "-q"}));
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.candidates/3");
  ASSERT_TRUE(j["candidates"][0].contains("co_change")) << r.out.substr(0, 3000);
  const auto& cc = j["candidates"][0]["co_change"];
  EXPECT_EQ(cc["commits"], 7);
  EXPECT_EQ(cc["with_outside"], 6);
  ASSERT_EQ(cc["partners"].size(), 7u) << cc.dump(); // catalog, and the 6 other non-kernel modules of the first commit
  EXPECT_EQ(cc["partners"][0]["module"], "catalog");
  EXPECT_EQ(cc["partners"][0]["commits"], 6);
  for (size_t i = 1; i < cc["partners"].size(); ++i) {
    EXPECT_EQ(cc["partners"][i]["commits"], 1) << cc.dump();
    EXPECT_NE(cc["partners"][i]["module"], "common");
  }
  EXPECT_EQ(j["candidates"][0]["components"]["co-change"]["sites"], 6);
  EXPECT_EQ(j["candidates"][0]["components"]["co-change"]["effort"], 12);

  auto text = seam_on_sample("shop", with_history({"candidates", "--what-if", "auth,users", "-q"}));
  EXPECT_NE(text.out.find("  co-change    6 of its 7 commits also changed modules outside it\n"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("    catalog                     6 commits\n"), std::string::npos) << text.out;

  // catalog taken into the set: the five commits are inside it now; only the first is left.
  auto both = seam_on_sample("shop", with_history({"candidates", "--what-if", "auth,catalog", "--format", "json", "-q"}));
  ASSERT_EQ(both.status, 0) << both.err;
  const auto bj = nlohmann::json::parse(both.out);
  const auto& bc = bj["candidates"][0]["co_change"];
  EXPECT_EQ(bc["commits"], 7);
  EXPECT_EQ(bc["with_outside"], 1);
  for (const auto& q : bc["partners"]) EXPECT_EQ(q["commits"], 1) << bc.dump();

  // --no-history: no co-change at all, and the static what-if byte for byte.
  auto off = seam_on_sample("shop", with_history({"candidates", "--what-if", "auth,users", "--format", "json", "-q",
                                                  "--no-history"}));
  auto plain = seam_on_sample("shop", {"candidates", "--what-if", "auth,users", "--format", "json", "-q"});
  ASSERT_EQ(off.status, 0) << off.err;
  EXPECT_EQ(off.out, plain.out);
  EXPECT_EQ(off.out.find("co_change"), std::string::npos);
  EXPECT_EQ(off.out.find("co-change"), std::string::npos);
}

TEST_F(ShopHistory, HotspotsOwnershipAndDeterminism) {
  auto r = seam_on_sample("shop", with_history({"history", "--format", "json", "-q", "-j", "1"}));
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "seam.history/1");
  bool seen = false;
  for (const auto& m : j["modules"]) {
    if (m["name"] != "auth") continue;
    seen = true;
    EXPECT_EQ(m["commits"], 7);
    EXPECT_EQ(m["authors"], 3);
    EXPECT_EQ(m["main_author"], "Ann"); // the first commit and days 2, 4, 6
    EXPECT_EQ(m["main_author_commits"], 4);
    EXPECT_EQ(m["with_other_modules"], 6);
    EXPECT_EQ(m["hotspot"], m["commits"].get<int>() * m["lines"].get<int>());
  }
  EXPECT_TRUE(seen);
  // The same bytes whatever -j, and from the cache.
  auto again = seam_on_sample("shop", with_history({"history", "--format", "json", "-q", "-j", "2"}));
  EXPECT_EQ(again.out, r.out);
  for (const char* level : {"module", "file"}) {
    auto a = seam_on_sample("shop", with_history({"graph", "--coupling", "change", "--format", "json", "--level", level,
                                                  "-q", "-j", "1", "--no-cache"}));
    auto b = seam_on_sample("shop", with_history({"graph", "--coupling", "change", "--format", "json", "--level", level,
                                                  "-q", "-j", "2"}));
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << level;
  }
}

TEST_F(ShopHistory, NoHistoryIsANoteOrAnError) {
  // The sample is a subfolder of seam's own repository (or of no repository).
  auto c = seam_on_sample("shop", {"candidates"});
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.err.find("seam: note: no history: "), std::string::npos) << c.err;
  auto g = seam_on_sample("shop", {"graph", "--coupling", "change", "-q"});
  EXPECT_EQ(g.status, 2);
  EXPECT_NE(g.err.find("seam: error: no history: "), std::string::npos) << g.err;
  auto bad = seam_on_sample("shop", {"history", "--since", "soon", "--history-repo", root_.string(), "-q"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--since soon: give N.days"), std::string::npos) << bad.err;
  auto flag = seam_on_sample("shop", {"graph", "--since", "3.days"});
  EXPECT_EQ(flag.status, 2);
}

} // namespace
} // namespace seam
