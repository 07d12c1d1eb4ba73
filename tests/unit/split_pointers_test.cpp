// `seam split` on raw pointers to objects of the service (issue #19 item 5),
// from hand-built facts: `T** items, int n` of a remote interface is an array
// of handles once seam.json says who owns the objects after the call; a
// callee that takes them over gets them out of the service's registry (or
// both would delete them, as leveldb's NewMergingIterator does its children),
// and the client's proxies forget their handles. Undeclared, the skip names
// the exact seam.json entry to write.
#include "analyzers/model/interface.h"
#include "analyzers/stubs/ownership_check.h"
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

/// store::Cursor (virtual destructor, pure Next) made by store::NewCursor;
/// store::Merge(Cursor** children, int n) and store::Wrap(Cursor* inner)
/// return new cursors over the ones passed in; store::Peek(Cursor** list,
/// int n) returns an int.
TuFacts pointer_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  int_t.is_signed = true;
  TypeInfo cursor_ptr = pointer(record("store::Cursor", true));
  TypeInfo cursor_array = pointer(cursor_ptr);
  auto fn = [&](const std::string& name, SymbolKind kind, std::vector<Param> params, TypeInfo result,
                uint32_t line) -> SymbolFact& {
    uint32_t i = b.symbol(name, kSource, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(kHeader, line);
    s.def = at(kSource, line);
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()";
    return s;
  };
  uint32_t c = b.symbol("store::Cursor", kHeader, SymbolKind::Class);
  b.tu.symbols[c].decl = b.tu.symbols[c].def = at(kHeader, 3);
  b.tu.symbols[c].is_polymorphic = true;
  SymbolFact& dtor = fn("store::Cursor::~Cursor", SymbolKind::Destructor, {}, void_t, 4);
  dtor.parent_usr = "u:store::Cursor";
  dtor.is_virtual = true;
  SymbolFact& next = fn("store::Cursor::Next", SymbolKind::Method, {}, void_t, 5);
  next.parent_usr = "u:store::Cursor";
  next.def = Loc{};
  next.is_virtual = next.is_pure = true;
  fn("store::NewCursor", SymbolKind::Function, {}, cursor_ptr, 8);
  fn("store::Merge", SymbolKind::Function, {{"children", cursor_array}, {"n", int_t}}, cursor_ptr, 9);
  fn("store::Wrap", SymbolKind::Function, {{"inner", cursor_ptr}}, cursor_ptr, 10);
  fn("store::Peek", SymbolKind::Function, {{"list", cursor_array}, {"n", int_t}}, int_t, 11);
  // leveldb's Table::InternalGet shape: a context pointer and a function called with it.
  TypeInfo context = pointer(type(TypeShape::Void, "void"));
  fn("store::Scan", SymbolKind::Function,
     {{"arg", context}, {"each", type(TypeShape::Function, "void (*)(void *, int)")}}, void_t, 12);

  uint32_t line = 1;
  for (const char* target : {"store::NewCursor", "store::Merge", "store::Wrap", "store::Peek", "store::Scan"})
    b.ref(kMain, ++line, target, kSource);
  b.include(kSource, 1, kHeader);
  b.include(kMain, 1, kHeader);
  return std::move(b.tu);
}

