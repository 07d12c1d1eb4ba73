// seam init's pieces on hand-built input: the starter config (levels as layers,
// today's dependencies as may_depend_on, accepted by the config reader), modules
// from CMake targets, and the CMake File API reply reader on a hand-written reply.
#include "analyzers/core/paths.h"
#include "analyzers/init/cmake_targets.h"
#include "analyzers/init/starter_config.h"
#include "analyzers/rules/rules.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace seam {
namespace {

using test::TuBuilder;

Project project_of(TuBuilder& t, const std::vector<std::string>& names) {
  Config cfg;
  cfg.root = "/p";
  for (const std::string& n : names) {
    ModuleDecl d;
    d.name = n;
    d.paths = {"src/" + n + "/**"};
    cfg.modules.push_back(d);
  }
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), cfg, p, errors, warnings));
  return p;
}

TEST(StarterConfig, LevelsBecomeLayersAndTodaysDependenciesMayDependOn) {
  TuBuilder t;
  t.ref("src/app/a.cpp", 1, "svc::f", "src/svc/s.cpp");
  t.ref("src/app/a.cpp", 2, "base::f", "src/base/b.cpp");
  t.ref("src/svc/s.cpp", 1, "x::f", "src/x/x.cpp");
  t.ref("src/x/x.cpp", 1, "svc::g", "src/svc/s.cpp"); // svc <-> x: one level
  t.ref("src/x/x.cpp", 2, "base::f", "src/base/b.cpp");
  t.file("src/tools/gen.cpp");
  Project p = project_of(t, {"app", "base", "svc", "x"});
  ModuleGraph g = build_module_graph(p);
  EXPECT_EQ(module_levels(g), (std::vector<uint32_t>{3, 1, 2, 2})); // app, base, svc, x
  StarterOptions so;
  so.source = "the test";
  std::string text = starter_config(p, g, so);
  EXPECT_EQ(text,
            "// seam.json written by `seam init` from the test.\n"
            "// It declares the architecture the code has today, so `seam check` passes except for\n"
            "// cycles. Then tighten it: merge and name the layers, drop the \"may_depend_on\" entries\n"
            "// you want gone, add \"public\" header globs, mark a module \"extract\": true.\n"
            "// Reference: docs/config.md; the gate: docs/check.md.\n"
            "{\n"
            "  // Top first, from levelization: a module is one level above the highest module it\n"
            "  // uses (the modules of a cycle share one). A module may depend on its own layer and lower.\n"
            "  \"layers\": [\"level3\", \"level2\", \"level1\"],\n"
            "  \"modules\": [\n"
            "    // A cycle (seam check reports it until it is broken): svc, x.\n"
            "    // 1 project file belongs to no module (src/tools/gen.cpp): add it to a module or to \"exclude\".\n"
            "    {\"name\": \"app\", \"paths\": [\"src/app/**\"], \"layer\": \"level3\",\n"
            "     \"may_depend_on\": [\"base\", \"svc\"]},\n"
            "    {\"name\": \"svc\", \"paths\": [\"src/svc/**\"], \"layer\": \"level2\",\n"
            "     \"may_depend_on\": [\"x\"]},\n"
            "    {\"name\": \"x\", \"paths\": [\"src/x/**\"], \"layer\": \"level2\",\n"
            "     \"may_depend_on\": [\"base\", \"svc\"]},\n"
            "    {\"name\": \"base\", \"paths\": [\"src/base/**\"], \"layer\": \"level1\",\n"
            "     \"may_depend_on\": []}\n"
            "  ],\n"
            "  \"baseline\": \"seam-baseline.json\"\n"
            "}\n");

  // The reader accepts it, and with it the rules report only the cycle.
  Config cfg;
  std::vector<ConfigError> errors;
  ASSERT_TRUE(parse_config(text, "seam.json", cfg, errors)) << errors[0].format();
  TuBuilder again;
  again.ref("src/app/a.cpp", 1, "svc::f", "src/svc/s.cpp");
  again.ref("src/app/a.cpp", 2, "base::f", "src/base/b.cpp");
  again.ref("src/svc/s.cpp", 1, "x::f", "src/x/x.cpp");
  again.ref("src/x/x.cpp", 1, "svc::g", "src/svc/s.cpp");
  again.ref("src/x/x.cpp", 2, "base::f", "src/base/b.cpp");
  std::vector<TuFacts> tus{std::move(again.tu)};
  Project q;
  std::vector<std::string> e, w;
  ASSERT_TRUE(build_project(std::move(tus), cfg, q, e, w));
  RuleResult r = evaluate_rules(q, build_module_graph(q), {});
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].rule, "cycle");
}

