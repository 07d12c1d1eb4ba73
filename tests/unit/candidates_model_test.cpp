// The extraction model of seam.candidates/2 on hand-built facts: what becomes
// remote (run-time uses only), headers to take along, modules used only at
// compile time, ports, callbacks in proportion, and the effort of a cycle.
#include "analyzers/candidates/candidates.h"
#include "analyzers/candidates/cycle_exit.h"
#include "reports/candidates/candidates_report.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace seam {
namespace {

using test::TuBuilder;

SymbolFact& sym(TuBuilder& t, const std::string& name, const std::string& file, SymbolKind k) {
  return t.tu.symbols[t.symbol(name, file, k)];
}

/// A reference whose enclosing symbol is `from`.
void ref(TuBuilder& t, const std::string& file, uint32_t line, const std::string& target, RefKind kind,
         const std::string& from, bool loop = false) {
  t.ref(file, line, target, "", kind);
  t.tu.refs.back().from = t.symbol(from, "");
  t.tu.refs.back().in_loop = loop;
}

const Assessment& find(const Ranking& r, const std::string& name) {
  for (const Assessment& a : r.modules)
    if (a.name == name) return a;
  throw std::runtime_error("no module " + name);
}

std::vector<std::string> sites(const Project& p, const std::vector<uint32_t>& refs) {
  std::vector<std::string> out;
  for (uint32_t r : refs) out.push_back(p.where(p.refs[r].site));
  return out;
}

std::vector<std::string> blockers(const Project& p, const Assessment& a, BlockerKind kind) {
  std::vector<std::string> out;
  for (const Blocker& b : a.blockers)
    if (b.kind == kind) out.push_back(p.symbols[b.symbol].name + " @ " + p.where(b.site));
  return out;
}

// ---------------------------------------------------------------------------
// Compile-time and run-time.

/// app uses hdr only through its header (a type, an inline function, a
/// constant) and svc both ways (a type, and an out-of-line call).
Project compile_and_run() {
  TuBuilder t;
  sym(t, "hdr::Point", "src/hdr/point.h", SymbolKind::Struct).is_aggregate = true;
  sym(t, "hdr::norm", "src/hdr/point.h", SymbolKind::Function);              // inline in the header
  sym(t, "hdr::kOrigin", "src/hdr/consts.h", SymbolKind::Variable);          // a constant
  sym(t, "hdr::g_calls", "src/hdr/point.cpp", SymbolKind::Variable).mutable_global = true; // keeps hdr no kernel
  sym(t, "svc::Request", "src/svc/svc.h", SymbolKind::Struct).is_aggregate = true;
  sym(t, "svc::handle", "src/svc/svc.cpp", SymbolKind::Function);
  sym(t, "svc::g_hits", "src/svc/svc.cpp", SymbolKind::Variable).mutable_global = true; // no kernel either
  sym(t, "app::main", "src/app/main.cpp", SymbolKind::Function);
  ref(t, "src/app/main.cpp", 3, "hdr::Point", RefKind::TypeUse, "app::main");
  ref(t, "src/app/main.cpp", 4, "hdr::norm", RefKind::Call, "app::main");
  ref(t, "src/app/main.cpp", 5, "hdr::kOrigin", RefKind::Read, "app::main");
  ref(t, "src/app/main.cpp", 6, "svc::Request", RefKind::TypeUse, "app::main");
  ref(t, "src/app/main.cpp", 7, "svc::handle", RefKind::Call, "app::main");
  ref(t, "src/hdr/point.cpp", 2, "hdr::g_calls", RefKind::Write, "hdr::norm");
  t.include("src/app/main.cpp", 1, "src/hdr/point.h");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "hdr", "svc"}), p));
  return p;
}

