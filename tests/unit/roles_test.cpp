// Roles (docs/config.md, "Roles"): "role" per module and per layer in
// seam.json with its errors; test modules left out of the Project unless
// --include-tests; roles inferred when none is declared; libraries taken
// along by candidates; global state charged from every side.
#include "analyzers/candidates/candidates.h"
#include "analyzers/config/config.h"
#include "analyzers/core/paths.h"
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/init/header_placement.h"
#include "analyzers/init/starter_config.h"
#include "analyzers/init/vendored.h"
#include "analyzers/metrics/module_metrics.h"
#include "analyzers/model/test_files.h"
#include "analyzers/roles/library_roles.h"
#include "support/annotated.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace seam {
namespace {

using test::TuBuilder;
using Errors = std::vector<std::string>;

Errors errors_of(const std::string& text, Config* out = nullptr) {
  Config config;
  std::vector<ConfigError> errors;
  parse_config(text, "seam.json", config, errors);
  Errors formatted;
  for (const ConfigError& e : errors) formatted.push_back(e.format());
  if (out) *out = config;
  return formatted;
}

std::string at(const test::Annotated& a, const std::string& name, const std::string& message) {
  auto [line, column] = a.point(name);
  return "seam.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

// --- seam.json

TEST(RolesConfig, ModuleRoleLayerRoleAndTheDefault) {
  Config c;
  ASSERT_EQ(errors_of(R"({
    "layers": ["app", {"name": "base", "role": "library"}],
    "modules": [
      {"name": "a", "paths": ["src/a/**"], "layer": "app"},
      {"name": "b", "paths": ["src/b/**"], "layer": "base"},
      {"name": "c", "paths": ["src/c/**"], "layer": "base", "role": "service"},
      {"name": "t", "paths": ["tests/**"], "role": "test"}
    ]})", &c),
            Errors{});
  EXPECT_EQ(c.layers, (std::vector<std::string>{"app", "base"}));
  ASSERT_EQ(c.layer_roles.size(), 2u);
  EXPECT_FALSE(c.layer_roles[0]);
  EXPECT_EQ(c.layer_roles[1], ModuleRole::Library);
  EXPECT_TRUE(c.roles_declared);
  EXPECT_EQ(c.role_of(*c.find_module("a")), ModuleRole::Service); // default
  EXPECT_EQ(c.role_of(*c.find_module("b")), ModuleRole::Library); // from its layer
  EXPECT_EQ(c.role_of(*c.find_module("c")), ModuleRole::Service); // its own role wins
  EXPECT_EQ(c.role_of(*c.find_module("t")), ModuleRole::Test);
}

TEST(RolesConfig, NoRoleAnywhereMeansInferred) {
  Config c;
  ASSERT_EQ(errors_of(R"({"layers": ["x"], "modules": [{"name": "a", "paths": ["a/**"], "layer": "x"}]})", &c),
            Errors{});
  EXPECT_FALSE(c.roles_declared);
  EXPECT_EQ(c.layer_roles.size(), 1u);
}

TEST(RolesConfig, ErrorsNameTheLineAndWhatToWrite) {
  test::Annotated a(R"({
  "layers": [{"name": "base", "role": $lrole^"libary"}, $nameless^{"role": "test"}, $num^3,
             {"name": "edge", $key^"rol": "service"}],
  "modules": [
    {"name": "a", "paths": ["a/**"], "role": $typo^"servise"},
    {"name": "b", "paths": ["b/**"], "role": $type^true},
    {"name": "c", "paths": ["c/**"], "role": $far^"daemon"}
  ]})");
  EXPECT_EQ(errors_of(a.text()),
            (Errors{
                at(a, "lrole", "unknown role \"libary\" of layer \"base\"; did you mean \"library\"?"),
                at(a, "nameless", "a layer object has no \"name\"; write {\"name\": \"base\", \"role\": \"library\"}"),
                at(a, "num", "\"layers\" must be an array of layer names (or {\"name\", \"role\"} objects); found a number"),
                at(a, "key", "unknown key \"rol\" in layer \"edge\"; did you mean \"role\"?"),
                at(a, "typo", "unknown role \"servise\" in module \"a\"; did you mean \"service\"?"),
                at(a, "type", "\"role\" in module \"b\" must be a string: service, library or test; found true or false"),
                at(a, "far", "unknown role \"daemon\" in module \"c\"; use service, library or test"),
            }));
}

TEST(RolesConfig, IsTestPath) {
  EXPECT_TRUE(is_test_path("db/db_test.cc"));
  EXPECT_TRUE(is_test_path("util/env_tests.cpp"));
  EXPECT_TRUE(is_test_path("src/test_main.cpp"));
  EXPECT_TRUE(is_test_path("src/test/util/setup.h"));
  EXPECT_TRUE(is_test_path("tests/fixture.h"));
  EXPECT_FALSE(is_test_path("src/testing.cpp"));
  EXPECT_FALSE(is_test_path("src/latest/x.cpp"));
  EXPECT_FALSE(is_test_path("db/contest.cc"));
  EXPECT_FALSE(is_test_path("src/attest_test/x.cc")); // a folder name is not a file name
  for (const char* path : {"db/db_test.cc", "util/env_tests.cpp", "src/test_main.cpp", "src/test/util/setup.h",
                           "tests/fixture.h", "src/testing.cpp", "db/contest.cc"}) {
    bool by_glob = false;
    for (const std::string& g : test_file_globs()) by_glob |= glob_match(g, path);
    EXPECT_EQ(by_glob, is_test_path(path)) << path;
  }
}

// --- the Project without (and with) test modules

/// core <-> util (a cycle), tests/ -> core and util, db/db_test.cc (in core's
/// folder) -> util. Declared: core, util, and "tests" with role test.
TuFacts with_tests() {
  TuBuilder t;
  t.tu.main_file = "src/core/core.cpp";
  t.symbol("core::run", "src/core/core.cpp");
  t.symbol("util::log", "src/util/util.cpp");
  t.symbol("tests::case1", "tests/core_check.cpp");
  t.ref("src/core/core.cpp", 3, "util::log", "src/util/util.cpp");
  t.ref("tests/core_check.cpp", 5, "core::run", "src/core/core.cpp");
  t.ref("tests/core_check.cpp", 6, "util::log", "src/util/util.cpp");
  t.ref("src/core/core_test.cpp", 7, "util::log", "src/util/util.cpp");
  t.ref("src/core/core_test.cpp", 8, "core::run", "src/core/core.cpp");
  t.include("tests/core_check.cpp", 1, "src/core/core.h");
  return std::move(t.tu);
}

Config declared_tests(bool include) {
  Config c = test::src_modules({"core", "util"});
  ModuleDecl t;
  t.name = "tests";
  t.paths = {"tests/**", "**/*_test.cpp"};
  t.role = ModuleRole::Test;
  c.modules.push_back(t);
  c.roles_declared = true;
  c.include_tests = include;
  return c;
}

TEST(RolesProject, TestModulesAndTheirEdgesAreLeftOut) {
  Project p;
  ASSERT_TRUE(test::build_from(with_tests(), declared_tests(false), p));
  ASSERT_EQ(p.modules.size(), 2u);
  EXPECT_EQ(p.find_module("tests"), kNoModule);
  EXPECT_EQ(p.tests_left_out, std::vector<std::string>{"tests"});
  // tests/core_check.cpp and src/core/core_test.cpp (the test glob wins over core's).
  EXPECT_EQ(p.test_files_left_out, 2u);
  EXPECT_TRUE(p.unowned.empty()); // left out, not unowned
  EXPECT_EQ(p.files[p.file_index.at("src/core/core_test.cpp")].module, kNoModule);
  ModuleGraph g = build_module_graph(p);
  ASSERT_EQ(g.edges.size(), 1u); // core -> util only
  EXPECT_EQ(p.module_name(g.edges[0].from), "core");
  EXPECT_EQ(g.edges[0].refs.size(), 1u); // core_test.cpp's call is not core's
  Metrics m = compute_metrics(p, g);
  EXPECT_EQ(m.modules[p.find_module("util")].afferent, 1u);

  Project all;
  ASSERT_TRUE(test::build_from(with_tests(), declared_tests(true), all));
  ASSERT_EQ(all.modules.size(), 3u);
  const ModuleId tests = all.find_module("tests");
  ASSERT_NE(tests, kNoModule);
  EXPECT_EQ(all.modules[tests].role, ModuleRole::Test);
  EXPECT_EQ(all.modules[tests].files.size(), 2u);
  EXPECT_TRUE(all.tests_left_out.empty());
  ModuleGraph ga = build_module_graph(all);
  EXPECT_EQ(ga.edges.size(), 3u); // core -> util, tests -> core, tests -> util
  EXPECT_EQ(compute_metrics(all, ga).modules[all.find_module("util")].afferent, 2u);
}

TEST(RolesProject, ATestModuleInACycleLeavesTheCycle) {
  TuBuilder t;
  t.tu.main_file = "src/core/core.cpp";
  t.symbol("core::run", "src/core/core.cpp");
  t.symbol("harness::hook", "src/harness/hook.cpp");
  t.ref("src/core/core.cpp", 3, "harness::hook", "src/harness/hook.cpp");
  t.ref("src/harness/hook.cpp", 4, "core::run", "src/core/core.cpp");
  TuFacts facts = t.tu;
  Config c = test::src_modules({"core", "harness"});
  c.modules[1].role = ModuleRole::Test;
  c.roles_declared = true;
  Project p;
  ASSERT_TRUE(test::build_from(std::move(facts), c, p));
  EXPECT_TRUE(find_cycles(build_module_graph(p).successors()).empty());
  c.include_tests = true;
  Project all;
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, all));
  EXPECT_EQ(find_cycles(build_module_graph(all).successors()).size(), 1u);
}

TEST(RolesProject, WithoutDeclaredRolesTestFilesAreInferred) {
  // Folders as modules, no role anywhere: tests/ is all tests (a test module),
  // core's core_test.cpp joins the inferred test module "tests".
  Config c = test::src_modules({"core", "util"});
  ModuleDecl tests;
  tests.name = "checks";
  tests.paths = {"tests/**"};
  c.modules.push_back(tests);
  Project p;
  ASSERT_TRUE(test::build_from(with_tests(), c, p));
  EXPECT_EQ(p.tests_left_out, (std::vector<std::string>{"checks", "tests"}));
  EXPECT_EQ(p.test_files_left_out, 2u);
  c.include_tests = true;
  Project all;
  ASSERT_TRUE(test::build_from(with_tests(), c, all));
  ASSERT_NE(all.find_module("tests"), kNoModule);
  EXPECT_EQ(all.modules[all.find_module("tests")].role, ModuleRole::Test);
  EXPECT_EQ(all.modules[all.find_module("tests")].files.size(), 1u); // src/core/core_test.cpp
  EXPECT_EQ(all.modules[all.find_module("checks")].role, ModuleRole::Test);
}

} // namespace
} // namespace seam

