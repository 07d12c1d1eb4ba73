// Every check rule on hand-built facts: which violations, at which site, with
// which key fields and severities, and what each rule leaves alone. Config
// positions are marked in the seam.json text (support/annotated.h).
#include "analyzers/baseline/gate.h"
#include "analyzers/rules/config_files.h"
#include "analyzers/rules/rule_info.h"
#include "analyzers/rules/rules.h"
#include "support/annotated.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace seam {
namespace {

using test::TuBuilder;

/// A project from a seam.json text and one hand-built TU.
Project project(const std::string& config_text, TuBuilder& t) {
  Config cfg;
  std::vector<ConfigError> cerr;
  EXPECT_TRUE(parse_config(config_text, "seam.json", cfg, cerr)) << (cerr.empty() ? "" : cerr[0].format());
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), cfg, p, errors, warnings));
  return p;
}

RuleResult evaluate(const Project& p, const InterfaceRecord* recorded = nullptr) {
  RuleInputs in;
  in.recorded_interfaces = recorded;
  return evaluate_rules(p, build_module_graph(p), in);
}

std::vector<Violation> of_rule(const RuleResult& r, const std::string& rule) {
  std::vector<Violation> out;
  for (const Violation& v : r.violations)
    if (v.rule == rule) out.push_back(v);
  return out;
}

std::string site(const Violation& v) {
  return v.file + ":" + std::to_string(v.line) + ":" + std::to_string(v.column);
}

const char* kModules = R"({"modules": [
  {"name": "a", "paths": ["src/a/**"]},
  {"name": "b", "paths": ["src/b/**"]},
  {"name": "c", "paths": ["src/c/**"]}]})";

TEST(CycleRule, OneViolationPerCycleAtItsMinimumCut) {
  TuBuilder t;
  // a -> b weighs 3, b -> a weighs 1: b -> a closes the cycle. b -> c is outside it.
  t.ref("src/a/a.cpp", 3, "b::f", "src/b/b.cpp");
  t.ref("src/a/a.cpp", 4, "b::g", "src/b/b.cpp");
  t.ref("src/a/a.cpp", 5, "b::T", "src/b/b.h", RefKind::TypeUse);
  t.ref("src/b/b.cpp", 8, "a::T", "src/a/a.h", RefKind::TypeUse);
  t.ref("src/b/b.cpp", 9, "c::h", "src/c/c.cpp");
  Project p = project(kModules, t);
  RuleResult r = evaluate(p);
  ASSERT_EQ(r.violations.size(), 1u);
  const Violation& v = r.violations[0];
  EXPECT_EQ(v.rule, "cycle");
  EXPECT_EQ(v.severity, Severity::Error);
  EXPECT_EQ(v.members, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(v.from, "b");
  EXPECT_EQ(v.to, "a");
  EXPECT_EQ(site(v), "src/b/b.cpp:8:5");
  EXPECT_EQ(v.symbol, "a::T");
  EXPECT_EQ(v.use, "type");
  ASSERT_EQ(v.edges.size(), 2u);
  EXPECT_EQ(v.edges[0].from, "a");
  EXPECT_EQ(v.edges[0].weight, 3u);
  EXPECT_FALSE(v.edges[0].closing);
  EXPECT_TRUE(v.edges[1].closing);
  EXPECT_EQ(v.cycle, (std::vector<std::string>{"a", "b"}));
  EXPECT_NE(v.message.find("(a -> b -> a); cut it at b -> a, where b "), std::string::npos) << v.message;
  EXPECT_NE(v.message.find("a -> b (3), b -> a (1)"), std::string::npos) << v.message;
  // Every edge was examined for cycles: one JUnit case each.
  EXPECT_EQ(r.checks.size(), 3u);
}

TEST(CycleRule, ACallIsPreferredAsTheSiteAndLongerCyclesNameAConcretePath) {
  TuBuilder t;
  // a -> b -> c -> a; c -> a is the lightest and closes it; its call at line 6 is the site
  // although a type use comes first.
  for (int i = 0; i < 3; ++i) t.ref("src/a/a.cpp", 10 + i, "b::f" + std::to_string(i), "src/b/b.cpp");
  for (int i = 0; i < 3; ++i) t.ref("src/b/b.cpp", 10 + i, "c::f" + std::to_string(i), "src/c/c.cpp");
  t.ref("src/c/c.cpp", 5, "a::T", "src/a/a.h", RefKind::TypeUse);
  t.ref("src/c/c.cpp", 6, "a::run", "src/a/a.cpp", RefKind::Call);
  Project p = project(kModules, t);
  RuleResult r = evaluate(p);
  ASSERT_EQ(r.violations.size(), 1u);
  const Violation& v = r.violations[0];
  EXPECT_EQ(v.members, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(v.from + "->" + v.to, "c->a");
  EXPECT_EQ(site(v), "src/c/c.cpp:6:5");
  EXPECT_EQ(v.symbol, "a::run");
  EXPECT_NE(v.message.find("(a -> b -> c -> a); cut it at c -> a"), std::string::npos) << v.message;
  Violation same_cycle;
  same_cycle.rule = "cycle";
  same_cycle.cycle = {"a", "b", "c"};
  EXPECT_EQ(v.key(), same_cycle.key()); // where it is cut is not part of its identity
}

const char* kLayered = R"({
  "layers": ["top", "mid", "base"],
  "modules": [
    {"name": "app", "paths": ["src/app/**"], "layer": "top"},
    {"name": "lib", "paths": ["src/lib/**"], "layer": "base"},
    {"name": "svc", "paths": ["src/svc/**"], "layer": "mid"},
    {"name": "free", "paths": ["src/free/**"]}]})";

