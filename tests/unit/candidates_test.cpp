// Extraction candidates on hand-built facts: interface counts, dependencies
// split into library and remote, shared kernels, roles, every score input
// traced to the facts, ranking, groups and what-if sets, global state.
#include "analyzers/candidates/candidates.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace seam {
namespace {

using test::TuBuilder;

TypeInfo scalar() {
  TypeInfo t;
  t.spelling = "int";
  t.shape = TypeShape::Int;
  t.bits = 32;
  return t;
}

TypeInfo void_type() {
  TypeInfo t;
  t.spelling = "void";
  t.shape = TypeShape::Void;
  return t;
}

/// const Record& to the record with USR u:<name>.
TypeInfo const_ref_to(const std::string& record) {
  TypeInfo r;
  r.spelling = "const " + record;
  r.shape = TypeShape::Record;
  r.is_const = true;
  r.decl_usr = "u:" + record;
  TypeInfo t;
  t.spelling = r.spelling + " &";
  t.shape = TypeShape::Reference;
  t.is_const = true;
  t.args.push_back(r);
  return t;
}

Config modules(std::initializer_list<const char*> names) {
  Config c;
  c.root = "/p";
  for (const char* n : names) {
    ModuleDecl d;
    d.name = n;
    d.paths = {std::string("src/") + n + "/**"};
    c.modules.push_back(d);
  }
  return c;
}

/// The shop in miniature:
///  kern   leaf: aggregate kern::Value {int n}, function kern::fmt -> a shared kernel
///  svc    void svc::notify(const kern::Value&), int svc::count(); calls kern::fmt
///  data   int data::load(); calls svc::notify
///  state  leaf with mutable global state::counter, read by state::get
///  obj    leaf with a class that is not an aggregate
///  app    calls svc (notify twice, once in a loop; count), data::load, writes state::counter
Project shop_in_miniature() {
  TuBuilder t;
  t.tu.main_file = "src/app/main.cpp";
  auto sym = [&](const std::string& name, const std::string& file, SymbolKind k) -> SymbolFact& {
    return t.tu.symbols[t.symbol(name, file, k)];
  };
  SymbolFact& value = sym("kern::Value", "src/kern/value.h", SymbolKind::Struct);
  value.is_aggregate = true;
  SymbolFact& n = sym("kern::Value::n", "src/kern/value.h", SymbolKind::Field);
  n.parent_usr = "u:kern::Value";
  n.result = scalar();
  sym("kern::fmt", "src/kern/value.cpp", SymbolKind::Function).result = scalar();

  SymbolFact& notify = sym("svc::notify", "src/svc/svc.cpp", SymbolKind::Function);
  notify.result = void_type();
  notify.params.push_back(Param{"v", const_ref_to("kern::Value")});
  sym("svc::count", "src/svc/svc.cpp", SymbolKind::Function).result = scalar();
  sym("data::load", "src/data/data.cpp", SymbolKind::Function).result = scalar();
  SymbolFact& counter = sym("state::counter", "src/state/state.cpp", SymbolKind::Variable);
  counter.mutable_global = true;
  counter.result = scalar();
  sym("state::get", "src/state/state.cpp", SymbolKind::Function).result = scalar();
  sym("obj::Thing", "src/obj/thing.h", SymbolKind::Class).is_aggregate = false;
  sym("app::main", "src/app/main.cpp", SymbolKind::Function).result = scalar();

  auto ref = [&](const std::string& file, uint32_t line, const std::string& target, RefKind kind, bool loop,
                 const std::string& from) {
    t.ref(file, line, target, "", kind);
    t.tu.refs.back().in_loop = loop;
    t.tu.refs.back().from = t.symbol(from, "");
  };
  ref("src/app/main.cpp", 10, "svc::notify", RefKind::Call, true, "app::main");
  ref("src/app/main.cpp", 11, "svc::notify", RefKind::Call, false, "app::main");
  ref("src/app/main.cpp", 12, "svc::count", RefKind::Call, false, "app::main");
  ref("src/app/main.cpp", 13, "data::load", RefKind::Call, false, "app::main");
  ref("src/app/main.cpp", 14, "state::counter", RefKind::Write, false, "app::main");
  ref("src/app/main.cpp", 15, "obj::Thing", RefKind::TypeUse, false, "app::main");
  ref("src/data/data.cpp", 5, "svc::notify", RefKind::Call, false, "data::load");
  ref("src/svc/svc.cpp", 3, "kern::fmt", RefKind::Call, false, "svc::count");
  ref("src/svc/svc.cpp", 4, "kern::Value", RefKind::TypeUse, false, "svc::notify");
  ref("src/state/state.cpp", 2, "state::counter", RefKind::Read, false, "state::get");
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), modules({"app", "data", "kern", "obj", "state", "svc"}), p, errors, warnings));
  return p;
}

