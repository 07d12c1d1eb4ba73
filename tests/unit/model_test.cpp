// The model from hand-built facts: merging TUs (headers counted once), module
// mapping from globs, ownership, and the module graph built from it.
#include "analyzers/core/paths.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/graph/unit_graph.h"
#include "analyzers/init/infer_config.h"
#include "analyzers/model/model.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::TuBuilder;

Config two_modules() {
  Config c;
  c.root = "/p";
  c.layers = {"top", "base"};
  ModuleDecl a;
  a.name = "app";
  a.paths = {"src/app/**"};
  a.layer = "top";
  ModuleDecl b;
  b.name = "lib";
  b.paths = {"src/lib/**"};
  b.layer = "base";
  c.modules = {b, a}; // unsorted on purpose
  return c;
}

TEST(Model, HeadersSeenByManyTusCountOnceAndEdgesCarryKindsAndSites) {
  std::vector<TuFacts> tus;
  for (const char* main : {"src/app/a.cpp", "src/app/b.cpp"}) {
    TuBuilder t;
    t.tu.main_file = main;
    t.file(main);
    t.include(main, 1, "src/lib/lib.h");
    // The header's own reference is seen by both TUs: it must count once.
    t.ref("src/lib/lib.h", 3, "lib::helper", "src/lib/lib.cpp");
    t.ref(main, 5, "lib::run", "src/lib/lib.cpp");
    t.ref(main, 6, "lib::Config", "src/lib/lib.h", RefKind::TypeUse);
    t.include("src/lib/lib.h", 1, "/usr/include/c++/12/vector");
    t.tu.includes.back().angled = true;
    t.tu.includes.back().spelled = "vector";
    tus.push_back(std::move(t.tu));
  }
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), two_modules(), p, errors, warnings));
  ASSERT_EQ(p.modules.size(), 2u);
  EXPECT_EQ(p.modules[0].name, "app");
  EXPECT_EQ(p.modules[1].name, "lib");
  EXPECT_EQ(p.modules[0].layer, 0);
  EXPECT_EQ(p.refs.size(), 5u); // helper once, run twice, Config twice
  EXPECT_EQ(p.includes.size(), 3u);
  EXPECT_EQ(p.files.size(), 5u);
  // Files are sorted by path and mapped to modules.
  EXPECT_EQ(p.files[0].path, "/usr/include/c++/12/vector");
  EXPECT_TRUE(p.files[0].external);
  EXPECT_EQ(p.files[p.file_index.at("src/lib/lib.h")].module, p.find_module("lib"));
  // The symbol lib::run is owned by lib.
  EXPECT_EQ(p.symbols[p.symbol_index.at("u:lib::run")].module, p.find_module("lib"));

  ModuleGraph g = build_module_graph(p);
  ASSERT_EQ(g.edges.size(), 1u);
  const ModuleEdge& e = g.edges[0];
  EXPECT_EQ(p.module_name(e.from), "app");
  EXPECT_EQ(p.module_name(e.to), "lib");
  EXPECT_EQ(e.kinds[static_cast<int>(RefKind::Call)], 2u);
  EXPECT_EQ(e.kinds[static_cast<int>(RefKind::TypeUse)], 2u);
  EXPECT_EQ(e.include_count, 2u);
  EXPECT_EQ(e.weight, 6u);
  EXPECT_EQ(e.refs.size(), 4u);
  for (uint32_t r : e.refs) EXPECT_EQ(p.files[p.refs[r].site.file].module, p.find_module("app"));

  UnitGraph modules = build_unit_graph(p, GraphLevel::Module);
  auto ext = unit_external_dependencies(p, modules);
  ASSERT_EQ(ext.size(), 1u);
  EXPECT_EQ(modules.names[ext[0].node], "lib");
  EXPECT_EQ(ext[0].header, "<vector>");
}

