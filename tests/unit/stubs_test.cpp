// `seam split` from hand-built facts: which functions become rpcs and which
// are skipped with what reason, the proto, client, server and README text,
// remote call sites (loops first), safe names, and determinism.
#include "analyzers/model/interface.h"
#include "analyzers/stubs/build_inputs.h"
#include "analyzers/stubs/names.h"
#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

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
TypeInfo str() { return type(TypeShape::String, "std::string"); }
TypeInfo cref(TypeInfo t) {
  t.is_const = true;
  std::string s = "const " + t.spelling;
  t.spelling = s;
  TypeInfo r = type(TypeShape::Reference, s + " &", {t});
  r.is_const = true;
  return r;
}
TypeInfo named(TypeShape shape, const std::string& name) {
  TypeInfo t = type(shape, name);
  t.decl_usr = "u:" + name;
  return t;
}

const char* kHeader = "src/billing/billing.h";
const char* kSource = "src/billing/billing.cpp";
const char* kMain = "src/app/main.cpp";

/// The billing module, as one TU of billing.cpp and one of app/main.cpp would report it.
std::vector<TuFacts> billing_facts() {
  TuBuilder b;
  b.tu.main_file = kSource;
  auto at = [&](const char* file, uint32_t line) { return Loc{b.file(file), line, 1}; };
  // A function declared in the header at `line`, defined in billing.cpp.
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
  TypeInfo void_t = type(TypeShape::Void, "void");
  TypeInfo dbl = type(TypeShape::Float, "double");
  dbl.bits = 64;

  // Types: enum Status { Open = 1, Paid = 2 } (no zero), struct Invoice.
  b.symbol("billing::Status", kHeader, SymbolKind::Enum);
  b.tu.symbols.back().decl = b.tu.symbols.back().def = at(kHeader, 3);
  for (auto [v, n] : {std::pair<const char*, int>{"Open", 1}, {"Paid", 2}}) {
    uint32_t c = b.symbol(std::string("billing::Status::") + v, kHeader, SymbolKind::EnumConstant);
    b.tu.symbols[c].parent_usr = "u:billing::Status";
    b.tu.symbols[c].enum_value = n;
    b.tu.symbols[c].decl = b.tu.symbols[c].def = at(kHeader, 3 + n);
  }
  uint32_t inv = b.symbol("billing::Invoice", kHeader, SymbolKind::Struct);
  b.tu.symbols[inv].is_aggregate = true;
  b.tu.symbols[inv].decl = b.tu.symbols[inv].def = at(kHeader, 6);
  std::vector<std::pair<std::string, TypeInfo>> fields = {
      {"id", integer("std::int64_t", 64)},
      {"lines", type(TypeShape::Sequence, "std::vector<std::string>", {str()})},
      {"status", named(TypeShape::Enum, "billing::Status")},
      {"totalCents", integer("long", 64)}};
  for (size_t i = 0; i < fields.size(); ++i) {
    uint32_t f = b.symbol("billing::Invoice::" + fields[i].first, kHeader, SymbolKind::Field);
    b.tu.symbols[f].parent_usr = "u:billing::Invoice";
    b.tu.symbols[f].result = fields[i].second;
    b.tu.symbols[f].decl = b.tu.symbols[f].def = at(kHeader, static_cast<uint32_t>(7 + i));
  }
  uint32_t reg = b.symbol("billing::Registry", kHeader, SymbolKind::Class);
  b.tu.symbols[reg].decl = b.tu.symbols[reg].def = at(kHeader, 18);

  // Functions, in declaration order (the facts list them otherwise: by name).
  fn("billing::refund", SymbolKind::Function, {{"amount", integer("long", 64)}, {"", cref(str())}},
     type(TypeShape::Bool, "bool"), 12);
  fn("billing::charge", SymbolKind::Function, {{"invoice", cref(named(TypeShape::Record, "billing::Invoice"))}}, dbl,
     11);
  SymbolFact& lookup = fn("billing::Registry::lookup", SymbolKind::StaticMethod, {{"id", integer("int", 32)}},
                          type(TypeShape::Optional, "std::optional<std::string>", {str()}), 19);
  lookup.parent_usr = "u:billing::Registry";
  fn("billing::Ledger::total", SymbolKind::Method, {}, dbl, 25);
  fn("billing::set_sink", SymbolKind::Function,
     {{"sink", type(TypeShape::Pointer, "billing::Sink *", {named(TypeShape::Record, "billing::Sink")})}}, void_t, 30);
  fn("billing::on_paid", SymbolKind::Function, {{"callback", type(TypeShape::Function, "std::function<void ()>")}},
     void_t, 31);
  fn("billing::audit", SymbolKind::Function, {{"report", type(TypeShape::Reference, "std::string &", {str()})}},
     void_t, 32);
  SymbolFact& twice = fn("billing::twice", SymbolKind::Function, {{"x", integer("int", 32)}}, integer("int", 32), 33);
  twice.def = at(kHeader, 33);
  twice.is_inline = true;
  SymbolFact& conv = fn("billing::convert", SymbolKind::Function, {}, void_t, 34);
  conv.is_template = true;
  fn("billing::ping", SymbolKind::Function, {}, void_t, 13).signature = "void () noexcept";
  fn("billing::logf", SymbolKind::Function, {{"format", str()}}, void_t, 36).signature = "void (std::string, ...)";
  uint32_t rate = b.symbol("billing::g_rate", kSource, SymbolKind::Variable);
  b.tu.symbols[rate].mutable_global = true;
  b.tu.symbols[rate].decl = at(kHeader, 35);
  b.include(kSource, 1, kHeader);

  TuBuilder a;
  a.tu.main_file = kMain;
  a.include(kMain, 1, kHeader);
  a.tu.includes.back().spelled = "billing/billing.h";
  auto call = [&](uint32_t line, const std::string& target, bool loop, RefKind kind = RefKind::Call) {
    a.ref(kMain, line, target, kSource, kind);
    a.tu.refs.back().in_loop = loop;
  };
  call(5, "billing::charge", false);
  call(6, "billing::charge", true);
  call(7, "billing::refund", false);
  call(8, "billing::Registry::lookup", true);
  call(9, "billing::Ledger::total", false);
  call(10, "billing::set_sink", false);
  call(11, "billing::on_paid", false);
  call(12, "billing::audit", false);
  call(13, "billing::twice", false);
  call(14, "billing::convert", false);
  call(15, "billing::g_rate", false, RefKind::Read);
  call(17, "billing::ping", false);
  call(18, "billing::logf", false);
  call(16, "billing::Invoice", false, RefKind::TypeUse);
  // TU a sees billing's symbols through the header: what it knows of them is
  // what TU b knows, except the definitions in billing.cpp.
  for (SymbolFact& s : a.tu.symbols)
    for (const SymbolFact& full : b.tu.symbols) {
      if (full.name != s.name) continue;
      s = full;
      auto move = [&](Loc& l) {
        if (l.valid()) l.file = a.file(b.tu.files[l.file].path);
      };
      move(s.decl);
      move(s.def);
      if (s.def.valid() && a.tu.files[s.def.file].path == kSource) s.def = Loc{};
    }
  uint32_t caller = a.symbol("main", kMain);
  for (RefFact& r : a.tu.refs) r.from = caller;
  std::vector<TuFacts> tus;
  tus.push_back(std::move(b.tu));
  tus.push_back(std::move(a.tu));
  return tus;
}

