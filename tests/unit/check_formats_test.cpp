// Every `seam check` format on a hand-made report: the exact text, the JSON
// contract, SARIF validated against the structure SARIF 2.1.0 and GitHub code
// scanning require, JUnit counts, workflow-command and Markdown escaping, and
// GitLab Code Quality fields.
#include "analyzers/rules/rule_info.h"
#include "reports/check/check_report.h"

#include <gtest/gtest.h>

#include <set>

namespace seam {
namespace {

using json = nlohmann::json;

Violation make(const std::string& rule, Severity sev, const std::string& from, const std::string& to,
               const std::string& file, uint32_t line, uint32_t col, const std::string& symbol,
               const std::string& message, bool baselined = false) {
  Violation v;
  v.rule = rule;
  v.severity = sev;
  v.from = from;
  v.to = to;
  v.file = file;
  v.line = line;
  v.column = col;
  v.symbol = symbol;
  v.use = "call";
  v.uses = 1;
  v.message = message;
  v.baselined = baselined;
  return v;
}

CheckReport report() {
  CheckReport r;
  Violation c = make("cycle", Severity::Error, "b", "a", "src/b/b.cpp", 8, 5, "a::T", "cycle a b", true);
  c.members = {"a", "b"};
  c.edges = {{"a", "b", 3, false}, {"b", "a", 1, true}};
  r.violations.push_back(c);
  r.violations.push_back(make("layer", Severity::Warning, "lib", "app", "src/lib/x.cpp", 7, 5, "app::f", "up"));
  r.violations.push_back(make("undeclared", Severity::Error, "app", "lib", "src/app/a b.cpp", 3, 9,
                              "lib::operator<", "app calls 'lib::operator<' & more: 100%, a,b\nsecond | line"));
  r.violations.push_back(make("undeclared", Severity::Error, "app", "lib", "src/app/c.cpp", 4, 1, "lib::g", "old",
                              true));
  Violation u = make("unused-allowance", Severity::Info, "app", "other", "seam.json", 3, 40, "", "unused");
  u.use.clear();
  r.violations.push_back(u);
  Violation fixed;
  fixed.rule = "private-header";
  fixed.from = "app";
  fixed.to = "lib";
  fixed.file = "src/app/d.cpp";
  fixed.header = "src/lib/impl/x.h";
  r.fixed.push_back(fixed);
  r.checks = {{"cycle", "a", "b"}, {"cycle", "b", "a"}, {"layer", "lib", "app"}, {"undeclared", "app", "lib"},
              {"undeclared", "app", "util"}, {"unused-allowance", "app", "other"}};
  r.notes = {"a note"};
  r.config_file = "seam.json";
  r.baseline_file = "seam-baseline.json";
  r.baseline_present = true;
  for (const RuleInfo& info : rule_infos()) r.severities[info.id] = info.default_severity;
  r.severities["layer"] = Severity::Warning;
  return r;
}

TEST(CheckText, CompilerStyleLinesGroupedWithASummary) {
  CheckFormatOptions all;
  all.show_baselined = true;
  EXPECT_EQ(check_text(report(), all),
            "cycle  a, b  (1 violation, 0 new)\n"
            "src/b/b.cpp:8:5: note: [seam/cycle] (baselined error) cycle a b\n"
            "\n"
            "layer  lib -> app  (1 violation)\n"
            "src/lib/x.cpp:7:5: warning: [seam/layer] up\n"
            "\n"
            "undeclared  app -> lib  (2 violations, 1 new)\n"
            "src/app/a b.cpp:3:9: error: [seam/undeclared] app calls 'lib::operator<' & more: 100%, a,b second | line\n"
            "src/app/c.cpp:4:1: note: [seam/undeclared] (baselined error) old\n"
            "\n"
            "unused-allowance  app -> other  (1 violation)\n"
            "seam.json:3:40: note: [seam/unused-allowance] unused\n"
            "\n"
            "fixed  (1 baseline entry no longer found; `seam check --update-baseline` drops them)\n"
            "[seam/private-header] app -> lib  src/app/d.cpp  #include src/lib/impl/x.h\n"
            "\n"
            "note: a note\n"
            "\n"
            "seam check: 3 new violations (1 error, 1 warning, 1 info), 2 baselined, 1 fixed: failed\n");
  // By default baselined violations are counted, not listed; a group of only baselined ones is left out.
  EXPECT_EQ(check_text(report(), {}),
            "layer  lib -> app  (1 violation)\n"
            "src/lib/x.cpp:7:5: warning: [seam/layer] up\n"
            "\n"
            "undeclared  app -> lib  (2 violations, 1 new)\n"
            "src/app/a b.cpp:3:9: error: [seam/undeclared] app calls 'lib::operator<' & more: 100%, a,b second | line\n"
            "\n"
            "unused-allowance  app -> other  (1 violation)\n"
            "seam.json:3:40: note: [seam/unused-allowance] unused\n"
            "\n"
            "2 baselined violations not listed (--show-baselined lists them)\n"
            "\n"
            "fixed  (1 baseline entry no longer found; `seam check --update-baseline` drops them)\n"
            "[seam/private-header] app -> lib  src/app/d.cpp  #include src/lib/impl/x.h\n"
            "\n"
            "note: a note\n"
            "\n"
            "seam check: 3 new violations (1 error, 1 warning, 1 info), 2 baselined, 1 fixed: failed\n");
  CheckFormatOptions prefixed;
  prefixed.path_prefix = "samples/shop/";
  EXPECT_NE(check_text(report(), prefixed).find("\nsamples/shop/src/lib/x.cpp:7:5: warning:"), std::string::npos);
}

TEST(CheckText, PassesWhenOnlyWarningsAndBaselinedAreNew) {
  CheckReport r = report();
  r.violations.erase(r.violations.begin() + 2); // the new error
  EXPECT_FALSE(r.failed());
  std::string t = check_text(r, {});
  EXPECT_NE(t.find("seam check: 2 new violations (1 warning, 1 info), 2 baselined, 1 fixed: passed\n"),
            std::string::npos)
      << t;
  CheckReport clean;
  EXPECT_EQ(check_text(clean, {}), "seam check: no new violations, 0 baselined, 0 fixed: passed\n");
}

TEST(CheckJson, FollowsTheSeamCheckSchema) {
  json j = json::parse(render_check("json", report(), {}));
  EXPECT_EQ(j["schema"], "seam.check/2");
  ASSERT_EQ(j["violations"].size(), 5u);
  // nlohmann::json sorts keys: check presence here and the written order below.
  for (const char* k : {"rule", "from", "to", "file", "line", "column", "message", "baselined", "severity", "symbol",
                        "fingerprint"})
    EXPECT_TRUE(j["violations"][2].contains(k)) << k;
  std::string text = render_check("json", report(), {});
  size_t first = text.find("\"rule\": \"layer\"");
  ASSERT_NE(first, std::string::npos);
  std::vector<size_t> pos;
  for (const char* k : {"\"from\"", "\"to\"", "\"file\"", "\"line\"", "\"column\"", "\"message\"", "\"baselined\""})
    pos.push_back(text.find(k, first));
  EXPECT_TRUE(std::is_sorted(pos.begin(), pos.end()));
  EXPECT_EQ(j["violations"][0]["members"], json({"a", "b"}));
  EXPECT_EQ(j["violations"][0]["edges"][1], json({{"from", "b"}, {"to", "a"}, {"weight", 1}, {"closing", true}}));
  EXPECT_EQ(j["summary"], json({{"new", 3}, {"baselined", 2}, {"fixed", 1}, {"outside_change", 0}, {"errors", 1}, {"warnings", 1},
                                {"infos", 1}, {"failed", true}}));
  EXPECT_EQ(j["fixed"][0], json({{"rule", "private-header"}, {"from", "app"}, {"to", "lib"},
                                 {"file", "src/app/d.cpp"}, {"header", "src/lib/impl/x.h"}}));
}

/// The structure SARIF 2.1.0 requires and GitHub code scanning reads
/// (docs.github.com "SARIF support for code scanning"): every problem found.
std::vector<std::string> sarif_problems(const json& s) {
  std::vector<std::string> p;
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) p.push_back(what);
    return ok;
  };
  need(s.value("version", "") == "2.1.0", "version must be 2.1.0");
  need(s.contains("$schema") && s["$schema"].is_string(), "$schema");
  if (!need(s.contains("runs") && s["runs"].is_array() && s["runs"].size() == 1, "one run")) return p;
  const json& run = s["runs"][0];
  if (!need(run.contains("tool") && run["tool"].contains("driver"), "run.tool.driver")) return p;
  const json& driver = run["tool"]["driver"];
  need(driver.contains("name") && driver["name"].is_string() && !driver["name"].get<std::string>().empty(),
       "driver.name");
  std::vector<std::string> rule_ids;
  for (const json& r : driver.value("rules", json::array())) {
    need(r.contains("id") && r["id"].is_string(), "rule.id");
    rule_ids.push_back(r.value("id", ""));
    need(r.contains("shortDescription") && r["shortDescription"].contains("text"), "rule.shortDescription.text");
    need(r.contains("fullDescription") && r["fullDescription"].contains("text"), "rule.fullDescription.text");
    need(r.contains("help") && r["help"].contains("text") && r["help"].contains("markdown"), "rule.help");
    std::string level = r["defaultConfiguration"].value("level", "");
    need(level == "none" || level == "note" || level == "warning" || level == "error", "rule level");
  }
  need(std::set<std::string>(rule_ids.begin(), rule_ids.end()).size() == rule_ids.size(), "unique rule ids");
  if (!need(run.contains("results") && run["results"].is_array(), "run.results")) return p;
  std::set<std::string> fingerprints;
  for (const json& r : run["results"]) {
    std::string id = r.value("ruleId", "");
    auto it = std::find(rule_ids.begin(), rule_ids.end(), id);
    if (!need(it != rule_ids.end(), "ruleId " + id + " in driver.rules")) continue;
    need(r.value("ruleIndex", -1) == it - rule_ids.begin(), "ruleIndex of " + id);
    std::string level = r.value("level", "");
    need(level == "none" || level == "note" || level == "warning" || level == "error", "result level");
    need(r.contains("message") && r["message"].contains("text") && !r["message"]["text"].get<std::string>().empty(),
         "message.text");
    if (!need(r.contains("locations") && r["locations"].size() == 1, "one location")) continue;
    const json& pl = r["locations"][0]["physicalLocation"];
    std::string uri = pl["artifactLocation"].value("uri", "");
    need(!uri.empty() && uri[0] != '/' && uri.find(':') == std::string::npos && uri.find(' ') == std::string::npos,
         "relative, escaped uri: " + uri);
    need(pl["artifactLocation"].value("uriBaseId", "") == "%SRCROOT%", "uriBaseId %SRCROOT%");
    need(pl["region"].value("startLine", 0) >= 1, "region.startLine >= 1");
    need(pl["region"].value("startColumn", 1) >= 1, "region.startColumn >= 1");
    need(r.contains("partialFingerprints") && r["partialFingerprints"].is_object() &&
             !r["partialFingerprints"].empty(),
         "partialFingerprints");
    for (const auto& [k, v] : r["partialFingerprints"].items())
      need(v.is_string() && fingerprints.insert(k + "=" + v.get<std::string>()).second, "unique fingerprint");
    std::string state = r.value("baselineState", "new");
    need(state == "new" || state == "unchanged" || state == "updated" || state == "absent", "baselineState");
  }
  return p;
}

