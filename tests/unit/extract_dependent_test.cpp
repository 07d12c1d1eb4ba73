// Dependent code makes no references: inside a template or a generic lambda,
// what an unresolved name or operator will call is decided per instantiation,
// and the candidates ordinary lookup happened to find are not a use. The case
// from a real monolith (issue 13): `tx != nullptr` on a `const auto&` and
// `it != m.end()` on a dependent iterator were reported by clang::index as
// calls of a pool allocator's `operator==` template in another module, and the
// module graph had an edge the code does not have. What the template's pattern
// resolves (a non-dependent call, a type it names) is still a reference.
#include "analyzers/extract/extract.h"
#include "analyzers/model/model.h"
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

/// The allocator of module "support": a global operator== template, as in the
/// real case, so that unqualified operator lookup anywhere finds it.
const char* kPool = R"cpp(#pragma once
template <class T, unsigned N> struct PoolAllocator { using value_type = T; };
template <class T1, unsigned N1, class T2, unsigned N2>
bool operator==(const PoolAllocator<T1, N1>&, const PoolAllocator<T2, N2>&) { return true; }
template <class T1, unsigned N1, class T2, unsigned N2>
bool operator!=(const PoolAllocator<T1, N1>&, const PoolAllocator<T2, N2>&) { return false; }
)cpp";

/// A tiny map of module "support" whose members a template reaches through a
/// dependent object.
const char* kMap = R"cpp(#pragma once
namespace support {
template <class K, class V> struct Map {
  struct iterator { const V* at = nullptr; };
  iterator find(const K&) const { return {}; }
  iterator end() const { return {}; }
};
int helper(int v);
int encode(int v);
int put(int v);
int put(const char* v);
}
)cpp";

/// Module "policy": a function template and a generic lambda that compare
/// dependent values, and make one real call each; the template also calls
/// a function by name with a dependent argument, once with one candidate
/// (encode) and once with two (put).
const char* kPolicy = R"cpp(#pragma once
#include "support/pool.h"
#include "support/map.h"
namespace policy {
template <class M, class K> bool contains(const M& m, const K& k) {
  auto it = m.find(k);
  if (it $ne_it^!= m.end()) return support::$call_template^helper(1) > 0;
  return support::$encode^encode(k) + support::$put^put(k) > 0;
}
template <class K, class V> bool has(const support::Map<K, V>& m, const K& k) {
  return m.$find^find(k) $ne_map^!= m.$end^end();
}
inline bool any(const int* p) {
  auto check = [](const auto& tx) { return tx $ne_null^!= nullptr && support::$call_lambda^helper(2) > 0; };
  return check(p);
}
}
)cpp";

TuFacts parse_policy(const Annotated& policy) {
  ExtractInput in;
  in.directory = kRoot;
  in.main_file = kRoot + "/policy/policy.cpp";
  in.arguments = {"clang++", "-std=c++20", "-fsyntax-only", "-resource-dir", resource_dir(), "-I" + kRoot,
                  in.main_file};
  in.overlay[in.main_file] = "#include \"policy/policy.h\"\nbool run() { return policy::any(nullptr); }\n";
  in.overlay[kRoot + "/policy/policy.h"] = policy.text();
  in.overlay[kRoot + "/support/pool.h"] = kPool;
  in.overlay[kRoot + "/support/map.h"] = kMap;
  return extract_tu(in, kRoot);
}

/// (line, column) of every reference in policy/policy.h to a symbol named `name`.
std::vector<std::pair<uint32_t, uint32_t>> refs_in_policy(const TuFacts& f, const std::string& name) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const RefFact& r : f.refs)
    if (f.files[r.site.file].path == "policy/policy.h" && f.symbols[r.target].name == name)
      out.emplace_back(r.site.line, r.site.column);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ExtractDependent, UnresolvedOperatorsInTemplatesAndGenericLambdasAreNoReference) {
  Annotated policy(kPolicy);
  TuFacts f = parse_policy(policy);
  ASSERT_TRUE(f.ok) << f.first_error;
  EXPECT_EQ(refs_in_policy(f, "operator=="), (std::vector<std::pair<uint32_t, uint32_t>>{}));
  EXPECT_EQ(refs_in_policy(f, "operator!="), (std::vector<std::pair<uint32_t, uint32_t>>{}));
}

