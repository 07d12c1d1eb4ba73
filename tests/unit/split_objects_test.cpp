// `seam split` on classes, from hand-built facts: which members of a class
// become rpcs of a remote object (constructors return a handle, methods and
// the destructor take it, objects passed back travel as it), which are skipped
// and why, and classes sent by value through a user conversion (seam.json
// "conversions").
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
using test::record;
using test::ref;
using test::type;

const char* kHeader = "src/store/table.h";
const char* kSource = "src/store/table.cpp";
const char* kMain = "src/app/main.cpp";

/// store::Table (a class with private state, a constructor, an out-of-line
/// destructor nobody names), store::Key (not an aggregate), store::Builder
/// (virtual methods), used from app/main.cpp.
TuFacts store_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  auto cls = [&](const std::string& name, uint32_t line) -> SymbolFact& {
    uint32_t i = b.symbol(name, kHeader, SymbolKind::Class);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(kHeader, line);
    return b.tu.symbols[i];
  };
  auto member = [&](const std::string& name, SymbolKind kind, const std::string& parent, std::vector<Param> params,
                    TypeInfo result, uint32_t line, const std::string& tail = "") -> SymbolFact& {
    uint32_t i = b.symbol(name, kSource, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(kHeader, line);
    s.def = at(kSource, line);
    s.parent_usr = "u:" + parent;
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()" + tail;
    return s;
  };
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  int_t.is_signed = true;
  TypeInfo str = type(TypeShape::String, "std::string");

  cls("store::Key", 3);
  uint32_t data = b.symbol("store::Key::data_", kHeader, SymbolKind::Field);
  b.tu.symbols[data].parent_usr = "u:store::Key";
  b.tu.symbols[data].result = str;
  b.tu.symbols[data].decl = b.tu.symbols[data].def = at(kHeader, 4);
  cls("store::Table", 6);
  uint32_t rows = b.symbol("store::Table::rows_", kHeader, SymbolKind::Field);
  b.tu.symbols[rows].parent_usr = "u:store::Table";
  b.tu.symbols[rows].result = int_t;
  b.tu.symbols[rows].decl = b.tu.symbols[rows].def = at(kHeader, 30);
  cls("store::Builder", 20).is_polymorphic = true;

  member("store::Table::Table", SymbolKind::Constructor, "store::Table", {{"name", str}}, void_t, 7);
  member("store::Table::~Table", SymbolKind::Destructor, "store::Table", {}, void_t, 8, " noexcept");
  member("store::Table::Get", SymbolKind::Method, "store::Table", {{"key", ref(record("store::Key"), true)}}, int_t, 9,
         " const");
  member("store::Table::Merge", SymbolKind::Method, "store::Table", {{"other", ref(record("store::Table"), false)}},
         void_t, 10);
  TypeInfo self = type(TypeShape::Pointer, "store::Table *", {record("store::Table")});
  member("store::Table::Self", SymbolKind::Method, "store::Table", {}, self, 11);
  SymbolFact& in = member("store::Table::Rows", SymbolKind::Method, "store::Table", {}, int_t, 12, " const");
  in.def = at(kHeader, 12);
  in.is_inline = true;
  member("store::Builder::Add", SymbolKind::Method, "store::Builder", {{"n", int_t}}, void_t, 21).is_virtual = true;

  for (auto [line, target] : std::vector<std::pair<uint32_t, const char*>>{{3, "store::Table::Table"},
                                                                          {4, "store::Table::Get"},
                                                                          {5, "store::Table::Merge"},
                                                                          {6, "store::Table::Self"},
                                                                          {7, "store::Table::Rows"},
                                                                          {8, "store::Builder::Add"}})
    b.ref(kMain, line, target, kSource);
  b.tu.refs[3].in_loop = true;
  b.include(kSource, 1, kHeader);
  b.include(kMain, 1, kHeader);
  return std::move(b.tu);
}

ServicePlan plan_with(const Config& config) {
  Project p;
  EXPECT_TRUE(test::build_from(store_facts(), config, p));
  ModuleId m = p.find_module("store");
  return plan_service(p, m, module_interface(p, m));
}

Config store_config() { return test::src_modules({"app", "store"}); }

Config with_key_conversion() {
  Config c = store_config();
  ConversionDecl d;
  d.cpp = "store::Key";
  d.wire = "bytes";
  d.to = "$.bytes()";
  d.from = "store::Key($)";
  d.include = "store/key_wire.h";
  c.conversions.push_back(d);
  return c;
}