const Assessment& find(const Ranking& r, const std::string& name) {
  for (const Assessment& a : r.modules)
    if (a.name == name) return a;
  throw std::runtime_error("no module " + name);
}

TEST(Candidates, InterfaceCountsSitesCallsLoopsAndVoidCallsPerSymbol) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  Assessment a = assess(ctx, {p.find_module("svc")});
  ASSERT_EQ(a.interface.size(), 2u);
  const InterfaceEntry& count = a.interface[0];
  const InterfaceEntry& notify = a.interface[1];
  EXPECT_EQ(p.symbols[count.use.symbol].name, "svc::count");
  EXPECT_EQ(p.symbols[notify.use.symbol].name, "svc::notify");
  EXPECT_EQ(notify.use.call_sites, 3u);
  EXPECT_EQ(notify.loop_calls, 1u);
  EXPECT_EQ(notify.use.clients, (std::vector<ModuleId>{p.find_module("app"), p.find_module("data")}));
  EXPECT_TRUE(notify.operation);
  EXPECT_EQ(count.use.call_sites, 1u);
  EXPECT_EQ(a.calls, 4u);
  EXPECT_EQ(a.loop_calls, 1u);
  EXPECT_EQ(a.void_calls, 3u); // the three calls to notify
  ASSERT_EQ(a.loop_call_refs.size(), 1u);
  EXPECT_EQ(p.refs[a.loop_call_refs[0]].site.line, 10u);
  ASSERT_EQ(a.clients.size(), 2u);
  EXPECT_EQ(a.clients[0].calls, 3u); // app: notify twice, count once
  EXPECT_EQ(a.clients[1].calls, 1u); // data
  // Data: the two distinct types in the signatures, both values.
  ASSERT_EQ(a.data.size(), 2u);
  EXPECT_EQ(a.data[0].spelling, "const kern::Value &");
  EXPECT_TRUE(a.data[0].verdict.serialisable) << a.data[0].verdict.reason;
  EXPECT_EQ(a.data[1].spelling, "int");
}

TEST(Candidates, DependenciesOnSharedKernelsAreLibrariesTheRestRemote) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  Assessment svc = assess(ctx, {p.find_module("svc")});
  ASSERT_EQ(svc.dependencies.size(), 1u);
  EXPECT_EQ(p.module_name(svc.dependencies[0].module), "kern");
  EXPECT_TRUE(svc.dependencies[0].library);
  EXPECT_EQ(svc.dependencies[0].refs, 2u);
  EXPECT_EQ(svc.dependencies[0].calls, 1u);
  EXPECT_TRUE(svc.remote_out.empty()); // calls into a library stay local
  Assessment data = assess(ctx, {p.find_module("data")});
  ASSERT_EQ(data.dependencies.size(), 1u);
  EXPECT_FALSE(data.dependencies[0].library);
  EXPECT_EQ(data.remote_out.size(), 1u);
}

TEST(Candidates, SharedKernelIsALeafOfValuesWithoutGlobalState) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  EXPECT_TRUE(ctx.shared_kernel(p.find_module("kern")));
  EXPECT_FALSE(ctx.shared_kernel(p.find_module("state")));
  EXPECT_EQ(ctx.kernel_reason(p.find_module("state")), "owns mutable global state");
  EXPECT_FALSE(ctx.shared_kernel(p.find_module("obj")));
  EXPECT_EQ(ctx.kernel_reason(p.find_module("obj")).rfind("defines a type that is not a value: obj::Thing", 0), 0u)
      << ctx.kernel_reason(p.find_module("obj"));
  EXPECT_FALSE(ctx.shared_kernel(p.find_module("svc"))); // depends on kern
  EXPECT_EQ(ctx.kernel_reason(p.find_module("svc")), "depends on kern");
}