TEST(LayerRule, EachUpwardSymbolAndHeaderPerFileAtItsFirstSite) {
  TuBuilder t;
  t.include("src/lib/x.cpp", 2, "src/svc/svc.h");
  t.ref("src/lib/x.cpp", 7, "svc::run", "src/svc/svc.cpp");
  t.ref("src/lib/x.cpp", 9, "svc::run", "src/svc/svc.cpp");
  t.ref("src/lib/y.cpp", 4, "svc::run", "src/svc/svc.cpp");
  t.ref("src/app/m.cpp", 3, "svc::run", "src/svc/svc.cpp"); // downwards: fine
  t.ref("src/lib/x.cpp", 11, "free::f", "src/free/f.cpp"); // no layer: not checked
  Project p = project(kLayered, t);
  auto v = of_rule(evaluate(p), "layer");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(site(v[0]), "src/lib/x.cpp:2:1");
  EXPECT_EQ(v[0].header, "src/svc/svc.h");
  EXPECT_EQ(v[0].use, "include");
  EXPECT_EQ(site(v[1]), "src/lib/x.cpp:7:5");
  EXPECT_EQ(v[1].symbol, "svc::run");
  EXPECT_EQ(v[1].uses, 2u);
  EXPECT_EQ(v[1].message, "lib (layer base) calls 'svc::run' of svc (layer mid), a higher layer; lib may depend on "
                          "layer base only (and 1 more use in this file)");
  EXPECT_EQ(site(v[2]), "src/lib/y.cpp:4:5");
  for (const Violation& x : v) EXPECT_EQ(x.from + "->" + x.to, "lib->svc");
}

TEST(UndeclaredRule, ADependencyOutsideMayDependOnAtEachSite) {
  test::Annotated cfg(R"({"modules": [
    {"name": "app", "paths": ["src/app/**"], "may_depend_on": [$list^"lib"]},
    {"name": "lib", "paths": ["src/lib/**"]},
    {"name": "other", "paths": ["src/other/**"]}]})");
  TuBuilder t;
  t.ref("src/app/a.cpp", 3, "lib::f", "src/lib/lib.cpp");
  t.ref("src/app/a.cpp", 4, "other::g", "src/other/o.cpp");
  t.include("src/app/a.h", 1, "src/other/o.h");
  t.ref("src/lib/lib.cpp", 5, "other::g", "src/other/o.cpp"); // lib declares nothing: free
  Project p = project(cfg.text(), t);
  auto v = of_rule(evaluate(p), "undeclared");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(site(v[0]), "src/app/a.cpp:4:5");
  EXPECT_EQ(v[0].symbol, "other::g");
  EXPECT_EQ(site(v[1]), "src/app/a.h:1:1");
  EXPECT_EQ(v[1].header, "src/other/o.h");
  auto [line, col] = cfg.point("list");
  EXPECT_EQ(v[0].message, "app calls 'other::g' of other, which is not in its may_depend_on (lib) at seam.json:" +
                              std::to_string(line) + ":" + std::to_string(col));
}

