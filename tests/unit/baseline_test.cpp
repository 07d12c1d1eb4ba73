// The baseline on hand-made violations: the written form (sorted, one entry a
// line, no line numbers), matching that survives moved code, fixed entries,
// interfaces that shrink, and read errors at their positions.
#include "analyzers/baseline/baseline.h"
#include "analyzers/baseline/gate.h"
#include "support/annotated.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

Violation site_violation(const std::string& rule, const std::string& from, const std::string& to,
                         const std::string& file, uint32_t line, const std::string& symbol,
                         const std::string& header = "") {
  Violation v;
  v.rule = rule;
  v.from = from;
  v.to = to;
  v.file = file;
  v.line = line;
  v.column = 3;
  v.symbol = symbol;
  v.header = header;
  v.message = "m";
  return v;
}

/// An elementary cycle, as the cycle rule reports it: its walk from the first
/// module by name, and its sorted members.
Violation cycle(std::vector<std::string> walk) {
  Violation v;
  v.rule = "cycle";
  v.cycle = canonical_cycle(walk);
  v.members = v.cycle;
  std::sort(v.members.begin(), v.members.end());
  v.from = v.cycle.back();
  v.to = v.cycle.front();
  v.file = "src/x.cpp";
  v.line = 1;
  return v;
}

std::vector<Violation> current() {
  return {site_violation("undeclared", "app", "lib", "src/app/b.cpp", 40, "lib::g"),
          cycle({"a", "b"}),
          site_violation("undeclared", "app", "lib", "src/app/a.cpp", 12, "", "src/lib/lib.h"),
          site_violation("layer", "lib", "app", "src/lib/x.cpp", 7, "app::f")};
}

TEST(Baseline, WrittenSortedOneEntryPerLineWithoutLineNumbers) {
  Baseline b = make_baseline(current(), {{"ext", {"ext::z", "ext::a", "ext::a"}}});
  EXPECT_EQ(format_baseline(b),
            "{\n"
            "  \"schema\": \"seam.baseline/1\",\n"
            "  \"violations\": [\n"
            "    {\"rule\":\"cycle\",\"cycle\":[\"a\",\"b\"]},\n"
            "    {\"rule\":\"layer\",\"from\":\"lib\",\"to\":\"app\",\"file\":\"src/lib/x.cpp\",\"symbol\":\"app::f\"},\n"
            "    {\"rule\":\"undeclared\",\"from\":\"app\",\"to\":\"lib\",\"file\":\"src/app/a.cpp\",\"header\":\"src/lib/lib.h\"},\n"
            "    {\"rule\":\"undeclared\",\"from\":\"app\",\"to\":\"lib\",\"file\":\"src/app/b.cpp\",\"symbol\":\"lib::g\"}\n"
            "  ],\n"
            "  \"interfaces\": {\n"
            "    \"ext\": [\n"
            "      \"ext::a\",\n"
            "      \"ext::z\"\n"
            "    ]\n"
            "  }\n"
            "}\n");
  // Round trip.
  Baseline back;
  std::vector<std::string> errors;
  ASSERT_TRUE(parse_baseline(format_baseline(b), "seam-baseline.json", back, errors)) << errors[0];
  EXPECT_EQ(format_baseline(back), format_baseline(b));
  // Empty.
  EXPECT_EQ(format_baseline(Baseline{}), "{\n  \"schema\": \"seam.baseline/1\",\n  \"violations\": [],\n  \"interfaces\": {}\n}\n");
}

TEST(Baseline, MatchesMovedCodeFailsOnlyOnNewAndListsFixed) {
  Baseline b = make_baseline(current(), {});
  std::vector<Violation> now = current();
  now[0].line = 99;                         // moved within the file: still baselined
  now[1].from = "a";                        // the cycle closes elsewhere: still the same cycle
  now.erase(now.begin() + 3);               // the layer violation was fixed
  now.push_back(site_violation("undeclared", "app", "lib", "src/app/b.cpp", 41, "lib::h")); // new symbol
  now.push_back(site_violation("undeclared", "app", "lib", "src/app/c.cpp", 5, "lib::g"));  // new file
  Config cfg;
  std::vector<Violation> fixed = apply_baseline(now, b, {}, cfg);
  std::vector<bool> baselined;
  for (const Violation& v : now) baselined.push_back(v.baselined);
  EXPECT_EQ(baselined, (std::vector<bool>{true, true, true, false, false}));
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].rule, "layer");
  EXPECT_EQ(fixed[0].symbol, "app::f");
  EXPECT_EQ(fixed[0].file, "src/lib/x.cpp");
  EXPECT_EQ(fixed[0].line, 0u); // the baseline has no lines
}