namespace seam {
namespace {

// --- candidates: libraries taken along, global state from every side

const Assessment& find(const Ranking& r, const std::string& name) {
  for (const Assessment& a : r.modules)
    if (a.name == name) return a;
  throw std::runtime_error("no module " + name);
}

bool has_global_blocker(const Assessment& a, const Project& p, const std::string& symbol) {
  return std::any_of(a.blockers.begin(), a.blockers.end(), [&](const Blocker& b) {
    return b.kind == BlockerKind::GlobalState && p.symbols[b.symbol].name == symbol;
  });
}

/// The small monolith of issue 14: `common` (ids, logging, a config struct)
/// owns the mutable global common::config; billing writes it, pricing and
/// dispatch read it. billing and dispatch call pricing; everyone logs through
/// common, and billing hands common::log to pricing::on_change as a callback.
Project small_monolith(bool common_is_library) {
  TuBuilder t;
  t.tu.main_file = "src/billing/billing.cpp";
  auto sym = [&](const std::string& name, const std::string& file, SymbolKind k) -> SymbolFact& {
    return t.tu.symbols[t.symbol(name, file, k)];
  };
  sym("common::config", "src/common/config.cpp", SymbolKind::Variable).mutable_global = true;
  sym("common::Id", "src/common/ids.h", SymbolKind::Struct).is_aggregate = true;
  sym("common::log", "src/common/log.cpp", SymbolKind::Function);
  sym("pricing::quote", "src/pricing/pricing.cpp", SymbolKind::Function);
  sym("billing::charge", "src/billing/billing.cpp", SymbolKind::Function);
  sym("dispatch::ship", "src/dispatch/dispatch.cpp", SymbolKind::Function);
  t.ref("src/billing/billing.cpp", 10, "common::config", "", RefKind::Write);
  t.ref("src/billing/billing.cpp", 11, "common::log", "", RefKind::Call);
  t.ref("src/billing/billing.cpp", 12, "common::log", "", RefKind::AddressOf);
  t.ref("src/billing/billing.cpp", 13, "pricing::quote", "", RefKind::Call);
  t.ref("src/billing/billing.cpp", 14, "common::Id", "", RefKind::TypeUse);
  t.ref("src/pricing/pricing.cpp", 5, "common::config", "", RefKind::Read);
  t.ref("src/pricing/pricing.cpp", 6, "common::log", "", RefKind::Call);
  t.ref("src/dispatch/dispatch.cpp", 6, "common::config", "", RefKind::Read);
  t.ref("src/dispatch/dispatch.cpp", 7, "pricing::quote", "", RefKind::Call);
  t.ref("src/dispatch/dispatch.cpp", 8, "common::log", "", RefKind::Call);
  t.ref("src/api/main.cpp", 3, "billing::charge", "", RefKind::Call);
  t.ref("src/api/main.cpp", 4, "dispatch::ship", "", RefKind::Call);
  Config c = test::src_modules({"api", "billing", "common", "dispatch", "pricing"});
  if (common_is_library) {
    c.modules[2].role = ModuleRole::Library;
    c.roles_declared = true;
  }
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), c, p));
  return p;
}