TEST(Candidates, EveryScoreInputTracesToTheFacts) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  Assessment svc = assess(ctx, {p.find_module("svc")});
  EXPECT_EQ(svc.inputs.operations, 2u);
  EXPECT_EQ(svc.inputs.data_types, 2u);
  EXPECT_EQ(svc.inputs.data_serialisable, 2u);
  EXPECT_EQ(svc.inputs.remote_dependencies, 0u);
  EXPECT_EQ(svc.inputs.calls, 4u);
  EXPECT_EQ(svc.inputs.loop_calls, 1u);
  EXPECT_EQ(svc.inputs.void_calls, 3u);
  EXPECT_EQ(svc.inputs.clients, 2u);
  // operations 2 x 3 + one call waiting for a result (count) 1 + three messages
  // (notify) 3 x 0.5 + one loop call 3 + clients 2 x 2
  EXPECT_DOUBLE_EQ(svc.score.effort, 6 + 1 + 1.5 + 3 + 4);
  EXPECT_EQ(svc.score.total, 79); // 100 / (1 + ln(1 + 15.5 / 50)) = 78.7

  Assessment data = assess(ctx, {p.find_module("data")});
  EXPECT_EQ(data.inputs.operations, 1u);
  EXPECT_EQ(data.inputs.remote_dependencies, 1u);
  // operations 1 x 3 + svc remote 5 + load's caller waits 1 + its own call to notify
  // is a message 0.5 + one client 2
  EXPECT_DOUBLE_EQ(data.score.effort, 3 + 5 + 1 + 0.5 + 2);
  EXPECT_EQ(data.score.total, 83);
}

TEST(Candidates, GlobalWrittenByOneModuleAndReadByAnotherBlocksBoth) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  Assessment state = assess(ctx, {p.find_module("state")});
  ASSERT_EQ(state.blockers.size(), 1u);
  EXPECT_EQ(state.blockers[0].kind, BlockerKind::GlobalState);
  EXPECT_EQ(p.where(state.blockers[0].site), "src/state/state.cpp:2:5");
  EXPECT_EQ(state.blockers[0].detail,
            "mutable global read here and written by app (src/app/main.cpp:14:5): two processes cannot share it");
  Assessment app = assess(ctx, {p.find_module("app")});
  ASSERT_EQ(app.blockers.size(), 1u);
  EXPECT_EQ(p.where(app.blockers[0].site), "src/app/main.cpp:14:5");
  EXPECT_EQ(app.blockers[0].partners, std::vector<ModuleId>{p.find_module("state")});
  // Two sites to change (state's own access and app's), 4 each.
  EXPECT_EQ(state.blockers[0].sites, 2u);
  EXPECT_DOUBLE_EQ(state.inputs.blocker_sites[static_cast<int>(BlockerKind::GlobalState)], 2);
  // counter is an operation (app writes it at run time): 3; one client 2; the blocker 8.
  EXPECT_DOUBLE_EQ(state.score.effort, 3 + 2 + 8);
  // Extracted together, the global no longer crosses a boundary.
  Assessment both = assess(ctx, {p.find_module("app"), p.find_module("state")});
  EXPECT_TRUE(both.blockers.empty());
}

TEST(Candidates, RankingPutsCandidatesBestFirstThenKernelsThenEntryPoints) {
  Project p = shop_in_miniature();
  CandidateContext ctx(p);
  Ranking r = rank_modules(ctx);
  std::vector<std::string> order;
  for (const Assessment& a : r.modules) order.push_back(a.name);
  // Least effort first: data 11.5, state 13 (a global-state blocker), svc 15.5; kern is
  // the kernel; nothing uses app; app uses obj's class only at compile time.
  EXPECT_EQ(order, (std::vector<std::string>{"data", "state", "svc", "kern", "app", "obj"}));
  EXPECT_EQ(find(r, "state").score.total, 81);
  EXPECT_EQ(find(r, "obj").role, Role::CompileTime);
  EXPECT_EQ(r.rank, (std::vector<uint32_t>{1, 2, 3, 0, 0, 0}));
  EXPECT_EQ(find(r, "kern").role, Role::SharedKernel);
  EXPECT_EQ(find(r, "app").role, Role::EntryPoint);
  EXPECT_EQ(find(r, "kern").reasons.front().rfind("shared kernel", 0), 0u);
  for (size_t i = 1; i < 3; ++i) EXPECT_GE(r.modules[i - 1].score.total, r.modules[i].score.total);
  EXPECT_TRUE(r.groups.empty());
}

/// x <-> y (a cycle), z calls x inside a loop, y calls w (no shared kernel:
/// it owns a mutable global).
Project cycle_project() {
  TuBuilder t;
  for (const char* f : {"x::f", "y::g", "w::h", "z::main"}) {
    std::string m(f, 1);
    t.tu.symbols[t.symbol(f, "src/" + m + "/" + m + ".cpp")].result = scalar();
  }
  t.tu.symbols[t.symbol("w::state", "src/w/w.cpp", SymbolKind::Variable)].mutable_global = true;
  t.ref("src/x/x.cpp", 3, "y::g", "");
  t.ref("src/y/y.cpp", 4, "x::f", "");
  t.ref("src/y/y.cpp", 5, "w::h", "");
  t.ref("src/z/z.cpp", 6, "x::f", "");
  t.tu.refs.back().in_loop = true;
  std::vector<TuFacts> tus{std::move(t.tu)};
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), modules({"w", "x", "y", "z"}), p, errors, warnings));
  return p;
}