TEST(Baseline, AGrownCycleIsNewAndTheOldOneFixed) {
  Baseline b = make_baseline({cycle({"a", "b"})}, {});
  std::vector<Violation> now = {cycle({"a", "b", "c"})};
  std::vector<Violation> fixed = apply_baseline(now, b, {}, Config{});
  EXPECT_FALSE(now[0].baselined); // a grown cycle is another cycle
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].cycle, (std::vector<std::string>{"a", "b"}));
}

TEST(Baseline, ANewCycleInsideAnAcceptedGroupFails) {
  // Accepted: a -> b -> a and b -> c -> b (one group {a, b, c}). Now c -> a
  // closes a new cycle a -> b -> c -> a among the same modules: it is new.
  Baseline b = make_baseline({cycle({"a", "b"}), cycle({"b", "c"})}, {});
  std::vector<Violation> now = {cycle({"a", "b"}), cycle({"b", "c"}), cycle({"c", "a", "b"})};
  std::vector<Violation> fixed = apply_baseline(now, b, {}, Config{});
  EXPECT_TRUE(now[0].baselined);
  EXPECT_TRUE(now[1].baselined);
  EXPECT_FALSE(now[2].baselined);
  EXPECT_EQ(now[2].key(), cycle({"a", "b", "c"}).key()); // any rotation is the same cycle
  EXPECT_NE(now[2].key(), cycle({"a", "c", "b"}).key()); // the other direction is not
  EXPECT_TRUE(fixed.empty());
}

TEST(Baseline, AnOldGroupEntryAcceptsEveryCycleInsideItUntilNoneIsLeft) {
  // seam before elementary cycles wrote one entry per group: {"members": [a, b, c]}.
  std::vector<std::string> errors;
  Baseline b;
  ASSERT_TRUE(parse_baseline(R"({"schema": "seam.baseline/1", "violations": [
      {"rule": "cycle", "members": ["c", "b", "a"]}]})", "old.json", b, errors)) << errors[0];
  std::vector<Violation> now = {cycle({"a", "b"}), cycle({"b", "c", "a"}), cycle({"a", "d"})};
  std::vector<Violation> fixed = apply_baseline(now, b, {}, Config{});
  EXPECT_TRUE(now[0].baselined);
  EXPECT_TRUE(now[1].baselined);
  EXPECT_FALSE(now[2].baselined); // d was not in the group: new
  EXPECT_TRUE(fixed.empty());
  // The old entry is kept as written until --update-baseline replaces it by cycles.
  EXPECT_NE(format_baseline(b).find("{\"rule\":\"cycle\",\"members\":[\"a\",\"b\",\"c\"]}"), std::string::npos);
  EXPECT_EQ(format_baseline(make_baseline(now, {})).find("members"), std::string::npos);
  // Once no cycle inside it is left, the group is fixed.
  std::vector<Violation> later = {cycle({"a", "d"})};
  fixed = apply_baseline(later, b, {}, Config{});
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].members, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Baseline, AHandWrittenCycleInAnotherRotationIsTheSameCycle) {
  std::vector<std::string> errors;
  Baseline b;
  ASSERT_TRUE(parse_baseline(R"({"schema": "seam.baseline/1", "violations": [
      {"rule": "cycle", "cycle": ["c", "a", "b", "c"]}]})", "hand.json", b, errors)) << errors[0];
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].cycle, (std::vector<std::string>{"a", "b", "c"}));
  std::vector<Violation> now = {cycle({"a", "b", "c"})};
  apply_baseline(now, b, {}, Config{});
  EXPECT_TRUE(now[0].baselined);
}

