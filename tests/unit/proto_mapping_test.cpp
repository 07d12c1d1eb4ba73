// The C++ -> proto3 type mapping of `seam split`, one construct per test, on
// hand-built facts: what maps to what, and what is skipped with which reason.
#include "analyzers/stubs/proto_mapping.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

namespace seam::stubs {
namespace {

using test::TuBuilder;

// Types as the extractor describes them (analyzers/extract/type_describer.cpp).
TypeInfo type(TypeShape shape, const std::string& spelling, std::vector<TypeInfo> args = {}) {
  TypeInfo t;
  t.shape = shape;
  t.spelling = spelling;
  t.args = std::move(args);
  return t;
}
TypeInfo integer(const std::string& spelling, uint8_t bits, bool is_signed = true) {
  TypeInfo t = type(TypeShape::Int, spelling);
  t.bits = bits;
  t.is_signed = is_signed;
  return t;
}
TypeInfo floating(const std::string& spelling, uint8_t bits) {
  TypeInfo t = type(TypeShape::Float, spelling);
  t.bits = bits;
  return t;
}
TypeInfo str() { return type(TypeShape::String, "std::string"); }
TypeInfo i32() { return integer("int", 32); }
TypeInfo cref(TypeInfo t) {
  TypeInfo inner = t;
  inner.is_const = true;
  inner.spelling = "const " + t.spelling;
  TypeInfo r = type(TypeShape::Reference, "const " + t.spelling + " &", {inner});
  r.is_const = true;
  return r;
}
TypeInfo lref(TypeInfo t) { return type(TypeShape::Reference, t.spelling + " &", {t}); }
TypeInfo rref(TypeInfo t) { return type(TypeShape::Reference, t.spelling + " &&", {t}); }
TypeInfo record(const std::string& name) {
  TypeInfo t = type(TypeShape::Record, name);
  t.decl_usr = "u:" + name;
  return t;
}
TypeInfo enumeration(const std::string& name) {
  TypeInfo t = type(TypeShape::Enum, name);
  t.decl_usr = "u:" + name;
  return t;
}

/// A project with one module "geo" holding the records and enums below.
class Mapping : public ::testing::Test {
protected:
  void SetUp() override {
    TuBuilder b;
    b.tu.main_file = "src/geo/geo.cpp";
    // Fields get lines 2, 3, ... in the order given, unless `lines` says otherwise.
    auto aggregate = [&](const std::string& name, std::vector<std::pair<std::string, TypeInfo>> fields,
                         std::vector<uint32_t> lines = {}) {
      uint32_t r = b.symbol(name, "src/geo/geo.h", SymbolKind::Struct);
      b.tu.symbols[r].is_aggregate = true;
      for (size_t i = 0; i < fields.size(); ++i) {
        auto& [field, t] = fields[i];
        uint32_t f = b.symbol(name + "::" + field, "src/geo/geo.h", SymbolKind::Field);
        b.tu.symbols[f].parent_usr = "u:" + name;
        b.tu.symbols[f].result = t;
        uint32_t line = i < lines.size() ? lines[i] : static_cast<uint32_t>(i + 2);
        b.tu.symbols[f].decl = b.tu.symbols[f].def = Loc{b.file("src/geo/geo.h"), line, 3};
      }
      return r;
    };
    // Declared y before x: field numbers follow declaration lines, not names
    // (symbols are stored by USR, where x comes first).
    aggregate("geo::Point", {{"x", floating("double", 64)}, {"y", floating("double", 64)}}, {3, 2});
    uint32_t p3 = aggregate("geo::Point3", {{"z", floating("double", 64)}}, {10});
    b.tu.symbols[p3].bases = {"u:geo::Point"};
    aggregate("geo::Node", {{"value", i32()}, {"next", type(TypeShape::Pointer, "geo::Node *", {record("geo::Node")})}});
    aggregate("geo::Tree", {{"label", str()}, {"children", type(TypeShape::Sequence, "std::vector<geo::Tree>", {record("geo::Tree")})}});
    aggregate("geo::Holder", {{"node", record("geo::Node")}});
    aggregate("geo::Named", {{"name", type(TypeShape::String, "std::string_view")}});
    uint32_t shape = b.symbol("geo::Shape", "src/geo/geo.h", SymbolKind::Class);
    b.tu.symbols[shape].is_polymorphic = true;
    uint32_t handle = b.symbol("geo::Canvas", "src/geo/geo.h", SymbolKind::Class);
    b.tu.symbols[handle].is_aggregate = false;
    auto enumerate = [&](const std::string& name, std::vector<std::pair<std::string, int64_t>> values) {
      b.symbol(name, "src/geo/geo.h", SymbolKind::Enum);
      uint32_t line = 40;
      for (auto& [v, n] : values) {
        uint32_t c = b.symbol(name + "::" + v, "src/geo/geo.h", SymbolKind::EnumConstant);
        b.tu.symbols[c].parent_usr = "u:" + name;
        b.tu.symbols[c].enum_value = n;
        b.tu.symbols[c].decl = b.tu.symbols[c].def = Loc{b.file("src/geo/geo.h"), line++, 3};
      }
    };
    enumerate("geo::Unit", {{"Meters", 0}, {"Feet", 1}});
    enumerate("geo::Huge", {{"Big", int64_t{1} << 40}});
    Config c;
    c.root = "/p";
    ModuleDecl geo;
    geo.name = "geo";
    geo.paths = {"src/geo/**"};
    c.modules = {geo};
    std::vector<TuFacts> tus;
    tus.push_back(std::move(b.tu));
    std::vector<std::string> errors, warnings;
    ASSERT_TRUE(build_project(std::move(tus), c, project_, errors, warnings));
  }