TEST(StarterConfig, LongListsWrapAndNamesAreJsonEscaped) {
  TuBuilder t;
  std::vector<std::string> names = {"app"};
  for (int i = 0; i < 12; ++i) {
    std::string n = "module_number_" + std::to_string(10 + i);
    names.push_back(n);
    t.ref("src/app/a.cpp", 1 + i, n + "::f", "src/" + n + "/m.cpp");
  }
  names.push_back("we\"ird");
  t.ref("src/app/a.cpp", 40, "w::f", "src/we\"ird/m.cpp");
  Project p = project_of(t, names);
  std::string text = starter_config(p, build_module_graph(p), {});
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("//", 0) != 0 && line.find("// ") == std::string::npos) {
      EXPECT_LE(line.size(), 100u) << line;
    }
  }
  EXPECT_NE(text.find("\"we\\\"ird\""), std::string::npos);
  Config cfg;
  std::vector<ConfigError> errors;
  ASSERT_TRUE(parse_config(text, "seam.json", cfg, errors)) << errors[0].format();
  EXPECT_EQ(cfg.find_module("app")->may_depend_on->size(), 13u);
}

TEST(CMakeTargets, ASharedFolderGivesStemGlobsAnOwnFolderGivesItsTree) {
  std::vector<CMakeTarget> targets = {
      {"api", "STATIC_LIBRARY", {"src/api/storefront.cpp"}},
      {"common", "STATIC_LIBRARY", {"src/common/a.cpp", "src/common/b.cpp"}},
      {"shop", "EXECUTABLE", {"src/api/main.cpp", "src/common/a.cpp"}}, // a.cpp stays with common
      {"users", "STATIC_LIBRARY", {"src/users/internal/store.cpp", "src/users/u.cpp"}},
  };
  Config c = config_from_targets(targets, "/p");
  ASSERT_EQ(c.modules.size(), 4u);
  EXPECT_EQ(c.modules[0].paths, std::vector<std::string>{"src/api/storefront.*"});
  EXPECT_EQ(c.modules[1].paths, std::vector<std::string>{"src/common/**"});
  EXPECT_EQ(c.modules[2].name, "shop");
  EXPECT_EQ(c.modules[2].paths, std::vector<std::string>{"src/api/main.*"});
  EXPECT_EQ(c.modules[3].paths, std::vector<std::string>{"src/users/**"});
}

TEST(CMakeTargets, ReadsTheFileApiReply) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("seam-init-test-" + std::to_string(getpid()));
  fs::remove_all(base);
  fs::path reply = base / "build/.cmake/api/v1/reply";
  fs::create_directories(reply);
  fs::create_directories(base / "src/lib");
  std::ofstream(base / "src/lib/lib.cpp") << "\n";
  const std::string root = canonical_path(base.string());
  EXPECT_FALSE(has_cmake_reply((base / "build").string()));
  std::vector<CMakeTarget> targets;
  std::string err;
  EXPECT_FALSE(read_cmake_targets((base / "build").string(), root, targets, err));
  EXPECT_NE(err.find(".cmake/api/v1/query/codemodel-v2"), std::string::npos) << err;

  std::ofstream(reply / "index-2020-01-01T00-00-00-0000.json") << R"({"objects": []})";
  std::ofstream(reply / "index-2024-01-01T00-00-00-0000.json")
      << R"({"objects": [{"kind": "cache", "jsonFile": "c.json"}, {"kind": "codemodel", "jsonFile": "cm.json"}]})";
  std::ofstream(reply / "cm.json") << R"({"paths": {"source": ")" + root + R"(", "build": "x"},
    "configurations": [{"name": "Debug", "targets": [
      {"name": "lib", "jsonFile": "t-lib.json"}, {"name": "gen", "jsonFile": "t-gen.json"}]}]})";
  std::ofstream(reply / "t-lib.json") << R"({"name": "lib", "type": "STATIC_LIBRARY", "sources": [
      {"path": "src/lib/lib.cpp"}, {"path": "/usr/src/outside.cpp"}, {"path": "gen/x.cpp", "isGenerated": true}]})";
  std::ofstream(reply / "t-gen.json") << R"({"name": "gen", "type": "UTILITY", "sources": []})";
  EXPECT_TRUE(has_cmake_reply((base / "build").string()));
  ASSERT_TRUE(read_cmake_targets((base / "build").string(), root, targets, err)) << err;
  ASSERT_EQ(targets.size(), 1u); // gen has no source in the project
  EXPECT_EQ(targets[0].name, "lib");
  EXPECT_EQ(targets[0].type, "STATIC_LIBRARY");
  EXPECT_EQ(targets[0].sources, std::vector<std::string>{"src/lib/lib.cpp"});

  std::ofstream(reply / "t-lib.json") << "{not json";
  EXPECT_FALSE(read_cmake_targets((base / "build").string(), root, targets, err));
  EXPECT_NE(err.find("t-lib.json: not valid JSON"), std::string::npos) << err;
  fs::remove_all(base);
}

} // namespace
} // namespace seam
