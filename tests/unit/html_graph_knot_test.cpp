// The module graph page under a cycle of many modules: drawn, such a cycle is a
// knot of edges (duckdb: 15 of its 16 modules in one cycle), so the note under
// the drawing points to the dependency matrix; a short cycle gets no pointer.
// Opened in headless Chromium (tests/browser/cdp.h).
#include "analyzers/core/output.h"
#include "analyzers/pipeline/diagnostics.h"
#include "browser/cdp.h"
#include "reports/html/report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

namespace seam {
namespace {

using nlohmann::json;

/// Modules app, m0 .. m6; app calls m0, and m<i> calls m<i+1> for i < last,
/// then m<last> calls m0 back: one cycle of last + 1 modules.
std::string report_with_cycle_of(int last, const std::string& tag) {
  test::TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  t.ref("src/app/main.cpp", 1, "m0::f", "src/m0/m0.cpp");
  for (int i = 0; i < 7; ++i) {
    const std::string from = "src/m" + std::to_string(i) + "/m" + std::to_string(i) + ".cpp";
    int to = i < last ? i + 1 : (i == last ? 0 : -1);
    if (to < 0) {
      t.file(from);
      continue;
    }
    t.ref(from, 2, "m" + std::to_string(to) + "::f", "src/m" + std::to_string(to) + "/m" + std::to_string(to) + ".cpp");
  }
  for (FileFact& ff : t.tu.files) ff.lines = 10;
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "m0", "m1", "m2", "m3", "m4", "m5", "m6"}), p));
  pipeline::DiagnosticLog log;
  html::ReportOptions o;
  o.run.date = "2026-12-05";
  o.run.title = "knot";
  std::vector<std::string> notes;
  const std::string page = html::html_report(p, pipeline::analyse_all(p, std::nullopt, "", log.sink()), o, notes);
  const std::string file = std::string(SEAM_BINARY_DIR) + "/html-knot-" + tag + "-" + std::to_string(getpid()) + ".html";
  std::string err;
  EXPECT_TRUE(write_file_atomic(file, page, err)) << err;
  return file;
}

TEST(HtmlGraphKnot, ACycleOfManyModulesPointsFromTheDrawingToTheMatrix) {
  const std::string knot = report_with_cycle_of(6, "seven");
  const std::string pair = report_with_cycle_of(1, "two");
  test::Browser b;
  std::string err;
  if (!b.start(err)) GTEST_SKIP() << err;

  ASSERT_GE(b.navigate("file://" + knot), 0);
  ASSERT_EQ(b.eval("window.seam && window.seam.ready === true"), json(true)) << ::testing::PrintToString(b.errors());
  b.eval("location.hash = '#graph'");
  const std::string note = b.eval("document.getElementById('graph-note').textContent").get<std::string>();
  EXPECT_NE(note.find("7 of the 8 modules are in one cycle"), std::string::npos) << note;
  EXPECT_EQ(b.eval("document.getElementById('graph-knot').getAttribute('href')"), json("#dsm"));
  // The link opens the matrix, whose rows are the cycle's members and app.
  b.eval("document.getElementById('graph-knot').click()");
  EXPECT_EQ(b.eval("location.hash"), json("#dsm"));
  EXPECT_EQ(b.eval("document.querySelectorAll('#dsm .rowlabel').length"), json(8));
  EXPECT_TRUE(b.errors().empty()) << ::testing::PrintToString(b.errors());

  ASSERT_GE(b.navigate("file://" + pair), 0);
  ASSERT_EQ(b.eval("window.seam && window.seam.ready === true"), json(true)) << ::testing::PrintToString(b.errors());
  b.eval("location.hash = '#graph'");
  EXPECT_EQ(b.eval("document.getElementById('graph-knot') === null"), json(true))
      << "a cycle of two modules is drawn legibly: no pointer";
  EXPECT_EQ(b.eval("document.getElementById('graph-note').textContent").get<std::string>().find("in one cycle"),
            std::string::npos);
  EXPECT_TRUE(b.errors().empty()) << ::testing::PrintToString(b.errors());
  std::remove(knot.c_str());
  std::remove(pair.c_str());
}

} // namespace
} // namespace seam
