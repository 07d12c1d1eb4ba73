// `seam split` on objects the caller passes in for the service to call back,
// from hand-built facts: a polymorphic class (shop::Watcher, implemented by
// the caller) and a concrete class of another module (stock::Stock, which a
// constructor binds by reference) become callback classes; their methods are
// rpcs of the reverse service ShopCallbacks, served by the client; the
// parameters travel as callback handles; `const T*` results map.
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
using test::ref;
using test::type;

const char* kService = "src/shop/service.h";
const char* kWatcher = "src/shop/watcher.h";
const char* kServiceSource = "src/shop/service.cpp";
const char* kStock = "src/stock/stock.h";
const char* kStockSource = "src/stock/stock.cpp";
const char* kMain = "src/app/main.cpp";

TuFacts facts() {
  TuBuilder b;
  b.tu.main_file = kServiceSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  auto cls = [&](const std::string& name, const char* header, uint32_t line, bool polymorphic) -> SymbolFact& {
    uint32_t i = b.symbol(name, header, SymbolKind::Class);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(header, line);
    b.tu.symbols[i].is_polymorphic = polymorphic;
    return b.tu.symbols[i];
  };
  auto fn = [&](const std::string& name, SymbolKind kind, const std::string& parent, const char* header,
                const char* source, std::vector<Param> params, TypeInfo result, uint32_t line,
                const std::string& tail = "") -> SymbolFact& {
    uint32_t i = b.symbol(name, source, kind);
    SymbolFact& s = b.tu.symbols[i];
    s.decl = at(header, line);
    s.def = at(source, line);
    if (!parent.empty()) s.parent_usr = "u:" + parent;
    s.params = std::move(params);
    s.result = std::move(result);
    s.signature = s.result.spelling + " ()" + tail;
    return s;
  };
  auto field = [&](const std::string& name, const std::string& parent, const char* header, TypeInfo t, uint32_t line) {
    uint32_t i = b.symbol(name, header, SymbolKind::Field);
    b.tu.symbols[i].decl = b.tu.symbols[i].def = at(header, line);
    b.tu.symbols[i].parent_usr = "u:" + parent;
    b.tu.symbols[i].result = std::move(t);
  };
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo int_t = type(TypeShape::Int, "int");
  int_t.bits = 32;
  int_t.is_signed = true;
  TypeInfo str = type(TypeShape::String, "std::string");
  TypeInfo int_ptr = pointer(pointer(int_t)); // int**: neither a value nor one value to fill

  // The caller's interface: implemented in app, called by shop.
  cls("shop::Watcher", kWatcher, 3, true);
  auto pure = [&](const std::string& name, std::vector<Param> params, TypeInfo result, uint32_t line,
                  const std::string& tail = "") {
    SymbolFact& s = fn(name, SymbolKind::Method, "shop::Watcher", kWatcher, kWatcher, std::move(params),
                       std::move(result), line, tail);
    s.def = Loc{};
    s.is_virtual = s.is_pure = true;
  };
  pure("shop::Watcher::on_event", {{"n", int_t}}, void_t, 5);
  pure("shop::Watcher::describe", {}, str, 6, " const");
  pure("shop::Watcher::bad", {{"slot", int_ptr}}, void_t, 7);

  // Another module's concrete class with private data.
  cls("stock::Stock", kStock, 3, false);
  field("stock::Stock::count_", "stock::Stock", kStock, int_t, 9);
  fn("stock::Stock::Stock", SymbolKind::Constructor, "stock::Stock", kStock, kStockSource, {{"start", int_t}}, void_t, 5);
  fn("stock::Stock::take", SymbolKind::Method, "stock::Stock", kStock, kStockSource, {{"n", int_t}}, int_t, 6);
  fn("stock::Stock::helper", SymbolKind::Method, "stock::Stock", kStock, kStockSource, {}, void_t, 7);

  // The module's class: binds the caller's Stock, takes the caller's watchers.
  SymbolFact& item = cls("shop::Item", kService, 2, false);
  item.kind = SymbolKind::Struct;
  item.is_aggregate = true;
  field("shop::Item::id", "shop::Item", kService, int_t, 2);
  cls("shop::Service", kService, 4, false);
  TypeInfo stock_ref = ref(record("stock::Stock"), false);
  field("shop::Service::stock_", "shop::Service", kService, stock_ref, 12);
  fn("shop::Service::Service", SymbolKind::Constructor, "shop::Service", kService, kServiceSource,
     {{"stock", stock_ref}}, void_t, 6);
  fn("shop::Service::watch", SymbolKind::Method, "shop::Service", kService, kServiceSource,
     {{"watcher", ref(record("shop::Watcher", true), false)}}, void_t, 7);
  fn("shop::Service::peek", SymbolKind::Method, "shop::Service", kService, kServiceSource,
     {{"watcher", pointer(record("shop::Watcher", true))}}, int_t, 8, " const");
  TypeInfo item_t = record("shop::Item");
  item_t.is_const = true;
  item_t.spelling = "const shop::Item";
  fn("shop::Service::find", SymbolKind::Method, "shop::Service", kService, kServiceSource, {{"id", int_t}},
     pointer(item_t), 9, " const");

  uint32_t line = 1;
  for (const char* target : {"shop::Service::Service", "shop::Service::watch", "shop::Service::peek",
                             "shop::Service::find", "stock::Stock::Stock"})
    b.ref(kMain, ++line, target, kServiceSource);
  b.ref(kServiceSource, 20, "stock::Stock::take", kStockSource);   // the service calls it: forwarded
  b.ref(kStockSource, 20, "stock::Stock::helper", kStockSource);  // only its own source does
  b.ref(kMain, 30, "shop::Watcher::on_event", kWatcher, RefKind::Override);
  for (const char* f : {kServiceSource, kMain}) {
    b.include(f, 1, kService);
    b.include(f, 2, kWatcher);
  }
  b.include(kService, 1, kStock);
  b.include(kStockSource, 1, kStock);
  return std::move(b.tu);
}

