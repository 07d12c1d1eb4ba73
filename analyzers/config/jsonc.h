// A small JSON-with-comments reader that keeps the line and column of every
// key and value, so seam.json errors can point at what the user wrote.
// nlohmann::json drops positions after parsing; this keeps them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seam::jsonc {

/// 1-based line and column; the column counts bytes, as compilers do.
struct Pos {
  uint32_t line = 0;
  uint32_t column = 0;
};

enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object };

/// "null", "true or false", "a number", "a string", "an array", "an object".
const char* describe(Kind kind);

struct Member;

struct Value {
  Kind kind = Kind::Null;
  Pos pos;                     ///< where the value starts
  bool boolean = false;
  double number = 0;
  std::string text;            ///< String: decoded; Number: as written
  std::vector<Value> items;    ///< Array
  std::vector<Member> members; ///< Object, in the order written; keys are unique

  bool is_string() const { return kind == Kind::String; }
  /// The member named `key`, or null.
  const Member* find(std::string_view key) const;
};

struct Member {
  std::string key;
  Pos key_pos;
  Value value;
};

struct SyntaxError {
  Pos pos;
  std::string message; ///< says what was expected, e.g. "expected ',' or '}' after ..."
};

/// Parses JSON with `//` and `/* */` comments (and a leading UTF-8 BOM).
/// Strict otherwise: no trailing commas, no single quotes, no duplicate keys.
/// Returns false and fills `error` at the first problem.
bool parse(std::string_view text, Value& out, SyntaxError& error);

} // namespace seam::jsonc
