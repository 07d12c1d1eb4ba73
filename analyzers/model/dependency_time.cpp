#include "analyzers/model/dependency_time.h"

namespace seam {

namespace {

bool is_function(SymbolKind k) {
  return k == SymbolKind::Function || k == SymbolKind::Method || k == SymbolKind::StaticMethod ||
         k == SymbolKind::Constructor || k == SymbolKind::Destructor || k == SymbolKind::Conversion;
}

} // namespace

const char* to_string(DependencyTime t) { return t == DependencyTime::Compile ? "compile-time" : "run-time"; }

const char* to_string(TimeRule r) {
  switch (r) {
  case TimeRule::Type: return "type";
  case TimeRule::Constant: return "constant";
  case TimeRule::Macro: return "macro";
  case TimeRule::Template: return "template";
  case TimeRule::InlineCode: return "inline code";
  case TimeRule::Declaration: return "declaration";
  case TimeRule::OutOfLineCall: return "out-of-line call";
  case TimeRule::AddressOf: return "address of an out-of-line function";
  case TimeRule::MutableGlobal: return "mutable global";
  case TimeRule::VirtualCall: return "virtual call";
  }
  return "type";
}

SymbolId enclosing_template(const Project& p, SymbolId s) {
  SymbolId found = kNoSymbol;
  // Parents nest a few levels at most; the bound guards against a malformed chain.
  for (int depth = 0; s != kNoSymbol && depth < 64; ++depth) {
    if (p.symbols[s].is_template) found = s;
    s = p.symbols[s].parent;
  }
  return found;
}

bool is_inline_code(const Project& p, const Symbol& s) {
  return s.is_inline || (s.def.valid() && p.files[s.def.file].is_header);
}

TimeClass classify_dependency(const Project& p, const Reference& r) {
  constexpr auto compile = DependencyTime::Compile;
  constexpr auto run = DependencyTime::Run;
  const Symbol& t = p.symbols[r.target];
  if (t.kind == SymbolKind::Macro) return {compile, TimeRule::Macro};
  if (t.kind == SymbolKind::Variable) {
    // A mutable global lives in one process: every use of it is a use of that process's copy.
    if (t.mutable_global) return {run, TimeRule::MutableGlobal};
    return {compile, TimeRule::Constant};
  }
  if (!is_function(t.kind)) return {compile, TimeRule::Type};
  const bool calls = r.kind == RefKind::Call;
  const bool address = r.kind == RefKind::AddressOf;
  if (!calls && !address) return {compile, TimeRule::Declaration}; // an override, a friend, a decltype
  // A virtual call dispatches on the object: its code runs where the object lives.
  if (calls && t.is_virtual) return {run, TimeRule::VirtualCall};
  if (enclosing_template(p, r.target) != kNoSymbol) return {compile, TimeRule::Template};
  if (is_inline_code(p, t)) return {compile, TimeRule::InlineCode};
  return {run, calls ? TimeRule::OutOfLineCall : TimeRule::AddressOf};
}

} // namespace seam
