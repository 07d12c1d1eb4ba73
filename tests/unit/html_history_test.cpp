// The report's history views on a history written by hand (no git): author
// names that are markup must reach the page as text and run nothing, and the
// views show the hand-counted numbers. Opened in headless Chromium
// (tests/browser/cdp.h); git itself cannot hold '<' or '>' in a name, but a
// name is data from outside, so the page must not rely on that.
#include "analyzers/core/output.h"
#include "analyzers/history/change_model.h"
#include "analyzers/pipeline/diagnostics.h"
#include "browser/cdp.h"
#include "reports/html/report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace seam {
namespace {

using nlohmann::json;

const std::string kScript = "</script><script>alert(1)</script>";
const std::string kImg = "<img src=x onerror=alert(2)>";

/// base, core, ui; ui uses core. Six commits change base and ui together
/// (four by kScript, two by kImg): hidden coupling, kScript main author (67%).
struct Fixture {
  Project project;
  history::ChangeModel model;
};

void make(Fixture& f) {
  test::TuBuilder t;
  t.tu.main_file = "src/ui/main.cpp";
  t.ref("src/ui/main.cpp", 3, "core::run", "src/core/core.cpp");
  t.file("src/base/base.cpp");
  for (FileFact& ff : t.tu.files) ff.lines = 10;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"base", "core", "ui"}), f.project));
  history::History h;
  h.head = "0123456789abcdef0123456789abcdef01234567";
  h.head_time = 1767225600 + 6 * 86400; // 2026-01-07
  h.window = "12.months";
  h.since_time = h.head_time - 365 * 86400;
  h.max_files = 50;
  for (int i = 5; i >= 0; --i) { // newest first
    history::Commit c;
    c.id = std::string(39, 'a') + std::to_string(i);
    c.author = i < 4 ? kScript : kImg;
    c.email = i < 4 ? "s@example.com" : "i@example.com";
    c.time = 1767225600 + i * 86400;
    c.files.push_back({"src/base/base.cpp", "", 2, 1, false});
    c.files.push_back({"src/ui/main.cpp", "", 1, 0, false});
    h.commits.push_back(std::move(c));
  }
  h.in_window = 6;
  f.model = history::build_change_model(f.project, std::move(h), history::CouplingThresholds{});
}

TEST(HtmlHistory, MarkupInAuthorNamesIsTextAndRunsNothing) {
  Fixture f;
  make(f);
  ASSERT_TRUE(f.model.available);
  pipeline::DiagnosticLog log;
  pipeline::Analyses a = pipeline::analyse_all(f.project, std::nullopt, "/nonexistent/seam-baseline.json", log.sink(), &f.model);
  html::ReportOptions o;
  o.run.date = "2026-01-07";
  o.run.title = "hostile authors";
  o.history = &f.model;
  std::vector<std::string> notes;
  const std::string page = html::html_report(f.project, a, o, notes);

  // The data: the hand-counted numbers, and the names only as escaped JSON.
  html::Json d = html::report_data(f.project, a, o);
  ASSERT_EQ(d["change_coupling"]["edges"].size(), 1u) << d["change_coupling"].dump();
  const html::Json& e = d["change_coupling"]["edges"][0];
  EXPECT_EQ(e["a"], "base");
  EXPECT_EQ(e["b"], "ui");
  EXPECT_EQ(e["commits"], 6);
  EXPECT_EQ(e["hidden"], true);
  size_t scripts = 0;
  for (size_t p = page.find("<script"); p != std::string::npos; p = page.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u) << "the data block and the report's own script, nothing else";
  EXPECT_EQ(page.find("<img"), std::string::npos);

  const std::string file = std::string(SEAM_BINARY_DIR) + "/html-history-" + std::to_string(getpid()) + ".html";
  std::string werr;
  ASSERT_TRUE(write_file_atomic(file, page, werr)) << werr;
  test::Browser b;
  std::string err;
  if (!b.start(err)) GTEST_SKIP() << err;
  ASSERT_GE(b.navigate("file://" + file), 0);
  ASSERT_EQ(b.eval("window.seam && window.seam.ready === true"), json(true)) << ::testing::PrintToString(b.errors());
  b.eval("location.hash = '#module/base'");
  EXPECT_EQ(b.eval("document.querySelector('#module-history [data-card=\"Authors\"] .s').textContent"),
            json("main: " + kScript + " (67%, 4 commits)"));
  EXPECT_EQ(b.eval("document.querySelector('#module-hotspots tbody tr').cells[6].firstChild.textContent"), json(kScript));
  b.eval("location.hash = '#coupling'");
  EXPECT_EQ(b.eval("document.querySelectorAll('#coupling-svg g.cell.hidden').length"), json(2));
  b.eval("seam.openCoupling(0, 2)");
  EXPECT_NE(b.eval("document.getElementById('drawer').textContent").get<std::string>().find("6 commits changed both"),
            std::string::npos);
  EXPECT_TRUE(b.dialogs().empty()) << ::testing::PrintToString(b.dialogs());
  EXPECT_EQ(b.eval("document.querySelectorAll('script').length"), json(2));
  EXPECT_EQ(b.eval("document.querySelectorAll('img').length"), json(0));
  EXPECT_TRUE(b.errors().empty()) << ::testing::PrintToString(b.errors());
  std::remove(file.c_str());
}

} // namespace
} // namespace seam
