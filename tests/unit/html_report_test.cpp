// The report's data on hand-built facts: known answers for modules, levels,
// edges and their sites (with the limits that keep big projects small),
// cycles, violations against a baseline, and the date.
#include "analyzers/baseline/baseline.h"
#include "analyzers/core/output.h"
#include "reports/candidates/candidates_report.h"
#include "reports/candidates/suggest_report.h"
#include "reports/html/report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <unistd.h>

namespace seam {
namespace {

using html::Json;
using test::build_from;
using test::config_with;
using test::src_module;
using test::TuBuilder;

/// ui (top) -> core (mid) <-> base (bottom): the cycle core/base, an upward
/// dependency base -> core, and ui using base outside its may_depend_on.
Project three_modules() {
  ModuleDecl ui = src_module("ui", "top");
  ui.may_depend_on = std::vector<std::string>{"core"};
  Config c = config_with({ui, src_module("core", "mid"), src_module("base", "bottom")});
  c.layers = {"top", "mid", "bottom"};

  TuBuilder t;
  t.tu.main_file = "src/ui/main.cpp";
  t.include("src/ui/main.cpp", 1, "src/core/core.h");
  t.ref("src/ui/main.cpp", 10, "core::run", "src/core/core.cpp");
  t.ref("src/ui/main.cpp", 11, "core::run", "src/core/core.cpp");
  t.ref("src/ui/main.cpp", 12, "core::run", "src/core/core.cpp");
  t.ref("src/ui/main.cpp", 13, "core::stop", "src/core/core.cpp");
  t.ref("src/ui/main.cpp", 14, "core::Cfg", "src/core/core.h", RefKind::TypeUse);
  t.ref("src/ui/main.cpp", 15, "core::Cfg", "src/core/core.h", RefKind::TypeUse);
  t.ref("src/ui/main.cpp", 16, "base::util", "src/base/base.cpp");
  t.ref("src/core/core.cpp", 20, "base::util", "src/base/base.cpp");
  t.ref("src/core/core.cpp", 21, "base::util", "src/base/base.cpp");
  t.ref("src/base/base.cpp", 30, "core::run", "src/core/core.cpp");
  Project p;
  EXPECT_TRUE(build_from(std::move(t.tu), c, p));
  return p;
}

html::ReportOptions options() {
  html::ReportOptions o;
  o.run.date = "2024-01-02";
  o.run.title = "three";
  o.run.tus = 1;
  return o;
}

/// The analyses as `seam report` runs them (pipeline::analyse_all), against
/// `baseline` (none there by default).
pipeline::Analyses analyses(const Project& p, const std::string& baseline = "/nonexistent/seam-baseline.json") {
  pipeline::DiagnosticLog log;
  return pipeline::analyse_all(p, std::nullopt, baseline, log.sink());
}

Json report_data(const Project& p, const html::ReportOptions& o, const std::string& baseline = "/nonexistent/seam-baseline.json") {
  return html::report_data(p, analyses(p, baseline), o);
}

const Json* edge(const Json& d, const std::string& from, const std::string& to) {
  for (const Json& e : d["edges"])
    if (d["modules"][e["from"].get<size_t>()]["name"] == from && d["modules"][e["to"].get<size_t>()]["name"] == to)
      return &e;
  return nullptr;
}

TEST(HtmlReportData, OverloadsAreTwoSymbolsEachWithItsParameters) {
  Config c = config_with({src_module("ui", "top"), src_module("core", "mid")});
  c.layers = {"top", "mid"};
  TuBuilder t;
  t.tu.main_file = "src/ui/main.cpp";
  t.ref("src/ui/main.cpp", 10, "core::Box::at", "src/core/box.h");
  t.ref("src/ui/main.cpp", 11, "core::Box::size", "src/core/box.h");
  t.tu.symbols[0].signature = "int &(int)";
  t.tu.symbols[1].signature = "int () const";
  SymbolFact at_const = t.tu.symbols[0]; // the const overload: same name, another USR
  at_const.usr += "#const";
  at_const.signature = "const int &(int) const";
  t.tu.symbols.push_back(at_const);
  RefFact r = t.tu.refs[0];
  r.site.line = 12;
  r.target = 2;
  t.tu.refs.push_back(r);
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), c, p));
  Json d = report_data(p, options());
  std::set<std::string> symbols;
  for (const Json& s : d["symbols"]) symbols.insert(s.get<std::string>());
  EXPECT_TRUE(symbols.count("core::Box::at(int)")) << d["symbols"].dump();
  EXPECT_TRUE(symbols.count("core::Box::at(int) const")) << d["symbols"].dump();
  EXPECT_TRUE(symbols.count("core::Box::size")) << d["symbols"].dump(); // not overloaded: the name alone
  EXPECT_FALSE(symbols.count("core::Box::at")) << d["symbols"].dump();
}

