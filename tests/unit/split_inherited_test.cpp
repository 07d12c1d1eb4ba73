// `seam split` on a remote interface that inherits virtual methods from a
// base class (issue #19): the proxy must override everything a caller can
// call on the object, so the base's virtual methods that the interface does
// not redeclare are served on the interface's own handle, and the server
// calls them through a pointer to the base (dispatched on the real object).
#include "analyzers/model/interface.h"
#include "analyzers/stubs/service_plan.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"
#include "support/type_builder.h"

#include <gtest/gtest.h>

namespace seam::stubs {
namespace {

using test::TuBuilder;
using test::pointer;
using test::record;
using test::type;

const char* kHeader = "src/store/cursor.h";
const char* kSource = "src/store/cursor.cpp";
const char* kMain = "src/app/main.cpp";

/// store::Source: a base with a virtual destructor, a pure `name() const`, a
/// virtual `Rewind()` defined in the module and a pure `Valid() const`.
/// store::Cursor : Source redeclares `Valid() const`, adds a pure `Next()`
/// and declares no destructor; store::NewCursor hands one out. The app calls
/// `cursor->name()` (a reference to Source::name) and `cursor->Next()`.
TuFacts inherited_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  auto cls = [&](const std::string& name, uint32_t line) -> SymbolFact& {
    uint32_t i = b.symbol(name, kHeader, SymbolKind::Class);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(kHeader, line);
    b.tu.symbols[i].is_polymorphic = true;
    return b.tu.symbols[i];
  };
  auto member = [&](const std::string& name, SymbolKind kind, const std::string& parent, TypeInfo result,
                    uint32_t line, bool pure, const std::string& tail = "") -> SymbolFact& {
    uint32_t i = b.symbol(name, kSource, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(kHeader, line);
    s.def = pure ? Loc{} : at(kSource, line);
    s.parent_usr = "u:" + parent;
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()" + tail;
    s.is_virtual = true;
    s.is_pure = pure;
    return s;
  };
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo bool_t = type(TypeShape::Bool, "bool");
  TypeInfo str = type(TypeShape::String, "std::string");

  cls("store::Source", 3);
  member("store::Source::~Source", SymbolKind::Destructor, "store::Source", void_t, 4, false);
  member("store::Source::name", SymbolKind::Method, "store::Source", str, 5, true, " const");
  member("store::Source::Rewind", SymbolKind::Method, "store::Source", void_t, 6, false);
  member("store::Source::Valid", SymbolKind::Method, "store::Source", bool_t, 7, true, " const");
  cls("store::Cursor", 10).bases = {"u:store::Source"};
  member("store::Cursor::Valid", SymbolKind::Method, "store::Cursor", bool_t, 11, true, " const");
  member("store::Cursor::Next", SymbolKind::Method, "store::Cursor", void_t, 12, true);
  uint32_t make = b.symbol("store::NewCursor", kSource);
  b.tu.symbols[make].decl = at(kHeader, 15);
  b.tu.symbols[make].def = at(kSource, 15);
  b.tu.symbols[make].result = pointer(record("store::Cursor", true));
  b.tu.symbols[make].signature = "store::Cursor * ()";

  uint32_t line = 1;
  for (const char* target : {"store::NewCursor", "store::Source::name", "store::Cursor::Next"})
    b.ref(kMain, ++line, target, kSource);
  b.include(kSource, 1, kHeader);
  b.include(kMain, 1, kHeader);
  return std::move(b.tu);
}

ServicePlan plan() {
  Project p;
  EXPECT_TRUE(test::build_from(inherited_facts(), test::src_modules({"app", "store"}), p));
  ModuleId m = p.find_module("store");
  return plan_service(p, m, module_interface(p, m));
}

const RpcPlan* rpc(const ServicePlan& plan, const std::string& name) {
  for (const RpcPlan& r : plan.rpcs)
    if (r.rpc == name) return &r;
  return nullptr;
}

std::string file(const ServicePlan& plan, const std::string& name) {
  return test::stub_file(plan, "seam split store -o out --force", name);
}

TEST(SplitInherited, TheVirtualMethodsAnInterfaceInheritsAreServedOnItsHandle) {
  ServicePlan sp = plan();
  std::vector<std::string> names;
  for (const RpcPlan& r : sp.rpcs) names.push_back(r.rpc);
  // Declaration order. Source::Valid is not served: Cursor redeclares it (the
  // nearest declaration wins). The base's destructor releases a Cursor, which
  // declares none.
  EXPECT_EQ(names, (std::vector<std::string>{"ReleaseCursor", "CursorName", "CursorRewind", "CursorValid",
                                             "CursorNext", "NewCursor"}));
  ASSERT_EQ(sp.remote_classes.size(), 1u);
  EXPECT_EQ(sp.remote_classes[0].qualified, "store::Cursor");
  EXPECT_TRUE(sp.remote_classes[0].releases);
  const RpcPlan* name = rpc(sp, "CursorName");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->role, RpcRole::Method);
  EXPECT_EQ(name->remote, 0);
  EXPECT_EQ(name->inherited_from, "store::Source");
  EXPECT_TRUE(name->is_const);
  EXPECT_EQ(rpc(sp, "CursorValid")->inherited_from, "");
  // Called through the interface's proxy, Source::name needs no decision.
  EXPECT_TRUE(sp.skipped.empty()) << sp.skipped.front().name << ": " << sp.skipped.front().why.detail;
}

TEST(SplitInherited, TheProxyOverridesThemAndTheServerCallsThroughTheBase) {
  ServicePlan sp = plan();
  const std::string client = file(sp, "store_client.cpp");
  for (const char* text : {"class CursorProxy final : public ::store::Cursor {", "~CursorProxy() override {",
                           "std::string name() const override {", "void Rewind() override {",
                           "bool Valid() const override {", "void Next() override {"})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  // One override of Valid, not one per declaration in the hierarchy.
  const size_t valid = client.find("bool Valid() const override");
  EXPECT_EQ(client.find("bool Valid() const override", valid + 1), std::string::npos);

  const std::string server = file(sp, "store_server.cpp");
  for (const char* text : {"// store::Source::name (src/store/cursor.h:5), inherited by store::Cursor",
                           "auto result = static_cast<::store::Source*>(self)->name();",
                           "static_cast<::store::Source*>(self)->Rewind();", "auto result = self->Valid();"})
    EXPECT_NE(server.find(text), std::string::npos) << text << "\n" << server;
  const std::string proto = file(sp, "store.proto");
  EXPECT_NE(proto.find("// store::Source::name (src/store/cursor.h:5), inherited by store::Cursor\n"
                       "  rpc CursorName(CursorNameRequest) returns (CursorNameResponse);"),
            std::string::npos)
      << proto;
}

} // namespace
} // namespace seam::stubs
