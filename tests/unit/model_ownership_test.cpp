// Which file owns a merged symbol (and so which module): its definition,
// whatever order the TUs come in and whatever their declarations say; of two
// definitions, a header's. Both cases are from leveldb (issue 13): Env is
// forward-declared in db/ and defined in include/leveldb/env.h; the test
// db/skiplist_test.cc defines a struct leveldb::Comparator of its own, beside
// the real class in include/leveldb/comparator.h (same USR, two programs).
#include "analyzers/model/model.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

using test::TuBuilder;

Config modules() {
  Config c;
  c.root = "/p";
  for (const char* name : {"api", "db", "util"}) {
    ModuleDecl m;
    m.name = name;
    m.paths = {std::string(name == std::string("api") ? "include" : name) + "/**"};
    c.modules.push_back(m);
  }
  return c;
}

/// A TU that sees `name` declared at `decl_file` (and defined at `def_file`
/// when given) and uses it from `main`.
TuFacts tu(const std::string& main, const std::string& name, const std::string& decl_file,
           const std::string& def_file) {
  TuBuilder t;
  t.tu.main_file = main;
  uint32_t s = t.symbol(name, decl_file, SymbolKind::Class);
  t.tu.symbols[s].decl = Loc{t.file(decl_file), 2, 7};
  t.tu.symbols[s].def = def_file.empty() ? Loc{} : Loc{t.file(def_file), 9, 7};
  t.ref(main, 4, name, decl_file, RefKind::TypeUse);
  return std::move(t.tu);
}

std::string owner_of(std::vector<TuFacts> tus, const std::string& name, std::string* module = nullptr) {
  Project p;
  std::vector<std::string> errors, warnings;
  EXPECT_TRUE(build_project(std::move(tus), modules(), p, errors, warnings));
  auto it = p.symbol_index.find("u:" + name);
  if (it == p.symbol_index.end()) return "(none)";
  const Symbol& s = p.symbols[it->second];
  if (module) *module = p.module_name(s.module);
  return s.owner == kNoFile ? "(none)" : p.files[s.owner].path;
}

TEST(ModelOwnership, TheDefinitionOwnsTheSymbolNotAnEarlierForwardDeclaration) {
  // db/fwd.h sorts before include/lib/env.h, and the TUs that see only the
  // forward declaration come first and last.
  auto fwd = [] { return tu("db/build.cc", "lib::Env", "db/fwd.h", ""); };
  auto def = [] { return tu("util/env.cc", "lib::Env", "include/lib/env.h", "include/lib/env.h"); };
  for (int order = 0; order < 2; ++order) {
    std::vector<TuFacts> tus;
    if (order == 0) {
      tus.push_back(fwd());
      tus.push_back(def());
    } else {
      tus.push_back(def());
      tus.push_back(fwd());
    }
    std::string module;
    EXPECT_EQ(owner_of(std::move(tus), "lib::Env", &module), "include/lib/env.h") << "order " << order;
    EXPECT_EQ(module, "api");
  }
}

TEST(ModelOwnership, OfTwoDefinitionsTheHeadersOwnsTheSymbol) {
  // The source's definition sorts first by path and comes first or last.
  auto local = [] { return tu("db/skiplist_test.cc", "lib::Comparator", "db/skiplist_test.cc", "db/skiplist_test.cc"); };
  auto shared = [] {
    return tu("util/comparator.cc", "lib::Comparator", "include/lib/comparator.h", "include/lib/comparator.h");
  };
  for (int order = 0; order < 2; ++order) {
    std::vector<TuFacts> tus;
    if (order == 0) {
      tus.push_back(local());
      tus.push_back(shared());
    } else {
      tus.push_back(shared());
      tus.push_back(local());
    }
    std::string module;
    EXPECT_EQ(owner_of(std::move(tus), "lib::Comparator", &module), "include/lib/comparator.h") << "order " << order;
    EXPECT_EQ(module, "api");
  }
}

} // namespace
} // namespace seam