TEST(PrivateHeaderRule, OnlyIncludesOfHeadersOutsideThePublicGlobs) {
  const char* cfg = R"({"modules": [
    {"name": "app", "paths": ["src/app/**"]},
    {"name": "lib", "paths": ["src/lib/**"], "public": ["src/lib/*.h"]},
    {"name": "open", "paths": ["src/open/**"]}]})";
  TuBuilder t;
  t.include("src/app/a.cpp", 1, "src/lib/api.h");
  t.include("src/app/a.cpp", 2, "src/lib/impl/detail.h");
  t.include("src/app/b.cpp", 3, "src/lib/impl/detail.h");
  t.include("src/app/a.cpp", 4, "src/open/impl/x.h"); // no "public": every header is public
  t.include("src/lib/api.h", 5, "src/lib/impl/detail.h"); // its own module: fine
  t.ref("src/app/a.cpp", 9, "lib::Detail", "src/lib/impl/detail.h", RefKind::TypeUse); // a symbol, not an include
  Project p = project(cfg, t);
  auto v = of_rule(evaluate(p), "private-header");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(site(v[0]), "src/app/a.cpp:2:1");
  EXPECT_EQ(site(v[1]), "src/app/b.cpp:3:1");
  EXPECT_EQ(v[0].header, "src/lib/impl/detail.h");
  EXPECT_EQ(v[0].spelled, "src/lib/impl/detail.h");
  EXPECT_EQ(v[0].from + "->" + v[0].to, "app->lib");
}

const char* kExtract = R"({"modules": [
  {"name": "app", "paths": ["src/app/**"]},
  {"name": "ext", "paths": ["src/ext/**"], "extract": true},
  {"name": "web", "paths": ["src/web/**"]}]})";

TEST(InterfaceGrowthRule, ASymbolUsedFromOutsideThatTheBaselineDoesNotList) {
  TuBuilder t;
  t.ref("src/app/a.cpp", 3, "ext::send", "src/ext/ext.cpp");
  t.ref("src/web/w.cpp", 2, "ext::count", "src/ext/ext.cpp");
  t.ref("src/app/a.cpp", 8, "ext::count", "src/ext/ext.cpp");
  t.ref("src/ext/ext.cpp", 4, "ext::internal", "src/ext/ext.cpp"); // inside: not interface
  Project p = project(kExtract, t);

  // No baseline: nothing to compare with, a note, and the current interface.
  RuleResult none = evaluate(p);
  EXPECT_TRUE(of_rule(none, "interface-growth").empty());
  ASSERT_EQ(none.notes.size(), 1u);
  EXPECT_NE(none.notes[0].find("no baseline records the interface of ext"), std::string::npos);
  EXPECT_EQ(none.interfaces.at("ext"), (std::vector<std::string>{"ext::count", "ext::send"}));

  InterfaceRecord recorded{{"ext", {"ext::send"}}};
  auto v = of_rule(evaluate(p, &recorded), "interface-growth");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].symbol, "ext::count");
  EXPECT_EQ(v[0].to, "ext");
  EXPECT_EQ(v[0].from, "app"); // the first site, in path order: src/app before src/web
  EXPECT_EQ(site(v[0]), "src/app/a.cpp:8:5");
  EXPECT_EQ(v[0].uses, 2u);
  EXPECT_NE(v[0].message.find("2 uses from app and web"), std::string::npos) << v[0].message;
  // The key ignores who uses it and where: another client does not make it a new violation.
  Violation other = v[0];
  other.from = "web";
  other.file = "src/web/w.cpp";
  EXPECT_EQ(other.key(), v[0].key());

  InterfaceRecord all{{"ext", {"ext::count", "ext::send"}}};
  EXPECT_TRUE(of_rule(evaluate(p, &all), "interface-growth").empty());
}

