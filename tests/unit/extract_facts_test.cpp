// Extraction on small in-memory TUs: exact symbols, references with kinds,
// include edges and positions.
#include "analyzers/extract/extract.h"
#include "support/annotated.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace seam {
namespace {

using test::Annotated;

const std::string kRoot = "/virtual/proj";

std::string resource_dir() {
  std::string problem;
  return default_resource_dir(problem);
}

/// Parses `main` (at kRoot/main.cpp) with `headers` (name -> content under kRoot),
/// indexing only the files `claims` gives this TU (null: every file).
TuFacts parse(const std::string& main, const std::map<std::string, std::string>& headers = {},
              FileClaims* claims = nullptr) {
  ExtractInput in;
  in.directory = kRoot;
  in.main_file = kRoot + "/main.cpp";
  in.arguments = {"clang++", "-std=c++17", "-fsyntax-only", "-resource-dir", resource_dir(),
                  "-I" + kRoot, in.main_file};
  in.overlay[in.main_file] = main;
  for (const auto& [name, text] : headers) in.overlay[kRoot + "/" + name] = text;
  in.claims = claims;
  return extract_tu(in, kRoot);
}

const SymbolFact* symbol(const TuFacts& f, const std::string& name) {
  for (const SymbolFact& s : f.symbols)
    if (s.name == name) return &s;
  return nullptr;
}

/// References to `target` of `kind`, as (file path, line, column).
std::vector<std::tuple<std::string, uint32_t, uint32_t>> refs_to(const TuFacts& f, const std::string& target,
                                                                RefKind kind) {
  std::vector<std::tuple<std::string, uint32_t, uint32_t>> out;
  for (const RefFact& r : f.refs)
    if (f.symbols[r.target].name == target && r.kind == kind)
      out.emplace_back(f.files[r.site.file].path, r.site.line, r.site.column);
  std::sort(out.begin(), out.end());
  return out;
}

std::tuple<std::string, uint32_t, uint32_t> at(const std::string& file, const Annotated& a,
                                               const std::string& name) {
  auto [l, c] = a.point(name);
  return {file, l, c};
}

TEST(ExtractFacts, IncludesAreRecordedWithLineSpellingAndResolvedFile) {
  Annotated main(R"cpp(#include "lib/a.h"
#include <stddef.h>
$use^int x = f();
)cpp");
  TuFacts f = parse(main.text(), {{"lib/a.h", "#pragma once\ninline int f() { return 1; }\n"}});
  ASSERT_TRUE(f.ok) << f.first_error;
  EXPECT_EQ(f.main_file, "main.cpp");
  ASSERT_EQ(f.includes.size(), 2u);
  const IncludeFact& a = f.includes[0];
  EXPECT_EQ(f.files[a.site.file].path, "main.cpp");
  EXPECT_EQ(a.site.line, 1u);
  EXPECT_EQ(a.spelled, "lib/a.h");
  EXPECT_FALSE(a.angled);
  ASSERT_NE(a.included, kNoFile);
  EXPECT_EQ(f.files[a.included].path, "lib/a.h");
  EXPECT_FALSE(f.files[a.included].external);
  const IncludeFact& b = f.includes[1];
  EXPECT_TRUE(b.angled);
  EXPECT_EQ(b.spelled, "stddef.h");
  ASSERT_NE(b.included, kNoFile);
  EXPECT_TRUE(f.files[b.included].external);
}

TEST(ExtractFacts, SymbolsCarryKindLocationsAndFlags) {
  Annotated main(R"cpp(
namespace shop {
struct $shape^Shape { virtual ~Shape(); virtual double area() const = 0; };
class $circle^Circle : public Shape { public: double area() const override; double r = 1; };
int $counter^counter = 0;
const int $limit^limit = 3;
thread_local int per_thread = 0;
struct Meta { static thread_local int tls; static int shared; };
enum class $color^Color { Red, Green };
int $twice^twice(int v);
int $twicedef^twice(int v) { return 2 * v; }
template <typename T> struct $box^Box { T value; };
}
)cpp");
  TuFacts f = parse(main.text());
  ASSERT_TRUE(f.ok) << f.first_error;

  const SymbolFact* shape = symbol(f, "shop::Shape");
  ASSERT_TRUE(shape);
  EXPECT_EQ(shape->kind, SymbolKind::Struct);
  EXPECT_TRUE(shape->is_abstract);
  EXPECT_TRUE(shape->is_polymorphic);
  EXPECT_EQ(std::make_pair(shape->def.line, shape->def.column), main.point("shape"));

  const SymbolFact* circle = symbol(f, "shop::Circle");
  ASSERT_TRUE(circle);
  EXPECT_EQ(circle->kind, SymbolKind::Class);
  EXPECT_FALSE(circle->is_abstract);
  ASSERT_EQ(circle->bases.size(), 1u);
  EXPECT_EQ(circle->bases[0], shape->usr);

  const SymbolFact* counter = symbol(f, "shop::counter");
  ASSERT_TRUE(counter);
  EXPECT_EQ(counter->kind, SymbolKind::Variable);
  EXPECT_TRUE(counter->mutable_global);
  const SymbolFact* limit = symbol(f, "shop::limit");
  ASSERT_TRUE(limit);
  EXPECT_FALSE(limit->mutable_global);
  // Thread-locals are per thread, so per process too: no shared state.
  ASSERT_TRUE(symbol(f, "shop::per_thread"));
  EXPECT_FALSE(symbol(f, "shop::per_thread")->mutable_global);
  ASSERT_TRUE(symbol(f, "shop::Meta::tls"));
  EXPECT_FALSE(symbol(f, "shop::Meta::tls")->mutable_global);
  ASSERT_TRUE(symbol(f, "shop::Meta::shared"));
  EXPECT_TRUE(symbol(f, "shop::Meta::shared")->mutable_global);

  const SymbolFact* twice = symbol(f, "shop::twice");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->kind, SymbolKind::Function);
  EXPECT_EQ(std::make_pair(twice->decl.line, twice->decl.column), main.point("twice"));
  EXPECT_EQ(std::make_pair(twice->def.line, twice->def.column), main.point("twicedef"));
  EXPECT_EQ(twice->signature, "int (int)");
  ASSERT_EQ(twice->params.size(), 1u);
  EXPECT_EQ(twice->params[0].name, "v");
  EXPECT_EQ(twice->params[0].type.shape, TypeShape::Int);
  EXPECT_EQ(twice->params[0].type.bits, 32);