TEST(RolesCandidates, TheMutableGlobalOfCommonIsChargedToAllFour) {
  for (bool library : {false, true}) {
    SCOPED_TRACE(library ? "common declared a library" : "common a service");
    Project p = small_monolith(library);
    CandidateContext ctx(p);
    Ranking r = rank_modules(ctx);
    for (const char* m : {"common", "billing", "pricing", "dispatch"})
      EXPECT_TRUE(has_global_blocker(find(r, m), p, "common::config")) << m;
    EXPECT_FALSE(has_global_blocker(find(r, "api"), p, "common::config"));
  }
  Project p = small_monolith(true);
  CandidateContext ctx(p);
  Assessment common = assess(ctx, {p.find_module("common")});
  ASSERT_EQ(common.blockers.size(), 1u);
  EXPECT_EQ(p.where(common.blockers[0].site), "src/common/config.cpp:1:1"); // its definition
  EXPECT_EQ(common.blockers[0].detail,
            "owns mutable global, written by billing (src/billing/billing.cpp:10:5), read by dispatch "
            "(src/dispatch/dispatch.cpp:6:5), read by pricing (src/pricing/pricing.cpp:5:5): two processes cannot "
            "share it");
  Assessment pricing = assess(ctx, {p.find_module("pricing")});
  ASSERT_TRUE(has_global_blocker(pricing, p, "common::config"));
  EXPECT_EQ(pricing.blockers[0].partners,
            (std::vector<ModuleId>{p.find_module("billing"), p.find_module("common"), p.find_module("dispatch")}));
}