TEST(CandidateModel, OnlyRunTimeUsesBecomeRemoteTheRestAreHeadersToTakeAlong) {
  Project p = compile_and_run();
  CandidateContext ctx(p);
  Assessment app = assess(ctx, {p.find_module("app")});
  ASSERT_EQ(app.dependencies.size(), 2u);
  const DependencyUse& hdr = app.dependencies[0];
  const DependencyUse& svc = app.dependencies[1];
  EXPECT_FALSE(hdr.remote);
  EXPECT_FALSE(hdr.library);
  EXPECT_EQ(hdr.run_time, 0u);
  EXPECT_EQ(hdr.compile_time, 4u); // three references and the include
  EXPECT_TRUE(svc.remote);
  EXPECT_EQ(svc.run_time, 1u);
  EXPECT_EQ(svc.compile_time, 1u);
  EXPECT_EQ(app.inputs.remote_dependencies, 1u);
  EXPECT_EQ(sites(p, app.remote_out), std::vector<std::string>{"src/app/main.cpp:7:5"});
  // Headers to take along, per module of origin, by path.
  ASSERT_EQ(app.take_along.size(), 2u);
  EXPECT_EQ(p.module_name(app.take_along[0].module), "hdr");
  ASSERT_EQ(app.take_along[0].headers.size(), 2u);
  EXPECT_EQ(p.files[app.take_along[0].headers[0]].path, "src/hdr/consts.h");
  EXPECT_EQ(p.files[app.take_along[0].headers[1]].path, "src/hdr/point.h");
  EXPECT_EQ(app.take_along[0].symbols, 3u);
  EXPECT_EQ(p.module_name(app.take_along[1].module), "svc");
  EXPECT_EQ(app.take_along[1].symbols, 1u); // svc::Request
  // The JSON says the same.
  auto j = assessment_json(p, app, 0, false);
  EXPECT_EQ(j["dependencies"][0]["kind"], "headers");
  EXPECT_EQ(j["dependencies"][1]["kind"], "remote");
  EXPECT_EQ(j["take_along"][0]["headers"], nlohmann::ordered_json::array({"src/hdr/consts.h", "src/hdr/point.h"}));
}

TEST(CandidateModel, AModuleUsedOnlyAtCompileTimeIsNoCandidate) {
  Project p = compile_and_run();
  CandidateContext ctx(p);
  Ranking r = rank_modules(ctx);
  const Assessment& hdr = find(r, "hdr");
  EXPECT_EQ(hdr.role, Role::CompileTime);
  EXPECT_EQ(hdr.inputs.operations, 0u);
  EXPECT_EQ(hdr.reasons.front().rfind("compile-time only", 0), 0u) << hdr.reasons.front();
  const Assessment& svc = find(r, "svc");
  EXPECT_EQ(svc.role, Role::Candidate);
  EXPECT_EQ(svc.inputs.operations, 1u); // handle; Request is data
  EXPECT_EQ(r.rank, (std::vector<uint32_t>{1, 0, 0}));
  EXPECT_EQ(r.modules[0].name, "svc");
}

// ---------------------------------------------------------------------------
// Ports.

/// p owns the abstract p::Observer (pure on_event, a virtual destructor) and
/// calls it in a loop; impl::Listener derives from it; app builds a Listener
/// and calls p. With `data`, Observer also has a field: then it is no port.
Project observer_project(bool data) {
  TuBuilder t;
  SymbolFact& obs = sym(t, "p::Observer", "src/p/observer.h", SymbolKind::Class);
  obs.is_abstract = obs.is_polymorphic = true;
  SymbolFact& on = sym(t, "p::Observer::on_event", "src/p/observer.h", SymbolKind::Method);
  on.parent_usr = "u:p::Observer";
  on.is_virtual = on.is_pure = true;
  on.result.shape = TypeShape::Void;
  on.result.spelling = "void";
  SymbolFact& dtor = sym(t, "p::Observer::~Observer", "src/p/observer.h", SymbolKind::Destructor);
  dtor.parent_usr = "u:p::Observer";
  dtor.is_virtual = true;
  if (data) sym(t, "p::Observer::count", "src/p/observer.h", SymbolKind::Field).parent_usr = "u:p::Observer";
  sym(t, "p::notify_all", "src/p/service.cpp", SymbolKind::Function);
  SymbolFact& lis = sym(t, "impl::Listener", "src/impl/listener.h", SymbolKind::Class);
  lis.bases = {"u:p::Observer"};
  lis.is_polymorphic = true;
  SymbolFact& lon = sym(t, "impl::Listener::on_event", "src/impl/listener.cpp", SymbolKind::Method);
  lon.parent_usr = "u:impl::Listener";
  lon.is_virtual = true;
  sym(t, "impl::Listener::Listener", "src/impl/listener.cpp", SymbolKind::Constructor).parent_usr =
      "u:impl::Listener";
  sym(t, "app::main", "src/app/main.cpp", SymbolKind::Function);
  ref(t, "src/impl/listener.h", 3, "p::Observer", RefKind::BaseClass, "impl::Listener");
  ref(t, "src/impl/listener.h", 4, "p::Observer::on_event", RefKind::Override, "impl::Listener::on_event");
  ref(t, "src/p/service.cpp", 10, "p::Observer::on_event", RefKind::Call, "p::notify_all", true);
  ref(t, "src/app/main.cpp", 5, "impl::Listener::Listener", RefKind::Call, "app::main");
  ref(t, "src/app/main.cpp", 6, "p::notify_all", RefKind::Call, "app::main");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "impl", "p"}), p));
  return p;
}