TEST(Baseline, ASymbolTheInterfaceLostIsFixedAndOffRulesAreIgnored) {
  Baseline b = make_baseline(current(), {{"ext", {"ext::a", "ext::b"}}, {"gone", {"gone::x"}}});
  std::vector<Violation> now; // everything fixed
  Config cfg;
  cfg.rules["undeclared"] = Severity::Off; // its entries are neither matched nor fixed
  std::vector<Violation> fixed = apply_baseline(now, b, {{"ext", {"ext::a"}}}, cfg);
  std::vector<std::string> got;
  for (const Violation& f : fixed) got.push_back(f.rule + " " + f.to + " " + f.symbol);
  // "gone" is no longer marked extract (not in the current interfaces): its record says nothing.
  EXPECT_EQ(got, (std::vector<std::string>{"cycle  ", "layer app app::f", "interface-growth ext ext::b"}));
}

TEST(Baseline, InterfaceGrowthIsCoveredByTheRecordedInterfaceNotByEntries) {
  Violation g = site_violation("interface-growth", "app", "ext", "src/app/a.cpp", 3, "ext::new");
  Baseline b = make_baseline({g}, {{"ext", {"ext::new", "ext::old"}}});
  EXPECT_TRUE(b.entries.empty());
  EXPECT_EQ(b.interfaces.at("ext"), (std::vector<std::string>{"ext::new", "ext::old"}));
}

std::vector<std::string> parse_errors(const std::string& text) {
  Baseline b;
  std::vector<std::string> errors;
  EXPECT_FALSE(parse_baseline(text, "seam-baseline.json", b, errors));
  return errors;
}

std::string at(const test::Annotated& a, const std::string& name) {
  auto [l, c] = a.point(name);
  return "seam-baseline.json:" + std::to_string(l) + ":" + std::to_string(c) + ": error: ";
}

TEST(Baseline, ReadErrorsNameTheFileLineAndColumn) {
  test::Annotated wrong_schema(R"({"schema": $s^"seam.check/1"})");
  EXPECT_EQ(parse_errors(wrong_schema.text()),
            std::vector<std::string>{at(wrong_schema, "s") +
                                     "not a seam baseline: \"schema\" must be \"seam.baseline/1\"; `seam check "
                                     "--update-baseline` rewrites the file"});
  test::Annotated bad(R"({"schema": "seam.baseline/1", "violations": [
    {"rule": "layer", "from": "a", "to": "b", $k^"line": 3},
    $r^{"rule": "layering", "to": "b"},
    $c^{"rule": "cycle", "members": ["a"]}
  ], $t^"extra": 1})");
  EXPECT_EQ(parse_errors(bad.text()),
            (std::vector<std::string>{
                at(bad, "k") + "unknown key \"line\" in a baseline entry; entries have rule, from, to, file, symbol "
                               "or header, cycle or members",
                at(bad, "r") + "unknown rule \"layering\" in the baseline",
                at(bad, "c") + "a cycle entry needs \"cycle\" (the modules around it, two or more; or \"members\", "
                               "a whole strongly connected group, as older baselines have)",
                at(bad, "t") + "unknown key \"extra\" in the baseline; expected schema, violations, interfaces"}));
  auto syntax = parse_errors("{\"schema\": \"seam.baseline/1\",\n  \"violations\": [,]}");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_EQ(syntax[0].rfind("seam-baseline.json:2:", 0), 0u) << syntax[0];
}

TEST(Gate, RulesThenBaselineIntoOneReport) {
  test::TuBuilder t;
  t.ref("src/a/a.cpp", 3, "b::f", "src/b/b.cpp");
  t.ref("src/b/b.cpp", 4, "a::f", "src/a/a.cpp");
  Config cfg;
  std::vector<ConfigError> cerr;
  ASSERT_TRUE(parse_config(R"({"modules": [{"name": "a", "paths": ["src/a/**"]},
                                           {"name": "b", "paths": ["src/b/**"]}]})",
                           "seam.json", cfg, cerr));
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), cfg, p, errors, warnings));
  ModuleGraph g = build_module_graph(p);
  GateResult first = run_gate(p, g, nullptr);
  EXPECT_TRUE(first.report.failed());
  EXPECT_EQ(first.report.count_new(), 1u);
  Baseline b = make_baseline(first.report.violations, first.interfaces);
  GateResult second = run_gate(p, g, &b);
  EXPECT_FALSE(second.report.failed());
  EXPECT_EQ(second.report.count_baselined(), 1u);
  EXPECT_TRUE(second.report.fixed.empty());
  EXPECT_TRUE(second.report.baseline_present);
}

} // namespace
} // namespace seam