TEST(HtmlReportData, ModulesLevelsAndCycle) {
  Project p = three_modules();
  pipeline::DiagnosticLog log;
  Json d = html::report_data(p, pipeline::analyse_all(p, std::nullopt, "/nonexistent/seam-baseline.json", log.sink()),
                             options());
  EXPECT_TRUE(log.all.empty()) << "no baseline is no problem";
  EXPECT_EQ(d["schema"], "seam.report/3");
  EXPECT_EQ(d["project"]["name"], "three");
  EXPECT_EQ(d["project"]["date"], "2024-01-02");
  ASSERT_EQ(d["modules"].size(), 3u);
  EXPECT_EQ(d["modules"][0]["name"], "base");
  EXPECT_EQ(d["modules"][1]["name"], "core");
  EXPECT_EQ(d["modules"][2]["name"], "ui");
  // base and core are one cycle, so one level; ui is above them.
  EXPECT_EQ(d["modules"][0]["level"], 1);
  EXPECT_EQ(d["modules"][1]["level"], 1);
  EXPECT_EQ(d["modules"][2]["level"], 2);
  EXPECT_EQ(d["modules"][0]["cycle"], 0);
  EXPECT_EQ(d["modules"][2]["cycle"], -1);
  EXPECT_EQ(d["modules"][2]["layer"], 0);
  // The embedded seam.cycles/2 document, as `seam cycles --format json` writes it.
  EXPECT_EQ(d["cycles"]["schema"], "seam.cycles/2");
  ASSERT_EQ(d["cycles"]["module_cycle_details"].size(), 1u);
  const Json& cy = d["cycles"]["module_cycle_details"][0];
  EXPECT_EQ(cy["members"], Json::array({"base", "core"}));
  // The minimum cut is the lighter edge of the two: base -> core (1) rather
  // than core -> base (2); core then comes first in the cut's order.
  ASSERT_EQ(cy["cut"]["edges"].size(), 1u);
  EXPECT_EQ(cy["cut"]["edges"][0]["from"], "base");
  EXPECT_EQ(cy["cut"]["edges"][0]["to"], "core");
  EXPECT_EQ(cy["cut"]["weight"], 1);
  EXPECT_EQ(cy["cut"]["exact"], true);
  EXPECT_EQ(cy["order"], Json::array({"core", "base"}));
  EXPECT_EQ(d["summary"]["modules"], 3);
  EXPECT_EQ(d["summary"]["references"], 10);
  EXPECT_EQ(d["summary"]["cross_references"], 10);
  // core's interface: run (4 sites from ui and base), stop, Cfg.
  std::vector<std::string> iface;
  for (const Json& s : d["modules"][1]["interface"]) iface.push_back(d["symbols"][s[0].get<size_t>()]);
  EXPECT_EQ(iface, (std::vector<std::string>{"core::Cfg", "core::run", "core::stop"}));
  EXPECT_EQ(d["modules"][1]["interface"][1][1], 4);
}

TEST(HtmlReportData, EdgesCarryTheirSymbolsAndSitesMostUsedFirst) {
  Project p = three_modules();
  Json d = report_data(p, options());
  const Json* e = edge(d, "ui", "core");
  ASSERT_TRUE(e);
  EXPECT_EQ((*e)["weight"], 7);  // 6 references + 1 include
  EXPECT_EQ((*e)["refs"], 6);
  EXPECT_EQ((*e)["kinds"][static_cast<int>(RefKind::Call)], 4);
  EXPECT_EQ((*e)["kinds"][static_cast<int>(RefKind::TypeUse)], 2);
  EXPECT_EQ((*e)["kinds"][html::kIncludeKind], 1);
  EXPECT_FALSE((*e)["cycle"]);
  const Json& uses = (*e)["uses"];
  ASSERT_EQ(uses.size(), 3u);
  EXPECT_EQ(d["symbols"][uses[0][0].get<size_t>()], "core::run");
  EXPECT_EQ(uses[0][1], 3);
  ASSERT_EQ(uses[0][2].size(), 3u);
  const Json& site = uses[0][2][0]; // [file, line, column, kind, referencing symbol]
  EXPECT_EQ(d["files"][site[0].get<size_t>()][0], "src/ui/main.cpp");
  EXPECT_EQ(site[1], 10);
  EXPECT_EQ(d["kinds"][site[3].get<size_t>()], "call");
  EXPECT_EQ(d["symbols"][uses[1][0].get<size_t>()], "core::Cfg");
  EXPECT_EQ(d["symbols"][uses[2][0].get<size_t>()], "core::stop");
  ASSERT_EQ((*e)["incs"].size(), 1u);
  EXPECT_EQ(d["files"][(*e)["incs"][0][3].get<size_t>()][0], "src/core/core.h");
  EXPECT_TRUE((*edge(d, "base", "core"))["cycle"]);
}

TEST(HtmlReportData, LimitsCutListsAndSayHowMuchIsLeft) {
  Project p = three_modules();
  html::ReportOptions o = options();
  o.limits.symbols_per_edge = 1;
  o.limits.sites_per_symbol = 2;
  Json d = report_data(p, o);
  const Json* e = edge(d, "ui", "core");
  ASSERT_TRUE(e);
  ASSERT_EQ((*e)["uses"].size(), 1u);
  EXPECT_EQ((*e)["uses"][0][1], 3) << "the count stays the full count";
  EXPECT_EQ((*e)["uses"][0][2].size(), 2u);
  EXPECT_EQ((*e)["more_symbols"], 2);
}