TEST(CandidateModel, AnAbstractClassImplementedInOneModuleAndCalledFromAnotherIsAPort) {
  Project p = observer_project(false);
  CandidateContext ctx(p);
  ASSERT_EQ(ctx.ports().list.size(), 1u);
  const Port& port = ctx.ports().list[0];
  EXPECT_EQ(p.symbols[port.symbol].name, "p::Observer");
  EXPECT_EQ(p.module_name(port.owner), "p");
  EXPECT_EQ(port.implementers, std::vector<ModuleId>{p.find_module("impl")});
  EXPECT_EQ(port.callers, std::vector<ModuleId>{p.find_module("p")});
  ASSERT_EQ(port.operations.size(), 1u);
  EXPECT_EQ(p.symbols[port.operations[0]].name, "p::Observer::on_event");

  // Deriving from it blocks neither side; the call through it is remote between them.
  Assessment impl = assess(ctx, {p.find_module("impl")});
  EXPECT_TRUE(blockers(p, impl, BlockerKind::Inheritance).empty());
  ASSERT_EQ(impl.ports.size(), 1u);
  EXPECT_TRUE(impl.ports[0].implements);
  EXPECT_FALSE(impl.ports[0].owns);
  EXPECT_EQ(sites(p, impl.remote_in), (std::vector<std::string>{"src/app/main.cpp:5:5", "src/p/service.cpp:10:5"}));
  EXPECT_EQ(impl.loop_calls, 1u);
  EXPECT_EQ(impl.inputs.operations, 2u); // its constructor, and on_event served through the port
  ASSERT_EQ(impl.port_operations.size(), 1u);
  // p depends on impl's code only through the port: headers of p, no remote module.
  ASSERT_EQ(impl.dependencies.size(), 1u);
  EXPECT_FALSE(impl.dependencies[0].remote);

  Assessment owner = assess(ctx, {p.find_module("p")});
  EXPECT_TRUE(blockers(p, owner, BlockerKind::Inheritance).empty());
  ASSERT_EQ(owner.ports.size(), 1u);
  EXPECT_TRUE(owner.ports[0].owns);
  EXPECT_TRUE(owner.ports[0].calls);
  EXPECT_EQ(sites(p, owner.remote_out), std::vector<std::string>{"src/p/service.cpp:10:5"});
  EXPECT_EQ(owner.inputs.out_loop_calls, 1u);

  // Extracted together, the port is inside the unit: no remote call through it.
  Assessment both = assess(ctx, {p.find_module("p"), p.find_module("impl")});
  ASSERT_EQ(both.ports.size(), 1u);
  EXPECT_TRUE(both.ports[0].remote_calls.empty());

  auto j = assessment_json(p, impl, 0, false);
  ASSERT_EQ(j["ports"].size(), 1u);
  EXPECT_EQ(j["ports"][0]["class"], "p::Observer");
  EXPECT_EQ(j["ports"][0]["role"], "implements");
  EXPECT_EQ(j["ports"][0]["operations"], nlohmann::ordered_json::array({"p::Observer::on_event"}));
  EXPECT_EQ(j["ports"][0]["callers"], nlohmann::ordered_json::array({"p"}));

  // The HTML report's copy keeps the first site of each per-site list and
  // every count; nothing else differs from what `seam candidates` prints.
  auto none = assessment_json(p, impl, 0, false, CandidatesJsonLimits{0});
  ASSERT_FALSE(j["ports"][0]["remote_calls"].empty());
  ASSERT_FALSE(j["chattiness"]["loop_sites"].empty());
  EXPECT_TRUE(none["ports"][0]["remote_calls"].empty());
  EXPECT_TRUE(none["chattiness"]["loop_sites"].empty());
  EXPECT_EQ(none["chattiness"]["loop_calls"], j["chattiness"]["loop_calls"]);
  EXPECT_EQ(assessment_json(p, impl, 0, false, CandidatesJsonLimits{1}), j); // one site each: nothing cut
  none["ports"][0]["remote_calls"] = j["ports"][0]["remote_calls"];
  none["chattiness"]["loop_sites"] = j["chattiness"]["loop_sites"];
  EXPECT_EQ(none, j);
}