TEST(RolesCandidates, ALibraryIsTakenAlongNeverRankedAndNotABlockerOfItsUsers) {
  Project p = small_monolith(true);
  CandidateContext ctx(p);
  const ModuleId common = p.find_module("common");
  EXPECT_TRUE(ctx.shared_kernel(common));
  EXPECT_EQ(ctx.fixed_role(common), Role::Library);
  Ranking r = rank_modules(ctx);
  for (size_t i = 0; i < r.modules.size(); ++i)
    if (r.modules[i].name == "common") {
      EXPECT_EQ(r.rank[i], 0u);
      EXPECT_EQ(r.modules[i].role, Role::Library);
      EXPECT_EQ(std::string(to_string(r.modules[i].role)), "library");
      ASSERT_FALSE(r.modules[i].reasons.empty());
      EXPECT_EQ(r.modules[i].reasons[0],
                "library (seam.json: \"role\": \"library\"): taken along into every service that uses it; calls "
                "into it stay local");
    }
  const Assessment& billing = find(r, "billing");
  // Its calls into common stay local; only pricing is remote.
  for (const DependencyUse& d : billing.dependencies)
    EXPECT_EQ(d.library, d.module == common) << p.module_name(d.module);
  ASSERT_EQ(billing.remote_out.size(), 1u);
  EXPECT_EQ(p.symbols[p.refs[billing.remote_out[0]].target].name, "pricing::quote");
  // Taking the address of common::log is no callback blocker: common comes along.
  for (const Blocker& b : billing.blockers) EXPECT_NE(b.kind, BlockerKind::Callback) << b.detail;

  // As a service, common was a candidate and billing's callback into it a blocker.
  Project q = small_monolith(false);
  CandidateContext qctx(q);
  Ranking qr = rank_modules(qctx);
  EXPECT_EQ(find(qr, "common").role, Role::Candidate);
  const Assessment& qb = find(qr, "billing");
  EXPECT_TRUE(std::any_of(qb.blockers.begin(), qb.blockers.end(),
                          [](const Blocker& b) { return b.kind == BlockerKind::Callback; }));
}