TEST(Model, AReferenceKeepsItsKindLoopFlagAndReferencingSymbolThroughTheMerge) {
  // A merged reference packs its kind, loop flag and referencing symbol in
  // one word (model.h): each must come out as it went in, file scope included.
  TuBuilder t;
  t.tu.main_file = "src/app/a.cpp";
  const uint32_t caller = t.symbol("app::loop", "src/app/a.cpp");
  t.ref("src/app/a.cpp", 7, "lib::Friendly", "src/lib/lib.h", RefKind::Friend);
  t.tu.refs.back().from = caller;
  t.tu.refs.back().in_loop = true;
  t.ref("src/app/a.cpp", 2, "lib::Config", "src/lib/lib.h", RefKind::TypeUse); // file scope
  std::vector<TuFacts> tus;
  tus.push_back(std::move(t.tu));
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), two_modules(), p, errors, warnings));
  ASSERT_EQ(p.refs.size(), 2u);
  const Reference& at_scope = p.refs[0]; // line 2 sorts first
  const Reference& in_body = p.refs[1];
  EXPECT_EQ(at_scope.site.line, 2u);
  EXPECT_EQ(at_scope.from(), kNoSymbol);
  EXPECT_EQ(at_scope.kind, RefKind::TypeUse);
  EXPECT_FALSE(at_scope.in_loop);
  EXPECT_EQ(in_body.site.line, 7u);
  EXPECT_EQ(in_body.site.column, 5u);
  ASSERT_NE(in_body.from(), kNoSymbol);
  EXPECT_EQ(p.symbols[in_body.from()].name, "app::loop");
  EXPECT_EQ(p.symbols[in_body.target].name, "lib::Friendly");
  EXPECT_EQ(in_body.kind, RefKind::Friend);
  EXPECT_TRUE(in_body.in_loop);
}

TEST(Model, AFileInTwoModulesIsAConfigErrorNamingBoth) {
  TuBuilder t;
  t.file("src/app/x.cpp");
  std::vector<TuFacts> tus{std::move(t.tu)};
  Config c = two_modules();
  c.path = "seam.json";
  c.modules[0].paths.push_back("src/app/x.cpp");
  c.modules[0].path_pos = {{5, 17}, {5, 32}}; // lib's globs
  c.modules[1].path_pos = {{9, 17}};          // app's
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_FALSE(build_project(std::move(tus), c, p, errors, warnings));
  ASSERT_EQ(errors.size(), 1u);
  // The wording of `seam check` (config/module_globs.h): both globs, the file, what to do.
  EXPECT_EQ(errors[0], "seam.json:9:17: error: glob \"src/app/**\" of module \"app\" matches src/app/x.cpp, already "
                       "in module \"lib\" (by \"src/app/x.cpp\" at seam.json:5:32); a file belongs to one module: "
                       "narrow one module's \"paths\" or add the files to \"exclude\"");
}

/// An include as the preprocessor records it: `spelled` between the quotes, resolved to `to`.
void include_as(TuBuilder& t, const std::string& from, uint32_t line, const std::string& to, const std::string& spelled) {
  t.include(from, line, to);
  t.tu.includes.back().spelled = spelled;
}

std::string component_of(const Project& p, const std::string& path) {
  return p.files.at(p.file_index.at(path)).component;
}

ModuleDecl module_at(const std::string& name, std::vector<std::string> paths) {
  ModuleDecl d;
  d.name = name;
  d.paths = std::move(paths);
  return d;
}

TEST(Components, PublicIncludeTreeHeaderPairsWithItsOnlySourceInTheSameModule) {
  // rocksdb's layout: -Iinclude, include/rocksdb/cleanable.h beside memory/cleanable.cc.
  TuBuilder t;
  t.tu.main_file = "memory/cleanable.cc";
  include_as(t, "memory/cleanable.cc", 1, "include/rocksdb/cleanable.h", "rocksdb/cleanable.h");
  include_as(t, "memory/cleanable.cc", 2, "include/rocksdb/slice.h", "rocksdb/slice.h");
  include_as(t, "util/coding.cc", 1, "include/rocksdb/coding.h", "rocksdb/coding.h"); // util/coding.h beside: stays
  include_as(t, "util/coding.cc", 2, "util/coding.h", "util/coding.h");
  include_as(t, "db/c.cc", 1, "include/rocksdb/slice.h", "rocksdb/slice.h"); // another stem: stays
  include_as(t, "db/c.cc", 2, "/usr/include/c.h", "c.h");                     // external: never
  Project p;
  Config c;
  c.root = "/p";
  c.modules = {module_at("rocksdb", {"include/**", "memory/**", "util/**", "db/**"})};
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  EXPECT_EQ(component_of(p, "memory/cleanable.cc"), "include/rocksdb/cleanable");
  EXPECT_EQ(component_of(p, "include/rocksdb/cleanable.h"), "include/rocksdb/cleanable");
  EXPECT_EQ(component_of(p, "util/coding.cc"), "util/coding");
  EXPECT_EQ(component_of(p, "include/rocksdb/coding.h"), "include/rocksdb/coding");
  EXPECT_EQ(component_of(p, "db/c.cc"), "db/c");
  EXPECT_EQ(component_of(p, "include/rocksdb/slice.h"), "include/rocksdb/slice");
}