/// app drives p: it calls p::run, and implements p's callback port
/// p::Observer, which p calls back. With `drives` false, app does not call p.
Project callback_app(bool drives) {
  TuBuilder t;
  SymbolFact& obs = sym(t, "p::Observer", "src/p/observer.h", SymbolKind::Class);
  obs.is_abstract = obs.is_polymorphic = true;
  SymbolFact& on = sym(t, "p::Observer::is_dead", "src/p/observer.h", SymbolKind::Method);
  on.parent_usr = "u:p::Observer";
  on.is_virtual = on.is_pure = true;
  on.result.shape = TypeShape::Bool;
  on.result.spelling = "bool";
  sym(t, "p::run", "src/p/run.cpp", SymbolKind::Function);
  sym(t, "p::g_runs", "src/p/run.cpp", SymbolKind::Variable).mutable_global = true; // p is no kernel
  SymbolFact& m = sym(t, "app::Main", "src/app/main.cpp", SymbolKind::Class);
  m.bases = {"u:p::Observer"};
  m.is_polymorphic = true;
  SymbolFact& mon = sym(t, "app::Main::is_dead", "src/app/main.cpp", SymbolKind::Method);
  mon.parent_usr = "u:app::Main";
  mon.is_virtual = true;
  sym(t, "app::main", "src/app/main.cpp", SymbolKind::Function);
  ref(t, "src/app/main.cpp", 3, "p::Observer", RefKind::BaseClass, "app::Main");
  ref(t, "src/app/main.cpp", 4, "p::Observer::is_dead", RefKind::Override, "app::Main::is_dead");
  ref(t, "src/p/run.cpp", 9, "p::Observer::is_dead", RefKind::Call, "p::run", true);
  ref(t, "src/p/run.cpp", 10, "p::g_runs", RefKind::Write, "p::run");
  if (drives) ref(t, "src/app/main.cpp", 20, "p::run", RefKind::Call, "app::main");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "p"}), p));
  return p;
}

TEST(CandidateModel, AnApplicationImplementingACallbackOfWhatItDrivesIsAnEntryPoint) {
  // ninja's NinjaMain implements graph's BuildLogUser::IsPathDead and drives
  // the build: graph calling back is no reason to make ninja.cc a service.
  Project p = callback_app(true);
  CandidateContext ctx(p);
  Assessment app = assess(ctx, {p.find_module("app")});
  EXPECT_EQ(app.callback_clients, std::vector<ModuleId>{p.find_module("p")});
  EXPECT_EQ(app.role, Role::EntryPoint);
  ASSERT_FALSE(app.reasons.empty());
  EXPECT_NE(app.reasons[0].find("entry point: p reach it only by calling back"), std::string::npos)
      << app.reasons[0];

  // A module that only serves the callback, without driving its caller, is a
  // service of that caller (the shop's analytics observing orders).
  Project q = callback_app(false);
  CandidateContext qctx(q);
  Assessment served = assess(qctx, {q.find_module("app")});
  EXPECT_EQ(served.callback_clients, std::vector<ModuleId>{q.find_module("p")});
  EXPECT_EQ(served.role, Role::Candidate);
}