TEST(UnusedAllowanceRule, AnEntryNoCodeUsesIsInfoAtItsPosition) {
  test::Annotated cfg(R"({"modules": [
    {"name": "app", "paths": ["src/app/**"], "may_depend_on": ["lib", $unused^"other"]},
    {"name": "lib", "paths": ["src/lib/**"]},
    {"name": "other", "paths": ["src/other/**"]}]})");
  TuBuilder t;
  t.ref("src/app/a.cpp", 3, "lib::f", "src/lib/lib.cpp");
  t.file("src/other/o.cpp");
  Project p = project(cfg.text(), t);
  auto v = of_rule(evaluate(p), "unused-allowance");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, Severity::Info);
  EXPECT_EQ(v[0].from + "->" + v[0].to, "app->other");
  auto [line, col] = cfg.point("unused");
  EXPECT_EQ(v[0].file, "seam.json");
  EXPECT_EQ(v[0].line, line);
  EXPECT_EQ(v[0].column, col);
}

TEST(Severity, ConfiguredPerRuleAndOffSkipsTheRule) {
  const char* cfg = R"({
    "layers": ["top", "base"],
    "modules": [
      {"name": "a", "paths": ["src/a/**"], "layer": "base"},
      {"name": "b", "paths": ["src/b/**"], "layer": "top"}],
    "rules": {"layer": "warning", "cycle": "off"}})";
  TuBuilder t;
  t.ref("src/a/a.cpp", 3, "b::f", "src/b/b.cpp");
  t.ref("src/b/b.cpp", 3, "a::f", "src/a/a.cpp");
  Project p = project(cfg, t);
  ModuleGraph g = build_module_graph(p);
  GateResult gate = run_gate(p, g, nullptr);
  ASSERT_EQ(gate.report.violations.size(), 1u); // the cycle is off
  EXPECT_EQ(gate.report.violations[0].rule, "layer");
  EXPECT_EQ(gate.report.violations[0].severity, Severity::Warning);
  EXPECT_FALSE(gate.report.failed()); // warnings are shown but do not fail
  EXPECT_EQ(gate.report.severities.at("cycle"), Severity::Off);
  for (const RuleCheck& c : gate.report.checks) EXPECT_NE(c.rule, "cycle");
  EXPECT_EQ(rule_severity(p.config, "unused-allowance"), Severity::Info);
  EXPECT_EQ(rule_severity(p.config, "undeclared"), Severity::Error);
}

TEST(Rules, OutputIsSortedAndKeysAreUnique) {
  TuBuilder t;
  t.ref("src/b/b.cpp", 1, "a::x", "src/a/a.cpp");
  t.ref("src/a/a.cpp", 1, "b::x", "src/b/b.cpp");
  t.ref("src/c/c.cpp", 1, "a::x", "src/a/a.cpp");
  t.ref("src/a/a.cpp", 2, "c::x", "src/c/c.cpp");
  Project p = project(kModules, t);
  RuleResult r = evaluate(p);
  // One group {a, b, c}, two elementary cycles a <-> b and a <-> c.
  ASSERT_EQ(r.violations.size(), 2u);
  EXPECT_EQ(r.violations[0].cycle, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.violations[1].cycle, (std::vector<std::string>{"a", "c"}));
  EXPECT_NE(r.violations[0].key(), r.violations[1].key());
}

TEST(CycleRule, EachElementaryCycleOfAGroupIsOneViolationCutWhereTheMinimumCutIs) {
  // a <-> b, b <-> c and the ring a -> b -> c -> a. Weights: a -> b 5, b -> a 1,
  // b -> c 6, c -> b 2, c -> a 7. Breakdown: a -> b -> a, b -> c -> b,
  // a -> b -> c -> a. Minimum cut: a -> b and c -> b (7 uses).
  TuBuilder t;
  auto refs = [&](const char* from_file, const char* sym, const char* to_file, int n, int line) {
    for (int i = 0; i < n; ++i) t.ref(from_file, line + i, std::string(sym) + std::to_string(i), to_file);
  };
  refs("src/a/a.cpp", "b::f", "src/b/b.cpp", 5, 10);
  refs("src/b/b.cpp", "a::f", "src/a/a.cpp", 1, 10);
  refs("src/b/b.cpp", "c::f", "src/c/c.cpp", 6, 20);
  refs("src/c/c.cpp", "b::g", "src/b/b.cpp", 2, 10);
  refs("src/c/c.cpp", "a::g", "src/a/a.cpp", 7, 20);
  Project p = project(kModules, t);
  RuleResult r = evaluate(p);
  std::vector<std::string> got;
  for (const Violation& v : r.violations) {
    std::string walk;
    for (const std::string& m : v.cycle) walk += m;
    got.push_back(walk + " at " + v.from + v.to);
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"ab at ab", "abc at ab", "bc at cb"}));
  for (const Violation& v : r.violations)
    if (v.cycle.size() == 3) {
      EXPECT_NE(v.message.find("one of 3 elementary cycles among the 3 modules a, b and c, whose minimum cut is 2 edges (7 uses;"),
                std::string::npos)
          << v.message;
      ASSERT_EQ(v.edges.size(), 3u);
      EXPECT_TRUE(v.edges[0].closing);  // a -> b, in the cut
      EXPECT_FALSE(v.edges[1].closing); // b -> c
      EXPECT_FALSE(v.edges[2].closing); // c -> a
    }
}