const SkippedPlan* skipped(const ServicePlan& plan, const std::string& name) {
  for (const SkippedPlan& s : plan.skipped)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> rpc_names(const ServicePlan& plan) {
  std::vector<std::string> out;
  for (const RpcPlan& r : plan.rpcs) out.push_back(r.rpc);
  return out;
}

/// The generated file `name`.
std::string file(const ServicePlan& plan, const std::string& name) {
  return test::stub_file(plan, "seam split store -o out --force", name);
}

TEST(SplitObjects, AClassWithPrivateStateBecomesARemoteObject) {
  ServicePlan plan = plan_with(with_key_conversion());
  // The destructor nobody names is served too: it releases the object.
  EXPECT_EQ(rpc_names(plan), (std::vector<std::string>{"NewTable", "ReleaseTable", "TableGet", "TableMerge"}));
  ASSERT_EQ(plan.remote_classes.size(), 1u);
  const RemoteClassPlan& rc = plan.remote_classes[0];
  EXPECT_EQ(rc.qualified, "store::Table");
  EXPECT_FALSE(rc.lazy); // it declares constructors
  EXPECT_TRUE(rc.releases);
  EXPECT_EQ(rc.rpcs, (std::vector<std::string>{"NewTable", "ReleaseTable", "TableGet", "TableMerge"}));
  EXPECT_EQ(plan.rpcs[0].role, RpcRole::Constructor);
  EXPECT_EQ(plan.rpcs[1].role, RpcRole::Destructor);
  const RpcPlan& get = plan.rpcs[2];
  EXPECT_EQ(get.role, RpcRole::Method);
  EXPECT_TRUE(get.is_const);
  EXPECT_EQ(get.local_name, "Table::Get");
  ASSERT_EQ(get.params.size(), 1u);
  EXPECT_EQ(get.params[0].field.number, 2u); // 1 is the handle
  EXPECT_TRUE(get.params[0].field.type.bytes);
  // An object passed back into the module travels as its handle.
  const RpcPlan& merge = plan.rpcs[3];
  ASSERT_EQ(merge.params.size(), 1u);
  EXPECT_EQ(merge.params[0].remote, 0);
  EXPECT_FALSE(merge.params[0].pointer);
  EXPECT_EQ(merge.params[0].field.type.scalar, "uint64");
  EXPECT_NE(std::find(plan.headers.begin(), plan.headers.end(), "store/key_wire.h"), plan.headers.end());
}

TEST(SplitObjects, WhatCannotBeARemoteObjectSaysWhatToDecide) {
  ServicePlan plan = plan_with(with_key_conversion());
  const SkippedPlan* self = skipped(plan, "store::Table::Self");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->why.kind, SkipKind::HandleNeeded);
  EXPECT_NE(self->why.detail.find("returns an object the service owns"), std::string::npos) << self->why.detail;
  const SkippedPlan* rows = skipped(plan, "store::Table::Rows");
  ASSERT_NE(rows, nullptr);
  EXPECT_EQ(rows->why.kind, SkipKind::StaysLocal);
  EXPECT_NE(rows->why.detail.find("proxy object's own fields"), std::string::npos) << rows->why.detail;
  const SkippedPlan* add = skipped(plan, "store::Builder::Add");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->why.kind, SkipKind::HandleNeeded);
  EXPECT_NE(add->why.detail.find("store::Builder, which has virtual methods"), std::string::npos) << add->why.detail;
  EXPECT_EQ(plan.skipped.size(), 3u);
}

TEST(SplitObjects, WithoutAConversionAClassWithPrivateDataIsNotAValue) {
  ServicePlan plan = plan_with(store_config());
  EXPECT_EQ(rpc_names(plan), (std::vector<std::string>{"NewTable", "ReleaseTable", "TableMerge"}));
  const SkippedPlan* get = skipped(plan, "store::Table::Get");
  ASSERT_NE(get, nullptr);
  EXPECT_EQ(get->why.kind, SkipKind::HandleNeeded);
  EXPECT_NE(get->why.detail.find("store::Key is not an aggregate"), std::string::npos) << get->why.detail;
}

TEST(SplitObjects, GeneratedCodeCarriesHandlesAndConversions) {
  ServicePlan plan = plan_with(with_key_conversion());
  const std::string proto = file(plan, "store.proto");
  for (const char* text : {"message NewTableResponse {\n  uint64 handle = 1;\n}",
                           "message ReleaseTableRequest {\n  uint64 handle = 1;\n}",
                           "message TableGetRequest {\n  uint64 handle = 1;\n  bytes key = 2;\n}",
                           "message TableMergeRequest {\n  uint64 handle = 1;\n  uint64 other = 2;\n}"})
    EXPECT_NE(proto.find(text), std::string::npos) << text << "\n" << proto;
  const std::string client = file(plan, "store_client.cpp");
  for (const char* text : {"Table::Table(std::string name) {", "StoreRemote::adopt(this, response.handle());",
                           "Table::~Table() noexcept {", "const std::uint64_t handle = StoreRemote::release(this);",
                           "int Table::Get(const store::Key& key) const {",
                           "request.set_handle(StoreRemote::handle(this, \"store::Table\"));",
                           "request.set_key((key).bytes());",
                           "request.set_other(StoreRemote::handle(&other, \"store::Table\"));",
                           "context.AddMetadata(\"seam-session\", session());", "#include \"store/key_wire.h\""})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  const std::string server = file(plan, "store_server.cpp");
  for (const char* text : {"auto object = std::make_unique<::store::Table>(name);",
                           "response->set_handle(adopt(table_objects_, std::move(object), session));",
                           "auto* self = find(table_objects_, request->handle());",
                           "store::Key key = store::Key((request->key()));", "auto result = self->Get(key);",
                           "auto* other = find(table_objects_, request->other());", "self->Merge(*other);",
                           "release(request->handle());", "std::getenv(\"SEAM_STORE_LEASE_SECONDS\")"})
    EXPECT_NE(server.find(text), std::string::npos) << text << "\n" << server;
  const std::string readme = file(plan, "README.md");
  for (const char* text : {"## Remote objects", "| `store::Table` | `src/store/table.h:6` | its constructors | its "
                                                "destructor, or the lease | `NewTable`, `ReleaseTable`, `TableGet`, "
                                                "`TableMerge` |",
                           "`SEAM_STORE_LEASE_SECONDS` seconds"})
    EXPECT_NE(readme.find(text), std::string::npos) << text << "\n" << readme;
  // Same facts, same files.
  EXPECT_EQ(file(plan_with(with_key_conversion()), "store_server.cpp"), server);
}

} // namespace
} // namespace seam::stubs