TEST(CandidateModel, AnAbstractClassWithDataIsNoPortAndDerivingFromItStaysABlocker) {
  Project p = observer_project(true);
  CandidateContext ctx(p);
  EXPECT_TRUE(ctx.ports().list.empty());
  Assessment impl = assess(ctx, {p.find_module("impl")});
  EXPECT_EQ(blockers(p, impl, BlockerKind::Inheritance),
            std::vector<std::string>{"impl::Listener @ src/impl/listener.h:3:5"});
}

// ---------------------------------------------------------------------------
// Callbacks in proportion.

TypeInfo callback_type() {
  TypeInfo t;
  t.spelling = "void (*)(int)";
  t.shape = TypeShape::Function;
  return t;
}

/// svc passes its own function to lib::for_each (lib: a shared kernel), takes
/// the address of lib::less, and passes it to other::subscribe (out of line)
/// and other::wrap (inline in other's header).
Project callback_project() {
  TuBuilder t;
  sym(t, "lib::for_each", "src/lib/lib.cpp", SymbolKind::Function).params.push_back({"f", callback_type()});
  sym(t, "lib::less", "src/lib/lib.cpp", SymbolKind::Function);
  sym(t, "other::subscribe", "src/other/other.cpp", SymbolKind::Function).params.push_back({"f", callback_type()});
  sym(t, "other::wrap", "src/other/other.h", SymbolKind::Function).params.push_back({"f", callback_type()});
  sym(t, "other::g_state", "src/other/other.cpp", SymbolKind::Variable).mutable_global = true;
  sym(t, "svc::handle", "src/svc/svc.cpp", SymbolKind::Function);
  sym(t, "svc::run", "src/svc/svc.cpp", SymbolKind::Function);
  sym(t, "app::main", "src/app/main.cpp", SymbolKind::Function);
  ref(t, "src/svc/svc.cpp", 5, "svc::handle", RefKind::AddressOf, "svc::run");
  ref(t, "src/svc/svc.cpp", 5, "lib::for_each", RefKind::Call, "svc::run");
  ref(t, "src/svc/svc.cpp", 6, "lib::less", RefKind::AddressOf, "svc::run");
  ref(t, "src/svc/svc.cpp", 7, "other::subscribe", RefKind::Call, "svc::run");
  ref(t, "src/svc/svc.cpp", 8, "other::wrap", RefKind::Call, "svc::run");
  ref(t, "src/other/other.cpp", 3, "other::g_state", RefKind::Write, "other::subscribe");
  ref(t, "src/app/main.cpp", 4, "svc::run", RefKind::Call, "app::main");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"app", "lib", "other", "svc"}), p));
  return p;
}

TEST(CandidateModel, CallbacksToALibraryOrToInlineCodeAreLocalAcrossAServiceTheyBlock) {
  Project p = callback_project();
  CandidateContext ctx(p);
  ASSERT_TRUE(ctx.shared_kernel(p.find_module("lib"))) << ctx.kernel_reason(p.find_module("lib"));
  ASSERT_FALSE(ctx.shared_kernel(p.find_module("other")));
  Assessment svc = assess(ctx, {p.find_module("svc")});
  EXPECT_EQ(blockers(p, svc, BlockerKind::Callback),
            std::vector<std::string>{"other::subscribe @ src/svc/svc.cpp:7:5"});
  // other's side: the callback it receives through its own signature.
  Assessment other = assess(ctx, {p.find_module("other")});
  EXPECT_EQ(blockers(p, other, BlockerKind::Callback),
            std::vector<std::string>{"other::subscribe @ src/other/other.cpp:1:1"});
}

