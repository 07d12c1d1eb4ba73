// End to end: `seam report` on a small project with a scripted git history,
// opened in headless Chromium (tests/browser/cdp.h). Three modules: ship
// includes wire; store and ship change together in six commits though neither
// uses the other (hidden coupling). The Change coupling page and the module
// pages must show the numbers counted by hand below; an author whose name
// holds characters HTML gives meaning to is shown as text; the file is the
// same bytes whatever -j; and without history (--no-history, a shallow clone)
// the report says so in one line and shows everything else.
//
// The history, February 2026 (days), ann/bob/cy/eve by email:
//   d1 Ann  every file                      d6 Ann  store.cpp + ship.cpp
//   d2 Ann  store.cpp + ship.cpp            d7 Eve  ship.cpp + wire/format.h
//   d3 Bob  store.cpp + ship.cpp            d8 Cy   store.cpp
//   d4 Ann  store.cpp + ship.cpp            d9 Eve  wire/format.cpp + format.h
//   d5 Bob  store.cpp + ship.cpp
// store: 7 commits (Ann 4, Bob 2, Cy 1: main author Ann, 57%); ship: 7 (Ann 4,
// Bob 2, Eve 1); wire: 3 (Eve 2, Ann 1: Eve, 67%; its hottest file format.h too). ship<->store: 6 commits,
// confidence 6/7 = 0.857 both ways, support 6/9 = 0.667, no static dependency:
// hidden. ship<->wire: 2 commits (d1, d7), 0.286 / 0.667, ship includes wire.
// store<->wire share only d1: below the 2 commits a pair needs.
#include "browser/cdp.h"
#include "support/git_script.h"
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace seam {
namespace {

using nlohmann::json;
using test::Browser;

/// Git strips '<' and '>' from names; every other character HTML cares about
/// stays. The page must show it exactly (no entity decoded, nothing run).
const std::string kEve = "Eve &amp; \"Q\" O'Hare";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

json report_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"seam-data\">";
  size_t a = html.find(open);
  size_t b = html.find("</script>", a);
  if (a == std::string::npos || b == std::string::npos) return json();
  return json::parse(html.substr(a + open.size(), b - a - open.size()));
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// seam.json and the compile database: written after the commits (not in
/// the history), the database with this folder's absolute path.
void write_config(const std::filesystem::path& dir) {
  json config = {{"modules",
                  {{{"name", "ship"}, {"paths", {"src/ship/**"}}},
                   {{"name", "store"}, {"paths", {"src/store/**"}}},
                   {{"name", "wire"}, {"paths", {"src/wire/**"}}}}}};
  write_file(dir / "seam.json", config.dump(2));
  json db = json::array();
  for (const char* f : {"src/ship/ship.cpp", "src/store/store.cpp", "src/wire/format.cpp"})
    db.push_back({{"directory", dir.string()}, {"file", f}, {"command", std::string("clang++ -std=c++17 -c ") + f}});
  write_file(dir / "build/compile_commands.json", db.dump(2));
}

/// The project and its history (see the file comment), made once per test process.
class HistoryProject {
public:
  static const std::filesystem::path& dir() {
    static HistoryProject p;
    return p.dir_;
  }
  ~HistoryProject() {
    std::error_code ec;
    std::filesystem::remove_all(base_, ec);
  }

private:
  HistoryProject() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "seam-history-report-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return;
    base_ = std::filesystem::canonical(tmpl);
    dir_ = base_ / "proj";
    write_file(dir_ / "src/wire/format.h", "#pragma once\nnamespace wire {\nstruct Record { int id; int size; };\nint version();\n}\n");
    write_file(dir_ / "src/wire/format.cpp", "#include \"format.h\"\nnamespace wire {\nint version() { return 1; }\n}\n");
    write_file(dir_ / "src/store/store.cpp", "namespace store {\nint save(int id) { return id * 2; }\n}\n");
    write_file(dir_ / "src/ship/ship.cpp", "#include \"../wire/format.h\"\nnamespace ship {\n"
                                           "int send(int id) { wire::Record r{id, 8}; return r.size + wire::version(); }\n}\n");
    test::GitScript g(dir_);
    g.init();
    g.commit("Ann", 1);
    const char* who[] = {"Ann", "Bob", "Ann", "Bob", "Ann"};
    for (int i = 0; i < 5; ++i) {
      g.append("src/store/store.cpp", "// record layout v" + std::to_string(i + 2) + "\n");
      g.append("src/ship/ship.cpp", "// record layout v" + std::to_string(i + 2) + "\n");
      g.commit(who[i], 2 + i);
    }
    g.append("src/ship/ship.cpp", "// uses the wire format\n");
    g.append("src/wire/format.h", "// shipped as is\n");
    g.commit(kEve, 7);
    g.append("src/store/store.cpp", "// store alone\n");
    g.commit("Cy", 8);
    g.append("src/wire/format.cpp", "// version 1\n");
    g.append("src/wire/format.h", "// version 1\n");
    g.commit(kEve, 9);
    write_config(dir_);
  }
  std::filesystem::path base_, dir_;
};

test::RunResult seam_in(const std::filesystem::path& dir, std::vector<std::string> args) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::vector<std::string> argv{SEAM_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  // Old enough for the window to hold every commit whatever today's date.
  for (const char* a : {"-p", "build", "--since", "2026-01-01"}) argv.push_back(a);
  return test::run(argv, dir.string());
}

std::string report_of(const std::filesystem::path& dir, const std::string& name, std::vector<std::string> extra = {}) {
  std::string out = (dir.parent_path() / (name + ".html")).string();
  std::vector<std::string> args{"report", "-q", "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = seam_in(dir, args);
  EXPECT_EQ(r.status, 0) << r.err;
  return out;
}

TEST(HistoryReport, EmbedsTheDocumentsSeamHistoryAndGraphPrint) {
  const auto& dir = HistoryProject::dir();
  ASSERT_FALSE(dir.empty());
  json d = report_data(slurp(report_of(dir, "documents")));
  auto h = seam_in(dir, {"history", "-q", "--format", "json"});
  ASSERT_EQ(h.status, 0) << h.err;
  EXPECT_EQ(d["history"], json::parse(h.out));
  auto c = seam_in(dir, {"graph", "-q", "--coupling", "change", "--format", "json"});
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(d["change_coupling"], json::parse(c.out));
  EXPECT_EQ(d["change_coupling"]["window"]["analysed"], 9);
  EXPECT_EQ(d["history_view"]["available"], true);
  // The file pairs behind ship<->store: the two files, six commits.
  ASSERT_EQ(d["history_view"]["pairs"].size(), 2u);
  const json& files = d["files"];
  for (const json& p : d["history_view"]["pairs"]) {
    if (d["modules"][p[0].get<int>()]["name"] != "ship" || d["modules"][p[1].get<int>()]["name"] != "store") continue;
    ASSERT_EQ(p[2].size(), 1u) << p.dump();
    EXPECT_EQ(files[p[2][0][0].get<int>()][0], "src/ship/ship.cpp");
    EXPECT_EQ(files[p[2][0][1].get<int>()][0], "src/store/store.cpp");
    EXPECT_EQ(p[2][0][2], 6);
    EXPECT_EQ(p[2][0][6], true) << "hidden at file level too";
  }
}

TEST(HistoryReport, IsByteIdenticalAcrossJobsRunsAndTheCache) {
  const auto& dir = HistoryProject::dir();
  std::string a = slurp(report_of(dir, "j1", {"-j", "1", "--no-cache"}));
  std::string b = slurp(report_of(dir, "j2", {"-j", "2"}));
  std::string c = slurp(report_of(dir, "j2-again", {"-j", "2"})); // the history cache warm now
  ASSERT_GT(a.size(), 10000u);
  EXPECT_TRUE(a == b) << "reports differ between -j 1 and -j 2";
  EXPECT_TRUE(b == c) << "reports differ between a cold and a warm history cache";
}

TEST(HistoryReport, TheFileHoldsTheAuthorNameOnlyAsEscapedData) {
  std::string html = slurp(report_of(HistoryProject::dir(), "escaped"));
  // In the data block as JSON with & escaped, and nowhere as markup.
  EXPECT_NE(html.find("Eve \\u0026amp; \\\"Q\\\" O'Hare"), std::string::npos);
  EXPECT_EQ(html.find(kEve), std::string::npos);
}

/// One browser on the report for the tests below.
class HistoryReportInBrowser : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    file_ = report_of(HistoryProject::dir(), "browser-" + std::to_string(getpid()));
    browser_ = new Browser();
    std::string err;
    ASSERT_TRUE(browser_->start(err)) << err;
    ASSERT_GE(browser_->navigate("file://" + file_), 0) << browser_->log();
    ASSERT_EQ(browser_->eval("window.seam && window.seam.ready === true"), json(true))
        << ::testing::PrintToString(browser_->errors());
  }
  static void TearDownTestSuite() {
    delete browser_;
    browser_ = nullptr;
  }
  void SetUp() override {
    if (!browser_) GTEST_SKIP() << "no browser";
  }
  static json js(const std::string& e) { return browser_->eval(e); }
  static void go(const std::string& hash) {
    js("location.hash = " + json(hash).dump());
    js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  }
  static std::string text(const std::string& selector) {
    json t = js("(document.querySelector(" + json(selector).dump() + ") || {}).textContent || ''");
    return t.is_string() ? t.get<std::string>() : "";
  }
  static std::string build_path(const std::string& name) { return std::string(SEAM_BINARY_DIR) + "/" + name; }

  static inline Browser* browser_ = nullptr;
  static inline std::string file_;
};