TEST(RolesCandidates, StateInsideALibraryThatTwoServicesUseBlocksBoth) {
  // cache::table is written only by cache::put, inside the library; a and b call put.
  TuBuilder t;
  t.tu.main_file = "src/a/a.cpp";
  t.tu.symbols[t.symbol("cache::table", "src/cache/cache.cpp", SymbolKind::Variable)].mutable_global = true;
  t.symbol("cache::put", "src/cache/cache.cpp");
  t.ref("src/cache/cache.cpp", 9, "cache::table", "", RefKind::Write);
  t.ref("src/a/a.cpp", 3, "cache::put", "", RefKind::Call);
  t.ref("src/b/b.cpp", 4, "cache::put", "", RefKind::Call);
  Config c = test::src_modules({"a", "b", "cache"});
  c.modules[2].role = ModuleRole::Library;
  c.roles_declared = true;
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  CandidateContext ctx(p);
  Assessment a = assess(ctx, {p.find_module("a")});
  ASSERT_EQ(a.blockers.size(), 1u);
  EXPECT_EQ(a.blockers[0].detail,
            "mutable global of library cache, which is taken along into this service and into b: each process "
            "would hold its own copy");
  EXPECT_EQ(a.blockers[0].partners, std::vector<ModuleId>{p.find_module("b")});
  EXPECT_TRUE(has_global_blocker(assess(ctx, {p.find_module("b")}), p, "cache::table"));
  EXPECT_TRUE(has_global_blocker(assess(ctx, {p.find_module("cache")}), p, "cache::table"));
  // With one user there is one copy: no blocker.
  Assessment together = assess(ctx, {p.find_module("a"), p.find_module("b")});
  EXPECT_FALSE(has_global_blocker(together, p, "cache::table"));
}

TEST(RolesInference, ALeafWithoutStateOrVirtualsUsedByOthersIsALibrary) {
  Project p = small_monolith(false);
  // common owns a mutable global: by the rule it is no library.
  infer_library_roles(p);
  EXPECT_EQ(p.modules[p.find_module("common")].role, ModuleRole::Service);

  TuBuilder t;
  t.tu.main_file = "src/a/a.cpp";
  t.symbol("util::fmt", "src/util/util.cpp");
  t.tu.symbols[t.symbol("shapes::Shape", "src/shapes/shape.h", SymbolKind::Class)].is_polymorphic = true;
  t.ref("src/a/a.cpp", 3, "util::fmt", "");
  t.ref("src/a/a.cpp", 4, "shapes::Shape", "", RefKind::TypeUse);
  Project q;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"a", "shapes", "util"}), q));
  infer_library_roles(q);
  EXPECT_EQ(q.modules[q.find_module("util")].role, ModuleRole::Library);
  EXPECT_EQ(q.modules[q.find_module("util")].role_reason,
            "inferred: it uses no other module, 1 module uses it, and it has no mutable global and no "
            "class with virtual functions");
  EXPECT_EQ(q.modules[q.find_module("shapes")].role, ModuleRole::Service); // a class with virtual functions
  EXPECT_EQ(q.modules[q.find_module("a")].role, ModuleRole::Service);      // uses others
  std::vector<std::string> notes = role_notes(q);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "no seam.json: inferred the roles, test: none; library: util; every other module is a service "
                      "(declare \"role\" per module or layer to decide, docs/config.md)");
}

} // namespace
} // namespace seam

