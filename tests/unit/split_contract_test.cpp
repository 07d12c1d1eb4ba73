// `seam split MODULE --contract CLASS` from hand-built facts: the plan (one
// rpc per pure virtual method, in declaration order, skips with reasons, the
// port's call sites), the proxy and service text, and every way CLASS can be
// the wrong class, with the message a user reads.
#include "analyzers/candidates/ports.h"
#include "analyzers/stubs/contract.h"
#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam::stubs {
namespace {

using test::TuBuilder;

TypeInfo type(TypeShape shape, const std::string& spelling, std::vector<TypeInfo> args = {}) {
  TypeInfo t;
  t.shape = shape;
  t.spelling = spelling;
  t.args = std::move(args);
  return t;
}
TypeInfo integer(const std::string& spelling, uint8_t bits) {
  TypeInfo t = type(TypeShape::Int, spelling);
  t.bits = bits;
  return t;
}
TypeInfo cref_string() {
  TypeInfo s = type(TypeShape::String, "std::string");
  s.is_const = true;
  s.spelling = "const std::string";
  TypeInfo r = type(TypeShape::Reference, "const std::string &", {s});
  r.is_const = true;
  return r;
}

SymbolFact& sym(TuBuilder& t, const std::string& name, const std::string& file, SymbolKind k, uint32_t line = 1) {
  SymbolFact& s = t.tu.symbols[t.symbol(name, file, k)];
  s.decl = s.def = Loc{t.file(file), line, 3};
  return s;
}

void ref(TuBuilder& t, const std::string& file, uint32_t line, const std::string& target, RefKind kind,
         const std::string& from, bool loop = false) {
  t.ref(file, line, target, "", kind);
  t.tu.refs.back().from = t.symbol(from, "");
  t.tu.refs.back().in_loop = loop;
}

/// p owns the port p::Observer (src/p/observer.h): on_event(name, count) at
/// line 8, on_thing(Thing*) at 9, pending() const at 10 (declared in that
/// order, listed otherwise). impl::Listener implements it; p calls on_event
/// in a loop, app calls pending. p::Counter is abstract but has data;
/// p::Plain is not abstract. Observer derives from the abstract p::Named,
/// whose name() const the proxy must override too.
Project observer_project() {
  TuBuilder t;
  const std::string h = "src/p/observer.h";
  SymbolFact& obs = sym(t, "p::Observer", h, SymbolKind::Class, 5);
  obs.is_abstract = obs.is_polymorphic = true;
  auto pure = [&](const std::string& name, uint32_t line, std::vector<Param> params, TypeInfo result,
                  const std::string& signature) {
    SymbolFact& m = sym(t, "p::Observer::" + name, h, SymbolKind::Method, line);
    m.def = Loc{};
    m.parent_usr = "u:p::Observer";
    m.is_virtual = m.is_pure = true;
    m.params = std::move(params);
    m.result = std::move(result);
    m.signature = signature;
  };
  pure("pending", 10, {}, integer("int", 32), "int () const");
  pure("on_thing", 9,
       {{"thing", type(TypeShape::Pointer, "p::Thing *", {type(TypeShape::Record, "p::Thing")})}},
       type(TypeShape::Void, "void"), "void (p::Thing *)");
  pure("on_event", 8, {{"name", cref_string()}, {"count", integer("int", 32)}}, type(TypeShape::Void, "void"),
       "void (const std::string &, int)");
  // Its base p::Named (another file) has one pure method, name() const.
  t.tu.symbols[t.symbol("p::Observer", h)].bases = {"u:p::Named"}; // `obs` may dangle by now
  SymbolFact& named = sym(t, "p::Named", "src/p/named.h", SymbolKind::Class, 2);
  named.is_abstract = named.is_polymorphic = true;
  SymbolFact& name = sym(t, "p::Named::name", "src/p/named.h", SymbolKind::Method, 4);
  name.def = Loc{};
  name.parent_usr = "u:p::Named";
  name.is_virtual = name.is_pure = true;
  name.result = type(TypeShape::String, "std::string");
  name.signature = "std::string () const";
  SymbolFact& dtor = sym(t, "p::Observer::~Observer", h, SymbolKind::Destructor, 6);
  dtor.parent_usr = "u:p::Observer";
  dtor.is_virtual = true;

  SymbolFact& counter = sym(t, "p::Counter", "src/p/counter.h", SymbolKind::Class, 3);
  counter.is_abstract = true;
  SymbolFact& tick = sym(t, "p::Counter::tick", "src/p/counter.h", SymbolKind::Method, 4);
  tick.parent_usr = "u:p::Counter";
  tick.is_pure = tick.is_virtual = true;
  sym(t, "p::Counter::count_", "src/p/counter.h", SymbolKind::Field, 6).parent_usr = "u:p::Counter";
  sym(t, "p::Plain", "src/p/plain.h", SymbolKind::Class, 2);

  sym(t, "p::notify_all", "src/p/service.cpp", SymbolKind::Function, 9);
  SymbolFact& lis = sym(t, "impl::Listener", "src/impl/listener.h", SymbolKind::Class, 3);
  lis.bases = {"u:p::Observer"};
  lis.is_polymorphic = true;
  SymbolFact& tally = sym(t, "impl::Tally", "src/impl/tally.h", SymbolKind::Class, 3);
  tally.bases = {"u:p::Counter"};
  sym(t, "app::main", "src/app/main.cpp", SymbolKind::Function, 1);
  ref(t, "src/impl/listener.h", 3, "p::Observer", RefKind::BaseClass, "impl::Listener");
  ref(t, "src/p/service.cpp", 10, "p::Observer::on_event", RefKind::Call, "p::notify_all", true);
  ref(t, "src/app/main.cpp", 4, "p::Observer::pending", RefKind::Call, "app::main");
  ref(t, "src/app/main.cpp", 7, "p::Counter::tick", RefKind::Call, "app::main");
  t.include("src/impl/listener.h", 1, "p/observer.h");
  t.tu.includes.back().included = t.file(h);
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "impl", "p"}), p));
  return p;
}