TEST_F(HistoryReportInBrowser, TheCouplingPageNamesTheHiddenPairWithItsNumbers) {
  go("#coupling");
  EXPECT_EQ(js("document.getElementById('coupling').classList.contains('shown')"), json(true));
  std::string note = text("#coupling-note");
  EXPECT_EQ(note.rfind("History: 2026-01-01 before HEAD ", 0), 0u) << note;
  EXPECT_NE(note.find("9 commits, 9 analysed"), std::string::npos) << note;
  std::string summary = text("#coupling-summary");
  EXPECT_NE(summary.find("2 module pairs changed together; 1 is hidden coupling"), std::string::npos) << summary;
  EXPECT_NE(summary.find("ship \xE2\x86\x94 store (6)"), std::string::npos) << summary;
  // The table, strongest first: [A, B, commits, A->B, B->A, support, static].
  json rows = js("Array.from(document.querySelectorAll('#coupling-table tbody tr')).map(r => "
                 "Array.from(r.cells).map(c => c.textContent))");
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0], json({"ship", "store", "6", "0.857", "0.857", "0.667", "hidden coupling"}));
  EXPECT_EQ(rows[1], json({"ship", "wire", "2", "0.286", "0.667", "0.222", "static dependency"}));
  // The matrix: each pair twice (both triangles), the hidden one red.
  EXPECT_EQ(js("document.querySelectorAll('#coupling-svg g.cell').length"), json(4));
  json hidden = js("Array.from(document.querySelectorAll('#coupling-svg g.cell.hidden')).map(g => "
                   "seam.data.modules[+g.dataset.a].name + '/' + seam.data.modules[+g.dataset.b].name + '=' + "
                   "g.querySelector('text').textContent)");
  EXPECT_EQ(hidden, json({"ship/store=6", "ship/store=6"}));
  EXPECT_EQ(text("#nav a[data-page=\"coupling\"] .count"), "1");
  // A click sorts by A -> B, strongest first (ship/store, 0.857); a second one weakest first (ship/wire, 0.286).
  js("document.querySelectorAll('#coupling-table th')[3].click()");
  EXPECT_EQ(js("document.querySelector('#coupling-table tbody tr').cells[1].textContent"), json("store"));
  js("document.querySelectorAll('#coupling-table th')[3].click()");
  EXPECT_EQ(js("document.querySelector('#coupling-table tbody tr').cells[1].textContent"), json("wire"));
  EXPECT_NE(text("#overview [data-card=\"Hidden coupling\"]").find("1"), std::string::npos);
}