// ---------------------------------------------------------------------------
// Effort.

/// x <-> y: x uses y at three sites, y uses x at one; z calls x.
Project lopsided_cycle() {
  TuBuilder t;
  for (const char* f : {"x::f", "y::g", "y::h", "z::main"}) {
    std::string m(f, 1);
    t.symbol(f, "src/" + m + "/" + m + ".cpp");
  }
  t.ref("src/x/x.cpp", 3, "y::g", "");
  t.ref("src/x/x.cpp", 4, "y::g", "");
  t.ref("src/x/x.cpp", 5, "y::h", "");
  t.ref("src/y/y.cpp", 4, "x::f", "");
  t.ref("src/z/z.cpp", 6, "x::f", "");
  Project p;
  EXPECT_TRUE(test::build_from(std::move(t.tu), test::src_modules({"x", "y", "z"}), p));
  return p;
}

TEST(CandidateModel, TheCycleCostsTheLighterSideOfItsEdgesAndTheReasonQuotesIt) {
  Project p = lopsided_cycle();
  CandidateContext ctx(p);
  Assessment x = assess(ctx, {p.find_module("x")});
  // Out of x into the cycle: 3 uses; into x from the cycle: 1. The lighter is 1.
  EXPECT_EQ(x.cycle_sites, 1u);
  ASSERT_EQ(x.blockers.size(), 1u);
  EXPECT_EQ(x.blockers[0].sites, 1u);
  EXPECT_NE(std::find(x.reasons.begin(), x.reasons.end(), "cycle: 1 site to change to leave {x,y}"), x.reasons.end())
      << testing::PrintToString(x.reasons);
  // x: cycle 1, interface 1 x 3, calls 2 (y's and z's) + 3 out, clients 2 x 2, dependencies 1 x 5:
  EXPECT_DOUBLE_EQ(x.score.effort, 1 + 3 + 5 + 4 + 5);
  EXPECT_EQ(x.score.total, 76); // 100 / (1 + ln(1 + 18 / 50)) = 76.48
  Assessment y = assess(ctx, {p.find_module("y")});
  EXPECT_EQ(y.cycle_sites, 1u); // y's one use of x
}

TEST(CandidateModel, LeavingACycleCutsTheLightestEdgesOnEveryWayBackNotOnlyTheUnitsOwn) {
  // u -> a (10), u -> b (10), a -> c (1), b -> c (1), c -> u (10): all of u's own
  // edges weigh 20, all into u 10, but cutting a -> c and b -> c (2) is enough.
  WeightedDigraph g;
  g.out.resize(4);
  g.add(0, 1, 10);
  g.add(0, 2, 10);
  g.add(1, 3, 1);
  g.add(2, 3, 1);
  g.add(3, 0, 10);
  CycleExit e = cycle_exit(g, 0);
  EXPECT_EQ(e.weight, 2u);
  EXPECT_EQ(e.edges, (std::vector<WeightedEdge>{{1, 3, 1}, {2, 3, 1}}));
  // Two ways back into u, lighter than the one way out of it.
  WeightedDigraph h;
  h.out.resize(3);
  h.add(0, 1, 5);
  h.add(1, 2, 5);
  h.add(2, 0, 1);
  h.add(1, 0, 2);
  CycleExit f = cycle_exit(h, 0);
  EXPECT_EQ(f.weight, 3u);
  EXPECT_EQ(f.edges, (std::vector<WeightedEdge>{{1, 0, 2}, {2, 0, 1}}));
}

TEST(CandidateModel, RealisticModulesGetDistinctScores) {
  // Effort grows with sites; scores keep falling, never to 0.
  int last = 101;
  for (uint32_t calls : {100u, 400u, 1600u, 6400u, 25600u}) {
    ScoreInputs in;
    in.calls = calls;
    in.operations = calls / 10;
    in.clients = 5;
    int s = compute_score(in).total;
    EXPECT_LT(s, last) << calls;
    EXPECT_GT(s, 0) << calls;
    last = s;
  }
}

} // namespace
} // namespace seam