// --- config checks that need the file list ---

TEST(ConfigFiles, AGlobMatchingNoFileAndAFileInTwoModulesAtTheirPositions) {
  test::Annotated text(R"({"modules": [
    {"name": "a", "paths": [$a^"src/a/**", $typo^"src/aa/**"], "public": [$pub^"src/a/*.hpp"]},
    {"name": "b", "paths": [$wide^"src/**"]}],
  "exclude": ["src/gen/**", $ex^"nothing/**"]})");
  Config cfg;
  std::vector<ConfigError> errors;
  ASSERT_TRUE(parse_config(text.text(), "seam.json", cfg, errors));
  std::vector<std::string> files = {"src/a/x.cpp", "src/a/x.h", "src/a/y.cpp", "src/b/z.cpp", "src/gen/g.cpp"};
  ConfigFileProblems pr = check_config_files(cfg, files, "seam.json");
  auto at = [&](const std::string& m) {
    auto [l, c] = text.point(m);
    return "seam.json:" + std::to_string(l) + ":" + std::to_string(c) + ": error: ";
  };
  ASSERT_EQ(pr.errors.size(), 3u);
  EXPECT_EQ(pr.errors[0].format(), at("typo") + "glob \"src/aa/**\" in \"paths\" of module \"a\" matches no file; "
                                                "fix the glob (paths are relative to the folder of seam.json; * "
                                                "stays within a folder, ** crosses folders)");
  EXPECT_EQ(pr.errors[1].format(), at("pub") + "glob \"src/a/*.hpp\" in \"public\" of module \"a\" matches no file; "
                                               "fix the glob or remove it");
  auto [al, ac] = text.point("a");
  EXPECT_EQ(pr.errors[2].format(), at("wide") + "glob \"src/**\" of module \"b\" matches src/a/x.cpp and 2 more "
                                                "files, already in module \"a\" (by \"src/a/**\" at seam.json:" +
                                                std::to_string(al) + ":" + std::to_string(ac) + "); a file belongs to one module: "
                                                "narrow one module's \"paths\" or add the files to \"exclude\"");
  ASSERT_EQ(pr.warnings.size(), 1u);
  auto [l, c] = text.point("ex");
  EXPECT_EQ(pr.warnings[0].pos, (ConfigPos{l, c}));
}

TEST(ConfigFiles, ListingSkipsHiddenAndBuildFoldersAndKeepsSourcesOnly) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("seam-rules-test-" + std::to_string(getpid()));
  fs::remove_all(root);
  for (const char* d : {"src/a", ".git", "build", "src/b"}) fs::create_directories(root / d);
  for (const char* f : {"src/a/x.cpp", "src/a/x.h", "src/a/notes.txt", ".git/y.cpp", "build/CMakeCache.txt",
                        "build/gen.cpp", "src/b/z.cc"})
    std::ofstream(root / f) << "\n";
  auto files = list_project_files(root.string(), {}, {"gen/out.cpp"});
  EXPECT_EQ(files, (std::vector<std::string>{"gen/out.cpp", "src/a/x.cpp", "src/a/x.h", "src/b/z.cc"}));
  fs::remove_all(root);
}

} // namespace
} // namespace seam