TEST(SplitContract, OneRpcPerPureVirtualMethodInDeclarationOrder) {
  Project p = observer_project();
  Ports ports = find_ports(p);
  ContractLookup c = find_contract(p, ports, p.find_module("impl"), "p::Observer");
  ASSERT_NE(c.port, nullptr) << c.error;
  ServicePlan plan = plan_contract(p, p.find_module("impl"), *c.port);

  EXPECT_EQ(plan.module, "impl");
  EXPECT_EQ(plan.base, "observer");
  EXPECT_EQ(plan.service, "Observer");
  EXPECT_EQ(plan.package, "observer.v1");
  EXPECT_EQ(plan.env_addr, "SEAM_OBSERVER_ADDR");
  ASSERT_TRUE(plan.contract);
  EXPECT_EQ(plan.contract->qualified, "p::Observer");
  EXPECT_EQ(plan.contract->ns, "p");
  EXPECT_EQ(plan.contract->client_class, "ObserverClient");
  EXPECT_EQ(plan.contract->header, "p/observer.h");
  EXPECT_EQ(plan.contract->implementations, std::vector<std::string>{"impl::Listener"});
  EXPECT_EQ(plan.contract->caller_modules, (std::vector<std::string>{"app", "p"}));

  // The base's operation (src/p/named.h sorts first), then the class's own.
  ASSERT_EQ(plan.rpcs.size(), 3u);
  EXPECT_EQ(plan.rpcs[0].rpc, "Name");
  EXPECT_TRUE(plan.rpcs[0].is_const);
  EXPECT_EQ(plan.rpcs[0].result->type.kind, WireKind::String);
  const RpcPlan& on_event = plan.rpcs[1];
  EXPECT_EQ(on_event.rpc, "OnEvent");
  EXPECT_EQ(on_event.local_name, "on_event");
  EXPECT_EQ(on_event.ns, "p");
  ASSERT_EQ(on_event.params.size(), 2u);
  EXPECT_EQ(on_event.params[0].field.name, "name");
  EXPECT_EQ(on_event.params[1].field.type.scalar, "int32");
  EXPECT_FALSE(on_event.is_const);
  EXPECT_EQ(plan.rpcs[2].rpc, "Pending");
  EXPECT_TRUE(plan.rpcs[2].is_const);
  ASSERT_TRUE(plan.rpcs[2].result);
  EXPECT_EQ(plan.rpcs[2].result->type.scalar, "int32");

  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].name, "p::Observer::on_thing");
  EXPECT_NE(plan.skipped[0].why.detail.find("parameter 'thing'"), std::string::npos) << plan.skipped[0].why.detail;

  // The port's calls are the sites that become remote, the loop first.
  ASSERT_EQ(plan.remote_sites.size(), 2u);
  EXPECT_EQ(plan.remote_sites[0].where, "src/p/service.cpp:10:5");
  EXPECT_TRUE(plan.remote_sites[0].in_loop);
  EXPECT_EQ(plan.remote_sites[0].rpc, "OnEvent");
  EXPECT_EQ(plan.remote_sites[1].where, "src/app/main.cpp:4:5");
  EXPECT_EQ(on_event.call_sites, 1u);
  EXPECT_EQ(on_event.loop_sites, 1u);
}

