// Projects for tests of the stages after extraction: a config rooted at /p
// whose modules own src/<name>/**, built from one hand-built TU
// (facts_builder.h), the way most of those tests set up their input.
#pragma once

#include "analyzers/model/model.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace seam::test {

/// The module `name` owning src/<name>/**, in `layer` (empty: none).
inline ModuleDecl src_module(const std::string& name, const std::string& layer = "") {
  ModuleDecl d;
  d.name = name;
  d.paths = {"src/" + name + "/**"};
  d.layer = layer;
  return d;
}

/// A config rooted at /p holding `modules` in this order.
inline Config config_with(std::vector<ModuleDecl> modules) {
  Config c;
  c.root = "/p";
  c.modules = std::move(modules);
  return c;
}

/// A config rooted at /p with one src_module per name, in this order.
inline Config src_modules(std::initializer_list<const char*> names) {
  std::vector<ModuleDecl> modules;
  for (const char* name : names) modules.push_back(src_module(name));
  return config_with(std::move(modules));
}

/// Builds `project` from the one TU `tu` under `config`. Use it inside
/// EXPECT_TRUE / ASSERT_TRUE: a failure names build_project's errors.
inline ::testing::AssertionResult build_from(TuFacts&& tu, const Config& config, Project& project) {
  std::vector<TuFacts> tus;
  tus.push_back(std::move(tu));
  std::vector<std::string> errors, warnings;
  if (build_project(std::move(tus), config, project, errors, warnings)) return ::testing::AssertionSuccess();
  ::testing::AssertionResult failed = ::testing::AssertionFailure() << "build_project failed";
  for (const std::string& e : errors) failed << "\n  " << e;
  return failed;
}

} // namespace seam::test