TEST(Components, PublicIncludeTreeHeaderOfAnotherModuleStaysApart) {
  TuBuilder t;
  include_as(t, "memory/cleanable.cc", 1, "include/rocksdb/cleanable.h", "rocksdb/cleanable.h");
  Project p;
  Config c;
  c.root = "/p";
  c.modules = {module_at("api", {"include/**"}), module_at("memory", {"memory/**"})};
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  EXPECT_EQ(component_of(p, "memory/cleanable.cc"), "memory/cleanable");
  EXPECT_EQ(component_of(p, "include/rocksdb/cleanable.h"), "include/rocksdb/cleanable");
}

TEST(Components, ASourceIncludingAHeaderOfItsStemElsewhereInTheSourceTreeStaysApart) {
  // bitcoin's layout with -Isrc and a module per folder: rpc/fees.cpp includes util/fees.h,
  // rpc/signmessage.cpp and wallet/rpc/signmessage.cpp include common/signmessage.h.
  TuBuilder t;
  include_as(t, "src/rpc/fees.cpp", 1, "src/util/fees.h", "util/fees.h");
  include_as(t, "src/util/fees.cpp", 1, "src/util/fees.h", "util/fees.h");
  include_as(t, "src/common/messages.cpp", 1, "src/common/messages.h", "common/messages.h");
  include_as(t, "src/common/messages.cpp", 2, "src/util/fees.h", "util/fees.h");
  include_as(t, "src/rpc/fees.cpp", 2, "src/common/messages.h", "common/messages.h");
  include_as(t, "src/rpc/signmessage.cpp", 1, "src/common/signmessage.h", "common/signmessage.h");
  include_as(t, "src/wallet/rpc/signmessage.cpp", 1, "src/common/signmessage.h", "common/signmessage.h");
  include_as(t, "src/common/signmessage.cpp", 1, "src/common/signmessage.h", "common/signmessage.h");
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"common", "rpc", "util", "wallet"}), p));
  EXPECT_EQ(component_of(p, "src/rpc/fees.cpp"), "src/rpc/fees");
  EXPECT_EQ(component_of(p, "src/util/fees.cpp"), "src/util/fees");
  EXPECT_EQ(component_of(p, "src/util/fees.h"), "src/util/fees");
  EXPECT_EQ(component_of(p, "src/rpc/signmessage.cpp"), "src/rpc/signmessage");
  EXPECT_EQ(component_of(p, "src/wallet/rpc/signmessage.cpp"), "src/wallet/rpc/signmessage");
  EXPECT_EQ(component_of(p, "src/common/signmessage.cpp"), "src/common/signmessage");
  EXPECT_EQ(component_of(p, "src/common/signmessage.h"), "src/common/signmessage");
  // Every component lies in one module.
  std::map<std::string, std::set<ModuleId>> modules;
  for (const File& f : p.files)
    if (!f.external) modules[f.component].insert(f.module);
  for (const auto& [component, in] : modules) EXPECT_EQ(in.size(), 1u) << component;
  // rpc/fees.cpp joining util/fees made the cycle common/messages -> util/fees -> common/messages.
  UnitGraph g = build_unit_graph(p, GraphLevel::Component);
  EXPECT_TRUE(find_cycles(g.successors()).empty());
  EXPECT_NE(g.edge(g.find("src/common/messages"), g.find("src/util/fees")), nullptr);
  EXPECT_NE(g.edge(g.find("src/rpc/fees"), g.find("src/common/messages")), nullptr);
}

