// Blockers and type classes of `seam candidates` on small real sources: each
// construct parsed by Clang from in-memory files, merged into a Project whose
// modules are the top-level folders, then assessed. One construct per test,
// and the same construct inside one module, where it blocks nothing.
// Also the extractor facts candidates rely on: friend declarations.
#include "analyzers/candidates/candidates.h"
#include "analyzers/extract/extract.h"
#include "reports/candidates/candidates_report.h"
#include "support/annotated.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace seam {
namespace {

using test::Annotated;

const std::string kRoot = "/virtual/proj";

std::string resource_dir() {
  std::string problem;
  return default_resource_dir(problem);
}

/// Files by path (relative to kRoot) with $markers^; TUs are the given mains.
class Sources {
public:
  Sources(std::initializer_list<std::pair<const std::string, std::string>> files) {
    for (const auto& [path, text] : files) files_.emplace(path, Annotated(text));
  }

  TuFacts parse(const std::string& main) const {
    ExtractInput in;
    in.directory = kRoot;
    in.main_file = kRoot + "/" + main;
    in.arguments = {"clang++", "-std=c++17", "-fsyntax-only", "-resource-dir", resource_dir(), "-I" + kRoot,
                    in.main_file};
    for (const auto& [path, a] : files_) in.overlay[kRoot + "/" + path] = a.text();
    return extract_tu(in, kRoot);
  }

  /// Parses every .cpp file and builds a Project; modules = top-level folders.
  Project project() const {
    std::vector<TuFacts> tus;
    std::set<std::string> modules;
    for (const auto& [path, a] : files_) {
      modules.insert(path.substr(0, path.find('/')));
      if (path.size() > 4 && path.compare(path.size() - 4, 4, ".cpp") == 0) {
        tus.push_back(parse(path));
        EXPECT_TRUE(tus.back().ok) << path << ": " << tus.back().first_error;
      }
    }
    Config c;
    c.root = kRoot;
    for (const std::string& m : modules) {
      ModuleDecl d;
      d.name = m;
      d.paths = {m + "/**"};
      c.modules.push_back(d);
    }
    Project p;
    std::vector<std::string> errors, warnings;
    EXPECT_TRUE(build_project(std::move(tus), c, p, errors, warnings));
    return p;
  }