namespace seam {
namespace {

// --- seam init's proposals

TEST(RolesInit, TestFilesInsideModulesGetGlobsBesideThem) {
  EXPECT_EQ(test_module_globs({"db/db_test.cc", "db/version_set_test.cc", "util/env_tests.cpp", "test_main.cpp",
                               "src/foo/test/helper.h", "src/foo/test/sub/x.cc"}),
            (std::vector<std::string>{"db/*_test.*", "src/foo/test/**", "test_*.*", "util/*_tests.*"}));
}

TEST(RolesInit, VendoredFoldersByName) {
  // An empty root: only names count (no .git or CMakeLists.txt to read).
  EXPECT_EQ(vendored_folders({"third_party/googletest/src/gtest.cc", "third_party/benchmark/b.cc", "db/db.cc",
                              "src/deps/zlib/inflate.c", "lib/vendor/x.h", "external.cc"},
                             ""),
            (std::vector<std::string>{"lib/vendor", "src/deps", "third_party"}));
}

TEST(RolesInit, HeadersNoTargetListsArePlacedByIncludeDirectoryThenByUse) {
  // include/kv/db.h: in kv's include directory. util/coding.h: no directory,
  // included twice by kv and once by tool. util/inline.h: included only by
  // util/coding.h (placed in round two). orphan.h: reached, included by no module.
  TuBuilder t;
  t.tu.main_file = "src/kv/db.cc";
  t.include("src/kv/db.cc", 1, "include/kv/db.h");
  t.include("src/kv/db.cc", 2, "util/coding.h");
  t.include("src/kv/table.cc", 1, "util/coding.h");
  t.include("src/tool/main.cc", 1, "util/coding.h");
  t.include("util/coding.h", 1, "util/inline.h");
  t.include("orphan.h", 1, "orphan2.h");
  t.symbol("util::Decode", "util/coding.h");
  t.ref("src/tool/main.cc", 5, "util::Decode", "");
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"kv", "tool"}), p));
  ASSERT_EQ(p.unowned.size(), 5u);
  CMakeTarget kv{"kv", "STATIC_LIBRARY", {"src/kv/db.cc"}, {"include"}};
  CMakeTarget tool{"tool", "EXECUTABLE", {"src/tool/main.cc"}, {}};
  HeaderPlacement hp = place_headers(p, {kv, tool});
  ASSERT_EQ(hp.placed.size(), 3u);
  EXPECT_EQ(hp.placed[0].header, "include/kv/db.h");
  EXPECT_EQ(hp.placed[0].why, "in an include directory only target kv has");
  EXPECT_EQ(hp.placed[1].header, "util/coding.h");
  EXPECT_EQ(hp.placed[1].module, "kv");
  EXPECT_EQ(hp.placed[1].why, "included most by kv (2 of 3 includes)");
  EXPECT_EQ(hp.placed[2].header, "util/inline.h");
  EXPECT_EQ(hp.placed[2].module, "kv");
  EXPECT_EQ(hp.unplaced, (std::vector<std::string>{"orphan.h", "orphan2.h"}));
  // The header's symbols moved with it: tool's use of util::Decode is an edge to kv now.
  const ModuleGraph g = build_module_graph(p);
  ASSERT_NE(g.find(p.find_module("tool"), p.find_module("kv")), nullptr);
  const ModuleDecl* d = p.config.find_module("kv");
  EXPECT_NE(std::find(d->paths.begin(), d->paths.end(), "util/coding.h"), d->paths.end());
}

TEST(RolesInit, TheStarterConfigDeclaresTheRolesAndReadsBack) {
  Config c = test::src_modules({"app", "checks", "util"});
  c.include_tests = true; // seam init keeps every module to declare it
  TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  t.ref("src/app/main.cpp", 1, "util::f", "src/util/u.cpp");
  t.ref("src/checks/test_app.cpp", 1, "util::f", "src/util/u.cpp");
  t.ref("src/util/u_test.cpp", 1, "util::f", "src/util/u.cpp");
  t.ref("src/util/u.cpp", 2, "checks::hook", "src/checks/test_hook.cpp"); // a cycle through a test module
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  std::vector<std::string> libs = library_reasons(p); // util uses only a test module
  for (ModuleId m = 0; m < static_cast<ModuleId>(p.modules.size()); ++m)
    if (!libs[m].empty()) {
      p.modules[m].role = ModuleRole::Library;
      p.modules[m].role_reason = libs[m];
    }
  const std::string text = starter_config(p, build_module_graph(p), {});
  Config back;
  std::vector<ConfigError> problems;
  ASSERT_TRUE(parse_config(text, "seam.json", back, problems)) << problems[0].format() << "\n" << text;
  EXPECT_TRUE(back.roles_declared);
  EXPECT_EQ(back.role_of(*back.find_module("util")), ModuleRole::Library);
  EXPECT_EQ(back.role_of(*back.find_module("checks")), ModuleRole::Test);
  EXPECT_EQ(back.role_of(*back.find_module("tests")), ModuleRole::Test);
  EXPECT_EQ(back.find_module("tests")->paths, std::vector<std::string>{"src/util/*_test.*"});
  EXPECT_EQ(back.role_of(*back.find_module("app")), ModuleRole::Service);
  EXPECT_NE(text.find("    // test: all its files are test files"), std::string::npos) << text;
  EXPECT_NE(text.find("    // library: it uses no other module, 1 module uses it"), std::string::npos) << text;
  EXPECT_EQ(text.find("A cycle"), std::string::npos) << text; // checks <-> util is not one seam check reports
}

} // namespace
} // namespace seam