TEST(HtmlReportData, ViolationsAreNewWithoutABaselineAndBaselinedWithOne) {
  Project p = three_modules();
  Json d = report_data(p, options());
  const Json& v = d["check"];
  EXPECT_EQ(v["schema"], "seam.check/2");
  std::set<std::string> rules;
  for (const Json& i : v["violations"]) {
    rules.insert(i["rule"].get<std::string>() + ":" + i["from"].get<std::string>() + ">" + i["to"].get<std::string>());
    EXPECT_FALSE(i["baselined"]);
  }
  EXPECT_TRUE(rules.count("layer:base>core")) << v.dump();
  EXPECT_TRUE(rules.count("undeclared:ui>base")) << v.dump();
  EXPECT_EQ(v["summary"]["new"], v["violations"].size());
  EXPECT_EQ(v["summary"]["baselined"], 0);
  EXPECT_NE(d["violations"]["note"].get<std::string>().find("No baseline at"), std::string::npos);

  // Accept every current violation in a baseline: the report shows them baselined.
  GateResult now = run_gate(p, build_module_graph(p), nullptr);
  std::string path = std::string(SEAM_BINARY_DIR) + "/html-report-test-baseline-" + std::to_string(getpid()) + ".json";
  std::string err;
  ASSERT_TRUE(write_file_atomic(path, format_baseline(make_baseline(now.report.violations, now.interfaces)), err));
  html::ReportOptions o = options();
  Json with = report_data(p, o, path);
  std::remove(path.c_str());
  const Json& b = with["check"];
  EXPECT_EQ(b["summary"]["new"], 0);
  EXPECT_EQ(b["summary"]["baselined"], v["violations"].size());
  for (const Json& i : b["violations"]) EXPECT_TRUE(i["baselined"]) << i.dump();
  EXPECT_NE(with["violations"]["note"].get<std::string>().find("Compared with the baseline"), std::string::npos);
}

TEST(HtmlReportData, EveryModuleIsRankedOrSaysWhyNot) {
  Project p = three_modules();
  Json d = report_data(p, options());
  // The seam.candidates document: every module once, ranked or with its reason.
  EXPECT_EQ(d["candidates"]["schema"], "seam.candidates/2");
  std::set<std::string> seen, ranked;
  for (const Json& c : d["candidates"]["candidates"]) {
    seen.insert(c["module"].get<std::string>());
    if (c["role"] == "candidate") {
      EXPECT_GE(c["rank"].get<int>(), 1) << c.dump();
      ranked.insert(c["module"].get<std::string>());
    } else {
      EXPECT_TRUE(c["rank"].is_null()) << c.dump();
      ASSERT_FALSE(c["reasons"].empty()) << c.dump();
      EXPECT_FALSE(c["reasons"][0].get<std::string>().empty());
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"base", "core", "ui"}));
  // A proto preview for every ranked module and no other.
  std::set<std::string> previews;
  for (const auto& [name, preview] : d["protos"].items()) {
    previews.insert(name);
    EXPECT_TRUE(preview["proto"].is_string() != preview["note"].is_string()) << preview.dump();
  }
  EXPECT_EQ(previews, ranked);
  ASSERT_NE(d["metrics"], nullptr);
  EXPECT_EQ(d["metrics"]["modules"].size(), 3u);
}

/// One writer per schema: the report embeds the documents `seam candidates`
/// and `seam candidates --suggest` print, made by their writers from the same results.
TEST(HtmlReportData, EmbedsTheCandidatesAndSuggestDocuments) {
  Project p = three_modules();
  pipeline::Analyses a = analyses(p);
  Json d = html::report_data(p, a, options());
  EXPECT_EQ(d["candidates"].dump(), candidates_json(p, a.ranking).dump());
  EXPECT_EQ(d["suggest"]["schema"], "seam.suggest/1");
  EXPECT_EQ(d["suggest"].dump(), suggest_json(p, a.suggestion).dump());
}

TEST(HtmlReport, PageIsDeterministicAndDrawsTheGraph) {
  Project p = three_modules();
  std::vector<std::string> notes;
  std::string a = html::html_report(p, analyses(p), options(), notes);
  std::string b = html::html_report(p, analyses(p), options(), notes);
  EXPECT_TRUE(a == b);
  EXPECT_NE(a.find("<div id=\"graph-view\"><svg"), std::string::npos);
  EXPECT_EQ(a.find("graph-missing"), std::string::npos);
  EXPECT_NE(a.find("<title>three \xE2\x80\x94 seam report</title>"), std::string::npos);
}

TEST(HtmlReport, DateFollowsSourceDateEpoch) {
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  EXPECT_EQ(html::report_date(), "1970-01-01");
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(html::report_date(), "2023-11-14");
  setenv("SOURCE_DATE_EPOCH", "not a number", 1);
  std::string today = html::report_date();
  EXPECT_EQ(today.size(), 10u);
  EXPECT_EQ(today[4], '-');
  unsetenv("SOURCE_DATE_EPOCH");
}

} // namespace
} // namespace seam
