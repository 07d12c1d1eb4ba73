// Facts into the Project: the --strict policy for TUs that failed to parse,
// modules inferred without seam.json, --include-tests, and the notes that
// explain each, on hand-built facts.
#include "analyzers/pipeline/project_stage.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using pipeline::DiagnosticLog;
using pipeline::Level;

std::vector<TuFacts> one_ok_two_failed() {
  std::vector<TuFacts> tus(3);
  tus[0].main_file = "src/a/ok.cpp";
  tus[1].main_file = "src/b/bad.cpp";
  tus[1].ok = false;
  tus[1].first_error = "src/b/bad.cpp:3:1: unknown type name 'x'";
  tus[1].error_count = 3;
  tus[2].main_file = "src/a/also_bad.cpp";
  tus[2].ok = false;
  tus[2].first_error = "src/a/also_bad.cpp:1:10: 'gone.h' file not found";
  tus[2].error_count = 1;
  return tus;
}

TEST(PipelineParseFailures, WithoutStrictEachIsAWarningAndTheRunGoesOn) {
  DiagnosticLog log;
  auto failed = pipeline::parse_failures(one_ok_two_failed(), false, log.sink());
  ASSERT_TRUE(failed);
  EXPECT_EQ(*failed, 2u);
  EXPECT_EQ(log.texts(Level::Warning),
            (std::vector<std::string>{
                "failed to parse src/a/also_bad.cpp: src/a/also_bad.cpp:1:10: 'gone.h' file not found",
                "failed to parse src/b/bad.cpp: src/b/bad.cpp:3:1: unknown type name 'x' (and 2 more errors)"}))
      << "sorted, with the count of further errors";
  ASSERT_EQ(log.texts(Level::Note).size(), 1u);
  EXPECT_EQ(log.texts(Level::Note)[0].rfind("2 of 3 translation units failed to parse;", 0), 0u);
  EXPECT_TRUE(log.texts(Level::Error).empty());
}

TEST(PipelineParseFailures, StrictMakesThemErrorsAndStops) {
  DiagnosticLog log;
  auto failed = pipeline::parse_failures(one_ok_two_failed(), true, log.sink());
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.status(), 2);
  std::vector<std::string> errors = log.texts(Level::Error);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors.back(), "2 translation units failed to parse (--strict)");
  EXPECT_TRUE(log.texts(Level::Warning).empty());
}

TEST(PipelineParseFailures, NoFailureNothingSaid) {
  std::vector<TuFacts> tus(1);
  tus[0].main_file = "src/a/ok.cpp";
  DiagnosticLog log;
  auto failed = pipeline::parse_failures(tus, true, log.sink());
  ASSERT_TRUE(failed);
  EXPECT_EQ(*failed, 0u);
  EXPECT_TRUE(log.all.empty());
}

TEST(PipelineProject, WithoutSeamJsonModulesComeFromTheFoldersButNotExcludedOnes) {
  pipeline::ProjectConfig pc;
  pc.config.root = "/p";
  pc.config.exclude = {"src/third_party/**"};
  test::TuBuilder a, b;
  a.tu.main_file = "src/orders/o.cpp";
  a.include("src/orders/o.cpp", 1, "src/money/money.h");
  a.include("src/orders/o.cpp", 2, "src/third_party/json.h");
  b.tu.main_file = "src/billing/b.cpp";
  b.file("src/billing/b.cpp");
  std::vector<TuFacts> tus{a.tu, b.tu};
  DiagnosticLog log;
  Config c = pipeline::inferred_config(pc, {"src/orders/o.cpp", "src/billing/b.cpp"}, tus, log.sink());
  std::vector<std::string> names;
  for (const ModuleDecl& m : c.modules) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"billing", "money", "orders"}));
  EXPECT_EQ(c.exclude, pc.config.exclude) << "vendored globs stay excluded";
  EXPECT_EQ(log.texts(Level::Note),
            std::vector<std::string>{"no seam.json: inferred 3 modules from the folder layout (billing, money, "
                                     "orders); `seam init` writes a seam.json to edit"});
}

/// app uses core; tests (role test) use both.
std::vector<TuFacts> app_core_tests() {
  test::TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  t.ref("src/app/main.cpp", 3, "core::run", "src/core/core.cpp");
  t.ref("src/tests/core_test.cpp", 7, "core::run", "src/core/core.cpp");
  t.ref("src/tests/core_test.cpp", 8, "app::main", "src/app/main.cpp");
  t.file("src/misc/loose.cpp");
  return {t.tu};
}

Config app_core_tests_config() {
  ModuleDecl tests = test::src_module("tests");
  tests.role = ModuleRole::Test;
  Config c = test::config_with({test::src_module("app"), test::src_module("core"), tests});
  c.roles_declared = true;
  return c;
}

TEST(PipelineProject, TestModulesJoinOnlyWithIncludeTests) {
  DiagnosticLog log;
  auto without = pipeline::assemble_project(app_core_tests(), app_core_tests_config(), false, log.sink());
  ASSERT_TRUE(without);
  EXPECT_EQ(without->find_module("tests"), kNoModule);
  EXPECT_EQ(without->tests_left_out, std::vector<std::string>{"tests"});

  auto with = pipeline::assemble_project(app_core_tests(), app_core_tests_config(), true, log.sink());
  ASSERT_TRUE(with);
  EXPECT_NE(with->find_module("tests"), kNoModule);
  EXPECT_TRUE(with->tests_left_out.empty());
}

TEST(PipelineProject, FilesInNoModuleAreNamedInANote) {
  DiagnosticLog log;
  auto p = pipeline::assemble_project(app_core_tests(), app_core_tests_config(), false, log.sink());
  ASSERT_TRUE(p);
  std::vector<std::string> notes = log.texts(Level::Note);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0], "1 project file belongs to no module (src/misc/loose.cpp); add them to a module's \"paths\" "
                      "or to \"exclude\"");
}

TEST(PipelineProject, AFileInTwoModulesStopsTheRun) {
  ModuleDecl all;
  all.name = "all";
  all.paths = {"src/**"};
  Config c = test::config_with({test::src_module("app"), all});
  DiagnosticLog log;
  auto p = pipeline::assemble_project(app_core_tests(), c, false, log.sink());
  ASSERT_FALSE(p);
  EXPECT_EQ(p.status(), 2);
  ASSERT_FALSE(log.texts(Level::Line).empty());
  EXPECT_NE(log.texts(Level::Line).back().find("src/app/main.cpp"), std::string::npos) << log.texts(Level::Line).back();
}

} // namespace
} // namespace seam