  std::optional<WireType> map(const TypeInfo& t, TypeUse use = TypeUse::Param) {
    TypeMapper m(project_);
    skip_ = Skip{};
    return m.map(t, use, skip_);
  }
  /// The skip kind and detail of a type that must not map.
  std::pair<SkipKind, std::string> rejected(const TypeInfo& t, TypeUse use = TypeUse::Param) {
    auto w = map(t, use);
    EXPECT_FALSE(w.has_value()) << t.spelling << " mapped to " << (w ? w->key() : "");
    return {skip_.kind, skip_.detail};
  }

  Project project_;
  Skip skip_;
};

TEST_F(Mapping, IntegersMapByWidthAndSign) {
  EXPECT_EQ(map(i32())->key(), "int32");
  EXPECT_EQ(map(integer("long", 64))->key(), "int64");
  EXPECT_EQ(map(integer("unsigned int", 32, false))->key(), "uint32");
  EXPECT_EQ(map(integer("std::uint64_t", 64, false))->key(), "uint64");
  auto small = map(integer("short", 16));
  EXPECT_EQ(small->key(), "int32");
  EXPECT_TRUE(small->narrow); // converting back needs a cast
  EXPECT_FALSE(map(i32())->narrow);
  auto [kind, detail] = rejected(integer("__int128", 128));
  EXPECT_EQ(kind, SkipKind::Unsupported);
  EXPECT_NE(detail.find("128-bit"), std::string::npos) << detail;
}

TEST_F(Mapping, BoolFloatsAndChars) {
  EXPECT_EQ(map(type(TypeShape::Bool, "bool"))->key(), "bool");
  EXPECT_EQ(map(floating("float", 32))->key(), "float");
  EXPECT_EQ(map(floating("double", 64))->key(), "double");
  EXPECT_TRUE(map(floating("long double", 64))->narrow);
  auto c = map(type(TypeShape::Char, "char"));
  EXPECT_EQ(c->key(), "int32");
  EXPECT_TRUE(c->narrow);
}

TEST_F(Mapping, StringsAndViews) {
  EXPECT_EQ(map(str())->kind, WireKind::String);
  EXPECT_EQ(map(cref(str()))->kind, WireKind::String);
  auto view = map(type(TypeShape::String, "std::string_view"));
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->view); // a parameter may borrow: the request outlives the call
  EXPECT_EQ(rejected(type(TypeShape::String, "std::string_view"), TypeUse::Result).first, SkipKind::ReturnsReference);
  EXPECT_EQ(rejected(type(TypeShape::String, "std::wstring")).first, SkipKind::Unsupported);
}

TEST_F(Mapping, SequencesAndSetsAreRepeated) {
  auto v = map(type(TypeShape::Sequence, "std::vector<int>", {i32()}));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->key(), "list<int32>");
  EXPECT_FALSE(v->insert);
  auto l = map(type(TypeShape::Sequence, "std::list<std::string>", {str()}));
  EXPECT_EQ(l->key(), "list<string>");
  auto s = map(type(TypeShape::Set, "std::set<std::string>", {str()}));
  EXPECT_EQ(s->key(), "list<string>");
  EXPECT_TRUE(s->insert); // filled back with insert()
  EXPECT_EQ(rejected(type(TypeShape::Sequence, "std::array<int, 3>", {i32()})).first, SkipKind::Unsupported);
}