  const SymbolFact* area = symbol(f, "shop::Shape::area");
  ASSERT_TRUE(area);
  EXPECT_EQ(area->kind, SymbolKind::Method);
  EXPECT_TRUE(area->is_pure);
  EXPECT_EQ(area->parent_usr, shape->usr);

  const SymbolFact* color = symbol(f, "shop::Color");
  ASSERT_TRUE(color);
  EXPECT_EQ(color->kind, SymbolKind::Enum);
  const SymbolFact* green = symbol(f, "shop::Color::Green");
  ASSERT_TRUE(green);
  EXPECT_EQ(green->kind, SymbolKind::EnumConstant);
  EXPECT_EQ(green->enum_value, 1);

  const SymbolFact* box = symbol(f, "shop::Box");
  ASSERT_TRUE(box);
  EXPECT_TRUE(box->is_template);
}

TEST(ExtractFacts, AMemberOfAPartialSpecializationIsNamedByItsArgumentsAsWritten) {
  // The canonical type `T[N]` is first made by `first` (its parameter is
  // `_Size`): Clang alone would name the member `R<const type-parameter-0-0[_Size]>::type`,
  // and after another header first (a precompiled prefix changes the order)
  // with another name; the name as written is the same whatever came first.
  TuFacts f = parse("#include \"r.h\"\nint main() { return 0; }\n",
                    {{"r.h", "#pragma once\n#include <cstddef>\n"
                             "template <typename U, std::size_t _Size> void first(U (&)[_Size]);\n"
                             "template <typename T> struct R { using type = T; };\n"
                             "template <typename T, std::size_t N> struct R<const T[N]> {\n"
                             "  using type = T;\n  struct Inner { int size() const; };\n};\n"}});
  EXPECT_NE(symbol(f, "R<const T[N]>::type"), nullptr);
  EXPECT_NE(symbol(f, "R<const T[N]>::Inner::size"), nullptr);
  EXPECT_NE(symbol(f, "R::type"), nullptr); // the primary template's, unchanged
  for (const SymbolFact& s : f.symbols) EXPECT_EQ(s.name.find("type-parameter"), std::string::npos) << s.name;
}

TEST(ExtractFacts, AMemberTypeOfAClassTemplateNamesNoSpecialization) {
  // box.h is indexed by another TU: this one describes Box's members where it
  // meets them, after it made Box<long> and Box<char>. Clang's fully
  // qualified spelling of `Value` can take the template's first
  // specialisation as its scope, which depends on the order the TU made them
  // (on rocksdb a precompiled prefix changed it; here Clang spells
  // `Box<T>::Value`); the spelling as written depends on neither.
  const std::string box = "#pragma once\n"
                          "template <typename T> struct Box {\n"
                          "  using Value = T;\n"
                          "  Value value;\n"
                          "  Value get(Value fallback) const { return fallback; }\n"
                          "  template <typename U> Value with(U u) const { return Value(u); }\n"
                          "};\n";
  for (const std::string first : {"long", "char"}) {
    const std::string second = first == "long" ? "char" : "long";
    FileClaims claims;
    claims.seed(kRoot + "/box.h", -1); // indexed by a TU no longer in the database
    TuFacts f = parse("#include \"box.h\"\n"
                      "int a() { Box<" + first + "> b{}; return b.get(1) + b.with(2) + b.value; }\n"
                      "int c() { Box<" + second + "> b{}; return b.get(1) + b.with(2) + b.value; }\n",
                      {{"box.h", box}}, &claims);
    ASSERT_TRUE(f.ok) << f.first_error;
    const SymbolFact* get = symbol(f, "Box::get");
    const SymbolFact* with = symbol(f, "Box::with");
    const SymbolFact* value = symbol(f, "Box::value");
    ASSERT_TRUE(get && with && value) << "first " << first;
    EXPECT_EQ(get->signature, "Value (Value) const");
    ASSERT_EQ(get->params.size(), 1u);
    EXPECT_EQ(get->params[0].type.spelling, "Value") << "first " << first;
    EXPECT_EQ(with->result.spelling, "Value") << "first " << first;
    EXPECT_EQ(value->result.spelling, "Value") << "first " << first;
  }
}

