// `seam split` on a polymorphic class the module hands out as a pointer (a
// remote interface, like leveldb's Iterator from Table::NewIterator), from
// hand-built facts: every virtual method becomes an rpc on the object's
// handle, the factory answers a handle the client wraps in a proxy deriving
// from the class, a pointer passed back travels as its handle, and what
// cannot be served says what to decide.
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
using test::pointer;
using test::record;
using test::type;

const char* kHeader = "src/store/cursor.h";
const char* kSource = "src/store/cursor.cpp";
const char* kMain = "src/app/main.cpp";

/// store::Cursor: an abstract class (virtual destructor defined in the
/// module's source, three pure virtual methods, one non-virtual member defined
/// in the source), made by the factory store::NewCursor and passed back to
/// store::Count; store::Builder: virtual methods, no factory.
TuFacts cursor_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  auto cls = [&](const std::string& name, uint32_t line) -> SymbolFact& {
    uint32_t i = b.symbol(name, kHeader, SymbolKind::Class);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(kHeader, line);
    b.tu.symbols[i].is_polymorphic = true;
    return b.tu.symbols[i];
  };
  auto fn = [&](const std::string& name, SymbolKind kind, const std::string& parent, std::vector<Param> params,
                TypeInfo result, uint32_t line, const std::string& tail = "") -> SymbolFact& {
    uint32_t i = b.symbol(name, kSource, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(kHeader, line);
    s.def = at(kSource, line);
    if (!parent.empty()) s.parent_usr = "u:" + parent;
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()" + tail;
    return s;
  };
  auto pure = [&](const std::string& name, std::vector<Param> params, TypeInfo result, uint32_t line,
                  const std::string& tail = "") {
    SymbolFact& s = fn(name, SymbolKind::Method, "store::Cursor", std::move(params), std::move(result), line, tail);
    s.def = Loc{};
    s.is_virtual = s.is_pure = true;
  };
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo bool_t = type(TypeShape::Bool, "bool");
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  int_t.is_signed = true;
  TypeInfo str = type(TypeShape::String, "std::string");

  cls("store::Cursor", 5);
  fn("store::Cursor::~Cursor", SymbolKind::Destructor, "store::Cursor", {}, void_t, 7).is_virtual = true;
  pure("store::Cursor::Valid", {}, bool_t, 8, " const");
  pure("store::Cursor::Seek", {{"target", const_ref(str)}}, void_t, 9);
  pure("store::Cursor::key", {}, str, 10, " const");
  fn("store::Cursor::Cleanup", SymbolKind::Method, "store::Cursor", {{"n", int_t}}, void_t, 11);
  fn("store::NewCursor", SymbolKind::Function, "", {{"prefix", const_ref(str)}}, pointer(record("store::Cursor", true)),
     14);
  fn("store::Count", SymbolKind::Function, "", {{"cursor", pointer(record("store::Cursor", true))}}, int_t, 15);
  cls("store::Builder", 20);
  fn("store::Builder::Add", SymbolKind::Method, "store::Builder", {{"n", int_t}}, void_t, 21).is_virtual = true;

  uint32_t line = 1;
  for (const char* target : {"store::NewCursor", "store::Cursor::~Cursor", "store::Cursor::Cleanup", "store::Count",
                             "store::Cursor::Seek", "store::Builder::Add"})
    b.ref(kMain, ++line, target, kSource);
  b.include(kSource, 1, kHeader);
  b.include(kMain, 1, kHeader);
  return std::move(b.tu);
}

ServicePlan plan() {
  Project p;
  EXPECT_TRUE(test::build_from(cursor_facts(), test::src_modules({"app", "store"}), p));
  ModuleId m = p.find_module("store");
  return plan_service(p, m, module_interface(p, m));
}

const SkippedPlan* skipped(const ServicePlan& plan, const std::string& name) {
  for (const SkippedPlan& s : plan.skipped)
    if (s.name == name) return &s;
  return nullptr;
}
const RpcPlan* rpc(const ServicePlan& plan, const std::string& name) {
  for (const RpcPlan& r : plan.rpcs)
    if (r.rpc == name) return &r;
  return nullptr;
}

/// The generated file `name`.
std::string file(const ServicePlan& plan, const std::string& name) {
  return test::stub_file(plan, "seam split store -o out --force", name);
}