TEST_F(Mapping, NestedContainersAreWrappedInAMessage) {
  TypeInfo inner = type(TypeShape::Sequence, "std::vector<int>", {i32()});
  auto w = map(type(TypeShape::Sequence, "std::vector<std::vector<int>>", {inner}));
  ASSERT_TRUE(w);
  EXPECT_EQ(w->key(), "list<wrap(list<int32>)>");
  EXPECT_TRUE(w->args[0].wrapper());
  EXPECT_EQ(w->args[0].cpp, "std::vector<int>"); // the C++ element type, for locals
  auto m = map(type(TypeShape::Map, "std::map<int, std::vector<std::string>>",
                    {i32(), type(TypeShape::Sequence, "std::vector<std::string>", {str()})}));
  EXPECT_EQ(m->key(), "map<int32,wrap(list<string>)>");
  auto o = map(type(TypeShape::Sequence, "std::vector<std::optional<int>>",
                    {type(TypeShape::Optional, "std::optional<int>", {i32()})}));
  EXPECT_EQ(o->key(), "list<wrap(optional<int32>)>");
}

TEST_F(Mapping, MapsNeedIntegerBoolOrStringKeys) {
  EXPECT_EQ(map(type(TypeShape::Map, "std::map<std::string, int>", {str(), i32()}))->key(), "map<string,int32>");
  EXPECT_EQ(map(type(TypeShape::Map, "std::unordered_map<long, geo::Point>", {integer("long", 64), record("geo::Point")}))
                ->args[1].kind,
            WireKind::Message);
  auto [kind, detail] = rejected(type(TypeShape::Map, "std::map<double, int>", {floating("double", 64), i32()}));
  EXPECT_EQ(kind, SkipKind::Unsupported);
  EXPECT_NE(detail.find("proto map keys are integers, bool or strings"), std::string::npos) << detail;
  EXPECT_EQ(rejected(type(TypeShape::Map, "std::map<geo::Unit, int>", {enumeration("geo::Unit"), i32()})).first,
            SkipKind::Unsupported);
  EXPECT_EQ(rejected(type(TypeShape::Map, "std::multimap<int, int>", {i32(), i32()})).first, SkipKind::Unsupported);
}

TEST_F(Mapping, OptionalIsProtoOptional) {
  auto o = map(type(TypeShape::Optional, "std::optional<int>", {i32()}));
  ASSERT_TRUE(o);
  EXPECT_EQ(o->key(), "optional<int32>");
}

TEST_F(Mapping, EnumsMapWhenTheirValuesFitInt32) {
  auto e = map(enumeration("geo::Unit"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, WireKind::Enum);
  EXPECT_EQ(project_.symbols[e->decl].name, "geo::Unit");
  auto [kind, detail] = rejected(enumeration("geo::Huge"));
  EXPECT_EQ(kind, SkipKind::Unsupported);
  EXPECT_NE(detail.find("geo::Huge::Big"), std::string::npos) << detail;
  EXPECT_EQ(rejected(enumeration("elsewhere::Color")).first, SkipKind::Unsupported);
}

TEST_F(Mapping, AggregatesBecomeMessagesWithFieldsInDeclarationOrder) {
  TypeMapper m(project_);
  Skip why;
  auto w = m.map(cref(record("geo::Point")), TypeUse::Param, why);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kind, WireKind::Message);
  ASSERT_EQ(m.records().size(), 1u);
  const RecordShape& r = m.records()[0];
  ASSERT_EQ(r.fields.size(), 2u);
  EXPECT_EQ(project_.symbols[r.fields[0]].name, "geo::Point::y");
  EXPECT_EQ(project_.symbols[r.fields[1]].name, "geo::Point::x");
  EXPECT_EQ(m.field_type(r.fields[0]).key(), "double");
}

TEST_F(Mapping, AnAggregateWithABaseCarriesTheBaseFieldsFirst) {
  TypeMapper m(project_);
  Skip why;
  auto w = m.map(record("geo::Point3"), TypeUse::Param, why);
  ASSERT_TRUE(w) << why.detail;
  const RecordShape* shape = nullptr;
  for (const RecordShape& r : m.records())
    if (r.symbol == w->decl) shape = &r;
  ASSERT_NE(shape, nullptr);
  std::vector<std::string> names;
  for (SymbolId f : shape->fields) names.push_back(project_.symbols[f].name);
  EXPECT_EQ(names, (std::vector<std::string>{"geo::Point::y", "geo::Point::x", "geo::Point3::z"}));
}

TEST_F(Mapping, RecursiveRecordsMap) {
  TypeMapper m(project_);
  Skip why;
  auto w = m.map(record("geo::Tree"), TypeUse::Result, why);
  ASSERT_TRUE(w) << why.detail;
  EXPECT_EQ(m.field_type(m.records()[0].fields[1]).key(), "list<msg:" + std::to_string(w->decl) + ">");
}