TEST(CheckSarif, HasTheStructureCodeScanningRequires) {
  CheckFormatOptions o;
  o.version = "0.1.0";
  json s = json::parse(check_sarif(report(), o));
  EXPECT_EQ(sarif_problems(s), std::vector<std::string>{});
  const json& run = s["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), rule_names().size());
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  ASSERT_EQ(run["results"].size(), 5u);
  const json& r = run["results"][2];
  EXPECT_EQ(r["ruleId"], "seam/undeclared");
  EXPECT_EQ(r["level"], "error");
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/app/a%20b.cpp");
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"], json({{"startLine", 3}, {"startColumn", 9}}));
  EXPECT_EQ(r["baselineState"], "new");
  EXPECT_EQ(run["results"][0]["baselineState"], "unchanged");
  EXPECT_EQ(run["results"][1]["level"], "warning");
  EXPECT_EQ(run["results"][4]["level"], "note");
  // The layer rule ran as a warning: its default configuration says so.
  EXPECT_EQ(run["tool"]["driver"]["rules"][1]["defaultConfiguration"]["level"], "warning");
}

TEST(CheckSarif, FingerprintsIgnoreLinesAndMessages) {
  CheckReport a = report(), b = report();
  b.violations[2].line = 300;
  b.violations[2].column = 1;
  b.violations[2].message = "reworded";
  json ja = json::parse(check_sarif(a, {})), jb = json::parse(check_sarif(b, {}));
  EXPECT_EQ(ja["runs"][0]["results"][2]["partialFingerprints"], jb["runs"][0]["results"][2]["partialFingerprints"]);
  b.violations[2].symbol = "lib::other";
  jb = json::parse(check_sarif(b, {}));
  EXPECT_NE(ja["runs"][0]["results"][2]["partialFingerprints"], jb["runs"][0]["results"][2]["partialFingerprints"]);
  EXPECT_EQ(violation_fingerprint(a.violations[2]).size(), 32u);
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(CheckJunit, OneCasePerRuleAndModulePairFailingOnNewErrorsOnly) {
  std::string x = check_junit(report(), {});
  EXPECT_EQ(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"seam check\" tests=\"6\" "
                    "failures=\"1\" errors=\"0\">",
                    0),
            0u)
      << x;
  EXPECT_EQ(count(x, "<testcase "), 6u);
  EXPECT_EQ(count(x, "<failure "), 1u);
  EXPECT_EQ(count(x, "<testsuite "), 4u);
  EXPECT_NE(x.find("<testcase classname=\"seam.undeclared\" name=\"app -&gt; lib\">\n      <failure "
                   "type=\"seam/undeclared\" message=\"1 new violation: app calls &apos;lib::operator&lt;&apos; "
                   "&amp; more: 100%, a,b&#10;second | line\">"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<testcase classname=\"seam.undeclared\" name=\"app -&gt; util\"/>"), std::string::npos);
  // The baselined cycle and the warning pass, with their lines in system-out.
  EXPECT_NE(x.find("<system-out>src/lib/x.cpp:7:5: warning: up\n</system-out>"), std::string::npos) << x;
  EXPECT_NE(x.find("<system-out>src/b/b.cpp:8:5: baselined error: cycle a b\n</system-out>"), std::string::npos);
  EXPECT_EQ(count(x, "<testcase"), count(x, "</testcase>") + count(x, "\"/>\n"));
}

TEST(CheckGithub, WorkflowCommandsForNewViolationsEscaped) {
  CheckFormatOptions o;
  o.path_prefix = "svc";
  EXPECT_EQ(check_github(report(), o),
            "::warning file=svc/src/lib/x.cpp,line=7,col=5,title=seam/layer lib -> app::up\n"
            "::error file=svc/src/app/a b.cpp,line=3,col=9,title=seam/undeclared app -> lib::app calls "
            "'lib::operator<' & more: 100%25, a,b%0Asecond | line\n"
            "::notice file=svc/seam.json,line=3,col=40,title=seam/unused-allowance app -> other::unused\n"
            "::notice title=seam baseline::1 baseline entry no longer occurs; run `seam check --update-baseline` "
            "and commit the smaller baseline\n"
            "seam check: 3 new violations (1 error, 1 warning, 1 info), 2 baselined, 1 fixed: failed\n");
  Violation v = make("layer", Severity::Error, "a", "b", "x,y:z%.cpp", 1, 1, "s", "m");
  CheckReport r;
  r.violations = {v};
  EXPECT_EQ(check_github(r, {}).substr(0, 48), "::error file=x%2Cy%3Az%25.cpp,line=1,col=1,title");
}

TEST(CheckGitlab, CodeQualityIssuesWithUniqueFingerprints) {
  json j = json::parse(check_gitlab(report(), {}));
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 5u);
  std::set<std::string> fp;
  for (const json& i : j) {
    for (const char* k : {"description", "check_name", "fingerprint", "severity"}) EXPECT_TRUE(i[k].is_string()) << k;
    EXPECT_TRUE(i["location"]["path"].is_string());
    EXPECT_GE(i["location"]["lines"]["begin"].get<int>(), 1);
    fp.insert(i["fingerprint"]);
    std::string sev = i["severity"];
    EXPECT_TRUE(sev == "info" || sev == "minor" || sev == "major" || sev == "critical" || sev == "blocker");
  }
  EXPECT_EQ(fp.size(), 5u);
  EXPECT_EQ(j[2]["check_name"], "seam/undeclared");
  EXPECT_EQ(j[2]["severity"], "major");
  EXPECT_EQ(j[1]["severity"], "minor");
  EXPECT_EQ(j[2]["location"]["path"], "src/app/a b.cpp");
}

