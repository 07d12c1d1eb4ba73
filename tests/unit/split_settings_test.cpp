// `seam split` on classes of another module whose data members the module's
// code reads directly (leveldb's `const Options&`, read as
// `options.comparator`, `options.block_size` in table/*.cc), from hand-built
// facts. Such an object cannot be a callback: the service's stand-in would
// hold its own default values and the module would silently compute with
// them.
#include "analyzers/model/interface.h"
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
using test::pointer;
using test::record;
using test::type;

const char* kService = "src/shop/service.h";
const char* kServiceSource = "src/shop/service.cpp";
const char* kLimits = "src/cfg/limits.h";
const char* kLimitsSource = "src/cfg/limits.cpp";
const char* kMain = "src/app/main.cpp";

struct Facts {
  TuBuilder b;
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo int_t = type(TypeShape::Int, "int");

  Facts() {
    int_t.bits = 32;
    int_t.is_signed = true;
    b.tu.main_file = kServiceSource;
  }
  Loc at(const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; }
  SymbolFact& cls(const std::string& name, const char* header, uint32_t line, SymbolKind kind, bool polymorphic) {
    uint32_t i = b.symbol(name, header, kind);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(header, line);
    b.tu.symbols[i].is_polymorphic = polymorphic;
    return b.tu.symbols[i];
  }
  SymbolFact& fn(const std::string& name, SymbolKind kind, const std::string& parent, const char* header,
                 const char* source, std::vector<Param> params, TypeInfo result, uint32_t line) {
    uint32_t i = b.symbol(name, source, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(header, line);
    s.def = at(source, line);
    if (!parent.empty()) s.parent_usr = "u:" + parent;
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()";
    return s;
  }
  void field(const std::string& name, const std::string& parent, const char* header, TypeInfo t, uint32_t line) {
    uint32_t i = b.symbol(name, header, SymbolKind::Field);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(header, line);
    b.tu.symbols[i].parent_usr = "u:" + parent;
    b.tu.symbols[i].result = std::move(t);
  }
};

/// cfg::Limits: a concrete class of another module with a constructor, a
/// method and a field the module cannot carry (`int* scratch`); shop::cap
/// takes it by const reference. `read`: shop's source reads `limits.limit`.
TuFacts limits_facts(bool read) {
  Facts f;
  f.cls("cfg::Limits", kLimits, 3, SymbolKind::Class, false);
  f.field("cfg::Limits::limit", "cfg::Limits", kLimits, f.int_t, 8);
  f.field("cfg::Limits::scratch", "cfg::Limits", kLimits, pointer(f.int_t), 9);
  f.fn("cfg::Limits::Limits", SymbolKind::Constructor, "cfg::Limits", kLimits, kLimitsSource, {{"start", f.int_t}},
       f.void_t, 5);
  f.fn("cfg::Limits::clamp", SymbolKind::Method, "cfg::Limits", kLimits, kLimitsSource, {{"n", f.int_t}}, f.int_t, 6);
  f.fn("shop::cap", SymbolKind::Function, "", kService, kServiceSource, {{"limits", const_ref(record("cfg::Limits"))}},
       f.int_t, 4);
  f.b.ref(kMain, 2, "shop::cap", kServiceSource);
  f.b.ref(kMain, 3, "cfg::Limits::Limits", kLimitsSource);
  f.b.ref(kServiceSource, 10, "cfg::Limits::clamp", kLimitsSource);
  if (read) {
    f.b.ref(kServiceSource, 11, "cfg::Limits::limit", kLimits, RefKind::Read);
    f.b.ref(kServiceSource, 12, "cfg::Limits::limit", kLimits, RefKind::Read); // only the first site is named
  }
  // The class's own source uses its fields: that code stays with the caller.
  f.b.ref(kLimitsSource, 20, "cfg::Limits::scratch", kLimits, RefKind::Write);
  for (const char* from : {kServiceSource, kMain}) f.b.include(from, 1, kService);
  f.b.include(kService, 1, kLimits);
  return std::move(f.b.tu);
}

ServicePlan plan_of(TuFacts facts) {
  Project p;
  EXPECT_TRUE(test::build_from(std::move(facts), test::src_modules({"app", "cfg", "shop"}), p));
  ModuleId m = p.find_module("shop");
  return plan_service(p, m, module_interface(p, m));
}

const RpcPlan* rpc(const std::vector<RpcPlan>& rpcs, const std::string& name) {
  for (const RpcPlan& r : rpcs)
    if (r.rpc == name) return &r;
  return nullptr;
}

TEST(SplitSettings, AClassWhoseMembersTheModuleCallsOnlyIsACallback) {
  // The baseline the next test departs from: no data member read, so a
  // stand-in calling back is faithful.
  ServicePlan sp = plan_of(limits_facts(false));
  ASSERT_NE(rpc(sp.rpcs, "Cap"), nullptr);
  EXPECT_EQ(rpc(sp.rpcs, "Cap")->params[0].callback, 0);
  ASSERT_EQ(sp.callback_classes.size(), 1u);
  EXPECT_EQ(sp.callback_classes[0].qualified, "cfg::Limits");
}

TEST(SplitSettings, AClassWhoseDataMembersTheModuleReadsIsNoCallback) {
  ServicePlan sp = plan_of(limits_facts(true));
  EXPECT_EQ(rpc(sp.rpcs, "Cap"), nullptr);
  EXPECT_TRUE(sp.callback_classes.empty());
  ASSERT_EQ(sp.skipped.size(), 1u);
  const SkippedPlan& s = sp.skipped[0];
  EXPECT_EQ(s.name, "shop::cap");
  EXPECT_EQ(s.why.kind, SkipKind::HandleNeeded);
  // Names the parameter, the members with their first site in the module,
  // and what to do; not the class's own source's use of `scratch`.
  for (const char* text : {"parameter 'limits': cfg::Limits is a class of another module",
                           "uses its data members directly: limit (src/shop/service.cpp:11);",
                           "on a stand-in they would be its own default values, not the caller's", "travels by value",
                           "\"conversions\" entry", "pass the values the module needs as parameters"})
    EXPECT_NE(s.why.detail.find(text), std::string::npos) << text << "\n" << s.why.detail;
  EXPECT_EQ(s.why.detail.find("scratch"), std::string::npos) << s.why.detail;
  const std::string readme = test::stub_file(sp, "seam split shop -o out --force", "README.md");
  EXPECT_NE(readme.find("uses its data members directly: limit (src/shop/service.cpp:11)"), std::string::npos)
      << readme;
}

const char* kOptions = "src/cfg/options.h";
const char* kOptionsSource = "src/cfg/options.cpp";
const char* kCompare = "src/cfg/compare.h";

/// cfg::Options: a struct of settings like leveldb's (a constructor setting
/// defaults, public data members: two values, an enum and a pointer to a
/// polymorphic class the caller implements); shop::open takes it by const
/// reference and reads its members. `extra`: one more member of type
/// `extra` declared last (a member that cannot travel).
TuFacts options_facts(const TypeInfo* extra = nullptr) {
  Facts f;
  SymbolFact& cmp = f.cls("cfg::Compare", kCompare, 3, SymbolKind::Class, true);
  cmp.is_abstract = true;
  SymbolFact& less = f.fn("cfg::Compare::less", SymbolKind::Method, "cfg::Compare", kCompare, kCompare,
                          {{"a", f.int_t}, {"b", f.int_t}}, type(TypeShape::Bool, "bool"), 5);
  less.def = Loc{};
  less.is_virtual = less.is_pure = true;
  less.signature = "bool (int, int) const";
  // Like leveldb's Comparator::Name() and FindShortSuccessor(std::string*):
  // a C string result and an in-out value, both forwarded by the stand-in.
  TypeInfo c_char = type(TypeShape::Char, "const char");
  c_char.is_const = true;
  SymbolFact& name = f.fn("cfg::Compare::name", SymbolKind::Method, "cfg::Compare", kCompare, kCompare, {},
                          pointer(c_char), 6);
  name.def = Loc{};
  name.is_virtual = name.is_pure = true;
  name.signature = "const char *() const";
  SymbolFact& shorten = f.fn("cfg::Compare::shorten", SymbolKind::Method, "cfg::Compare", kCompare, kCompare,
                             {{"key", pointer(type(TypeShape::String, "std::string"))}}, f.void_t, 7);
  shorten.def = Loc{};
  shorten.is_virtual = shorten.is_pure = true;
  shorten.signature = "void (std::string *) const";
  // Like leveldb's Cache::Release(Handle*): a pointer to a class is the
  // object itself, not a value to copy in and out: not forwarded.
  SymbolFact& token = f.cls("cfg::Token", kCompare, 2, SymbolKind::Struct, false);
  token.is_aggregate = true;
  SymbolFact& release = f.fn("cfg::Compare::release", SymbolKind::Method, "cfg::Compare", kCompare, kCompare,
                             {{"token", pointer(record("cfg::Token"))}}, f.void_t, 8);
  release.def = Loc{};
  release.is_virtual = release.is_pure = true;
  release.signature = "void (cfg::Token *)";
  // A function pointer's parameter types come unqualified in the facts
  // (leveldb's Cache::Insert deleter `void (*)(const Slice &, void *)`): the
  // throwing override takes the type from the class's declaration.
  TypeInfo fn_ptr = type(TypeShape::Pointer, "void (*)(const Token &)", {type(TypeShape::Function, "void (const Token &)")});
  SymbolFact& each = f.fn("cfg::Compare::each", SymbolKind::Method, "cfg::Compare", kCompare, kCompare,
                          {{"fn", fn_ptr}}, f.void_t, 9);
  each.def = Loc{};
  each.is_virtual = each.is_pure = true;
  each.signature = "void (void (*)(const Token &))";
  f.cls("cfg::Options", kOptions, 3, SymbolKind::Struct, false);
  f.fn("cfg::Options::Options", SymbolKind::Constructor, "cfg::Options", kOptions, kOptionsSource, {}, f.void_t, 4);
  f.field("cfg::Options::block_size", "cfg::Options", kOptions, f.int_t, 6);
  f.field("cfg::Options::name", "cfg::Options", kOptions, type(TypeShape::String, "std::string"), 7);
  // As in leveldb's options.h, the header only forward-declares the class:
  // the field's type does not say it is polymorphic, the class's symbol does.
  TypeInfo cmp_t = record("cfg::Compare", false);
  cmp_t.is_const = true;
  cmp_t.spelling = "const cfg::Compare";
  f.field("cfg::Options::compare", "cfg::Options", kOptions, pointer(cmp_t), 8);
  TypeInfo mode = type(TypeShape::Enum, "cfg::Mode");
  mode.decl_usr = "u:cfg::Mode";
  uint32_t e = f.b.symbol("cfg::Mode", kOptions, SymbolKind::Enum);
  f.b.tu.symbols[e].decl = f.b.tu.symbols[e].def = f.at(kOptions, 2);
  for (auto [name, v] : {std::pair{"cfg::Mode::kFast", 0}, std::pair{"cfg::Mode::kSafe", 1}}) {
    uint32_t c = f.b.symbol(name, kOptions, SymbolKind::EnumConstant);
    f.b.tu.symbols[c].parent_usr = "u:cfg::Mode";
    f.b.tu.symbols[c].enum_value = v;
    f.b.tu.symbols[c].decl = f.b.tu.symbols[c].def = f.at(kOptions, 2);
  }
  f.field("cfg::Options::mode", "cfg::Options", kOptions, mode, 9);
  if (extra) f.field("cfg::Options::extra", "cfg::Options", kOptions, *extra, 10);
  f.fn("shop::open", SymbolKind::Function, "", kService, kServiceSource,
       {{"options", const_ref(record("cfg::Options"))}, {"key", f.int_t}}, f.int_t, 4);
  f.b.ref(kMain, 2, "shop::open", kServiceSource);
  f.b.ref(kMain, 3, "cfg::Options::Options", kOptionsSource);
  f.b.ref(kServiceSource, 11, "cfg::Options::block_size", kOptions, RefKind::Read);
  f.b.ref(kServiceSource, 12, "cfg::Options::compare", kOptions, RefKind::Read);
  f.b.ref(kServiceSource, 13, "cfg::Compare::less", kCompare);
  for (const char* from : {kServiceSource, kMain}) f.b.include(from, 1, kService);
  f.b.include(kService, 1, kOptions);
  f.b.include(kOptions, 1, kCompare);
  return std::move(f.b.tu);
}

TEST(SplitSettings, AStructOfSettingsTravelsByValueWithItsObjectsAsCallbackHandles) {
  ServicePlan sp = plan_of(options_facts());
  for (const SkippedPlan& s : sp.skipped) ADD_FAILURE() << s.name << ": " << s.why.detail;
  const RpcPlan* open = rpc(sp.rpcs, "Open");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->params[0].carried, 0);
  EXPECT_EQ(open->params[0].callback, -1);
  ASSERT_EQ(sp.carried.size(), 1u);
  const CarriedStructPlan& c = sp.carried[0];
  EXPECT_EQ(c.qualified, "cfg::Options");
  EXPECT_EQ(c.proto, "Options");
  ASSERT_EQ(c.fields.size(), 4u);
  EXPECT_EQ(c.fields[2].member, "compare");
  EXPECT_EQ(c.fields[2].callback, 0);
  // The pointed-to class is a callback class with its rpc, served by the client.
  ASSERT_EQ(sp.callback_classes.size(), 1u);
  EXPECT_EQ(sp.callback_classes[0].qualified, "cfg::Compare");
  EXPECT_EQ(sp.callback_classes[0].rpcs, (std::vector<std::string>{"CompareLess", "CompareName", "CompareShorten"}));
  ASSERT_EQ(sp.callback_classes[0].unserved.size(), 2u);
  EXPECT_EQ(sp.callback_classes[0].unserved[0].local_name, "release");
  EXPECT_EQ(sp.callback_classes[0].unserved[1].local_name, "each");
  const std::string command = "seam split shop -o out --force";
  const std::string proto = test::stub_file(sp, command, "shop.proto");
  for (const char* text : {"message OpenRequest {\n  Options options = 1;\n  int32 key = 2;\n}",
                           "// cfg::Options (src/cfg/options.h:3), carried by value: a pointer to a polymorphic\n"
                           "// class is a callback handle (0 for nullptr) the service calls back through.\n"
                           "message Options {\n  int32 block_size = 1;\n  string name = 2;\n  uint64 compare = 3;\n"
                           "  Mode mode = 4;\n}",
                           "enum Mode {",
                           // The stand-in's C string and in-out value: unset is nullptr.
                           "message CompareNameResponse {\n  optional string result = 1;\n}",
                           "message CompareShortenRequest {\n  uint64 handle = 1;\n  optional string key = 2;\n}",
                           "message CompareShortenResponse {\n  string key = 1;\n}"})
    EXPECT_NE(proto.find(text), std::string::npos) << text << "\n" << proto;
  const std::string client = test::stub_file(sp, command, "shop_client.cpp");
  for (const char* text : {"auto& options_message = *request.mutable_options();",
                           "options_message.set_block_size(options.block_size);",
                           "options_message.set_name(options.name);",
                           "options_message.set_compare(ShopCallbackHost::handle(static_cast<const ::cfg::Compare*>("
                           "options.compare)));",
                           "options_message.set_mode(::shop::v1::convert::to_proto(options.mode));"})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  const std::string server = test::stub_file(sp, command, "shop_server.cpp");
  for (const char* text : {"const std::string session = enter(*context);", "::cfg::Options options;",
                           "options.block_size = request->options().block_size();",
                           "options.name = request->options().name();",
                           "options.compare = compare_callback(request->options().compare(), *context, session);",
                           "options.mode = convert::from_proto(request->options().mode());",
                           "auto result = ::shop::open(options, key);",
                           "class CompareCallback final : public ::cfg::Compare {",
                           "return ::shop::v1::CallbackChannel::intern(response.result());",
                           "if (key != nullptr) {\n      request.set_key(*key);",
                           "if (key != nullptr) {\n      *key = response.key();",
                           "void release(cfg::Token*) override {\n    throw std::logic_error(",
                           "void each(typename ::shop::v1::ParamOf<decltype(&::cfg::Compare::each), 0>::type) override {",
                           "struct ParamOf<R (C::*)(A...) const, I> {"})
    EXPECT_NE(server.find(text), std::string::npos) << text << "\n" << server;
  const std::string readme = test::stub_file(sp, command, "README.md");
  EXPECT_NE(readme.find("| `cfg::Options` | `src/cfg/options.h:3` | `block_size`, `name`, `mode` | `compare` |"),
            std::string::npos)
      << readme;
}

TEST(SplitSettings, AStructWithAMemberThatCannotTravelIsSkippedNamingIt) {
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  const TypeInfo raw = pointer(int_t);
  ServicePlan sp = plan_of(options_facts(&raw));
  EXPECT_EQ(rpc(sp.rpcs, "Open"), nullptr);
  EXPECT_TRUE(sp.carried.empty());
  EXPECT_TRUE(sp.callback_classes.empty()); // no stand-in reads defaults either
  ASSERT_EQ(sp.skipped.size(), 1u);
  const std::string& d = sp.skipped[0].why.detail;
  for (const char* text : {"parameter 'options': cfg::Options is a struct of settings seam would carry by value",
                           "its field 'extra' (int *) cannot travel:", "\"conversions\" entry for cfg::Options"})
    EXPECT_NE(d.find(text), std::string::npos) << text << "\n" << d;
}

} // namespace
} // namespace seam::stubs
