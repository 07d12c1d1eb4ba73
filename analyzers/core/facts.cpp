#include "analyzers/core/facts.h"

#include <array>

namespace seam {
namespace {

constexpr std::array<const char*, static_cast<size_t>(SymbolKind::Other) + 1> kSymbolKinds = {
    "function", "method", "static-method", "constructor", "destructor", "conversion",
    "class",    "struct", "union",         "enum",        "enumerator", "variable",
    "field",    "alias",  "concept",       "macro",       "other"};

constexpr std::array<const char*, kRefKindCount> kRefKinds = {
    "call", "type", "base", "override", "member", "read", "write", "address", "macro", "friend"};

constexpr std::array<const char*, static_cast<size_t>(TypeShape::Other) + 1> kShapes = {
    "void",     "bool",         "int",      "float",    "char",      "string",   "sequence",
    "set",      "map",          "optional", "pair",     "smart-ptr", "function", "iterator",
    "enum",     "record",       "pointer",  "reference", "template-param", "other"};

} // namespace

const char* to_string(SymbolKind k) { return kSymbolKinds[static_cast<size_t>(k)]; }
const char* to_string(RefKind k) { return kRefKinds[static_cast<size_t>(k)]; }
const char* to_string(TypeShape s) { return kShapes[static_cast<size_t>(s)]; }

} // namespace seam