  /// "path:line:col" of marker `name` in `path`.
  std::string at(const std::string& path, const std::string& name) const {
    auto [l, c] = files_.at(path).point(name);
    return path + ":" + std::to_string(l) + ":" + std::to_string(c);
  }

private:
  std::map<std::string, Annotated> files_;
};

/// Blockers of `kind` of module `m` alone, as "symbol @ path:line:col".
std::vector<std::string> blockers(const Project& p, const std::string& m, BlockerKind kind) {
  CandidateContext ctx(p);
  Assessment a = assess(ctx, {p.find_module(m)});
  std::vector<std::string> out;
  for (const Blocker& b : a.blockers)
    if (b.kind == kind) out.push_back((b.symbol == kNoSymbol ? "" : p.symbols[b.symbol].name) + " @ " + p.where(b.site));
  return out;
}

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Extractor facts.

TEST(ExtractFriends, FriendFunctionsTemplatesAndClassesAreFriendReferencesFromTheClass) {
  Sources s({{"a/a.h", R"cpp(#pragma once
namespace a {
class Peer;
template <class T> class TPeer;
void peek();
}
)cpp"},
             {"b/b.cpp", R"cpp(#include "a/a.h"
namespace b {
class Sec {
  friend class a::$cls^Peer;
  friend void a::$fn^peek();
  template <class T> friend class a::$tmpl^TPeer;
  friend bool operator==(Sec, Sec) { return true; }
  int x = 0;
};
}
)cpp"}});
  TuFacts f = s.parse("b/b.cpp");
  ASSERT_TRUE(f.ok) << f.first_error;
  std::set<std::string> friends;
  for (const RefFact& r : f.refs) {
    if (r.kind != RefKind::Friend) continue;
    ASSERT_NE(r.from, kNoSymbol);
    EXPECT_EQ(f.symbols[r.from].name, "b::Sec");
    friends.insert(f.symbols[r.target].name + " @ " + f.files[r.site.file].path + ":" + std::to_string(r.site.line) +
                   ":" + std::to_string(r.site.column));
  }
  // The hidden friend operator== is defined in the class: it is the class's own code.
  EXPECT_EQ(friends, (std::set<std::string>{"a::Peer @ " + s.at("b/b.cpp", "cls"),
                                            "a::peek @ " + s.at("b/b.cpp", "fn"),
                                            "a::TPeer @ " + s.at("b/b.cpp", "tmpl")}));
}

// ---------------------------------------------------------------------------
// Blockers, one construct each.

TEST(CandidateBlockers, InheritanceAcrossModulesBlocksBothSidesNotWithinOne) {
  Sources s({{"a/base.h", R"cpp(#pragma once
namespace a {
struct Base { virtual ~Base() = default; virtual int run() = 0; };
struct Local : Base { int run() override { return 1; } };
}
)cpp"},
             {"a/base.cpp", "#include \"a/base.h\"\nint a_local() { a::Local l; return l.run(); }\n"},
             {"b/derived.cpp", R"cpp(#include "a/base.h"
namespace b {
struct Derived : a::$base^Base { int run() override { return 2; } };
int use() { Derived d; return d.run(); }
}
)cpp"}});
  Project p = s.project();
  EXPECT_EQ(blockers(p, "b", BlockerKind::Inheritance), Strings{"b::Derived @ " + s.at("b/derived.cpp", "base")});
  EXPECT_EQ(blockers(p, "a", BlockerKind::Inheritance), Strings{"a::Base @ " + s.at("b/derived.cpp", "base")});
}

TEST(CandidateBlockers, InheritanceInsideOneModuleIsNoBlocker) {
  Sources s({{"a/base.h", R"cpp(#pragma once
namespace a {
struct Base { virtual ~Base() = default; virtual int run() = 0; };
struct Local : Base { int run() override { return 1; } };
inline int go() { Local l; return l.run(); }
}
)cpp"},
             {"b/use.cpp", "#include \"a/base.h\"\nint use() { return a::go(); }\n"}});
  Project p = s.project();
  EXPECT_TRUE(blockers(p, "a", BlockerKind::Inheritance).empty());
  EXPECT_TRUE(blockers(p, "b", BlockerKind::Inheritance).empty());
}

TEST(CandidateBlockers, GlobalWrittenOnOneSideAndReadOnTheOtherBlocksBoth) {
  Sources s({{"a/config.h", "#pragma once\nnamespace a { extern int timeout; int wait(); }\n"},
             {"a/config.cpp", R"cpp(#include "a/config.h"
namespace a {
int timeout = 5;
int wait() { return $read^timeout; }
}
)cpp"},
             {"b/main.cpp", R"cpp(#include "a/config.h"
int main() { a::$write^timeout = 9; return a::wait(); }
)cpp"}});
  Project p = s.project();
  EXPECT_EQ(blockers(p, "a", BlockerKind::GlobalState), Strings{"a::timeout @ " + s.at("a/config.cpp", "read")});
  EXPECT_EQ(blockers(p, "b", BlockerKind::GlobalState), Strings{"a::timeout @ " + s.at("b/main.cpp", "write")});
}

TEST(CandidateBlockers, GlobalUsedByOneModuleOnlyOrNeverWrittenIsNoBlocker) {
  Sources s({{"a/config.h", "#pragma once\nnamespace a { extern int limit; int bump(); }\n"},
             {"a/config.cpp", R"cpp(#include "a/config.h"
namespace a {
int limit = 5;
int counter = 0;
int bump() { counter = counter + 1; return counter; }
}
)cpp"},
             // b reads `limit`, which nobody writes after initialisation: a constant in practice.
             {"b/main.cpp", "#include \"a/config.h\"\nint main() { return a::limit + a::bump(); }\n"}});
  Project p = s.project();
  EXPECT_TRUE(blockers(p, "a", BlockerKind::GlobalState).empty());
  EXPECT_TRUE(blockers(p, "b", BlockerKind::GlobalState).empty());
}

TEST(CandidateBlockers, TemplateUsedOutsideItsModuleIsAHeaderToTakeAlongNotABlocker) {
  Sources s({{"a/box.h", R"cpp(#pragma once
namespace a {
template <typename T> struct Box { T v; T get() const { return v; } };
template <typename T> T twice(T x) { return x + x; }
inline int inside() { Box<int> b{1}; return b.get() + twice(1); }
}
)cpp"},
             // State of its own keeps a from being a library taken along whole.
             {"a/box.cpp", "#include \"a/box.h\"\nnamespace a { int made = 0; }\n"},
             {"b/use.cpp", R"cpp(#include "a/box.h"
int use() { a::$box^Box<int> b{2}; return b.get() + a::$twice^twice(3); }
)cpp"}});
  Project p = s.project();
  // The user compiles the template into itself: a build dependency, not a network one.
  EXPECT_TRUE(blockers(p, "a", BlockerKind::Template).empty());
  EXPECT_TRUE(blockers(p, "b", BlockerKind::Template).empty());
  CandidateContext ctx(p);
  Assessment b = assess(ctx, {p.find_module("b")});
  ASSERT_EQ(b.dependencies.size(), 1u);
  EXPECT_FALSE(b.dependencies[0].remote);
  EXPECT_EQ(b.dependencies[0].run_time, 0u);
  ASSERT_EQ(b.take_along.size(), 1u);
  ASSERT_EQ(b.take_along[0].headers.size(), 1u);
  EXPECT_EQ(p.files[b.take_along[0].headers[0]].path, "a/box.h");
  // Nothing of a runs at run time for b: a has nothing to serve.
  Assessment a = assess(ctx, {p.find_module("a")});
  EXPECT_EQ(a.role, Role::CompileTime);
}

TEST(CandidateBlockers, TemplateUsedOnlyInsideItsModuleIsNoBlocker) {
  Sources s({{"a/box.h", R"cpp(#pragma once
namespace a {
template <typename T> struct Box { T v; };
inline int inside() { Box<int> b{1}; return b.v; }
}
)cpp"},
             {"b/use.cpp", "#include \"a/box.h\"\nint use() { return a::inside(); }\n"}});
  Project p = s.project();
  EXPECT_TRUE(blockers(p, "a", BlockerKind::Template).empty());
}

TEST(CandidateBlockers, FriendAcrossModulesBlocksBothSidesNotWithinOne) {
  Sources s({{"a/vault.h", R"cpp(#pragma once
namespace b { class Thief; }
namespace a {
class Helper;
class Vault {
  friend class b::$thief^Thief;
  friend class Helper; // same module
  int secret = 42;
};
class Helper { public: int peek(const Vault& v) { return v.secret; } };
}
)cpp"},
             {"a/vault.cpp", "#include \"a/vault.h\"\nint a_peek() { a::Vault v; return a::Helper().peek(v); }\n"},
             {"b/thief.cpp", R"cpp(#include "a/vault.h"
namespace b {
class Thief { public: int take(const a::Vault& v) { return v.secret; } };
int use() { a::Vault v; return Thief().take(v); }
}
)cpp"}});
  Project p = s.project();
  EXPECT_EQ(blockers(p, "a", BlockerKind::Friend), Strings{"a::Vault @ " + s.at("a/vault.h", "thief")});
  EXPECT_EQ(blockers(p, "b", BlockerKind::Friend), Strings{"b::Thief @ " + s.at("a/vault.h", "thief")});
}

TEST(CandidateBlockers, CallbacksCrossingTheBoundaryBlockBothSides) {
  Sources s({{"a/events.h", R"cpp(#pragma once
#include "a/function.h"
namespace a {
void $reg^on_event(void (*handler)(int));
void $sub^subscribe(std::function<void(int)> handler);
int plain(int v);
}
)cpp"},
             // A tiny stand-in for <functional>: tests use fixture headers, not the standard library.
             {"a/function.h", R"cpp(#pragma once
namespace std {
template <class> class function;
template <class R, class... A> class function<R(A...)> { public: template <class F> function(F) {} };
}
)cpp"},
             // a keeps state, so it is a service, not a library taken along (where a
             // callback would stay in one process: CandidateModel tests).
             {"a/events.cpp", R"cpp(#include "a/events.h"
namespace a {
int handled = 0;
void on_event(void (*handler)(int)) { handler(1); ++handled; }
void subscribe(std::function<void(int)>) {}
int plain(int v) { return v; }
}
)cpp"},
             {"b/use.cpp", R"cpp(#include "a/events.h"
namespace b {
void handle(int) {}
int use() { a::$call^on_event(handle); a::subscribe(handle); return a::plain(1); }
}
)cpp"}});
  Project p = s.project();
  // The owner's signatures take callbacks; the caller passes one. plain() is no callback.
  EXPECT_EQ(blockers(p, "a", BlockerKind::Callback),
            (Strings{"a::on_event @ " + s.at("a/events.h", "reg"), "a::subscribe @ " + s.at("a/events.h", "sub")}));
  Strings b = blockers(p, "b", BlockerKind::Callback);
  ASSERT_EQ(b.size(), 2u) << testing::PrintToString(b);
  EXPECT_EQ(b[0], "a::on_event @ " + s.at("b/use.cpp", "call"));
}

TEST(CandidateBlockers, PointersAndReferencesToObjectsHandedOutAreIdentity) {
  Sources s({{"a/store.h", R"cpp(#pragma once
namespace a {
struct Record { int id = 0; };
class Store {
public:
  Record& $ref^find(int id);
  Record copy(int id) const;
  const Record& $cref^peek() const;
  int count(const Record& r) const;
private:
  Record r_;
};
}
)cpp"},
             {"a/store.cpp", R"cpp(#include "a/store.h"
namespace a {
Record& Store::find(int) { return r_; }
Record Store::copy(int) const { return r_; }
const Record& Store::peek() const { return r_; }
int Store::count(const Record& r) const { return r.id; }
}
)cpp"},
             {"b/use.cpp", R"cpp(#include "a/store.h"
int use(a::Store& s) { s.find(1); s.peek(); return s.count(s.copy(1)); }
)cpp"}});
  Project p = s.project();
  // copy() returns a value and count() takes a const reference to a value: no identity.
  EXPECT_EQ(blockers(p, "a", BlockerKind::Identity),
            (Strings{"a::Store::find @ " + s.at("a/store.h", "ref"), "a::Store::peek @ " + s.at("a/store.h", "cref")}));
}

TEST(CandidateBlockers, HandingOwnObjectToAnotherModuleIsIdentityForTheCaller) {
  Sources s({{"a/registry.h", R"cpp(#pragma once
namespace b { class Widget; }
namespace a { void attach(b::Widget& w); }
)cpp"},
             {"a/registry.cpp", "#include \"a/registry.h\"\nvoid a::attach(b::Widget&) {}\n"},
             {"b/widget.cpp", R"cpp(#include "a/registry.h"
namespace b {
class Widget { public: int v = 0; };
void setup() { Widget w; a::$attach^attach(w); }
}
)cpp"}});
  Project p = s.project();
  EXPECT_EQ(blockers(p, "b", BlockerKind::Identity), Strings{"a::attach @ " + s.at("b/widget.cpp", "attach")});
}

TEST(CandidateBlockers, CycleNamesThePartnersAndPointsAtTheCall) {
  Sources s({{"a/a.h", "#pragma once\nnamespace a { int ping(int n); }\n"},
             {"b/b.h", "#pragma once\nnamespace b { int pong(int n); }\n"},
             {"a/a.cpp", R"cpp(#include "a/a.h"
#include "b/b.h"
int a::ping(int n) { return n ? b::$pong^pong(n - 1) : 0; }
)cpp"},
             {"b/b.cpp", R"cpp(#include "a/a.h"
#include "b/b.h"
int b::pong(int n) { return n ? a::$ping^ping(n - 1) : 0; }
)cpp"},
             {"c/c.cpp", "#include \"a/a.h\"\nint c_main() { return a::ping(3); }\n"}});
  Project p = s.project();
  EXPECT_EQ(blockers(p, "a", BlockerKind::Cycle), Strings{"b::pong @ " + s.at("a/a.cpp", "pong")});
  EXPECT_EQ(blockers(p, "b", BlockerKind::Cycle), Strings{"a::ping @ " + s.at("b/b.cpp", "ping")});
  EXPECT_TRUE(blockers(p, "c", BlockerKind::Cycle).empty());
  CandidateContext ctx(p);
  Assessment a = assess(ctx, {p.find_module("a")});
  ASSERT_EQ(a.blockers.size(), 1u);
  EXPECT_EQ(a.blockers[0].partners, std::vector<ModuleId>{p.find_module("b")});
  // Extracted together, the cycle is inside the unit.
  Assessment both = assess(ctx, {p.find_module("a"), p.find_module("b")});
  EXPECT_TRUE(both.blockers.empty());
}

// ---------------------------------------------------------------------------
// The interface as a user reads it.

TEST(CandidateInterface, OverloadsShowTheirParametersWhereTheNameAloneIsAmbiguous) {
  Sources s({{"store/box.h", R"cpp(#pragma once
namespace store {
class Box {
public:
  int& at(int i);
  const int& at(int i) const;
  int size() const;
private:
  int v_[4] = {};
};
}
)cpp"},
             {"store/box.cpp", "#include \"store/box.h\"\nnamespace store {\nint& Box::at(int i) { return v_[i]; }\n"
                               "const int& Box::at(int i) const { return v_[i]; }\nint Box::size() const { return 4; }\n}\n"},
             {"app/main.cpp", R"cpp(#include "store/box.h"
int main() {
  store::Box b;
  const store::Box& c = b;
  b.at(0) = 1;
  return c.at(0) + b.size();
}
)cpp"}});
  Project p = s.project();
  CandidateContext ctx(p);
  Ranking r = rank_modules(ctx);
  const std::string text = candidates_text(p, r);
  EXPECT_NE(text.find("    store::Box::at(int)     "), std::string::npos) << text;
  EXPECT_NE(text.find("    store::Box::at(int) const     "), std::string::npos) << text;
  EXPECT_NE(text.find("    store::Box::size     "), std::string::npos) << text; // one of its name: no parameters
  const auto json = candidates_json(p, r).dump();
  EXPECT_NE(json.find(R"("symbol":"store::Box::at","kind":"method","signature":"const int &(int) const")"),
            std::string::npos) << json;
}

// ---------------------------------------------------------------------------
// Type classes on real declarations.

TEST(TypeClass, ValuesAndNonValuesWithReasons) {
  Sources s({{"a/types.h", R"cpp(#pragma once
#include "a/std.h"
namespace a {
enum class Color { Red, Green };
struct Inner { long long id; Color color; };
struct Tree { int value; std::vector<Tree> children; };
struct Plain { int n; double d; bool b; std::string s; Inner inner; std::vector<Inner> list; std::map<std::string, Inner> index; };
struct WithPointer { int n; Inner* next; };
struct Poly { virtual ~Poly(); int n; };
class Private { int n = 0; public: int get() const { return n; } };
Plain f1(const Plain& p);
void f2(WithPointer w);
void f3(Poly& p);
void f4(Private p);
void f5(Inner& out);
void f6(const char* name);
void f7(Tree t);
}
)cpp"},
             // Fixture stand-ins for the standard containers seam recognises by name in std.
             {"a/std.h", R"cpp(#pragma once
namespace std {
template <class T> class vector { T* p; };
template <class K, class V> class map { K* k; V* v; };
template <class C> class basic_string { C* p; };
using string = basic_string<char>;
}
)cpp"},
             {"a/types.cpp", "#include \"a/types.h\"\n"}});
  Project p = s.project();
  TypeClassifier tc(p);
  auto param = [&](const std::string& fn) -> const TypeInfo& {
    for (const Symbol& sym : p.symbols)
      if (sym.name == fn) return sym.params.at(0).type;
    throw std::runtime_error("no function " + fn);
  };
  TypeVerdict plain = tc.classify(param("a::f1"));
  EXPECT_TRUE(plain.serialisable) << plain.reason;
  EXPECT_EQ(plain.kind, ValueKind::Aggregate);
  EXPECT_EQ(plain.reason, "const reference to a value: sent by value");

  TypeVerdict ptr = tc.classify(param("a::f2"));
  EXPECT_FALSE(ptr.serialisable);
  EXPECT_EQ(ptr.kind, ValueKind::RawPointer);
  EXPECT_EQ(ptr.reason, "field a::WithPointer::next: raw pointer: an address means nothing in another process");

  TypeVerdict poly = tc.classify(param("a::f3"));
  EXPECT_FALSE(poly.serialisable);
  EXPECT_EQ(poly.kind, ValueKind::Polymorphic);

  TypeVerdict priv = tc.classify(param("a::f4"));
  EXPECT_FALSE(priv.serialisable);
  EXPECT_EQ(priv.kind, ValueKind::NotAggregate);

  TypeVerdict out = tc.classify(param("a::f5"));
  EXPECT_FALSE(out.serialisable);
  EXPECT_EQ(out.kind, ValueKind::MutableReference);

  TypeVerdict cstr = tc.classify(param("a::f6"));
  EXPECT_TRUE(cstr.serialisable);
  EXPECT_EQ(cstr.kind, ValueKind::CString);

  // A message may contain itself through a container.
  TypeVerdict tree = tc.classify(param("a::f7"));
  EXPECT_TRUE(tree.serialisable) << tree.reason;

  SymbolId plain_id = p.symbol_index.at(param("a::f7").decl_usr);
  ASSERT_EQ(tc.fields(plain_id).size(), 2u);
  EXPECT_EQ(p.symbols[tc.fields(plain_id)[0]].name, "a::Tree::value");
  EXPECT_EQ(p.symbols[tc.fields(plain_id)[1]].name, "a::Tree::children");
}

} // namespace
} // namespace seam