TEST(ExtractDependent, DependentMemberAccessIsNoReference) {
  Annotated policy(kPolicy);
  TuFacts f = parse_policy(policy);
  ASSERT_TRUE(f.ok) << f.first_error;
  // `m.find(k)` on a `const Map<K, V>&` names a member of whatever Map<K, V>
  // turns out to be (a specialisation may differ): not a reference.
  EXPECT_EQ(refs_in_policy(f, "support::Map::find"), (std::vector<std::pair<uint32_t, uint32_t>>{}));
  EXPECT_EQ(refs_in_policy(f, "support::Map::end"), (std::vector<std::pair<uint32_t, uint32_t>>{}));
}

TEST(ExtractDependent, ACallByNameIsAReferenceOnlyWhenLookupFoundOneFunction) {
  Annotated policy(kPolicy);
  TuFacts f = parse_policy(policy);
  ASSERT_TRUE(f.ok) << f.first_error;
  // `support::encode(k)`: the definition names the one function there is.
  EXPECT_EQ(refs_in_policy(f, "support::encode"), (std::vector<std::pair<uint32_t, uint32_t>>{policy.point("encode")}));
  // `support::put(k)`: which overload is decided per instantiation.
  EXPECT_EQ(refs_in_policy(f, "support::put"), (std::vector<std::pair<uint32_t, uint32_t>>{}));
}

TEST(ExtractDependent, WhatTheTemplateResolvesIsStillAReference) {
  Annotated policy(kPolicy);
  TuFacts f = parse_policy(policy);
  ASSERT_TRUE(f.ok) << f.first_error;
  // The calls of support::helper do not depend on a template parameter: the
  // pattern resolves them, in the function template and in the generic lambda.
  EXPECT_EQ(refs_in_policy(f, "support::helper"),
            (std::vector<std::pair<uint32_t, uint32_t>>{policy.point("call_template"), policy.point("call_lambda")}));
  for (const RefFact& r : f.refs)
    if (f.symbols[r.target].name == "support::helper") EXPECT_EQ(r.kind, RefKind::Call);
  // The template names support::Map in its signature: a type use it has.
  EXPECT_FALSE(refs_in_policy(f, "support::Map").empty());
}

TEST(ExtractDependent, NoPolicyToSupportEdgeFromTheAllocatorOperator) {
  Annotated policy(kPolicy);
  std::vector<TuFacts> tus;
  tus.push_back(parse_policy(policy));
  ASSERT_TRUE(tus[0].ok) << tus[0].first_error;
  Config cfg;
  cfg.root = kRoot;
  for (const char* name : {"policy", "support"}) {
    ModuleDecl m;
    m.name = name;
    m.paths = {std::string(name) + "/**"};
    cfg.modules.push_back(m);
  }
  Project p;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::move(tus), cfg, p, errors, warnings));
  const ModuleId pol = p.find_module("policy"), sup = p.find_module("support");
  // Every policy -> support reference is one of the two real calls of helper
  // or a type the templates name; none reaches the allocator.
  size_t calls = 0;
  for (const Reference& r : p.refs) {
    if (p.from_module(r) != pol || p.to_module(r) != sup) continue;
    const std::string& target = p.symbols[r.target].name;
    EXPECT_EQ(target.rfind("operator", 0), std::string::npos) << p.where(r.site) << " -> " << target;
    EXPECT_NE(p.files[p.symbols[r.target].owner].path, "support/pool.h") << p.where(r.site) << " -> " << target;
    if (target == "support::helper") ++calls;
  }
  EXPECT_EQ(calls, 2u);
}

} // namespace
} // namespace seam