ServicePlan plan() {
  Project p;
  EXPECT_TRUE(test::build_from(facts(), test::src_modules({"app", "shop", "stock"}), p));
  ModuleId m = p.find_module("shop");
  return plan_service(p, m, module_interface(p, m));
}

const RpcPlan* rpc(const std::vector<RpcPlan>& rpcs, const std::string& name) {
  for (const RpcPlan& r : rpcs)
    if (r.rpc == name) return &r;
  return nullptr;
}

std::string file(const ServicePlan& plan, const std::string& name) {
  return test::stub_file(plan, "seam split shop -o out --force", name);
}

TEST(SplitCallbacks, TheCallersObjectsBecomeCallbackClassesWithTheirOwnRpcs) {
  ServicePlan sp = plan();
  ASSERT_EQ(sp.callback_classes.size(), 2u);
  EXPECT_EQ(sp.callbacks_service, "ShopCallbacks");
  EXPECT_EQ(sp.env_callback_addr, "SEAM_SHOP_CALLBACK_ADDR");
  // In the order the module's rpcs first use them (the constructor, then watch).
  const CallbackClassPlan& stock = sp.callback_classes[0];
  EXPECT_EQ(stock.qualified, "stock::Stock");
  EXPECT_FALSE(stock.polymorphic);
  EXPECT_EQ(stock.shell_args, "int{}");
  EXPECT_EQ(stock.shell_ctor, "Stock::Stock(int)");
  EXPECT_EQ(stock.excluded_sources, std::vector<std::string>{kStockSource});
  EXPECT_EQ(stock.rpcs, std::vector<std::string>{"StockTake"}); // helper: only its own source calls it
  ASSERT_EQ(stock.unserved.size(), 1u);
  EXPECT_EQ(stock.unserved[0].local_name, "helper");
  const CallbackClassPlan& watcher = sp.callback_classes[1];
  EXPECT_TRUE(watcher.polymorphic);
  EXPECT_EQ(watcher.proxy, "WatcherCallback");
  EXPECT_EQ(watcher.rpcs, (std::vector<std::string>{"WatcherOnEvent", "WatcherDescribe"}));
  ASSERT_EQ(watcher.unserved.size(), 1u); // bad(int**): the proxy overrides it, throwing
  EXPECT_EQ(watcher.unserved[0].local_name, "bad");
  // A callback rpc names its object in field 1, then the parameters.
  const RpcPlan* on_event = rpc(sp.callback_rpcs, "WatcherOnEvent");
  ASSERT_NE(on_event, nullptr);
  EXPECT_EQ(on_event->callback, 1);
  ASSERT_EQ(on_event->params.size(), 1u);
  EXPECT_EQ(on_event->params[0].field.number, 2u);
  EXPECT_TRUE(rpc(sp.callback_rpcs, "WatcherDescribe")->is_const);
  // The module's rpcs take callback handles; the Watcher's methods are no skip.
  const RpcPlan* ctor = rpc(sp.rpcs, "NewService");
  ASSERT_NE(ctor, nullptr);
  EXPECT_EQ(ctor->params[0].callback, 0);
  EXPECT_EQ(ctor->member_inits, std::vector<std::string>{"stock_(stock)"});
  EXPECT_EQ(rpc(sp.rpcs, "ServiceWatch")->params[0].callback, 1);
  EXPECT_FALSE(rpc(sp.rpcs, "ServiceWatch")->params[0].pointer);
  EXPECT_TRUE(rpc(sp.rpcs, "ServicePeek")->params[0].pointer);
  const RpcPlan* find = rpc(sp.rpcs, "ServiceFind");
  ASSERT_NE(find, nullptr);
  EXPECT_TRUE(find->result_pointer);
  for (const SkippedPlan& s : sp.skipped) ADD_FAILURE() << s.name << ": " << s.why.detail;
}