TEST(SplitInterfaces, APolymorphicClassTheModuleHandsOutBecomesARemoteInterface) {
  ServicePlan sp = plan();
  std::vector<std::string> names;
  for (const RpcPlan& r : sp.rpcs) names.push_back(r.rpc);
  // Declaration order: the destructor, every virtual method (pure ones too,
  // named or not by other modules), then the factory and the function taking one.
  EXPECT_EQ(names, (std::vector<std::string>{"ReleaseCursor", "CursorValid", "CursorSeek", "CursorKey", "NewCursor",
                                             "Count"}));
  ASSERT_EQ(sp.remote_classes.size(), 1u);
  const RemoteClassPlan& rc = sp.remote_classes[0];
  EXPECT_EQ(rc.qualified, "store::Cursor");
  EXPECT_TRUE(rc.interface);
  EXPECT_FALSE(rc.lazy);
  EXPECT_TRUE(rc.releases);
  EXPECT_EQ(rc.proxy, "CursorProxy");
  // The factory answers the new object's handle.
  const RpcPlan* make = rpc(sp, "NewCursor");
  ASSERT_NE(make, nullptr);
  EXPECT_EQ(make->role, RpcRole::Function);
  EXPECT_EQ(make->result_remote, 0);
  ASSERT_TRUE(make->result.has_value());
  EXPECT_EQ(make->result->type.scalar, "uint64");
  // A virtual method takes the handle in field 1.
  const RpcPlan* seek = rpc(sp, "CursorSeek");
  ASSERT_NE(seek, nullptr);
  EXPECT_EQ(seek->role, RpcRole::Method);
  ASSERT_EQ(seek->params.size(), 1u);
  EXPECT_EQ(seek->params[0].field.number, 2u);
  EXPECT_TRUE(rpc(sp, "CursorValid")->is_const);
  // A pointer passed back into the module travels as its handle.
  const RpcPlan* count = rpc(sp, "Count");
  ASSERT_EQ(count->params.size(), 1u);
  EXPECT_EQ(count->params[0].remote, 0);
  EXPECT_TRUE(count->params[0].pointer);
}

TEST(SplitInterfaces, WhatStaysInTheCallerSaysWhy) {
  ServicePlan sp = plan();
  const SkippedPlan* cleanup = skipped(sp, "store::Cursor::Cleanup");
  ASSERT_NE(cleanup, nullptr);
  EXPECT_EQ(cleanup->why.kind, SkipKind::StaysLocal);
  EXPECT_NE(cleanup->why.detail.find("non-virtual member of the remote interface store::Cursor"), std::string::npos)
      << cleanup->why.detail;
  // Without a factory a class with virtual methods is no remote interface.
  const SkippedPlan* add = skipped(sp, "store::Builder::Add");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->why.kind, SkipKind::HandleNeeded);
  EXPECT_NE(add->why.detail.find("no function of the module returns one as a pointer"), std::string::npos)
      << add->why.detail;
  EXPECT_EQ(sp.skipped.size(), 2u);
}

TEST(SplitInterfaces, TheClientReturnsAProxyDerivingFromTheClass) {
  ServicePlan sp = plan();
  const std::string client = file(sp, "store_client.cpp");
  for (const char* text :
       {"class CursorProxy final : public ::store::Cursor {", "explicit CursorProxy(std::uint64_t handle) {",
        "~CursorProxy() override {", "bool Valid() const override {", "void Seek(const std::string& target) override {",
        "std::string key() const override {", "auto& response = keep<::store::v1::CursorKeyResponse>();",
        "return handle == 0 ? nullptr : new CursorProxy(handle);", "store::Cursor* NewCursor(const std::string& prefix) {",
        "request.set_cursor(StoreRemote::handle(static_cast<const ::store::Cursor*>(cursor), \"store::Cursor\"));"})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  // Seek is not const: what earlier const calls returned may end there.
  size_t seek = client.find("void Seek(");
  ASSERT_NE(seek, std::string::npos);
  ASSERT_NE(client.find("kept_.clear();", seek), std::string::npos);
  EXPECT_LT(client.find("kept_.clear();", seek), client.find("std::string key()", seek));
  // The class's own members are not redefined in the client: they stay the module's.
  EXPECT_EQ(client.find("Cursor::~Cursor()"), std::string::npos);
  EXPECT_EQ(client.find("bool Cursor::Valid"), std::string::npos);

  const std::string server = file(sp, "store_server.cpp");
  for (const char* text : {"::store::Cursor* result = ::store::NewCursor(prefix);",
                           "response->set_result(result == nullptr ? 0 : adopt(cursor_objects_, "
                           "std::unique_ptr<::store::Cursor>(result), session));",
                           "auto* self = find(cursor_objects_, request->handle());", "self->Seek(target);"})
    EXPECT_NE(server.find(text), std::string::npos) << text << "\n" << server;
  const std::string readme = file(sp, "README.md");
  EXPECT_NE(readme.find("**Remote interfaces.**"), std::string::npos);
  EXPECT_NE(readme.find("the module's factories (`NewCursor`); the client holds a `CursorProxy`"), std::string::npos)
      << readme;
}

} // namespace
} // namespace seam::stubs