TEST_F(HistoryReportInBrowser, ACellListsTheFilesThatChangedTogether) {
  go("#coupling");
  ASSERT_TRUE(browser_->click("#coupling-svg g.cell.hidden rect"));
  EXPECT_EQ(js("document.getElementById('drawer').classList.contains('open')"), json(true));
  std::string drawer = text("#drawer");
  EXPECT_NE(drawer.find("6 commits changed both: 86% of ship\xE2\x80\x99s 7 commits also changed store"), std::string::npos)
      << drawer;
  EXPECT_NE(drawer.find("Neither module uses the other in the code"), std::string::npos) << drawer;
  json files = js("Array.from(document.querySelectorAll('#coupling-files tbody tr')).map(r => "
                  "Array.from(r.cells).slice(0, 3).map(c => c.textContent))");
  EXPECT_EQ(files, json::array({json({"src/ship/ship.cpp", "src/store/store.cpp", "6"})})) << files.dump();
  browser_->screenshot(build_path("history-report-coupling-drawer.png"));
  js("document.getElementById('drawer-close').click()");
  // The static pair says what in the code explains it.
  js("seam.openCoupling(seam.data.modules.findIndex(m => m.name === 'ship'), seam.data.modules.findIndex(m => m.name === 'wire'))");
  EXPECT_NE(text("#drawer").find("The code explains it: ship \xE2\x86\x92 wire"), std::string::npos) << text("#drawer");
  js("document.getElementById('drawer-close').click()");
}