TEST(CheckMarkdown, SummaryTableAndEscapedCells) {
  std::string m = check_markdown(report(), {});
  EXPECT_EQ(m.rfind("## seam check: failed\n\n", 0), 0u);
  EXPECT_NE(m.find("| rule | severity | new | baselined | fixed |\n|---|---|---:|---:|---:|\n"
                   "| cycle | error | 0 | 1 | 0 |\n| layer | warning | 1 | 0 | 0 |\n"
                   "| undeclared | error | 1 | 1 | 0 |\n| private-header | error | 0 | 0 | 1 |\n"
                   "| interface-growth | error | 0 | 0 | 0 |\n| unused-allowance | info | 1 | 0 | 0 |\n"
                   "| **total** | | **3** | 2 | 1 |\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("| undeclared | error | app -&gt; lib | src/app/a b.cpp:3:9 | app calls 'lib::operator&lt;' "
                   "&amp; more: 100%, a,b second \\| line |\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("<details><summary>2 baselined violations</summary>"), std::string::npos);
  CheckReport evil;
  evil.violations.push_back(make("layer", Severity::Error, "a", "b", "x.cpp", 1, 1, "s", "<script>alert(1)</script>"));
  std::string e = check_markdown(evil, {});
  EXPECT_EQ(e.find("<script>"), std::string::npos);
  EXPECT_NE(e.find("&lt;script&gt;"), std::string::npos);
}

TEST(CheckFormats, EveryFormatIsDeterministic) {
  for (const std::string& f : check_formats()) EXPECT_EQ(render_check(f, report(), {}), render_check(f, report(), {})) << f;
}

} // namespace
} // namespace seam
