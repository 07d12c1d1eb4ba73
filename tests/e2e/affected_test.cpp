// End to end: `seam check --affected REV` on a git repository made from a copy
// of samples/shop. What the change touches fails, the planted violations in
// files it does not touch are counted and pass, renamed files are followed,
// only the changed translation units are parsed again, and a wrong revision,
// a shallow clone or a folder outside git exit 2 saying what to do.
#include "support/sample_copy.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace seam {
namespace {

using json = nlohmann::json;
using test::run;
using test::RunResult;

RunResult git(const std::string& dir, std::vector<std::string> args) {
  std::vector<std::string> argv{"git", "-C", dir, "-c", "user.name=seam test", "-c", "user.email=test@example.invalid",
                                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

/// The copy as a repository on branch main with one commit, the build folder ignored.
void make_repo(const test::SampleCopy& shop) {
  std::ofstream(shop.root() + "/.gitignore") << "build/\n";
  ASSERT_EQ(git(shop.root(), {"init", "-q"}).status, 0);
  ASSERT_EQ(git(shop.root(), {"add", "-A"}).status, 0);
  auto c = git(shop.root(), {"commit", "-q", "-m", "base"});
  ASSERT_EQ(c.status, 0) << c.err;
}

/// (rule, file) -> outside_change, for every violation of a seam.check JSON.
std::map<std::pair<std::string, std::string>, bool> by_site(const json& j) {
  std::map<std::pair<std::string, std::string>, bool> out;
  for (const json& v : j["violations"]) out[{v["rule"], v["file"]}] = v["outside_change"].get<bool>();
  return out;
}

/// Violations whose file is one of `files`.
size_t at_files(const json& j, const std::set<std::string>& files) {
  size_t n = 0;
  for (const json& v : j["violations"]) n += files.count(v["file"].get<std::string>());
  return n;
}

/// "P of T translation units parsed" from the --affected note.
int parsed(const RunResult& r) {
  std::smatch m;
  static const std::regex re(R"((\d+) of (\d+) translation units parsed)");
  return std::regex_search(r.err, m, re) ? std::stoi(m[1]) : -1;
}

// The planted violations of samples/shop (README.md), each at one file.
const std::set<std::pair<std::string, std::string>> kPlanted = {
    {"cycle", "src/payments/payment_gateway.cpp"},
    {"layer", "src/inventory/inventory.cpp"},
    {"undeclared", "src/analytics/order_stats.cpp"},
    {"private-header", "src/auth/authenticator.cpp"},
};

TEST(Affected, TheChangeFailsTheRestIsCounted) {
  test::SampleCopy shop("shop");
  ASSERT_TRUE(shop.has_db());
  make_repo(shop);
  ASSERT_EQ(git(shop.root(), {"checkout", "-q", "-b", "feature"}).status, 0);

  // Nothing changed yet: every planted violation is outside the change; exit 0.
  auto clean = shop.seam({"check", "--affected", "main", "--format", "json"});
  ASSERT_EQ(clean.status, 0) << clean.err;
  json j = json::parse(clean.out);
  EXPECT_EQ(j["schema"], "seam.check/2");
  EXPECT_EQ(j["affected"]["rev"], "main");
  EXPECT_EQ(j["affected"]["changed_files"], 0);
  const auto planted = by_site(j); // one map: its iterators must outlive the lookups
  for (const auto& site : kPlanted) {
    auto it = planted.find(site);
    ASSERT_NE(it, planted.end()) << site.first << " " << site.second << "\n" << clean.out;
    EXPECT_TRUE(it->second) << site.second;
  }
  EXPECT_EQ(j["summary"]["new"], 0);
  EXPECT_EQ(j["summary"]["outside_change"], j["violations"].size());
  EXPECT_EQ(j["summary"]["failed"], false);

  // A committed change: catalog (domain, may depend on common only) starts
  // using users: a new undeclared dependency in the changed file.
  ASSERT_TRUE(shop.edit("src/catalog/catalog.cpp", "#include \"catalog/catalog.h\"\n",
                        "#include \"catalog/catalog.h\"\n#include \"users/user_directory.h\"\n"
                        "static shop::users::UserDirectory* g_seam_test_directory = nullptr;\n"));
  ASSERT_EQ(git(shop.root(), {"commit", "-q", "-am", "catalog uses users"}).status, 0);
  auto changed = shop.seam({"check", "--affected", "main", "--format", "json"});
  ASSERT_EQ(changed.status, 1) << changed.err;
  EXPECT_EQ(parsed(changed), 1) << changed.err; // only catalog.cpp's TU: the rest from the cache
  j = json::parse(changed.out);
  auto sites = by_site(j);
  EXPECT_EQ(sites[(std::pair<std::string, std::string>{"undeclared", "src/catalog/catalog.cpp"})], false)
      << changed.out;
  for (const auto& site : kPlanted) EXPECT_TRUE(sites[site]) << site.second;
  // The include and the type use: both in the change, nothing else.
  const size_t mine = at_files(j, {"src/catalog/catalog.cpp"});
  EXPECT_EQ(mine, 2u) << changed.out;
  EXPECT_EQ(j["summary"]["new"], mine);
  EXPECT_EQ(j["summary"]["outside_change"].get<size_t>(), j["violations"].size() - mine);
  // Text: the one in the change listed, the others counted; the note says what was parsed.
  auto text = shop.seam({"check", "--affected", "main"});
  EXPECT_EQ(text.status, 1);
  EXPECT_NE(text.out.find("src/catalog/catalog.cpp:"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("src/analytics/order_stats.cpp:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(std::to_string(j["violations"].size() - mine) +
                          " outside the change (not failed on): failed"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(parsed(text), 0) << text.err; // a second run parses nothing
  // GitHub annotations only for the change; SARIF marks the rest unchanged.
  auto gh = shop.seam({"check", "--affected", "main", "--format", "github"});
  EXPECT_NE(gh.out.find("::error file=src/catalog/catalog.cpp,line="), std::string::npos) << gh.out;
  EXPECT_EQ(gh.out.find("file=src/inventory/inventory.cpp"), std::string::npos) << gh.out;
  json sarif = json::parse(shop.seam({"check", "--affected", "main", "--format", "sarif"}).out);
  size_t fresh = 0;
  for (const json& r : sarif["runs"][0]["results"]) {
    bool mine = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/catalog/catalog.cpp";
    EXPECT_EQ(r["baselineState"], mine ? "new" : "unchanged");
    EXPECT_EQ(r["properties"]["outsideChange"], !mine);
    fresh += mine;
  }
  EXPECT_EQ(fresh, mine);
  auto md = shop.seam({"check", "--affected", "main", "--format", "markdown"});
  EXPECT_NE(md.out.find("outside the change (--affected main, 1 file changed), not failed on"), std::string::npos)
      << md.out;

  // seam graph --affected: catalog (holds the changed file) and its new edge to users are
  // touched; users and the edges whose sites are elsewhere are not.
  json g = json::parse(shop.seam({"graph", "--affected", "main", "--format", "json", "-q"}).out);
  EXPECT_EQ(g["schema"], "seam.graph/1");
  EXPECT_EQ(g["affected"]["rev"], "main");
  std::set<std::string> touched_nodes, touched_edges;
  for (const json& n : g["nodes"])
    if (n["touched"].get<bool>()) touched_nodes.insert(n["id"].get<std::string>());
  for (const json& e : g["edges"])
    if (e["touched"].get<bool>()) touched_edges.insert(e["from"].get<std::string>() + "->" + e["to"].get<std::string>());
  EXPECT_EQ(touched_nodes, (std::set<std::string>{"catalog"}));
  // catalog.cpp's own uses: of catalog's header (inside the node, no edge), common's types, users.
  EXPECT_TRUE(touched_edges.count("catalog->users")) << g.dump(1);
  EXPECT_FALSE(touched_edges.count("analytics->catalog")) << g.dump(1);
  auto gt = shop.seam({"graph", "--affected", "main", "-q"});
  EXPECT_NE(gt.out.find("touched by the change since main (1 file changed): 1 module (catalog)"), std::string::npos)
      << gt.out;
  std::regex touched_line(R"(catalog -> users +\d+ +\(.*\)  \[touched\])");
  EXPECT_TRUE(std::regex_search(gt.out, touched_line)) << gt.out;
  auto dot = shop.seam({"graph", "--affected", "main", "--format", "dot", "-q"});
  EXPECT_NE(dot.out.find("touched by the change since main"), std::string::npos);
  EXPECT_NE(dot.out.find("#1f6feb"), std::string::npos);

  // seam report --affected: the drawing marks catalog; the data says what is outside the change.
  const std::string html = shop.root() + "/build/report.html";
  auto rep = shop.seam({"report", "--affected", "main", "-o", html, "-q"});
  ASSERT_EQ(rep.status, 0) << rep.err;
  const std::string page = test::slurp(html);
  EXPECT_NE(page.find("catalog: "), std::string::npos);
  EXPECT_NE(page.find(", touched by the change since main"), std::string::npos);
  EXPECT_NE(page.find("\"affected\":{\"rev\":\"main\",\"changed_files\":1,\"modules\":[\"catalog\"]}"),
            std::string::npos);
  EXPECT_NE(page.find("\"outside_change\":true"), std::string::npos);

  // Uncommitted: a comment edit in the file of the planted layer break brings it into the change.
  ASSERT_TRUE(shop.edit("src/inventory/inventory.cpp", "#include", "// touched\n#include"));
  j = json::parse(shop.seam({"check", "--affected", "main", "--format", "json"}).out);
  EXPECT_EQ(j["affected"]["changed_files"], 2);
  EXPECT_FALSE((by_site(j)[{"layer", "src/inventory/inventory.cpp"}])) << j.dump(1);
  EXPECT_EQ(j["summary"]["new"], at_files(j, {"src/catalog/catalog.cpp", "src/inventory/inventory.cpp"}));
  EXPECT_GT(at_files(j, {"src/inventory/inventory.cpp"}), 0u);
}

TEST(Affected, ARenamedFileIsFollowedAndACycleItTouchesFails) {
  test::SampleCopy shop("shop");
  ASSERT_TRUE(shop.has_db());
  make_repo(shop);
  // The file of the undeclared analytics -> catalog use moves; the diff lists its new name.
  ASSERT_EQ(git(shop.root(), {"mv", "src/analytics/order_stats.cpp", "src/analytics/order_figures.cpp"}).status, 0);
  shop.rename_in_db("src/analytics/order_stats.cpp", "src/analytics/order_figures.cpp");
  // And a line in payment_gateway.cpp, where payments calls back into orders: the cycle is touched.
  ASSERT_TRUE(shop.edit("src/payments/payment_gateway.cpp", "#include", "// touched\n#include"));
  ASSERT_EQ(git(shop.root(), {"commit", "-q", "-am", "rename"}).status, 0);
  auto r = shop.seam({"check", "--affected", "HEAD~1", "--format", "json"});
  ASSERT_EQ(r.status, 1) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["affected"]["changed_files"], 2) << r.out; // a rename is one file, under its new name
  auto sites = by_site(j);
  EXPECT_FALSE((sites.at({"undeclared", "src/analytics/order_figures.cpp"})));
  bool cycle_in_change = false;
  for (const json& v : j["violations"])
    if (v["rule"] == "cycle") cycle_in_change |= !v["outside_change"].get<bool>();
  EXPECT_TRUE(cycle_in_change) << r.out;
  EXPECT_TRUE((sites.at({"layer", "src/inventory/inventory.cpp"})));
  EXPECT_TRUE((sites.at({"private-header", "src/auth/authenticator.cpp"})));

  // With a baseline the cycle is not created by the change: baselined, and the check passes
  // once the renamed file's violation is accepted too.
  ASSERT_EQ(shop.seam({"check", "--update-baseline", "-q"}).status, 0);
  auto accepted = shop.seam({"check", "--affected", "HEAD~1"});
  EXPECT_EQ(accepted.status, 0) << accepted.out;
}

TEST(Affected, BadRevisionShallowCloneAndNoWorkTreeExit2) {
  test::SampleCopy shop("shop");
  ASSERT_TRUE(shop.has_db());
  // Not a work tree (the copy lives in the temp folder, outside any repository).
  auto outside = shop.seam({"check", "--affected", "main"});
  EXPECT_EQ(outside.status, 2);
  EXPECT_NE(outside.err.find("--affected needs a git work tree"), std::string::npos) << outside.err;
  EXPECT_TRUE(outside.out.empty());

  make_repo(shop);
  auto bad = shop.seam({"check", "--affected", "origin/no-such-branch"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--affected origin/no-such-branch: unknown revision"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("git fetch origin no-such-branch"), std::string::npos) << bad.err;
  auto dash = shop.seam({"check", "--affected=-x"});
  EXPECT_EQ(dash.status, 2) << dash.err;
  EXPECT_NE(dash.err.find("not a revision"), std::string::npos) << dash.err;

  // A shallow clone, as CI checks out: HEAD~1 is not there; the message names fetch-depth.
  ASSERT_TRUE(shop.edit("src/catalog/catalog.cpp", "#include", "// 2\n#include"));
  ASSERT_EQ(git(shop.root(), {"commit", "-q", "-am", "second"}).status, 0);
  const std::string clone = shop.base() + "/shallow";
  auto c = run({"git", "clone", "-q", "--depth", "1", "file://" + shop.root(), clone});
  ASSERT_EQ(c.status, 0) << c.err;
  auto shallow = run({SEAM_EXE, "check", "--affected", "HEAD~1", "-p", shop.root() + "/build"}, clone);
  EXPECT_EQ(shallow.status, 2);
  EXPECT_NE(shallow.err.find("shallow clone"), std::string::npos) << shallow.err;
  EXPECT_NE(shallow.err.find("fetch-depth: 0"), std::string::npos) << shallow.err;
}

TEST(Affected, HelpNamesTheOptions) {
  auto check = run({SEAM_EXE, "check", "--help"});
  EXPECT_EQ(check.status, 0);
  for (const char* s : {"--affected REV", "--fail-on SEV", "error|warning|info|never", "renames followed",
                        "fetch-depth 0"})
    EXPECT_NE(check.out.find(s), std::string::npos) << s;
  for (const char* cmd : {"graph", "report"}) {
    auto h = run({SEAM_EXE, cmd, "--help"});
    EXPECT_EQ(h.status, 0);
    EXPECT_NE(h.out.find("--affected REV"), std::string::npos) << cmd;
  }
}

} // namespace
} // namespace seam