TEST_F(HistoryReportInBrowser, EachModulePageShowsItsHistory) {
  go("#module/store");
  std::string h = text("#module-history");
  EXPECT_NE(h.find("Commits7"), std::string::npos) << h;
  EXPECT_NE(h.find("86% also changed another module"), std::string::npos) << h; // 6 of 7
  EXPECT_NE(h.find("Authors3main: Ann (57%, 4 commits)"), std::string::npos) << h;
  json partners = js("Array.from(document.querySelectorAll('#module-partners tbody tr')).map(r => "
                     "Array.from(r.cells).map(c => c.textContent))");
  EXPECT_EQ(partners, json::array({json({"ship", "6", "86%", "hidden coupling"})})) << partners.dump();
  json hot = js("Array.from(document.querySelectorAll('#module-hotspots tbody tr')).map(r => "
                "[r.cells[0].textContent, r.cells[1].textContent, r.cells[5].textContent, r.cells[6].textContent])");
  EXPECT_EQ(hot, json::array({json({"src/store/store.cpp", "7", "3", "Ann (57%)"})})) << hot.dump();

  // wire: Eve wrote two of its three commits; her name is text, exactly.
  go("#module/wire");
  EXPECT_EQ(js("document.querySelector('#module-history [data-card=\"Authors\"] .s').textContent"),
            json("main: " + kEve + " (67%, 2 commits)"));
  EXPECT_EQ(js("document.querySelector('#module-hotspots tbody tr').cells[6].firstChild.textContent"), json(kEve));
  browser_->screenshot(build_path("history-report-module.png"), true);
}

TEST_F(HistoryReportInBrowser, NoErrorNoDialogAndNoRequestBeyondTheFile) {
  for (const char* h : {"#overview", "#graph", "#dsm", "#metrics", "#candidates", "#violations", "#coupling",
                        "#module/ship", "#module/store", "#module/wire"})
    go(h);
  EXPECT_TRUE(browser_->errors().empty()) << ::testing::PrintToString(browser_->errors());
  EXPECT_TRUE(browser_->dialogs().empty());
  for (const std::string& url : browser_->requests())
    EXPECT_TRUE(url == "file://" + file_ || url.rfind("data:", 0) == 0) << url;
  go("#coupling");
  browser_->screenshot(build_path("history-report-coupling.png"), true);
}

/// Without history the report says why in one line, and the rest is there.
void expect_one_line_and_the_rest(const std::string& file, const std::string& why) {
  json d = report_data(slurp(file));
  EXPECT_TRUE(d["history"].is_null());
  EXPECT_TRUE(d["change_coupling"].is_null());
  EXPECT_EQ(d["history_view"]["available"], false);
  const std::string note = d["history_view"]["note"];
  EXPECT_NE(note.find(why), std::string::npos) << note;
  EXPECT_EQ(note.find('\n'), std::string::npos);
  EXPECT_EQ(d["modules"].size(), 3u);
  EXPECT_EQ(d["edges"].size(), 1u); // ship -> wire

  Browser b;
  std::string err;
  ASSERT_TRUE(b.start(err)) << err;
  ASSERT_GE(b.navigate("file://" + file), 0);
  ASSERT_EQ(b.eval("window.seam && window.seam.ready === true"), json(true)) << ::testing::PrintToString(b.errors());
  b.eval("location.hash = '#coupling'");
  EXPECT_EQ(b.eval("document.querySelector('#coupling .unavailable').textContent"), json(note));
  b.eval("location.hash = '#module/store'");
  EXPECT_NE(b.eval("document.getElementById('module-history').textContent").get<std::string>().find(note), std::string::npos);
  EXPECT_EQ(b.eval("document.querySelectorAll('#dsm .rowlabel').length"), json(3));
  EXPECT_EQ(b.eval("document.querySelector('#overview [data-card=\"Change coupling\"] .s').textContent"), json("no git history"));
  EXPECT_TRUE(b.errors().empty()) << ::testing::PrintToString(b.errors());
}

TEST(HistoryReport, NoHistoryIsOneLineAndEverythingElseWorks) {
  expect_one_line_and_the_rest(report_of(HistoryProject::dir(), "no-history", {"--no-history"}),
                               "History left out (--no-history). Everything else in this report is static analysis");
}

TEST(HistoryReport, AShallowCloneIsOneLineAndEverythingElseWorks) {
  const auto& dir = HistoryProject::dir();
  const auto shallow = dir.parent_path() / "shallow";
  std::filesystem::remove_all(shallow);
  auto r = test::run({"git", "clone", "-q", "--depth", "1", "file://" + dir.string(), shallow.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  write_config(shallow);
  auto out = seam_in(shallow, {"report", "-o", (dir.parent_path() / "shallow.html").string()});
  ASSERT_EQ(out.status, 0) << out.err;
  EXPECT_NE(out.err.find("is a shallow clone"), std::string::npos) << out.err;
  expect_one_line_and_the_rest((dir.parent_path() / "shallow.html").string(), "is a shallow clone");
}

} // namespace
} // namespace seam
