#include "analyzers/core/facts.h"

#include <array>
#include <string_view>

namespace seam {
namespace {

constexpr std::array<const char*, static_cast<size_t>(SymbolKind::Other) + 1> kSymbolKinds = {
    "function", "method", "static-method", "constructor", "destructor", "conversion",
    "class",    "struct", "union",         "enum",        "enumerator", "variable",
    "field",    "alias",  "concept",       "macro",       "other"};

constexpr std::array<const char*, kRefKindCount> kRefKinds = {
    "call",  "type",  "base",      "override",     "member", "read",
    "write", "address", "template-arg", "macro", "friend"};

constexpr std::array<const char*, static_cast<size_t>(TypeShape::Other) + 1> kShapes = {
    "void",     "bool",         "int",      "float",    "char",      "string",   "sequence",
    "set",      "map",          "optional", "pair",     "smart-ptr", "function", "iterator",
    "enum",     "record",       "pointer",  "reference", "template-param", "other"};

template <typename E, size_t N>
bool parse_from(const std::array<const char*, N>& names, const std::string& s, E& out) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  return false;
}

} // namespace

const char* to_string(SymbolKind k) { return kSymbolKinds[static_cast<size_t>(k)]; }
const char* to_string(RefKind k) { return kRefKinds[static_cast<size_t>(k)]; }
const char* to_string(TypeShape s) { return kShapes[static_cast<size_t>(s)]; }
bool parse_symbol_kind(const std::string& s, SymbolKind& out) { return parse_from(kSymbolKinds, s, out); }
bool parse_ref_kind(const std::string& s, RefKind& out) { return parse_from(kRefKinds, s, out); }
bool parse_type_shape(const std::string& s, TypeShape& out) { return parse_from(kShapes, s, out); }

} // namespace seam