TEST_F(Mapping, ARecordWithAPointerFieldIsSkippedNamingTheField) {
  auto [kind, detail] = rejected(record("geo::Node"));
  EXPECT_EQ(kind, SkipKind::RawPointer);
  EXPECT_NE(detail.find("field geo::Node::next"), std::string::npos) << detail;
  // ... and so is a record containing it.
  EXPECT_EQ(rejected(record("geo::Holder")).first, SkipKind::RawPointer);
  // A view inside a record would dangle once the message is gone.
  EXPECT_EQ(rejected(record("geo::Named")).first, SkipKind::ReturnsReference);
}

TEST_F(Mapping, ObjectsWithStateOrVirtualsNeedAHandle) {
  auto [kind, detail] = rejected(cref(record("geo::Canvas")));
  EXPECT_EQ(kind, SkipKind::HandleNeeded);
  EXPECT_NE(detail.find("handle id"), std::string::npos) << detail;
  TypeInfo poly = record("geo::Shape");
  poly.polymorphic = true;
  EXPECT_EQ(rejected(poly).first, SkipKind::HandleNeeded);
  EXPECT_EQ(rejected(cref(poly)).first, SkipKind::PolymorphicReference);
}

TEST_F(Mapping, TemplatesAreSkipped) {
  TypeInfo spec = record("geo::Box");
  spec.is_template = true;
  EXPECT_EQ(rejected(spec).first, SkipKind::Template);
  EXPECT_EQ(rejected(type(TypeShape::TemplateParam, "T")).first, SkipKind::Template);
}

TEST_F(Mapping, PointersCallbacksAndOwnershipAreSkipped) {
  auto [kind, detail] = rejected(type(TypeShape::Pointer, "geo::Point *", {record("geo::Point")}));
  EXPECT_EQ(kind, SkipKind::RawPointer);
  EXPECT_EQ(detail, "geo::Point *: raw pointer: an address means nothing in another process");
  EXPECT_EQ(rejected(type(TypeShape::Function, "std::function<void (int)>")).first, SkipKind::Callback);
  EXPECT_EQ(rejected(type(TypeShape::Pointer, "void (*)(int)", {type(TypeShape::Function, "void (int)")})).first,
            SkipKind::Callback);
  EXPECT_EQ(rejected(type(TypeShape::SmartPointer, "std::unique_ptr<geo::Point>", {record("geo::Point")})).first,
            SkipKind::SmartPointer);
  EXPECT_EQ(rejected(type(TypeShape::Pair, "std::pair<int, int>", {i32(), i32()})).first, SkipKind::Unsupported);
}

TEST_F(Mapping, ConstCharPointerIsAStringParameterOnly) {
  TypeInfo ch = type(TypeShape::Char, "const char");
  ch.is_const = true;
  TypeInfo p = type(TypeShape::Pointer, "const char *", {ch});
  auto w = map(p);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kind, WireKind::String);
  EXPECT_TRUE(w->c_string);
  EXPECT_EQ(rejected(p, TypeUse::Result).first, SkipKind::RawPointer);
}

TEST_F(Mapping, ReferencesByKind) {
  EXPECT_EQ(map(cref(i32()))->key(), "int32");
  EXPECT_EQ(map(rref(str()))->kind, WireKind::String); // moved in: a value on the wire
  auto [kind, detail] = rejected(lref(str()));
  EXPECT_EQ(kind, SkipKind::OutParameter);
  EXPECT_NE(detail.find("non-const reference"), std::string::npos) << detail;
  EXPECT_EQ(rejected(cref(str()), TypeUse::Result).first, SkipKind::ReturnsReference);
}

TEST(ValueSpelling, DropsConstAndReferences) {
  EXPECT_EQ(value_spelling("const std::string &"), "std::string");
  EXPECT_EQ(value_spelling("std::vector<int> &&"), "std::vector<int>");
  EXPECT_EQ(value_spelling("int"), "int");
  EXPECT_EQ(value_spelling("const geo::Point"), "geo::Point");
  EXPECT_EQ(value_spelling("std::map<int, const char *> const &"), "std::map<int, const char *>");
}

TEST(SkipKinds, HaveTheNamesTheReadmeUses) {
  EXPECT_STREQ(to_string(SkipKind::RawPointer), "raw pointer");
  EXPECT_STREQ(to_string(SkipKind::Callback), "callback");
  EXPECT_STREQ(to_string(SkipKind::PolymorphicReference), "polymorphic reference");
  EXPECT_STREQ(to_string(SkipKind::Template), "template");
  EXPECT_STREQ(to_string(SkipKind::HandleNeeded), "handle needed");
}

} // namespace
} // namespace seam::stubs