Config billing_config() {
  Config c;
  c.root = "/p";
  for (const char* m : {"app", "billing"}) {
    ModuleDecl d;
    d.name = m;
    d.paths = {std::string("src/") + m + "/**"};
    c.modules.push_back(d);
  }
  return c;
}

class Split : public ::testing::Test {
protected:
  void SetUp() override { build(billing_facts()); }
  void build(std::vector<TuFacts> tus) {
    project_ = Project{};
    std::vector<std::string> errors, warnings;
    ASSERT_TRUE(build_project(std::move(tus), billing_config(), project_, errors, warnings));
    ModuleId m = project_.find_module("billing");
    plan_ = plan_service(project_, m, module_interface(project_, m));
  }
  const SkippedPlan* skipped(const std::string& name) const {
    for (const SkippedPlan& s : plan_.skipped)
      if (s.name == name) return &s;
    return nullptr;
  }
  std::string file(const std::string& name) const {
    StubOrigin origin{"/p", "seam split billing -o out --force"};
    StubBuildInputs in;
    in.root = "/p";
    for (const GeneratedFile& f : generate_stub_files(plan_, in, origin))
      if (f.name == name) return f.content;
    ADD_FAILURE() << "no file " << name;
    return "";
  }

  Project project_;
  ServicePlan plan_;
};

