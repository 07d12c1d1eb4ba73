// `seam split` sends a class with private data by value when it can see a
// lossless way through it: a default constructor, a constructor taking every
// field in order and a const getter per field (geo::Point). One without a
// getter (geo::Box) is skipped with what is missing. From hand-built facts.
#include "analyzers/model/interface.h"
#include "analyzers/stubs/build_inputs.h"
#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"
#include "support/type_builder.h"

#include <gtest/gtest.h>

namespace seam::stubs {
namespace {

using test::TuBuilder;
using test::const_ref;
using test::record;
using test::type;

const char* kHeader = "src/geo/point.h";
const char* kSource = "src/geo/point.cpp";
const char* kMain = "src/app/main.cpp";

TuFacts geo_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  int_t.is_signed = true;
  TypeInfo void_t = type(TypeShape::Void, "void");
  auto cls = [&](const std::string& name, uint32_t line) {
    uint32_t i = b.symbol(name, kHeader, SymbolKind::Class);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(kHeader, line);
  };
  auto field = [&](const std::string& name, const std::string& parent, uint32_t line) {
    uint32_t i = b.symbol(name, kHeader, SymbolKind::Field);
    b.tu.symbols[i].parent_usr = "u:" + parent;
    b.tu.symbols[i].result = int_t;
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(kHeader, line);
  };
  // Members defined inline in the header, as value classes usually are.
  auto member = [&](const std::string& name, SymbolKind kind, const std::string& parent, std::vector<Param> params,
                    TypeInfo result, uint32_t line, const std::string& tail) {
    uint32_t i = b.symbol(name, kHeader, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = s.def = at(kHeader, line);
    s.is_inline = true;
    s.parent_usr = "u:" + parent;
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()" + tail;
  };
  auto fn = [&](const std::string& name, std::vector<Param> params, TypeInfo result, uint32_t line) {
    uint32_t i = b.symbol(name, kSource, SymbolKind::Function);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(kHeader, line);
    s.def = at(kSource, line);
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()";
  };
  cls("geo::Point", 3);
  member("geo::Point::Point", SymbolKind::Constructor, "geo::Point", {}, void_t, 4, "");
  b.tu.symbols.push_back(b.tu.symbols.back()); // the second constructor: an overload, its own USR
  b.tu.symbols.back().usr = "u:geo::Point::Point#2";
  b.tu.symbols.back().params = {{"x", int_t}, {"y", int_t}};
  b.tu.symbols.back().decl = b.tu.symbols.back().def = at(kHeader, 5);
  member("geo::Point::x", SymbolKind::Method, "geo::Point", {}, int_t, 6, " const");
  member("geo::Point::getY", SymbolKind::Method, "geo::Point", {}, int_t, 7, " const");
  field("geo::Point::x_", "geo::Point", 9);
  field("geo::Point::m_y", "geo::Point", 10);
  cls("geo::Box", 13);
  member("geo::Box::Box", SymbolKind::Constructor, "geo::Box", {}, void_t, 14, "");
  b.tu.symbols.push_back(b.tu.symbols.back());
  b.tu.symbols.back().usr = "u:geo::Box::Box#2";
  b.tu.symbols.back().params = {{"w", int_t}};
  b.tu.symbols.back().decl = b.tu.symbols.back().def = at(kHeader, 15);
  field("geo::Box::w_", "geo::Box", 17);
  fn("geo::Norm", {{"p", const_ref(record("geo::Point"))}}, int_t, 20);
  fn("geo::Mid", {{"a", const_ref(record("geo::Point"))}, {"b", const_ref(record("geo::Point"))}}, record("geo::Point"),
     21);
  fn("geo::Area", {{"box", const_ref(record("geo::Box"))}}, int_t, 22);
  uint32_t line = 1;
  for (const char* target : {"geo::Norm", "geo::Mid", "geo::Area"}) b.ref(kMain, ++line, target, kSource);
  b.include(kSource, 1, kHeader);
  b.include(kMain, 1, kHeader);
  return std::move(b.tu);
}

ServicePlan plan() {
  Project p;
  EXPECT_TRUE(test::build_from(geo_facts(), test::src_modules({"app", "geo"}), p));
  ModuleId m = p.find_module("geo");
  return plan_service(p, m, module_interface(p, m));
}

/// The generated file `name`.
std::string file(const ServicePlan& plan, const std::string& name) {
  return test::stub_file(plan, "seam split geo -o out --force", name);
}

TEST(SplitValueClasses, AClassWithConstructorAndGettersIsSentByValue) {
  ServicePlan sp = plan();
  std::vector<std::string> names;
  for (const RpcPlan& r : sp.rpcs) names.push_back(r.rpc);
  EXPECT_EQ(names, (std::vector<std::string>{"Norm", "Mid"}));
  ASSERT_EQ(sp.messages.size(), 1u);
  const MessagePlan& point = sp.messages[0];
  EXPECT_EQ(point.cpp, "::geo::Point");
  ASSERT_EQ(point.fields.size(), 2u);
  EXPECT_EQ(point.fields[0].cpp_name, "x_");
  EXPECT_EQ(point.fields[1].cpp_name, "m_y");
  EXPECT_EQ(point.getters, (std::vector<std::string>{"x", "getY"}));

  const std::string convert = file(sp, "geo_convert.h");
  for (const char* text : {"out.set_x(in.x());", "out.set_m_y(in.getY());", "out = ::geo::Point(std::move(x), std::move(m_y));"})
    EXPECT_NE(convert.find(text), std::string::npos) << text << "\n" << convert;
}

TEST(SplitValueClasses, WithoutAGetterTheSkipSaysWhatIsMissing) {
  ServicePlan sp = plan();
  ASSERT_EQ(sp.skipped.size(), 1u);
  EXPECT_EQ(sp.skipped[0].name, "geo::Area");
  EXPECT_EQ(sp.skipped[0].why.kind, SkipKind::HandleNeeded);
  EXPECT_NE(sp.skipped[0].why.detail.find("no const getter for w_"), std::string::npos) << sp.skipped[0].why.detail;
}

} // namespace
} // namespace seam::stubs