/// The plan under a seam.json whose "ownership" says `peek` of Peek's list
/// ("" = nothing) and that Merge and Wrap take theirs over.
ServicePlan plan(const std::string& peek) {
  Config config = test::src_modules({"app", "store"});
  config.ownership.push_back(OwnershipDecl{"store::Merge", "children", true, {}});
  config.ownership.push_back(OwnershipDecl{"store::Wrap", "inner", true, {}});
  if (!peek.empty()) config.ownership.push_back(OwnershipDecl{"store::Peek", "list", peek == "takes", {}});
  Project p;
  EXPECT_TRUE(test::build_from(pointer_facts(), config, p));
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

TEST(SplitPointers, AnArrayOfTheServicesObjectsIsRepeatedHandles) {
  ServicePlan sp = plan("");
  const RpcPlan* merge = rpc(sp, "Merge");
  ASSERT_NE(merge, nullptr);
  ASSERT_EQ(merge->params.size(), 2u);
  EXPECT_EQ(merge->params[0].remote, 0);
  EXPECT_TRUE(merge->params[0].array);
  EXPECT_TRUE(merge->params[0].handed_over);
  EXPECT_TRUE(merge->params[1].count);
  EXPECT_EQ(merge->result_remote, 0);
  const std::string proto = file(sp, "store.proto");
  EXPECT_NE(proto.find("message MergeRequest {\n  repeated uint64 children = 1;\n}"), std::string::npos) << proto;
  EXPECT_NE(proto.find("message WrapRequest {\n  uint64 inner = 1;\n}"), std::string::npos) << proto;
}

TEST(SplitPointers, ObjectsTheCalleeTakesOverLeaveTheRegistryAndTheirProxiesGo) {
  ServicePlan sp = plan("");
  const std::string server = file(sp, "store_server.cpp");
  // Every handle is found first (an unknown one is NOT_FOUND before anything
  // changes), then the registry lets go of them, then the call.
  const size_t found = server.find("auto* found = find(cursor_objects_, handle);");
  const size_t take = server.find("for (const std::uint64_t handle : request->children()) take(cursor_objects_, handle);");
  const size_t call = server.find("::store::Cursor* result = ::store::Merge(children.data(), "
                                  "static_cast<int>(children.size()));");
  ASSERT_NE(found, std::string::npos) << server;
  ASSERT_NE(take, std::string::npos) << server;
  ASSERT_NE(call, std::string::npos) << server;
  EXPECT_LT(found, take);
  EXPECT_LT(take, call);
  EXPECT_NE(server.find("if (found == nullptr && handle != 0) return not_found(\"store::Cursor\", handle);"),
            std::string::npos);
  EXPECT_NE(server.find("take(cursor_objects_, request->inner());"), std::string::npos) << server;
  const std::string header = file(sp, "store_server.h");
  EXPECT_NE(header.find("void take(std::map<std::uint64_t, std::unique_ptr<T>>& objects, std::uint64_t handle) {"),
            std::string::npos)
      << header;

  const std::string client = file(sp, "store_client.cpp");
  for (const char* text :
       {"for (decltype(n) i = 0; i < n; ++i) {\n"
        "    request.add_children(StoreRemote::handle(static_cast<const ::store::Cursor*>(children[i]), "
        "\"store::Cursor\"));",
        "  for (decltype(n) i2 = 0; i2 < n; ++i2) {\n"
        "    StoreRemote::release(static_cast<const ::store::Cursor*>(children[i2]));\n    delete children[i2];",
        "  if (inner != nullptr) {\n    StoreRemote::release(static_cast<const ::store::Cursor*>(inner));\n"
        "    delete inner;"})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  // The proxies go after the call succeeded, not before (a failed call throws first).
  EXPECT_LT(client.find("StoreRemote::check("), client.find("delete children[i2];"));
}

TEST(SplitPointers, WithoutADeclarationTheSkipSaysWhatToWrite) {
  ServicePlan sp = plan("");
  const SkippedPlan* peek = nullptr;
  for (const SkippedPlan& s : sp.skipped)
    if (s.name == "store::Peek") peek = &s;
  ASSERT_NE(peek, nullptr);
  EXPECT_EQ(peek->why.kind, SkipKind::RawPointer);
  EXPECT_NE(peek->why.detail.find("an array of store::Cursor objects of the service, which can travel as their "
                                  "handles; but who owns them after the call?"),
            std::string::npos)
      << peek->why.detail;
  EXPECT_NE(peek->why.detail.find("\"ownership\": {\"store::Peek\": {\"list\": \"takes\"}}"), std::string::npos)
      << peek->why.detail;
}

TEST(SplitPointers, AFunctionPointerWithItsVoidContextIsNamedAsOneCallback) {
  ServicePlan sp = plan("");
  const SkippedPlan* scan = nullptr;
  for (const SkippedPlan& s : sp.skipped)
    if (s.name == "store::Scan") scan = &s;
  ASSERT_NE(scan, nullptr);
  // Not "'arg': void * is a raw pointer": the pair is one callback, and the detail says what to decide.
  EXPECT_EQ(scan->why.kind, SkipKind::Callback);
  EXPECT_EQ(scan->why.detail.rfind("parameters 'each' (void (*)(void *, int)) and 'arg' (void *): a C callback", 0), 0u)
      << scan->why.detail;
  EXPECT_NE(scan->why.detail.find("Decide: give store::Scan an interface parameter instead of the pair"),
            std::string::npos)
      << scan->why.detail;
}

TEST(SplitPointers, ABorrowedArrayStaysInTheRegistry) {
  ServicePlan sp = plan("borrows");
  const RpcPlan* peek = rpc(sp, "Peek");
  ASSERT_NE(peek, nullptr);
  EXPECT_TRUE(peek->params[0].array);
  EXPECT_FALSE(peek->params[0].handed_over);
  const std::string server = file(sp, "store_server.cpp");
  const size_t at = server.find("::grpc::Status StoreServiceImpl::Peek(");
  ASSERT_NE(at, std::string::npos);
  const std::string body = server.substr(at, server.find("\n}\n", at) - at);
  EXPECT_NE(body.find("auto result = ::store::Peek(list.data(), static_cast<int>(list.size()));"), std::string::npos)
      << body;
  EXPECT_EQ(body.find("take("), std::string::npos) << body;
}

TEST(SplitPointers, AnOwnershipEntryNamingNothingIsAnErrorAtItsLine) {
  Config config = test::src_modules({"app", "store"});
  config.path = "/p/seam.json";
  config.ownership.push_back(OwnershipDecl{"store::Merge", "children", true, {3, 5}});
  config.ownership.push_back(OwnershipDecl{"store::Merge", "kids", true, {4, 5}});
  config.ownership.push_back(OwnershipDecl{"store::Mreg", "children", true, {5, 3}});
  Project p;
  ASSERT_TRUE(test::build_from(pointer_facts(), config, p));
  std::vector<std::string> got;
  for (const ConfigError& e : check_ownership(p)) got.push_back(e.format());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "/p/seam.json:4:5: error: \"ownership\": store::Merge has no parameter 'kids'; its parameters "
                     "are 'children', 'n'",
                     "/p/seam.json:5:3: error: \"ownership\": no function 'store::Mreg' in the project; give the "
                     "qualified name of a function or method, as `seam split` prints it"}));
}

} // namespace
} // namespace seam::stubs