TEST_F(Split, OneRpcPerMappableFunctionInDeclarationOrder) {
  EXPECT_EQ(plan_.service, "BillingService");
  EXPECT_EQ(plan_.package, "billing.v1");
  EXPECT_EQ(plan_.env_addr, "SEAM_BILLING_ADDR");
  std::vector<std::string> rpcs;
  for (const RpcPlan& r : plan_.rpcs) rpcs.push_back(r.rpc);
  EXPECT_EQ(rpcs, (std::vector<std::string>{"Charge", "Refund", "Ping", "RegistryLookup"}));
  EXPECT_TRUE(plan_.rpcs[2].is_noexcept);
  EXPECT_FALSE(plan_.rpcs[0].is_noexcept);
  const RpcPlan& lookup = plan_.rpcs[3];
  EXPECT_EQ(lookup.ns, "billing");
  EXPECT_EQ(lookup.local_name, "Registry::lookup");
  EXPECT_EQ(lookup.declared_at, "src/billing/billing.h:19");
  EXPECT_EQ(lookup.call_sites, 1u);
  EXPECT_EQ(lookup.loop_sites, 1u);
  // An unnamed parameter gets a name in the client and the request.
  ASSERT_EQ(plan_.rpcs[1].params.size(), 2u);
  EXPECT_EQ(plan_.rpcs[1].params[1].name, "arg2");
  EXPECT_EQ(plan_.rpcs[1].params[1].field.name, "arg2");
  EXPECT_EQ(plan_.rpcs[1].params[1].field.number, 2u);
}

TEST_F(Split, EverythingElseIsSkippedWithItsReason) {
  std::vector<std::pair<std::string, SkipKind>> want = {
      {"billing::Ledger::total", SkipKind::HandleNeeded}, {"billing::set_sink", SkipKind::RawPointer},
      {"billing::on_paid", SkipKind::Callback},           {"billing::audit", SkipKind::OutParameter},
      {"billing::twice", SkipKind::StaysLocal},           {"billing::convert", SkipKind::Template},
      {"billing::g_rate", SkipKind::SharedVariable},      {"billing::logf", SkipKind::Unsupported}};
  for (const auto& [name, kind] : want) {
    const SkippedPlan* s = skipped(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->why.kind, kind) << name << ": " << s->why.detail;
  }
  EXPECT_EQ(plan_.skipped.size(), want.size());
  EXPECT_EQ(skipped("billing::set_sink")->why.detail,
            "parameter 'sink': billing::Sink *: raw pointer: an address means nothing in another process");
  EXPECT_EQ(skipped("billing::Ledger::total")->where, "src/billing/billing.h:25");
}

TEST_F(Split, ProtoHasTheServiceMessagesAndEnums) {
  const std::string proto = file("billing.proto");
  const std::string body = proto.substr(proto.find("syntax"));
  EXPECT_EQ(body, R"(syntax = "proto3";

package billing.v1;

// One rpc per function of the module's interface. Field numbers follow the
// declaration order of parameters and members.
service BillingService {
  // billing::charge (src/billing/billing.h:11)
  rpc Charge(ChargeRequest) returns (ChargeResponse);

  // billing::refund (src/billing/billing.h:12)
  rpc Refund(RefundRequest) returns (RefundResponse);

  // billing::ping (src/billing/billing.h:13)
  rpc Ping(PingRequest) returns (PingResponse);

  // billing::Registry::lookup (src/billing/billing.h:19)
  rpc RegistryLookup(RegistryLookupRequest) returns (RegistryLookupResponse);
}

message ChargeRequest {
  Invoice invoice = 1;
}

message ChargeResponse {
  double result = 1;
}

message RefundRequest {
  int64 amount = 1;
  string arg2 = 2;
}

message RefundResponse {
  bool result = 1;
}

message PingRequest {}

message PingResponse {}

message RegistryLookupRequest {
  int32 id = 1;
}

message RegistryLookupResponse {
  optional string result = 1;
}

// billing::Status (src/billing/billing.h:3); the numbers are the C++ values.
enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
  STATUS_PAID = 2;
}

// billing::Invoice (src/billing/billing.h:6)
message Invoice {
  int64 id = 1;
  repeated string lines = 2;
  Status status = 3;
  int64 total_cents = 4;
}
)");
  EXPECT_EQ(proto.rfind("// billing.proto: the 'billing' module as a gRPC service.", 0), 0u) << proto;
  EXPECT_NE(proto.find("Regenerate with:\n//   seam split billing -o out --force\n"), std::string::npos) << proto;
}