TEST(SplitContract, TheProxyOverridesEveryOperationAndTheServiceCallsTheImplementation) {
  Project p = observer_project();
  Ports ports = find_ports(p);
  ContractLookup c = find_contract(p, ports, p.find_module("impl"), "::p::Observer");
  ASSERT_NE(c.port, nullptr) << c.error;
  ServicePlan plan = plan_contract(p, p.find_module("impl"), *c.port);
  StubOrigin origin{"/p", "seam split impl --contract p::Observer -o out --force"};
  std::vector<GeneratedFile> files = generate_stub_files(plan, StubBuildInputs{}, origin);
  std::map<std::string, std::string> text;
  for (const GeneratedFile& f : files) text[f.name] = f.content;
  ASSERT_EQ(text.size(), 8u);
  for (const char* name : {"observer.proto", "observer_convert.h", "observer_client.h", "observer_client.cpp",
                           "observer_server.h", "observer_server.cpp", "CMakeLists.txt", "README.md"})
    EXPECT_TRUE(text.count(name)) << name;

  const std::string& proto = text["observer.proto"];
  EXPECT_NE(proto.find("service Observer {"), std::string::npos) << proto;
  EXPECT_NE(proto.find("  rpc OnEvent(OnEventRequest) returns (OnEventResponse);"), std::string::npos) << proto;
  EXPECT_NE(proto.find("  rpc Pending(PendingRequest) returns (PendingResponse);"), std::string::npos) << proto;
  EXPECT_EQ(proto.find("OnThing"), std::string::npos) << proto;

  const std::string& header = text["observer_client.h"];
  EXPECT_NE(header.find("#include \"p/observer.h\""), std::string::npos) << header;
  EXPECT_NE(header.find("\nnamespace p {\n"), std::string::npos) << header;
  EXPECT_NE(header.find("class ObserverClient final : public ::p::Observer {"), std::string::npos) << header;
  EXPECT_NE(header.find("void on_event(const std::string& name, int count) override;"), std::string::npos) << header;
  EXPECT_NE(header.find("int pending() const override;"), std::string::npos) << header;
  EXPECT_NE(header.find("std::string name() const override;"), std::string::npos) << header;
  // The skipped operation is overridden too (the proxy stays concrete), throwing.
  EXPECT_NE(header.find("void on_thing(p::Thing* thing) override;"), std::string::npos) << header;

  const std::string& client = text["observer_client.cpp"];
  EXPECT_NE(client.find("int ObserverClient::pending() const {"), std::string::npos) << client;
  EXPECT_NE(client.find("stub_->stub->Pending(&context, request, &response)"), std::string::npos) << client;
  EXPECT_NE(client.find("std::getenv(\"SEAM_OBSERVER_ADDR\")"), std::string::npos) << client;
  EXPECT_NE(client.find("void ObserverClient::on_thing(p::Thing*) {\n  throw std::logic_error(\"Observer::on_thing is "
                        "not served remotely (src/p/observer.h:9): write this override by hand\");"),
            std::string::npos)
      << client;

  const std::string& server_h = text["observer_server.h"];
  EXPECT_NE(server_h.find("explicit ObserverImpl(::p::Observer& target) : target_(target) {}"), std::string::npos)
      << server_h;
  const std::string& server = text["observer_server.cpp"];
  EXPECT_NE(server.find("target_.on_event(name, count);"), std::string::npos) << server;
  EXPECT_NE(server.find("auto result = target_.pending();"), std::string::npos) << server;
  EXPECT_EQ(server.find("int main("), std::string::npos);

  const std::string& cmake = text["CMakeLists.txt"];
  EXPECT_NE(cmake.find("add_library(observer_server STATIC observer_server.cpp)"), std::string::npos) << cmake;
  EXPECT_EQ(cmake.find("add_executable"), std::string::npos) << cmake;

  const std::string& readme = text["README.md"];
  EXPECT_NE(readme.find("# Observer as a service, served by impl"), std::string::npos) << readme;
  EXPECT_NE(readme.find("implemented by `impl::Listener` and called from the modules `app`, `p`"), std::string::npos)
      << readme;
  EXPECT_NE(readme.find("| `p::Observer::on_thing` | method | `src/p/observer.h:9` |"), std::string::npos) << readme;
}

