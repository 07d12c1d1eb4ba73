// End to end: `seam report` on the bundled sample, opened in a real headless
// Chromium (tests/browser/cdp.h). The DOM is checked the way a reader would
// look at it: every section there, every module listed, the planted problems
// of samples/shop/README.md shown, a click on a module opens its page; and
// the page logs no error and makes no request beyond its own file.
#include "browser/cdp.h"
#include "support/run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace seam {
namespace {

using nlohmann::json;
using test::Browser;

const std::vector<std::string> kShopModules = {"analytics", "api",    "auth",     "catalog", "common",
                                               "inventory", "notifications", "orders", "payments", "users"};

/// A fixed date, so the report is reproducible (and the test says so).
void fix_date() { setenv("SOURCE_DATE_EPOCH", "1700000000", 1); } // 2023-11-14

std::string build_path(const std::string& name) { return std::string(SEAM_BINARY_DIR) + "/" + name; }

test::RunResult make_report(const std::string& out, std::vector<std::string> extra = {}) {
  fix_date();
  std::vector<std::string> args{"report", "-q", "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  return test::seam_on_sample("shop", args);
}

TEST(ShopReport, IsOneFileThatFetchesNothing) {
  std::string out = build_path("shop-report.html");
  std::remove(out.c_str());
  auto r = make_report(out);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string html = test::slurp(out);
  ASSERT_GT(html.size(), 10000u);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  for (const char* external : {"src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_NE(html.find("2023-11-14"), std::string::npos) << "SOURCE_DATE_EPOCH is the date shown";
}

TEST(ShopReport, IsByteIdenticalAcrossRunsAndJobs) {
  std::string a = build_path("shop-report-j1.html"), b = build_path("shop-report-j2.html");
  ASSERT_EQ(make_report(a, {"--no-cache", "-j", "1"}).status, 0);
  ASSERT_EQ(make_report(b, {"--no-cache", "-j", "2"}).status, 0);
  std::string ta = test::slurp(a), tb = test::slurp(b);
  ASSERT_FALSE(ta.empty());
  EXPECT_TRUE(ta == tb) << "reports differ between -j 1 and -j 2";
}

TEST(ShopReport, HelpDescribesTheCommand) {
  auto r = test::run({SEAM_EXE, "report", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("usage: seam report -o FILE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no network request"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SOURCE_DATE_EPOCH"), std::string::npos) << r.out;
}

/// The data block of a report, parsed (its escapes are JSON escapes).
json report_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"seam-data\">";
  size_t a = html.find(open);
  size_t b = html.find("</script>", a);
  if (a == std::string::npos || b == std::string::npos) return json();
  return json::parse(html.substr(a + open.size(), b - a - open.size()));
}

TEST(ShopReport, ViolationsTheBaselineHoldsShowAsBaselined) {
  std::string baseline = build_path("shop-report-baseline-" + std::to_string(getpid()) + ".json");
  std::string out = build_path("shop-report-baselined-" + std::to_string(getpid()) + ".html");
  auto u = test::seam_on_sample("shop", {"check", "-q", "--update-baseline", "--baseline", baseline});
  ASSERT_EQ(u.status, 0) << u.err;
  auto r = make_report(out, {"--baseline", baseline});
  ASSERT_EQ(r.status, 0) << r.err;
  json d = report_data(test::slurp(out));
  std::remove(baseline.c_str());
  std::remove(out.c_str());
  ASSERT_TRUE(d.is_object());
  EXPECT_EQ(d["check"]["summary"]["new"], 0);
  EXPECT_EQ(d["check"]["summary"]["baselined"], d["check"]["violations"].size());
  EXPECT_GT(d["check"]["violations"].size(), 4u);
  for (const json& v : d["check"]["violations"]) EXPECT_TRUE(v["baselined"]) << v.dump();
  // Without it the same violations are new (the sample has no baseline of its own).
  auto plain = make_report(out);
  ASSERT_EQ(plain.status, 0);
  json p = report_data(test::slurp(out));
  std::remove(out.c_str());
  EXPECT_EQ(p["check"]["summary"]["new"], d["check"]["summary"]["baselined"]);
}

/// The report embeds the commands' own documents, written by the same writer
/// from the same results: what `seam metrics`, `seam check`, `seam cycles`,
/// `seam candidates` and `seam candidates --suggest` print with --format json
/// is what the page shows, key for key.
TEST(ShopReport, EmbedsTheDocumentsTheCommandsPrint) {
  std::string out = build_path("shop-report-documents-" + std::to_string(getpid()) + ".html");
  auto r = make_report(out);
  ASSERT_EQ(r.status, 0) << r.err;
  json d = report_data(test::slurp(out));
  std::remove(out.c_str());
  EXPECT_EQ(d["schema"], "seam.report/3");
  auto metrics = test::seam_on_sample("shop", {"metrics", "-q", "--format", "json"});
  ASSERT_EQ(metrics.status, 0) << metrics.err;
  EXPECT_EQ(d["metrics"]["schema"], "seam.metrics/1");
  EXPECT_EQ(d["metrics"], json::parse(metrics.out));
  auto check = test::seam_on_sample("shop", {"check", "-q", "--format", "json"});
  ASSERT_EQ(check.status, 1) << "the sample has new violations: " << check.err;
  EXPECT_EQ(d["check"]["schema"], "seam.check/2");
  EXPECT_EQ(d["check"], json::parse(check.out));
  auto cycles = test::seam_on_sample("shop", {"cycles", "-q", "--format", "json"});
  ASSERT_EQ(cycles.status, 0) << cycles.err;
  EXPECT_EQ(d["cycles"]["schema"], "seam.cycles/2");
  EXPECT_EQ(d["cycles"], json::parse(cycles.out));
  auto candidates = test::seam_on_sample("shop", {"candidates", "-q", "--format", "json"});
  ASSERT_EQ(candidates.status, 0) << candidates.err;
  EXPECT_EQ(d["candidates"], json::parse(candidates.out));
  EXPECT_EQ(d["candidates"]["candidates"][0]["module"], "catalog");
  auto suggest = test::seam_on_sample("shop", {"candidates", "--suggest", "-q", "--format", "json"});
  ASSERT_EQ(suggest.status, 0) << suggest.err;
  EXPECT_EQ(d["suggest"]["schema"], "seam.suggest/1");
  EXPECT_EQ(d["suggest"], json::parse(suggest.out));
}

/// One browser on the sample's report for every test below.
class ShopReportInBrowser : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    // ctest runs each test in its own process, several at once: one file each.
    file_ = build_path("shop-report-browser-" + std::to_string(getpid()) + ".html");
    auto r = make_report(file_);
    ASSERT_EQ(r.status, 0) << r.err;
    browser_ = new Browser();
    std::string err;
    ASSERT_TRUE(browser_->start(err)) << err;
    load_ms_ = browser_->navigate("file://" + file_);
    ASSERT_GE(load_ms_, 0) << "the report did not load\n" << browser_->log();
    ASSERT_EQ(browser_->eval("window.seam && window.seam.ready === true"), json(true))
        << "the report's script did not finish; errors: " << ::testing::PrintToString(browser_->errors());
  }
  static void TearDownTestSuite() {
    delete browser_;
    browser_ = nullptr;
    std::remove(file_.c_str());
  }
  void SetUp() override {
    if (!browser_) GTEST_SKIP() << "no browser";
  }
  static json js(const std::string& expr) { return browser_->eval(expr); }
  static void go(const std::string& hash) {
    js("location.hash = " + json(hash).dump());
    js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  }
  static std::string text(const std::string& selector) {
    json t = js("(document.querySelector(" + json(selector).dump() + ") || {}).textContent || ''");
    return t.is_string() ? t.get<std::string>() : "";
  }

  static inline Browser* browser_ = nullptr;
  static inline std::string file_;
  static inline double load_ms_ = -1;
};

TEST_F(ShopReportInBrowser, EverySectionIsThereAndFilled) {
  for (const char* id : {"overview", "graph", "dsm", "metrics", "candidates", "violations"}) {
    json n = js(std::string("(() => { const s = document.getElementById('") + id +
                "'); return s ? s.querySelectorAll('*').length : -1; })()");
    EXPECT_GT(n.get<int>(), 2) << "section " << id;
    EXPECT_EQ(js(std::string("document.querySelectorAll('#nav a[data-page=\"") + id + "\"]').length"), json(1)) << id;
  }
  std::string overview = text("#overview");
  EXPECT_NE(overview.find("10 modules in 37 files"), std::string::npos) << overview;
  EXPECT_NE(overview.find("17 translation units, all cleanly"), std::string::npos) << overview;
  EXPECT_NE(overview.find("2023-11-14"), std::string::npos);
  EXPECT_NE(text("#brand").find("shop"), std::string::npos);
}

TEST_F(ShopReportInBrowser, EveryModuleIsListedInTheSidebarAndTheMatrix) {
  json side = js("Array.from(document.querySelectorAll('#modnav a .nm')).map(e => e.textContent)");
  EXPECT_EQ(side.get<std::vector<std::string>>(), kShopModules);
  json rows = js("Array.from(document.querySelectorAll('#dsm .rowlabel')).map(e => +e.dataset.module)"
                 ".map(i => seam.data.modules[i].name)");
  std::vector<std::string> dsm = rows.get<std::vector<std::string>>();
  EXPECT_EQ(std::set<std::string>(dsm.begin(), dsm.end()), std::set<std::string>(kShopModules.begin(), kShopModules.end()));
  // Ordered by level, dependencies first: common (the base) first, api (the edge) last.
  ASSERT_EQ(dsm.size(), 10u);
  EXPECT_EQ(dsm.front(), "common");
  EXPECT_EQ(dsm.back(), "api");
}

TEST_F(ShopReportInBrowser, ThePlantedCycleIsAboveTheDiagonalAndNamedInTheOverview) {
  // Exactly one cell above the diagonal: the cycle's minimum cut, payments -> orders (5 uses
  // against orders' 10), with the members in the cut's order.
  json above = js("Array.from(document.querySelectorAll('#dsm g.cell.above')).map(g => "
                  "seam.data.modules[+g.dataset.from].name + '>' + seam.data.modules[+g.dataset.to].name)");
  ASSERT_EQ(above.size(), 1u) << above.dump();
  EXPECT_EQ(above[0], "payments>orders");
  EXPECT_EQ(js("document.querySelectorAll('#dsm g.cell.cyc').length"), json(2));
  EXPECT_EQ(js("document.querySelectorAll('#dsm .cycle-block').length"), json(1));
  EXPECT_NE(text("#summary").find("One dependency cycle ties orders \xE2\x86\x94 payments"), std::string::npos)
      << text("#summary");
  // The overview names the cut with its weight and links it to its sites.
  go("#overview");
  json cut = js("Array.from(document.querySelectorAll('#overview a.cut-edge')).map(a => a.textContent)");
  EXPECT_EQ(cut, json({"payments \xE2\x86\x92 orders"}));
  EXPECT_NE(text("#overview").find("cut this edge (5 uses) and the module graph is acyclic"), std::string::npos)
      << text("#overview");
}

TEST_F(ShopReportInBrowser, ACellOfTheMatrixListsItsSites) {
  go("#dsm");
  std::string sel = "#dsm g.cell[data-from=\"" + js("seam.data.modules.findIndex(m => m.name === 'payments')").dump() +
                    "\"][data-to=\"" + js("seam.data.modules.findIndex(m => m.name === 'orders')").dump() + "\"] rect";
  ASSERT_TRUE(browser_->click(sel));
  EXPECT_EQ(js("document.getElementById('drawer').classList.contains('open')"), json(true));
  std::string drawer = text("#drawer");
  // samples/shop/README.md: charge calls back OrderService::mark_paid at payment_gateway.cpp:46.
  EXPECT_NE(drawer.find("shop::orders::OrderService::mark_paid"), std::string::npos) << drawer;
  EXPECT_NE(drawer.find("src/payments/payment_gateway.cpp:46"), std::string::npos) << drawer;
  EXPECT_NE(drawer.find("#include directives"), std::string::npos) << drawer;
  js("document.getElementById('drawer-close').click()");
  EXPECT_EQ(js("document.getElementById('drawer').classList.contains('open')"), json(false));
}

TEST_F(ShopReportInBrowser, AClickOnAModuleShowsItsPage) {
  go("#overview");
  ASSERT_TRUE(browser_->click("#modnav a[title=\"notifications\"]"));
  js("new Promise(r => setTimeout(r, 50))");
  EXPECT_EQ(js("location.hash"), json("#module/notifications"));
  EXPECT_EQ(js("document.getElementById('module').classList.contains('shown')"), json(true));
  EXPECT_EQ(text("#module-name"), "notifications");
  std::string page = text("#module");
  EXPECT_NE(page.find("shop::notifications::send"), std::string::npos) << "its interface";
  EXPECT_NE(page.find("src/notifications/notifications.h"), std::string::npos) << "its files";
  EXPECT_NE(page.find("being extracted"), std::string::npos);
  browser_->screenshot(build_path("shop-report-module.png"));
}

TEST_F(ShopReportInBrowser, SearchFindsModulesAndFiles) {
  go("#overview");
  js("(() => { const s = document.getElementById('search'); s.value = 'user_store.h'; "
     "s.dispatchEvent(new Event('input')); })()");
  std::string results = text("#results");
  EXPECT_NE(results.find("src/users/internal/user_store.h"), std::string::npos) << results;
  ASSERT_TRUE(browser_->click("#results a"));
  js("new Promise(r => setTimeout(r, 50))");
  EXPECT_EQ(text("#module-name"), "users");
  EXPECT_EQ(js("document.querySelector('#module tr.file-hit td').textContent"), json("src/users/internal/user_store.h"));
  js("(() => { const s = document.getElementById('search'); s.value = 'pay'; s.dispatchEvent(new Event('input')); })()");
  EXPECT_NE(text("#results").find("payments"), std::string::npos);
}

TEST_F(ShopReportInBrowser, ThePlantedViolationsAreShownWithTheirSites) {
  go("#violations");
  // samples/shop/README.md: one planted problem per rule, at these sites.
  struct Want {
    const char* rule;
    const char* pair;
    const char* site;
  };
  for (const Want& w : {Want{"cycle", "orders \xE2\x86\x92 payments \xE2\x86\x92 orders", "src/payments/payment_gateway.cpp:46"},
                        Want{"layer", "inventory \xE2\x86\x92 notifications", "src/inventory/inventory.cpp:63"},
                        Want{"undeclared", "analytics \xE2\x86\x92 catalog", "src/analytics/order_stats.cpp:38"},
                        Want{"private-header", "auth \xE2\x86\x92 users", "src/auth/authenticator.cpp:9"}}) {
    std::string sel = std::string("#violations section.rule[data-rule=\"") + w.rule + "\"]";
    std::string sec = text(sel);
    EXPECT_NE(sec.find(w.pair), std::string::npos) << w.rule << ": " << sec;
    EXPECT_NE(sec.find(w.site), std::string::npos) << w.rule << ": " << sec;
    EXPECT_NE(sec.find("new"), std::string::npos) << w.rule;
  }
  // Nothing else: each rule has exactly its one module pair.
  json pairs = js("Array.from(document.querySelectorAll('#violations .pair')).map(p => p.dataset.pair)");
  EXPECT_EQ(pairs.size(), 4u) << pairs.dump();
  EXPECT_EQ(js("document.querySelectorAll('#violations section.rule').length"), json(4));
  // The overview counts them and says none is baselined (the sample has no baseline).
  EXPECT_NE(text("#overview [data-card=\"Violations\"]").find("0 baselined"), std::string::npos);
}

TEST_F(ShopReportInBrowser, TheTopCandidateIsNamedWithItsProtoAndTheBlockersHaveSites) {
  // samples/shop/README.md: catalog is the first service by effort, notifications the second.
  EXPECT_NE(text("#summary").find("The best first service to extract is catalog"), std::string::npos)
      << text("#summary");
  EXPECT_NE(text("#overview [data-card=\"Top candidate\"]").find("catalog"), std::string::npos);
  go("#candidates");
  json ranked = js("Array.from(document.querySelectorAll('#candidates > details.candidate > summary strong'))"
                   ".map(e => e.textContent)");
  ASSERT_FALSE(ranked.empty());
  ASSERT_GE(ranked.size(), 2u);
  EXPECT_EQ(ranked[0], "catalog");
  EXPECT_EQ(ranked[1], "notifications");
  // Libraries and entry points are not ranked, and say why.
  for (const char* m : {"common", "api"}) {
    EXPECT_EQ(std::find(ranked.begin(), ranked.end(), json(m)), ranked.end()) << m;
  }
  EXPECT_NE(text("#candidates").find("Library (seam.json"), std::string::npos);
  std::string first = text("#candidates > details.candidate");
  EXPECT_NE(first.find("service CatalogService"), std::string::npos) << "the proto preview";
  EXPECT_NE(first.find("rpc FindProduct(FindProductRequest)"), std::string::npos);
  EXPECT_NE(first.find("Effort, in sites to change"), std::string::npos);
  // The planted cross-module base class is orders' observer port: analytics serves it, no blocker.
  std::string analytics = text("#candidates > details.candidate[data-module=\"" +
                               js("seam.data.modules.findIndex(m => m.name === 'analytics')").dump() + "\"]");
  EXPECT_NE(analytics.find("Nothing blocks this extraction."), std::string::npos) << analytics;
  EXPECT_NE(analytics.find("serves the port shop::orders::OrderObserver"), std::string::npos) << analytics;
  // The planted global blocks inventory; the cycle's members carry "cycle".
  EXPECT_NE(text("#candidates").find("global-state"), std::string::npos);
  EXPECT_NE(text("#candidates").find("extract together: orders+payments"), std::string::npos);
  // The clustering's suggestion stands beside the declared modules.
  EXPECT_NE(text("#candidates").find("Declared modules"), std::string::npos);
  EXPECT_NE(text("#candidates").find("Suggested services"), std::string::npos);
  EXPECT_GT(js("document.querySelectorAll('#candidates .cluster').length").get<int>(), 1);
}

TEST_F(ShopReportInBrowser, TheGraphDrawsEveryModuleAndHighlightsTheCycle) {
  go("#graph");
  json nodes = js("Array.from(document.querySelectorAll('#graph-view g.node[data-module]'))"
                  ".map(g => seam.data.modules[+g.dataset.module].name).sort()");
  EXPECT_EQ(nodes.get<std::vector<std::string>>(), kShopModules);
  EXPECT_EQ(js("document.querySelectorAll('#graph-view g.edge[data-from]').length"), json(26))
      << "every edge of samples/shop/expected/module_edges.txt";
  EXPECT_EQ(js("document.querySelectorAll('#graph-view g.edge.cycle').length"), json(2));
  EXPECT_GT(js("document.querySelectorAll('#graph-view g.edge path').length").get<int>(), 25) << "edges are drawn";
  // Zoom changes the view box; Fit restores it.
  json before = js("document.querySelector('#graph-view svg').getAttribute('viewBox')");
  ASSERT_TRUE(browser_->click("#zoom-in"));
  EXPECT_NE(js("document.querySelector('#graph-view svg').getAttribute('viewBox')"), before);
  ASSERT_TRUE(browser_->click("#zoom-fit"));
  EXPECT_EQ(js("document.querySelector('#graph-view svg').getAttribute('viewBox')"), before);
  // A click on a node opens the module's page.
  std::string payments = js("seam.data.modules.findIndex(m => m.name === 'payments')").dump();
  ASSERT_TRUE(browser_->click("#graph-view g.node[data-module=\"" + payments + "\"] text"));
  js("new Promise(r => setTimeout(r, 50))");
  EXPECT_EQ(js("location.hash"), json("#module/payments"));
  EXPECT_EQ(text("#module-name"), "payments");
  // Search highlights matching modules in the graph.
  go("#graph");
  js("(() => { const s = document.getElementById('search'); s.value = 'order_service'; "
     "s.dispatchEvent(new Event('input')); })()");
  EXPECT_EQ(js("Array.from(document.querySelectorAll('#graph-view g.node.hit')).map(g => "
               "seam.data.modules[+g.dataset.module].name)"), json({"orders"}));
  js("(() => { const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input')); })()");
  browser_->screenshot(build_path("shop-report-graph.png"));
}

TEST_F(ShopReportInBrowser, MetricsTableSortsAndTheChartHasADotPerModule) {
  go("#metrics");
  EXPECT_EQ(js("document.querySelectorAll('#metrics-table tbody tr').length"), json(10));
  // Every module of the sample depends on another or is used by one, so each has an instability and a dot.
  EXPECT_EQ(js("document.querySelectorAll('#main-sequence g.dot').length"), json(10));
  // Sort by Ca (column 7), largest first: common is the most used module.
  ASSERT_TRUE(browser_->click("#metrics-table th:nth-child(7)"));
  EXPECT_EQ(js("document.querySelector('#metrics-table tbody tr td').textContent"), json("common"));
}

/// One screenshot per page under the build folder; docs/report.md shows these
/// (copied to docs/images/).
TEST_F(ShopReportInBrowser, ScreenshotsOfEveryPage) {
  struct Shot {
    const char* hash;
    const char* name;
    const char* setup;
  };
  const std::string orders = js("seam.data.modules.findIndex(m => m.name === 'orders')").dump();
  const std::string payments = js("seam.data.modules.findIndex(m => m.name === 'payments')").dump();
  for (const Shot& s : {Shot{"#overview", "overview", ""}, Shot{"#graph", "graph", ""},
                        Shot{"#dsm", "dsm", ""}, Shot{"#dsm", "dsm-sites", "drawer"},
                        Shot{"#metrics", "metrics", ""}, Shot{"#candidates", "candidates", ""},
                        Shot{"#violations", "violations", ""}, Shot{"#module/orders", "module", ""}}) {
    go(s.hash);
    if (std::string(s.setup) == "drawer") js("seam.openPair(" + payments + ", " + orders + ")");
    js("new Promise(r => setTimeout(r, 250))"); // the drawer slides in
    EXPECT_TRUE(browser_->screenshot(build_path(std::string("report-") + s.name + ".png"))) << s.name;
    js("document.getElementById('drawer').classList.remove('open')");
  }
}

TEST_F(ShopReportInBrowser, NoErrorAndNoRequestBeyondTheFile) {
  // Visit every page first, so their code has run.
  for (const char* h : {"#overview", "#graph", "#dsm", "#metrics", "#candidates", "#violations", "#module/orders"}) go(h);
  EXPECT_TRUE(browser_->errors().empty()) << ::testing::PrintToString(browser_->errors());
  EXPECT_TRUE(browser_->dialogs().empty());
  for (const std::string& url : browser_->requests())
    EXPECT_TRUE(url == "file://" + file_ || url.rfind("data:", 0) == 0) << "request left the file: " << url;
  go("#overview");
  EXPECT_TRUE(browser_->screenshot(build_path("shop-report.png")));
  std::cout << "report loaded in " << load_ms_ << " ms; screenshots in " << SEAM_BINARY_DIR << "\n";
}

/// A project whose names are markup: modules, a layer and a file named like
/// HTML, symbols whose C++ names hold < > & (operators, template arguments).
/// The report must show every one as text and run nothing.
/// A project written into a temporary folder, its report opened in the browser
/// once per suite. Derived suites write the sources in write_project().
class ReportOfAProject : public ::testing::Test {
protected:
  static void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
  }
  /// The compile database of `sources` (relative to the project), the report, the browser.
  static void open_report(const std::string& name, const std::vector<std::string>& sources) {
    json db = json::array();
    for (const std::string& f : sources)
      db.push_back({{"directory", dir_}, {"file", f}, {"command", "clang++ -std=c++17 -c " + f}});
    write(dir_ + "/build/compile_commands.json", db.dump(2));
    fix_date();
    file_ = dir_ + "/report.html";
    auto r = test::run({SEAM_EXE, "report", "-q", "--no-cache", "-p", "build", "-o", file_}, dir_);
    ASSERT_EQ(r.status, 0) << name << ": " << r.err;
    browser_ = new Browser();
    std::string err;
    ASSERT_TRUE(browser_->start(err)) << err;
    ASSERT_GE(browser_->navigate("file://" + file_), 0);
    ASSERT_EQ(browser_->eval("window.seam && window.seam.ready === true"), json(true))
        << ::testing::PrintToString(browser_->errors());
  }
  static void fresh_folder(const std::string& name) {
    dir_ = build_path(name + "-" + std::to_string(getpid())); // one per test process
    std::filesystem::remove_all(dir_);
  }
  static void TearDownTestSuite() {
    delete browser_;
    browser_ = nullptr;
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void SetUp() override {
    if (!browser_) GTEST_SKIP() << "no browser";
  }
  static json js(const std::string& e) { return browser_->eval(e); }

  static inline Browser* browser_ = nullptr;
  static inline std::string dir_, file_;
};

class HostileNames : public ReportOfAProject {
protected:
  static constexpr const char* kImg = "<img src=x onerror=alert(1)>";
  static constexpr const char* kScript = "</script><script>alert(2)</script>";

  static void SetUpTestSuite() {
    fresh_folder("hostile-names");
    json config = {
        {"layers", {"<b>top</b>", "bottom"}},
        {"modules",
         {{{"name", kImg}, {"paths", {"src/a/**"}}, {"layer", "<b>top</b>"}},
          {{"name", kScript}, {"paths", {"src/b/**"}}, {"layer", "bottom"}, {"may_depend_on", json::array()}},
          {{"name", "a&b\"'<!--"}, {"paths", {"src/c/**"}}, {"layer", "bottom"}}}}};
    write(dir_ + "/seam.json", config.dump(2));
    write(dir_ + "/src/b/x<y>&z.h",
          "#pragma once\nnamespace b {\ntemplate <class T> struct Box { T v; };\n"
          "bool operator<(const Box<int>& l, const Box<int>& r);\nextern int g_counter;\n"
          "void take(Box<int*>& box);\nint back();\n}\n");
    write(dir_ + "/src/b/b.cpp",
          "#include \"x<y>&z.h\"\n#include \"../a/a.h\"\nnamespace b {\nint g_counter = 0;\n"
          "bool operator<(const Box<int>& l, const Box<int>& r) { return l.v < r.v; }\n"
          "void take(Box<int*>& box) { box.v = nullptr; }\nint back() { return a::size(); }\n}\n");
    write(dir_ + "/src/a/a.h", "#pragma once\nnamespace a { int size(); }\n");
    write(dir_ + "/src/a/a.cpp",
          "#include \"a.h\"\n#include \"../b/x<y>&z.h\"\nnamespace a {\nint size() {\n"
          "  b::Box<int> x{1}, y{2};\n  b::Box<int*> p{nullptr};\n  b::take(p);\n  b::g_counter = 3;\n"
          "  return x < y ? 1 : 0;\n}\n}\n");
    write(dir_ + "/src/c/c.cpp", "#include \"../a/a.h\"\nint c_main() { return a::size(); }\n");
    open_report("hostile names", {"src/a/a.cpp", "src/b/b.cpp", "src/c/c.cpp"});
  }
};

TEST_F(HostileNames, TheFileHoldsNoMarkupFromNames) {
  std::string html = test::slurp(file_);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>top"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u) << "the data block and the report's own script, nothing else";
}

TEST_F(HostileNames, EveryNameRendersAsTextAndNothingRuns) {
  // Visit every page, and each module's page.
  for (const char* h : {"#overview", "#graph", "#dsm", "#metrics", "#candidates", "#violations"})
    js(std::string("location.hash = '") + h + "'");
  json names = js("Array.from(document.querySelectorAll('#modnav a .nm')).map(e => e.textContent)");
  EXPECT_EQ(names, json({kScript, kImg, "a&b\"'<!--"})) << names.dump();
  for (const json& n : names) {
    js("location.hash = '#module/' + encodeURIComponent(" + n.dump() + ")");
    EXPECT_EQ(js("document.getElementById('module-name').textContent"), n);
  }
  EXPECT_TRUE(browser_->dialogs().empty()) << ::testing::PrintToString(browser_->dialogs());
  EXPECT_EQ(js("document.querySelectorAll('img').length"), json(0));
  EXPECT_EQ(js("document.querySelectorAll('script').length"), json(2));
  EXPECT_EQ(js("document.querySelectorAll('b').length"), json(0));
  EXPECT_EQ(js("document.querySelectorAll('#graph-view foreignObject, #graph-view a[href]').length"), json(0));
  EXPECT_TRUE(browser_->errors().empty()) << ::testing::PrintToString(browser_->errors());
  for (const std::string& url : browser_->requests())
    EXPECT_TRUE(url == "file://" + file_ || url.rfind("data:", 0) == 0) << url;
}

TEST_F(HostileNames, NamesFromCodeKeepTheirAngleBracketsAndAmpersands) {
  std::string mod = json(kImg).dump();
  js("location.hash = '#module/' + encodeURIComponent(" + json(kScript).dump() + ")");
  std::string page = js("document.getElementById('module').textContent").get<std::string>();
  EXPECT_NE(page.find("b::operator<"), std::string::npos) << page;
  EXPECT_NE(page.find("src/b/x<y>&z.h"), std::string::npos) << page;
  // The sidebar's layer legend and the graph carry the hostile layer and module names as text.
  js("location.hash = '#graph'");
  json titles = js("Array.from(document.querySelectorAll('#graph-view g.node[data-module]')).map(g => "
                   "seam.data.modules[+g.dataset.module].name).sort()");
  EXPECT_EQ(titles, json({kScript, kImg, "a&b\"'<!--"}));
  EXPECT_NE(js("document.getElementById('graph-legend').textContent").get<std::string>().find("<b>top</b>"),
            std::string::npos);
  // The drawer of an edge between hostile modules.
  js("seam.openPair(seam.data.modules.findIndex(m => m.name === " + mod + "), seam.data.modules.findIndex(m => "
     "m.name === " + json(kScript).dump() + "))");
  std::string drawer = js("document.getElementById('drawer').textContent").get<std::string>();
  EXPECT_NE(drawer.find(kImg), std::string::npos) << drawer;
  EXPECT_NE(drawer.find("b::g_counter"), std::string::npos) << drawer;
  EXPECT_EQ(js("document.querySelectorAll('img').length"), json(0));
  EXPECT_TRUE(browser_->dialogs().empty());
  browser_->screenshot(build_path("hostile-names-report.png"));
}

/// Fifteen modules in a ring (m00 -> m01 -> ... -> m14 -> m00), no seam.json.
class LongCycle : public ReportOfAProject {
protected:
  static constexpr int kModules = 15;
  static std::string mod(int i) { return (i % kModules < 10 ? "m0" : "m") + std::to_string(i % kModules); }
  static void SetUpTestSuite() {
    fresh_folder("long-cycle");
    std::vector<std::string> sources;
    for (int i = 0; i < kModules; ++i) {
      const std::string m = mod(i), next = mod(i + 1);
      write(dir_ + "/src/" + m + "/" + m + ".h", "#pragma once\nnamespace " + m + " { int f(int n); }\n");
      write(dir_ + "/src/" + m + "/" + m + ".cpp", "#include \"" + m + ".h\"\n#include \"../" + next + "/" + next +
                                                       ".h\"\nnamespace " + m + " {\nint f(int n) { return n ? " +
                                                       next + "::f(n - 1) : 0; }\n}\n");
      sources.push_back("src/" + m + "/" + m + ".cpp");
    }
    open_report("long cycle", sources);
  }
};

TEST_F(LongCycle, TheSummaryNamesTwelveMembersAndAButtonShowsTheRest) {
  js("location.hash = '#overview'");
  const std::string chain = "document.querySelector('#summary button.more').parentElement";
  EXPECT_EQ(js("document.querySelector('#summary button.more').textContent"), json("\u2026 and 3 more"));
  EXPECT_EQ(js(chain + ".querySelectorAll('a.modlink').length"), json(12));
  js("document.querySelector('#summary button.more').click()");
  EXPECT_EQ(js("document.querySelectorAll('#summary button.more').length"), json(0));
  json names = js("Array.from(document.querySelectorAll('#summary a.modlink')).map(a => a.textContent)");
  std::set<std::string> members;
  for (const json& n : names) members.insert(n.get<std::string>());
  EXPECT_EQ(members.size(), static_cast<size_t>(kModules)) << names.dump();
  // The component cycle under "Finer cycles": ten members, then a button for five more.
  json finer = js("Array.from(document.querySelectorAll('.msg.site button.more')).map(b => b.textContent)");
  EXPECT_EQ(finer, json({"\u2026 and 5 more"})) << finer.dump();
  EXPECT_TRUE(browser_->errors().empty()) << ::testing::PrintToString(browser_->errors());
}

/// Twenty modules m00 .. m19 in one cycle: a chain m00 -> m01 -> ... -> m19 of
/// heavy uses (an include and five calls: 6 uses), light back edges m_i -> m_{i-3}
/// for i = 3, 6, ..., 18 and m19 -> m00 (an include and a call: 2 uses). Every
/// cycle needs a back edge, the seven short ones share no edge, and a chain edge
/// weighs more than two back edges: the minimum cut is exactly the 7 back edges
/// (14 uses), exact (20 modules), and the order is m00 .. m19.
class TwentyModuleTangle : public ReportOfAProject {
protected:
  static constexpr int kModules = 20;
  static std::string mod(int i) { return (i < 10 ? "m0" : "m") + std::to_string(i); }
  static int back_of(int i) { return i == kModules - 1 ? 0 : i % 3 == 0 && i > 0 ? i - 3 : -1; }
  static void SetUpTestSuite() {
    fresh_folder("twenty-module-tangle");
    std::vector<std::string> sources;
    for (int i = 0; i < kModules; ++i) {
      const std::string m = mod(i);
      write(dir_ + "/src/" + m + "/" + m + ".h", "#pragma once\nnamespace " + m + " { int f(int n); int g(int n); }\n");
      std::string cpp = "#include \"" + m + ".h\"\n";
      std::string body;
      if (i + 1 < kModules) {
        const std::string next = mod(i + 1);
        cpp += "#include \"../" + next + "/" + next + ".h\"\n";
        body += "  int s = 0;\n";
        for (int k = 0; k < 5; ++k) body += "  s += " + next + "::f(n - 1);\n";
      } else {
        body += "  int s = 0;\n";
      }
      if (back_of(i) >= 0) {
        const std::string back = mod(back_of(i));
        cpp += "#include \"../" + back + "/" + back + ".h\"\n";
        body += "  s += " + back + "::g(n);\n";
      }
      cpp += "namespace " + m + " {\nint f(int n) {\n  if (!n) return 0;\n" + body + "  return s;\n}\nint g(int n) { return n; }\n}\n";
      write(dir_ + "/src/" + m + "/" + m + ".cpp", cpp);
      sources.push_back("src/" + m + "/" + m + ".cpp");
    }
    open_report("twenty-module tangle", sources);
  }
  static std::set<std::string> back_edges() {
    std::set<std::string> out;
    for (int i = 0; i < kModules; ++i)
      if (back_of(i) >= 0) out.insert(mod(i) + ">" + mod(back_of(i)));
    return out;
  }
};

TEST_F(TwentyModuleTangle, TheMatrixFollowsTheMinimumCutAndOnlyTheCutIsAboveTheDiagonal) {
  ASSERT_EQ(js("seam.data.cycles.module_cycle_details.length"), json(1));
  EXPECT_EQ(js("seam.data.cycles.module_cycle_details[0].members.length"), json(kModules));
  EXPECT_EQ(js("seam.data.cycles.module_cycle_details[0].cut.exact"), json(true));
  EXPECT_EQ(js("seam.data.cycles.module_cycle_details[0].cut.weight"), json(14));
  js("location.hash = '#dsm'");
  js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  // Dependencies first: m19 (which uses nothing through a kept edge) first, m00 last.
  json rows = js("Array.from(document.querySelectorAll('#dsm .rowlabel')).map(e => seam.data.modules[+e.dataset.module].name)");
  std::vector<std::string> want;
  for (int i = kModules - 1; i >= 0; --i) want.push_back(mod(i));
  EXPECT_EQ(rows, json(want));
  json above = js("Array.from(document.querySelectorAll('#dsm g.cell.above')).map(g => "
                  "seam.data.modules[+g.dataset.from].name + '>' + seam.data.modules[+g.dataset.to].name)");
  EXPECT_EQ(above.get<std::set<std::string>>(), back_edges()) << above.dump();
  EXPECT_TRUE(browser_->errors().empty()) << ::testing::PrintToString(browser_->errors());
  browser_->screenshot(build_path("twenty-module-tangle-dsm.png"));
}

TEST_F(TwentyModuleTangle, TheGraphLaysTheCycleOutTopDownWithTheCutEdgesPointingUp) {
  js("location.hash = '#graph'");
  js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  // One rank per member (before: all twenty on one rank), in the cut's order.
  json ys = js("Array.from(document.querySelectorAll('#graph-view g.node[data-module]')).map(g => "
               "[seam.data.modules[+g.dataset.module].name, Math.round(g.getBBox().y)])");
  ASSERT_EQ(ys.size(), static_cast<size_t>(kModules)) << ys.dump();
  std::map<std::string, int> y;
  for (const json& p : ys) y[p[0].get<std::string>()] = p[1].get<int>();
  for (int i = 0; i + 1 < kModules; ++i) EXPECT_LT(y[mod(i)], y[mod(i + 1)]) << mod(i) << " above " << mod(i + 1);
  // The cut edges are the ones marked so, and they point up.
  json cut = js("Array.from(document.querySelectorAll('#graph-view g.edge.cut')).map(g => "
                "[seam.data.modules[+g.dataset.from].name, seam.data.modules[+g.dataset.to].name])");
  std::set<std::string> got;
  for (const json& e : cut) {
    const std::string from = e[0], to = e[1];
    got.insert(from + ">" + to);
    EXPECT_GT(y[from], y[to]) << from << " -> " << to << " points up";
  }
  EXPECT_EQ(got, back_edges()) << cut.dump();
  browser_->screenshot(build_path("twenty-module-tangle-graph.png"));
}

} // namespace
} // namespace seam