TEST(SplitCallbacks, TheProtoHasTheReverseService) {
  const std::string proto = file(plan(), "shop.proto");
  for (const char* text : {"message NewServiceRequest {\n  uint64 stock = 1;\n}",
                           "message ServiceWatchRequest {\n  uint64 handle = 1;\n  uint64 watcher = 2;\n}",
                           "message ServiceFindResponse {\n  Item result = 1;\n}",
                           "service ShopCallbacks {\n  // stock::Stock::take (src/stock/stock.h:6)\n"
                           "  rpc StockTake(StockTakeRequest) returns (StockTakeResponse);",
                           "message StockTakeRequest {\n  uint64 handle = 1;\n  int32 n = 2;\n}",
                           "message WatcherDescribeResponse {\n  string result = 1;\n}"})
    EXPECT_NE(proto.find(text), std::string::npos) << text << "\n" << proto;
}

TEST(SplitCallbacks, TheClientServesTheCallbacksAndTheServerCallsBack) {
  ServicePlan sp = plan();
  const std::string client = file(sp, "shop_client.cpp");
  for (const char* text :
       {"struct ShopCallbackHost {", "class ShopCallbacksImpl final : public ::shop::v1::ShopCallbacks::Service {",
        "auto* self = ShopCallbackHost::object<::shop::Watcher>(request->handle());", "self->on_event(n);",
        "const char* wanted = std::getenv(\"SEAM_SHOP_CALLBACK_ADDR\");",
        "if (!callbacks.empty()) context.AddMetadata(\"seam-callbacks\", callbacks);",
        "Service::Service(stock::Stock& stock) : stock_(stock) {",
        "request.set_watcher(ShopCallbackHost::handle(static_cast<const ::shop::Watcher*>(&watcher)));",
        "request.set_watcher(ShopCallbackHost::handle(static_cast<const ::shop::Watcher*>(watcher)));",
        "return ShopRemote::keep_result(this, \"ServiceFind\", std::move(result));"})
    EXPECT_NE(client.find(text), std::string::npos) << text << "\n" << client;
  const std::string server = file(sp, "shop_server.cpp");
  for (const char* text :
       {"class WatcherCallback final : public ::shop::Watcher {", "void on_event(int n) override {",
        "void bad(int **) override {\n    throw std::logic_error(\"shop::Watcher::bad is not forwarded",
        "namespace stock {\n\nStock::Stock(int) {}", "int Stock::take(int n) {",
        "auto* watcher = watcher_callback(request->watcher(), *context, session);",
        "object = std::make_shared<::stock::Stock>(int{});", "object = std::make_shared<WatcherCallback>();",
        "release_callbacks(last->first);"})
    EXPECT_NE(server.find(text), std::string::npos) << text << "\n" << server;
  // The client's concrete class stays out of the server's build.
  StubOrigin origin{"/p", "seam split shop -o out --force"};
  StubBuildInputs in;
  in.root = "/p";
  in.impl_sources = {kServiceSource, kStockSource};
  for (const GeneratedFile& f : generate_stub_files(sp, in, origin))
    if (f.name == "CMakeLists.txt") {
      EXPECT_NE(f.content.find("${SHOP_MONOLITH_ROOT}/src/shop/service.cpp"), std::string::npos) << f.content;
      EXPECT_EQ(f.content.find("    ${SHOP_MONOLITH_ROOT}/src/stock/stock.cpp"), std::string::npos) << f.content;
    }
}

} // namespace
} // namespace seam::stubs
