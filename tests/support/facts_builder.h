// Hand-built facts for tests of the stages after extraction: files by path,
// symbols by name (USR "u:" + name), references and includes by site.
#pragma once

#include "analyzers/core/facts.h"

#include <string>

namespace seam::test {

/// Builds one TuFacts. Paths starting with '/' are external files.
struct TuBuilder {
  TuFacts tu;
  uint32_t file(const std::string& path) {
    for (uint32_t i = 0; i < tu.files.size(); ++i)
      if (tu.files[i].path == path) return i;
    FileFact f;
    f.path = path;
    f.external = path.front() == '/';
    f.lines = 10;
    tu.files.push_back(f);
    return static_cast<uint32_t>(tu.files.size() - 1);
  }
  uint32_t symbol(const std::string& name, const std::string& def_file, SymbolKind kind = SymbolKind::Function) {
    for (uint32_t i = 0; i < tu.symbols.size(); ++i)
      if (tu.symbols[i].name == name) return i;
    SymbolFact s;
    s.usr = "u:" + name;
    s.name = name;
    s.kind = kind;
    s.decl = s.def = Loc{file(def_file), 1, 1};
    tu.symbols.push_back(s);
    return static_cast<uint32_t>(tu.symbols.size() - 1);
  }
  void ref(const std::string& site_file, uint32_t line, const std::string& target, const std::string& target_file,
           RefKind kind = RefKind::Call) {
    RefFact r;
    r.site = Loc{file(site_file), line, 5};
    r.target = symbol(target, target_file);
    r.kind = kind;
    tu.refs.push_back(r);
  }
  void include(const std::string& from, uint32_t line, const std::string& to) {
    IncludeFact i;
    i.site = Loc{file(from), line, 1};
    i.included = file(to);
    i.spelled = to;
    tu.includes.push_back(i);
  }
};

} // namespace seam::test