TEST_F(Split, ClientDefinesTheInterfaceFunctionsWithTheirSignatures) {
  const std::string client = file("billing_client.cpp");
  EXPECT_NE(client.find("//   SEAM_BILLING_ADDR  host:port of the service (default 127.0.0.1:50051)"),
            std::string::npos);
  EXPECT_NE(client.find("#include \"billing/billing.h\""), std::string::npos) << client;
  EXPECT_NE(client.find("namespace billing {\n"), std::string::npos);
  EXPECT_NE(client.find("\ndouble charge(const billing::Invoice& invoice) {\n"), std::string::npos) << client;
  EXPECT_NE(client.find("\nbool refund(long amount, const std::string& arg2) {\n"), std::string::npos) << client;
  EXPECT_NE(client.find("\nstd::optional<std::string> Registry::lookup(int id) {\n"), std::string::npos) << client;
  EXPECT_NE(client.find("\nvoid ping() noexcept {\n"), std::string::npos) << client;
  // The optional result comes back only when present.
  EXPECT_NE(client.find("  std::optional<std::string> result;\n"
                        "  if (response.has_result()) {\n"
                        "    result = response.result();\n"
                        "  }\n"
                        "  return result;\n"),
            std::string::npos)
      << client;
  // Nothing skipped is defined.
  for (const char* absent : {"total(", "set_sink(", "on_paid(", "audit(", "twice(", "g_rate"})
    EXPECT_EQ(client.find(absent), std::string::npos) << absent;
}

TEST_F(Split, ServerCallsTheRealFunctions) {
  const std::string server = file("billing_server.cpp");
  EXPECT_NE(server.find("auto result = ::billing::Registry::lookup(id);"), std::string::npos) << server;
  EXPECT_NE(server.find("billing::Invoice invoice;\n    convert::from_proto(request->invoice(), invoice);"),
            std::string::npos)
      << server;
  EXPECT_NE(server.find("int main(int argc, char** argv) {"), std::string::npos);
  const std::string header = file("billing_server.h");
  EXPECT_NE(header.find("class BillingServiceImpl final : public BillingService::Service {"), std::string::npos);
  const std::string convert = file("billing_convert.h");
  EXPECT_NE(convert.find("  out.set_total_cents(in.totalCents);\n"), std::string::npos) << convert;
  EXPECT_NE(convert.find("  out.lines.clear();\n  for (const auto& item : in.lines()) {\n    out.lines.push_back(item);\n"),
            std::string::npos)
      << convert;
}

TEST_F(Split, RemoteCallSitesListLoopsFirst) {
  std::vector<std::string> sites;
  for (const RemoteSite& r : plan_.remote_sites) sites.push_back(r.where + (r.in_loop ? " loop" : ""));
  EXPECT_EQ(sites, (std::vector<std::string>{"src/app/main.cpp:6:5 loop", "src/app/main.cpp:8:5 loop",
                                             "src/app/main.cpp:5:5", "src/app/main.cpp:7:5", "src/app/main.cpp:17:5"}));
  const std::string readme = file("README.md");
  EXPECT_NE(readme.find("5 sites in other modules now make a network round trip; 2 are inside loops"),
            std::string::npos)
      << readme;
  size_t loop = readme.find("| `src/app/main.cpp:6:5` | yes | `main` | `billing::charge` | `Charge` |");
  size_t plain = readme.find("| `src/app/main.cpp:5:5` | no | `main` | `billing::charge` | `Charge` |");
  ASSERT_NE(loop, std::string::npos) << readme;
  ASSERT_NE(plain, std::string::npos) << readme;
  EXPECT_LT(loop, plain);
}

TEST_F(Split, ReadmeListsFilesAndEverySkipWithItsReason) {
  const std::string readme = file("README.md");
  for (const char* f : {"`billing.proto`", "`billing_client.cpp`", "`billing_server.h`", "`billing_server.cpp`",
                        "`billing_convert.h`", "`CMakeLists.txt`"})
    EXPECT_NE(readme.find("| " + std::string(f) + " |"), std::string::npos) << f;
  EXPECT_NE(readme.find("| `billing::set_sink` | function | `src/billing/billing.h:30` | raw pointer | parameter "
                        "'sink': billing::Sink *: raw pointer: an address means nothing in another process |"),
            std::string::npos)
      << readme;
  for (const char* reason : {"| callback |", "| handle needed |", "| template |", "| shared variable |",
                             "| stays local |", "| out-parameter |"})
    EXPECT_NE(readme.find(reason), std::string::npos) << reason;
  EXPECT_NE(readme.find("| `billing::Invoice` | struct | `src/billing/billing.h:6` | `Invoice` |"), std::string::npos)
      << readme;
}