TEST(SplitContract, WrongClassesAreExplained) {
  Project p = observer_project();
  Ports ports = find_ports(p);
  const ModuleId impl = p.find_module("impl");

  // The unqualified name works when one class has it.
  EXPECT_NE(find_contract(p, ports, impl, "Observer").port, nullptr);

  ContractLookup typo = find_contract(p, ports, impl, "p::Obsrever");
  EXPECT_EQ(typo.port, nullptr);
  EXPECT_EQ(typo.error, "unknown class 'p::Obsrever'; did you mean p::Observer? The ports are: p::Observer.");

  ContractLookup nothing = find_contract(p, ports, impl, "Zebra");
  EXPECT_EQ(nothing.error, "unknown class 'Zebra'. The ports are: p::Observer.");

  ContractLookup caller = find_contract(p, ports, p.find_module("app"), "p::Observer");
  EXPECT_EQ(caller.port, nullptr);
  EXPECT_EQ(caller.error, "'p::Observer' is a port, but module 'app' does not implement it: it is implemented by "
                          "impl::Listener (impl) and called from app, p; run `seam split impl --contract p::Observer`");

  ContractLookup data = find_contract(p, ports, impl, "p::Counter");
  EXPECT_EQ(data.port, nullptr);
  EXPECT_EQ(data.error, "'p::Counter' (src/p/counter.h:3) is not a port: it has a data member 'count_' "
                        "(src/p/counter.h:6); a contract has only pure virtual methods and no data, so its "
                        "implementation can live in another process");

  ContractLookup plain = find_contract(p, ports, impl, "p::Plain");
  EXPECT_EQ(plain.port, nullptr);
  EXPECT_EQ(plain.error, "'p::Plain' (src/p/plain.h:2) is not a port: it has no pure virtual method, so it is a "
                         "class to move, not a contract");

  ContractLookup concrete = find_contract(p, ports, impl, "impl::Listener");
  EXPECT_NE(concrete.error.find("it has no pure virtual method"), std::string::npos) << concrete.error;
}

} // namespace
} // namespace seam::stubs