TEST(ExtractFacts, ReferencesHaveKindsAndSites) {
  Annotated main(R"cpp(#define TWICE(x) ((x) * 2)
struct Base { virtual void run(); };
struct Derived : $base^Base { void $ovr^run() override; };
int total = 0;
int add(int a) { return a; }
struct Point { int x; };
void use(Point& p) {
  $write^total = 1;
  int t = $read^total;
  $call^add(t);
  int (*fp)(int) = &$addr^add;
  p.$member^x = 2;
  int m = $macro^TWICE(3);
  for (int i = 0; i < 3; ++i) { $loopcall^add(i); }
  (void)fp; (void)m;
}
)cpp");
  TuFacts f = parse(main.text());
  ASSERT_TRUE(f.ok) << f.first_error;
  using V = std::vector<std::tuple<std::string, uint32_t, uint32_t>>;
  EXPECT_EQ(refs_to(f, "total", RefKind::Write), V{at("main.cpp", main, "write")});
  EXPECT_EQ(refs_to(f, "total", RefKind::Read), V{at("main.cpp", main, "read")});
  EXPECT_EQ(refs_to(f, "add", RefKind::Call),
            (V{at("main.cpp", main, "call"), at("main.cpp", main, "loopcall")}));
  EXPECT_EQ(refs_to(f, "add", RefKind::AddressOf), V{at("main.cpp", main, "addr")});
  EXPECT_EQ(refs_to(f, "Base", RefKind::BaseClass), V{at("main.cpp", main, "base")});
  EXPECT_EQ(refs_to(f, "Base::run", RefKind::Override), V{at("main.cpp", main, "ovr")});
  EXPECT_EQ(refs_to(f, "Point::x", RefKind::Write), V{at("main.cpp", main, "member")});
  EXPECT_EQ(refs_to(f, "TWICE", RefKind::MacroExpansion), V{at("main.cpp", main, "macro")});

  // Only the call inside the for body is in a loop; the enclosing symbol is use().
  for (const RefFact& r : f.refs) {
    if (f.symbols[r.target].name != "add" || r.kind != RefKind::Call) continue;
    bool in_loop_site = std::make_pair(r.site.line, r.site.column) == main.point("loopcall");
    EXPECT_EQ(r.in_loop, in_loop_site);
    ASSERT_NE(r.from, kNoSymbol);
    EXPECT_EQ(f.symbols[r.from].name, "use");
  }
}

TEST(ExtractFacts, ReferencesIntoSystemHeadersAreNotKept) {
  TuFacts f = parse("#include <stddef.h>\nsize_t n = sizeof(int);\n");
  ASSERT_TRUE(f.ok) << f.first_error;
  for (const RefFact& r : f.refs) EXPECT_NE(f.symbols[r.target].name, "size_t");
}

TEST(ExtractFacts, SyntaxErrorKeepsFactsUpToTheErrorAndReportsIt) {
  Annotated main(R"cpp(int good() { return 1; }
int bad() { return $err^missing_name; }
int after() { return good(); }
)cpp");
  TuFacts f = parse(main.text());
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.error_count, 1u);
  auto [line, col] = main.point("err");
  EXPECT_EQ(f.first_error, "main.cpp:" + std::to_string(line) + ":" + std::to_string(col) +
                               ": error: use of undeclared identifier 'missing_name'");
  EXPECT_TRUE(symbol(f, "good"));
  EXPECT_TRUE(symbol(f, "after"));
}

TEST(ExtractFacts, MissingHeaderIsReported) {
  TuFacts f = parse("#include \"nope.h\"\nint x;\n");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.first_error.find("'nope.h' file not found"), std::string::npos) << f.first_error;
}

TEST(DriverFlags, UnknownGccFlagsAreDroppedKnownOnesKept) {
  std::vector<std::string> removed;
  auto out = drop_unknown_driver_flags(
      {"g++", "-fno-extended-identifiers", "-O2", "-DX=1", "-fstack-reuse=none", "-Iinc", "a.cpp"}, removed);
  EXPECT_EQ(out, (std::vector<std::string>{"g++", "-O2", "-DX=1", "-Iinc", "a.cpp"}));
  EXPECT_EQ(removed, (std::vector<std::string>{"-fno-extended-identifiers", "-fstack-reuse=none"}));
}

} // namespace
} // namespace seam