TEST_F(Split, SameFactsInAnotherOrderGiveTheSameFiles) {
  StubOrigin origin{"/p", "seam split billing -o out --force"};
  StubBuildInputs in;
  auto first = generate_stub_files(plan_, in, origin);
  std::vector<TuFacts> tus = billing_facts();
  std::reverse(tus.begin(), tus.end());
  build(std::move(tus));
  auto second = generate_stub_files(plan_, in, origin);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].name, second[i].name);
    EXPECT_EQ(first[i].content, second[i].content) << first[i].name;
  }
}

TEST(SplitNames, ModuleNamesBecomeSafeIdentifiers) {
  EXPECT_EQ(safe_identifier("notifications"), "notifications");
  EXPECT_EQ(safe_identifier("../x y"), "x_y");
  EXPECT_EQ(safe_identifier("/etc/passwd"), "etc_passwd");
  EXPECT_EQ(safe_identifier(std::string("a\0b", 3)), "a_b");
  EXPECT_EQ(safe_identifier(".."), "module");
  EXPECT_EQ(safe_identifier(""), "module");
  EXPECT_EQ(safe_identifier("9lives"), "m9lives");
  EXPECT_EQ(safe_identifier("billing-v2"), "billing_v2");
  EXPECT_EQ(safe_identifier("caf\xc3\xa9"), "caf");
  EXPECT_EQ(safe_identifier("class"), "class_module");
  EXPECT_EQ(safe_identifier("grpc"), "grpc_module");
}

TEST(SplitNames, HostileModuleNamesGiveFileNamesInsideTheFolder) {
  ServicePlan plan;
  plan.module = std::string("../../etc/x\0y", 13);
  plan.base = safe_identifier(plan.module);
  plan.package = "etc_x_y.v1";
  plan.cpp_package = "::etc_x_y::v1";
  plan.service = "EtcXYService";
  plan.env_addr = "SEAM_ETC_X_Y_ADDR";
  for (const GeneratedFile& f : generate_stub_files(plan, StubBuildInputs{}, StubOrigin{"/p", "seam split"})) {
    EXPECT_EQ(f.name.find('/'), std::string::npos) << f.name;
    EXPECT_EQ(f.name.find(".."), std::string::npos) << f.name;
    EXPECT_EQ(f.name.find('\0'), std::string::npos) << f.name;
  }
  EXPECT_EQ(plan.base, "etc_x_y");
}

TEST(SplitNames, ProtoStyle) {
  EXPECT_EQ(pascal_case("outbox_for"), "OutboxFor");
  EXPECT_EQ(pascal_case("sentCount"), "SentCount");
  EXPECT_EQ(pascal_case("HTTPServer"), "HTTPServer");
  EXPECT_EQ(snake_case("totalCents"), "total_cents");
  EXPECT_EQ(snake_case("HTTPServer"), "http_server");
  EXPECT_EQ(snake_case("recipient"), "recipient");
  EXPECT_EQ(upper_snake("Channel"), "CHANNEL");
  EXPECT_EQ(upper_snake("kLowStock"), "K_LOW_STOCK");
  NameTable t;
  EXPECT_EQ(t.unique("Send"), "Send");
  EXPECT_EQ(t.unique("Send"), "Send2");
  EXPECT_EQ(t.unique("Send"), "Send3");
}

TEST(SplitBuildInputs, FlagsFromTheCompileCommand) {
  CompileCommand c;
  c.directory = "/p/build";
  c.file = "/p/src/a.cpp";
  c.arguments = {"clang++", "-I../src", "-I", "/opt/inc", "-isystem", "/usr/local/include", "-iquote", "gen",
                 "-DNDEBUG", "-D", "LEVEL=2", "-std=gnu++2a", "-O2", "-c", "/p/src/a.cpp"};
  StubBuildInputs in;
  collect_flags(c, in);
  collect_flags(c, in); // twice: nothing is repeated
  EXPECT_EQ(in.include_dirs, (std::vector<std::string>{"/p/src", "/opt/inc", "/p/build/gen"}));
  EXPECT_EQ(in.system_dirs, (std::vector<std::string>{"/usr/local/include"}));
  EXPECT_EQ(in.defines, (std::vector<std::string>{"NDEBUG", "LEVEL=2"}));
  EXPECT_EQ(in.cxx_standard, 20);
  StubBuildInputs old;
  c.arguments = {"g++", "-std=c++11", "/p/src/a.cpp"};
  collect_flags(c, old);
  EXPECT_EQ(old.cxx_standard, 17); // gRPC needs 17 whatever the monolith uses
}

} // namespace
} // namespace seam::stubs
