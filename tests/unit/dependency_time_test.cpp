// Compile-time or run-time (analyzers/model/dependency_time.h): one reference
// per rule, on hand-built facts, from module a into module b.
#include "analyzers/model/dependency_time.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::TuBuilder;

struct Case {
  const char* target;
  DependencyTime time;
  TimeRule rule;
};

/// a's code at src/a/a.cpp line N uses the Nth target of b, each with a kind
/// and a definition place chosen to hit one rule.
class DependencyTimeTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto sym = [&](const std::string& name, const std::string& file, SymbolKind k) -> SymbolFact& {
      return t_.tu.symbols[t_.symbol(name, file, k)];
    };
    sym("b::Thing", "src/b/b.h", SymbolKind::Class);
    sym("b::Color", "src/b/b.h", SymbolKind::Enum);
    sym("b::Color::Red", "src/b/b.h", SymbolKind::EnumConstant).parent_usr = "u:b::Color";
    sym("b::kLimit", "src/b/b.h", SymbolKind::Variable);
    sym("B_CHECK", "src/b/b.h", SymbolKind::Macro);
    sym("b::inline_fn", "src/b/b.h", SymbolKind::Function); // defined in the header
    sym("b::declared_inline", "src/b/b.cpp", SymbolKind::Function).is_inline = true;
    sym("b::out_of_line", "src/b/b.cpp", SymbolKind::Function);
    sym("b::generic", "src/b/b.cpp", SymbolKind::Function).is_template = true;
    sym("b::Box", "src/b/b.h", SymbolKind::Class).is_template = true;
    SymbolFact& get = sym("b::Box::get", "src/b/b.cpp", SymbolKind::Method);
    get.parent_usr = "u:b::Box";
    SymbolFact& run = sym("b::Thing::run", "src/b/b.h", SymbolKind::Method); // virtual, even inline
    run.parent_usr = "u:b::Thing";
    run.is_virtual = true;
    run.is_inline = true;
    sym("b::counter", "src/b/b.cpp", SymbolKind::Variable).mutable_global = true;
    sym("b::Thing::work", "src/b/b.cpp", SymbolKind::Method).parent_usr = "u:b::Thing";

    add(RefKind::TypeUse, {"b::Thing", DependencyTime::Compile, TimeRule::Type});
    add(RefKind::TypeUse, {"b::Color", DependencyTime::Compile, TimeRule::Type});
    add(RefKind::Read, {"b::Color::Red", DependencyTime::Compile, TimeRule::Type});
    add(RefKind::Read, {"b::kLimit", DependencyTime::Compile, TimeRule::Constant});
    add(RefKind::MacroExpansion, {"B_CHECK", DependencyTime::Compile, TimeRule::Macro});
    add(RefKind::Call, {"b::inline_fn", DependencyTime::Compile, TimeRule::InlineCode});
    add(RefKind::Call, {"b::declared_inline", DependencyTime::Compile, TimeRule::InlineCode});
    add(RefKind::Call, {"b::generic", DependencyTime::Compile, TimeRule::Template});
    add(RefKind::Call, {"b::Box::get", DependencyTime::Compile, TimeRule::Template});
    add(RefKind::Call, {"b::out_of_line", DependencyTime::Run, TimeRule::OutOfLineCall});
    add(RefKind::Call, {"b::Thing::work", DependencyTime::Run, TimeRule::OutOfLineCall});
    add(RefKind::Call, {"b::Thing::run", DependencyTime::Run, TimeRule::VirtualCall});
    add(RefKind::Read, {"b::counter", DependencyTime::Run, TimeRule::MutableGlobal});
    add(RefKind::Write, {"b::counter", DependencyTime::Run, TimeRule::MutableGlobal});
    add(RefKind::AddressOf, {"b::out_of_line", DependencyTime::Run, TimeRule::AddressOf});
    add(RefKind::AddressOf, {"b::inline_fn", DependencyTime::Compile, TimeRule::InlineCode});
    add(RefKind::Override, {"b::Thing::work", DependencyTime::Compile, TimeRule::Declaration});
    ASSERT_TRUE(test::build_from(std::move(t_.tu), test::src_modules({"a", "b"}), p_));
  }

  void add(RefKind kind, Case c) {
    t_.ref("src/a/a.cpp", static_cast<uint32_t>(cases_.size() + 1), c.target, "", kind);
    cases_.push_back(c);
  }

  TuBuilder t_;
  std::vector<Case> cases_;
  Project p_;
};

TEST_F(DependencyTimeTest, EveryRuleOnOneReference) {
  ASSERT_EQ(p_.refs.size(), cases_.size());
  for (const Reference& r : p_.refs) {
    const Case& c = cases_[r.site.line - 1];
    ASSERT_EQ(p_.symbols[r.target].name, c.target);
    TimeClass t = classify_dependency(p_, r);
    EXPECT_EQ(t.time, c.time) << c.target << " line " << r.site.line << ": " << to_string(t.rule);
    EXPECT_EQ(t.rule, c.rule) << c.target << " line " << r.site.line << ": " << to_string(t.rule);
  }
}

TEST_F(DependencyTimeTest, InlineCodeIsTheSameTestSplitUses) {
  auto symbol = [&](const std::string& name) -> const Symbol& {
    for (const Symbol& s : p_.symbols)
      if (s.name == name) return s;
    throw std::runtime_error("no " + name);
  };
  EXPECT_TRUE(is_inline_code(p_, symbol("b::inline_fn")));     // defined in a header
  EXPECT_TRUE(is_inline_code(p_, symbol("b::declared_inline")));
  EXPECT_FALSE(is_inline_code(p_, symbol("b::out_of_line")));
  EXPECT_EQ(to_string(DependencyTime::Compile), std::string("compile-time"));
  EXPECT_EQ(to_string(DependencyTime::Run), std::string("run-time"));
}

} // namespace
} // namespace seam
