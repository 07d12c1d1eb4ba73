// Types as the extractor describes them (analyzers/extract/type_describer.cpp),
// built by hand for the split and stub tests, and the generated file of a
// plan by name.
#pragma once

#include "analyzers/core/facts.h"
#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace seam::test {

inline TypeInfo type(TypeShape shape, const std::string& spelling, std::vector<TypeInfo> args = {}) {
  TypeInfo t;
  t.shape = shape;
  t.spelling = spelling;
  t.args = std::move(args);
  return t;
}

/// A class or struct of the project, `polymorphic` when it has virtual methods.
inline TypeInfo record(const std::string& name, bool polymorphic = false) {
  TypeInfo t = type(TypeShape::Record, name);
  t.decl_usr = "u:" + name;
  t.polymorphic = polymorphic;
  return t;
}

inline TypeInfo pointer(TypeInfo t) {
  std::string s = t.spelling + " *";
  return type(TypeShape::Pointer, s, {std::move(t)});
}

/// `T&`, or `const T&` when `is_const`.
inline TypeInfo ref(TypeInfo t, bool is_const) {
  t.is_const = is_const;
  std::string s = (is_const ? "const " : "") + t.spelling;
  t.spelling = s;
  TypeInfo r = type(TypeShape::Reference, s + " &", {t});
  r.is_const = is_const;
  return r;
}
inline TypeInfo const_ref(TypeInfo t) { return ref(std::move(t), true); }

/// The file `name` that `seam split` (run as `command` in /p) writes for `plan`.
inline std::string stub_file(const stubs::ServicePlan& plan, const std::string& command, const std::string& name) {
  stubs::StubOrigin origin{"/p", command};
  stubs::StubBuildInputs in;
  in.root = "/p";
  for (const stubs::GeneratedFile& f : stubs::generate_stub_files(plan, in, origin))
    if (f.name == name) return f.content;
  ADD_FAILURE() << "no file " << name;
  return "";
}

} // namespace seam::test