TEST(Components, OneModuleWithoutAPublicTreeStillDoesNotPairAcrossSourceFolders) {
  // The same single source of its stem, but the header is reached through -Isrc, a root
  // that holds the source too: not a separate header tree, so not the convention.
  TuBuilder t;
  include_as(t, "src/app/rpc/fees.cpp", 1, "src/app/util/fees.h", "util/fees.h");
  Project p;
  ASSERT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app"}), p));
  EXPECT_EQ(component_of(p, "src/app/rpc/fees.cpp"), "src/app/rpc/fees");
  EXPECT_EQ(component_of(p, "src/app/util/fees.h"), "src/app/util/fees");
}

TEST(Components, ASecondSourceOfTheStemMakesThePublicHeaderPairingAmbiguous) {
  TuBuilder t;
  include_as(t, "memory/cleanable.cc", 1, "include/rocksdb/cleanable.h", "rocksdb/cleanable.h");
  include_as(t, "tools/cleanable.cc", 1, "include/rocksdb/cleanable.h", "rocksdb/cleanable.h");
  include_as(t, "util/env.cc", 1, "../include/rocksdb/env.h", "../include/rocksdb/env.h"); // not via a root
  t.tu.includes.back().included = t.file("include/rocksdb/env.h");
  Project p;
  Config c;
  c.root = "/p";
  c.modules = {module_at("rocksdb", {"include/**", "memory/**", "tools/**", "util/**"})};
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  EXPECT_EQ(component_of(p, "memory/cleanable.cc"), "memory/cleanable");
  EXPECT_EQ(component_of(p, "tools/cleanable.cc"), "tools/cleanable");
  EXPECT_EQ(component_of(p, "util/env.cc"), "util/env");
}

TEST(Components, AHeaderAndSourceOfOneFolderInTwoModulesAreTwoComponents) {
  TuBuilder t;
  include_as(t, "src/net/socket.cpp", 1, "src/net/socket.h", "socket.h");
  t.file("src/net/pool.h");
  t.file("src/net/pool.cpp");
  Project p;
  Config c;
  c.root = "/p";
  c.modules = {module_at("net", {"src/net/*.cpp", "src/net/pool.h"}), module_at("net-api", {"src/net/socket.h"})};
  ASSERT_TRUE(test::build_from(std::move(t.tu), c, p));
  EXPECT_EQ(component_of(p, "src/net/socket.cpp"), "src/net/socket.cpp");
  EXPECT_EQ(component_of(p, "src/net/socket.h"), "src/net/socket.h");
  EXPECT_EQ(component_of(p, "src/net/pool.cpp"), "src/net/pool"); // one module: one component
  EXPECT_EQ(component_of(p, "src/net/pool.h"), "src/net/pool");
}

TEST(Model, UnownedFilesAndGlobsMatchingNothingAreListed) {
  TuBuilder t;
  t.file("src/app/x.cpp");
  t.file("tools/gen.cpp");
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), two_modules(), p, errors, warnings));
  ASSERT_EQ(p.unowned.size(), 1u);
  EXPECT_EQ(p.files[p.unowned[0]].path, "tools/gen.cpp");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("glob \"src/lib/**\" of module 'lib' matches no file"), std::string::npos);
}

TEST(Model, InferredModulesAreTheFirstFolderLevelUnderTheCommonSourceFolder) {
  Config c = infer_config({"src/orders/a.cpp", "src/orders/internal/b.cpp", "src/users/u.cpp"}, "/p");
  EXPECT_TRUE(c.inferred);
  ASSERT_EQ(c.modules.size(), 2u);
  EXPECT_EQ(c.modules[0].name, "orders");
  EXPECT_EQ(c.modules[0].paths, std::vector<std::string>{"src/orders/**"});
  EXPECT_EQ(c.modules[1].name, "users");
}

std::vector<std::pair<std::string, std::vector<std::string>>> modules_of(const Config& c) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const ModuleDecl& m : c.modules) out.push_back({m.name, m.paths});
  return out;
}