TEST(Candidates, ModulesOfACycleAreAlsoScoredTogether) {
  Project p = cycle_project();
  CandidateContext ctx(p);
  Ranking r = rank_modules(ctx);
  ASSERT_EQ(r.groups.size(), 1u);
  const Assessment& g = r.groups[0];
  EXPECT_EQ(g.name, "x+y");
  EXPECT_TRUE(g.blockers.empty()) << g.blockers[0].detail;
  const Assessment& x = find(r, "x");
  ASSERT_EQ(x.blockers.size(), 1u);
  EXPECT_EQ(x.blockers[0].kind, BlockerKind::Cycle);
  EXPECT_EQ(x.blockers[0].partners, std::vector<ModuleId>{p.find_module("y")});
  EXPECT_EQ(p.where(x.blockers[0].site), "src/x/x.cpp:3:5");
  // Alone, x's calls from y are remote; together only z's remain.
  EXPECT_EQ(x.calls, 2u);
  EXPECT_EQ(g.calls, 1u);
  EXPECT_EQ(g.loop_calls, 1u);
}

/// The facts of `t` as modules x and y (src/x/**, src/y/**), ranked.
void rank_xy(TuBuilder&& t, Project& p, Ranking& r) {
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project({std::move(t.tu)}, modules({"x", "y"}), p, errors, warnings));
  CandidateContext ctx(p);
  r = rank_modules(ctx);
}

TEST(Candidates, ACycleThatNothingOutsideUsesIsNoGroup) {
  // x <-> y and nothing else uses either: together they are the application.
  TuBuilder t;
  t.ref("src/x/x.cpp", 3, "y::g", "src/y/y.cpp");
  t.ref("src/y/y.cpp", 4, "x::f", "src/x/x.cpp");
  Project p;
  Ranking r;
  ASSERT_NO_FATAL_FAILURE(rank_xy(std::move(t), p, r));
  EXPECT_TRUE(r.groups.empty()) << r.groups[0].name;
  EXPECT_EQ(r.modules.size(), 2u); // each module is still assessed, with its cycle blocker
  EXPECT_EQ(find(r, "x").blockers.at(0).kind, BlockerKind::Cycle);
}

TEST(Candidates, TheCycleBlockerPointsAtCodeRatherThanAMacro) {
  // x -> y through a namespace macro (first) and a type; y -> x by a call.
  TuBuilder t;
  t.ref("src/x/x.cpp", 2, "Y_NAMESPACE", "src/y/y.h", RefKind::MacroExpansion);
  t.ref("src/x/x.cpp", 7, "y::Cfg", "src/y/y.h", RefKind::TypeUse);
  t.ref("src/y/y.cpp", 4, "x::f", "src/x/x.cpp");
  Project p;
  Ranking r;
  ASSERT_NO_FATAL_FAILURE(rank_xy(std::move(t), p, r));
  const Assessment& x = find(r, "x");
  ASSERT_EQ(x.blockers.size(), 1u);
  EXPECT_EQ(x.blockers[0].kind, BlockerKind::Cycle);
  EXPECT_EQ(p.where(x.blockers[0].site), "src/x/x.cpp:7:5");
  EXPECT_EQ(p.symbols[x.blockers[0].symbol].name, "y::Cfg");
}

TEST(Candidates, WhatIfListsEveryCallThatWouldBecomeRemote) {
  Project p = cycle_project();
  CandidateContext ctx(p);
  Assessment a = assess(ctx, {p.find_module("y"), p.find_module("x")});
  EXPECT_EQ(a.name, "x+y");
  ASSERT_EQ(a.remote_in.size(), 1u);
  EXPECT_EQ(p.where(p.refs[a.remote_in[0]].site), "src/z/z.cpp:6:5");
  ASSERT_EQ(a.remote_out.size(), 1u);
  EXPECT_EQ(p.where(p.refs[a.remote_out[0]].site), "src/y/y.cpp:5:5");
  // The cycle stays inside: no cycle blocker, and the internal calls are not remote.
  EXPECT_TRUE(a.blockers.empty());
  // A set that leaves a cycle half outside carries the cycle, naming the partner.
  Assessment xz = assess(ctx, {p.find_module("x"), p.find_module("z")});
  ASSERT_EQ(xz.blockers.size(), 1u);
  EXPECT_EQ(xz.blockers[0].partners, std::vector<ModuleId>{p.find_module("y")});
}

} // namespace
} // namespace seam