using Modules = std::vector<std::pair<std::string, std::vector<std::string>>>;

TEST(Model, InferredModulesTakeInTheHeadersTheSourcesReachElsewhere) {
  // leveldb's layout: sources in db/, table/, util/; public headers in include/leveldb/.
  Config c = infer_config({"db/db_impl.cc", "table/block.cc", "util/coding.cc"},
                          {"db/db_impl.cc", "db/db_impl.h", "include/leveldb/db.h", "include/leveldb/env.h",
                           "port/port.h", "table/block.cc", "util/coding.cc"},
                          "/p");
  EXPECT_EQ(modules_of(c), (Modules{{"db", {"db/**"}},
                                    {"leveldb", {"include/leveldb/**"}},
                                    {"port", {"port/**"}},
                                    {"table", {"table/**"}},
                                    {"util", {"util/**"}}}));
}

TEST(Model, PublicHeadersJoinTheModuleOfTheirNameAndNoGlobsOverlap) {
  Config c = infer_config({"src/orders/a.cpp", "src/users/u.cpp", "src/main.cpp"},
                          {"include/orders/api.h",  // joins orders
                           "src/common/ids.h",      // header-only folder under the common folder
                           "src/config.h",          // beside main.cpp: the top module
                           "tools/gen/out.h",       // outside the common folder: its first level
                           "tools/include/users/x.h", "tools/t.h", "version.h"},
                          "/p");
  EXPECT_EQ(modules_of(c), (Modules{{"common", {"src/common/**"}},
                                    {"orders", {"include/orders/**", "src/orders/**"}},
                                    {"root", {"*"}},
                                    {"src", {"src/*"}},
                                    {"tools", {"tools/*", "tools/gen/*"}},
                                    {"users", {"src/users/**", "tools/include/users/**"}}}));
  // Every file lands in exactly one module.
  for (const char* f : {"include/orders/api.h", "src/common/ids.h", "src/config.h", "src/main.cpp", "tools/gen/out.h",
                        "tools/include/users/x.h", "tools/t.h", "version.h", "src/orders/a.cpp"}) {
    int n = 0;
    for (const ModuleDecl& m : c.modules)
      for (const std::string& g : m.paths) n += glob_match(g, f);
    EXPECT_EQ(n, 1) << f;
  }
}

TEST(Graph, CyclesAreStronglyConnectedComponents) {
  // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0
  std::vector<std::vector<uint32_t>> succ{{1}, {2}, {0}, {3}, {0}};
  auto cycles = find_cycles(succ);
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(cycles[0], (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(cycles[1], (std::vector<uint32_t>{3}));
}

} // namespace
} // namespace seam

#include "analyzers/model/interface.h"

namespace seam {
namespace {

TEST(Interface, IsTheSymbolsOtherModulesUseWithSitesAndClients) {
  TuBuilder t;
  t.ref("src/app/a.cpp", 3, "lib::run", "src/lib/lib.cpp");
  t.ref("src/app/a.cpp", 4, "lib::run", "src/lib/lib.cpp");
  t.tu.refs.back().in_loop = true;
  t.ref("src/app/a.cpp", 5, "lib::Config", "src/lib/lib.h", RefKind::TypeUse);
  t.ref("src/lib/lib.cpp", 9, "lib::internal", "src/lib/lib.cpp"); // inside lib: not interface
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), two_modules(), p, errors, warnings));
  auto iface = module_interface(p, p.find_module("lib"));
  ASSERT_EQ(iface.size(), 2u);
  EXPECT_EQ(p.symbols[iface[0].symbol].name, "lib::Config");
  EXPECT_EQ(p.symbols[iface[1].symbol].name, "lib::run");
  EXPECT_EQ(iface[1].sites, 2u);
  EXPECT_EQ(iface[1].call_sites, 2u);
  EXPECT_EQ(iface[1].loop_sites, 1u);
  EXPECT_EQ(iface[1].clients, std::vector<ModuleId>{p.find_module("app")});
  EXPECT_TRUE(module_interface(p, p.find_module("app")).empty());
}

} // namespace
} // namespace seam
