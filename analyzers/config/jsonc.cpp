#include "analyzers/config/jsonc.h"

#include <cstdlib>

namespace seam::jsonc {

const char* describe(Kind kind) {
  switch (kind) {
  case Kind::Null: return "null";
  case Kind::Bool: return "true or false";
  case Kind::Number: return "a number";
  case Kind::String: return "a string";
  case Kind::Array: return "an array";
  case Kind::Object: return "an object";
  }
  return "a value";
}

const Member* Value::find(std::string_view key) const {
  for (const Member& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

namespace {

// Deep nesting would only come from a hostile or broken file; stop well before
// the recursion could exhaust the stack.
constexpr int kMaxDepth = 200;

class Parser {
public:
  explicit Parser(std::string_view text) : s_(text) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3, line_start_ = 3;
  }

  bool run(Value& out, SyntaxError& err) {
    if (!skip_space()) return fail(err);
    if (i_ >= s_.size()) {
      error_ = {pos(), "expected a JSON value; the file is empty"};
      return fail(err);
    }
    if (!value(out, 0)) return fail(err);
    if (!skip_space()) return fail(err);
    if (i_ < s_.size()) {
      error_ = {pos(), "expected the end of the file after the top-level value; found " +
                           found()};
      return fail(err);
    }
    return true;
  }

private:
  std::string_view s_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  SyntaxError error_;

  bool fail(SyntaxError& err) {
    err = error_;
    return false;
  }
  Pos pos() const { return pos_at(i_); }
  Pos pos_at(size_t offset) const {
    return {line_, static_cast<uint32_t>(offset - line_start_ + 1)};
  }
  bool error(std::string message) {
    error_ = {pos(), std::move(message)};
    return false;
  }
  void newline() {
    ++line_;
    line_start_ = i_ + 1;
  }

  /// What is at the cursor, for messages: "'x'", "the end of the file".
  std::string found() const {
    if (i_ >= s_.size()) return "the end of the file";
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (c < 0x20 || c >= 0x7f) {
      static const char* hex = "0123456789abcdef";
      return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }
    if (c == '\'') return "\"'\"";
    return std::string("'") + static_cast<char>(c) + "'";
  }

  /// Skips whitespace and comments. False only for an unterminated comment.
  bool skip_space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        newline();
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
        Pos start = pos();
        i_ += 2;
        for (;;) {
          if (i_ >= s_.size()) {
            error_ = {start, "unterminated comment: expected '*/' to close the '/*' here"};
            return false;
          }
          if (s_[i_] == '*' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
            i_ += 2;
            break;
          }
          if (s_[i_] == '\n') newline();
          ++i_;
        }
      } else {
        break;
      }
    }
    return true;
  }

  bool value(Value& v, int depth) {
    v.pos = pos();
    if (i_ >= s_.size()) return error("expected a value; found the end of the file");
    char c = s_[i_];
    switch (c) {
    case '{': return object(v, depth);
    case '[': return array(v, depth);
    case '"':
      v.kind = Kind::String;
      return string(v.text);
    case 't': return literal(v, "true", Kind::Bool, true);
    case 'f': return literal(v, "false", Kind::Bool, false);
    case 'n': return literal(v, "null", Kind::Null, false);
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return number(v);
      if (c == '\'') return error("expected a value; strings take double quotes, not '");
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        size_t end = i_;
        while (is_word_char(end)) ++end;
        return error("expected a value; found '" + std::string(s_.substr(i_, end - i_)) +
                     "' (strings take double quotes)");
      }
      return error("expected a value (a string, number, object, array, true, false or null); "
                   "found " + found());
    }
  }

  bool literal(Value& v, std::string_view word, Kind kind, bool b) {
    if (s_.substr(i_, word.size()) != word || is_word_char(i_ + word.size())) {
      size_t end = i_;
      while (is_word_char(end)) ++end;
      return error("expected a value; found '" + std::string(s_.substr(i_, end - i_)) +
                   "' (strings take double quotes)");
    }
    v.kind = kind;
    v.boolean = b;
    i_ += word.size();
    return true;
  }
  bool is_word_char(size_t k) const {
    if (k >= s_.size()) return false;
    char c = s_[k];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.';
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  bool number(Value& v) {
    size_t start = i_;
    if (s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !digit(s_[i_])) return error("expected a digit after '-'");
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return error("expected a digit after '.'");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return error("expected a digit in the exponent");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    v.kind = Kind::Number;
    v.text = std::string(s_.substr(start, i_ - start));
    v.number = std::strtod(v.text.c_str(), nullptr);
    return true;
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(uint32_t& out) {
    out = 0;
    for (int k = 0; k < 4; ++k) {
      int d = i_ < s_.size() ? hex_digit(s_[i_]) : -1;
      if (d < 0) return error("expected four hex digits after \\u");
      out = out * 16 + static_cast<uint32_t>(d);
      ++i_;
    }
    return true;
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  /// At the opening quote; leaves the cursor after the closing one.
  bool string(std::string& out) {
    Pos start = pos();
    ++i_;
    out.clear();
    for (;;) {
      if (i_ >= s_.size() || s_[i_] == '\n') {
        error_ = {start, "unterminated string: expected '\"' before the end of the line"};
        return false;
      }
      char c = s_[i_];
      if (c == '"') {
        ++i_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return error("control character in a string; write it as an escape such as \\t");
      if (c != '\\') {
        out += c;
        ++i_;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) continue; // reported as unterminated above
      char e = s_[i_++];
      switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        uint32_t cp;
        if (!hex4(cp)) return false;
        if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
          size_t save = i_;
          i_ += 2;
          uint32_t lo;
          if (!hex4(lo)) return false;
          if (lo >= 0xDC00 && lo < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          else
            i_ = save; // a lone high surrogate; keep the second escape for the next round
        }
        append_utf8(out, cp);
        break;
      }
      default:
        --i_;
        return error(std::string("invalid escape '\\") + e +
                     "' in a string; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
                     " (a Windows path takes '/' or '\\\\')");
      }
    }
  }

  /// The elements of an array or an object, from its opening bracket to just
  /// after `close`. `element` parses one where it starts; `last` says what was
  /// parsed last, for the message when neither ',' nor `close` follows it. A ','
  /// right before `close` is an error at the ','; `noun` names what it lacks.
  template <class Element, class Last>
  bool elements(char close, const char* noun, Element element, Last last) {
    ++i_;
    if (!skip_space()) return false;
    if (i_ < s_.size() && s_[i_] == close) {
      ++i_;
      return true;
    }
    Pos comma;
    for (;;) {
      if (i_ < s_.size() && s_[i_] == close) {
        error_ = {comma, std::string("trailing comma: expected another ") + noun +
                             " after ','; remove the ','"};
        return false;
      }
      if (!element()) return false;
      if (!skip_space()) return false;
      if (i_ < s_.size() && s_[i_] == ',') {
        comma = pos();
        ++i_;
        if (!skip_space()) return false;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        return true;
      }
      return error("expected ',' or '" + std::string(1, close) + "' after " + last() + "; found " +
                   found());
    }
  }

  bool array(Value& v, int depth) {
    if (depth >= kMaxDepth) return error("arrays and objects nested too deeply");
    v.kind = Kind::Array;
    return elements(
        ']', "element",
        [&] {
          v.items.emplace_back();
          return value(v.items.back(), depth + 1);
        },
        [] { return std::string("an array element"); });
  }

  bool object(Value& v, int depth) {
    if (depth >= kMaxDepth) return error("arrays and objects nested too deeply");
    v.kind = Kind::Object;
    return elements(
        '}', "member", [&] { return member(v, depth); },
        [&] { return "the value of \"" + v.members.back().key + "\""; });
  }

  /// One "key": value of the object `v`, at the key's opening quote.
  bool member(Value& v, int depth) {
    if (i_ >= s_.size() || s_[i_] != '"') {
      if (i_ < s_.size() && (s_[i_] == '\'' || is_word_char(i_)))
        return error("expected a key in double quotes; found " + found());
      return error("expected a key in double quotes or '}'; found " + found());
    }
    Member m;
    m.key_pos = pos();
    if (!string(m.key)) return false;
    for (const Member& prev : v.members)
      if (prev.key == m.key) {
        error_ = {m.key_pos, "duplicate key \"" + m.key + "\" (first at " +
                                 std::to_string(prev.key_pos.line) + ":" +
                                 std::to_string(prev.key_pos.column) + ")"};
        return false;
      }
    if (!skip_space()) return false;
    if (i_ >= s_.size() || s_[i_] != ':')
      return error("expected ':' after the key \"" + m.key + "\"; found " + found());
    ++i_;
    if (!skip_space()) return false;
    if (!value(m.value, depth + 1)) return false;
    v.members.push_back(std::move(m));
    return true;
  }
};

} // namespace

bool parse(std::string_view text, Value& out, SyntaxError& error) {
  out = Value{};
  return Parser(text).run(out, error);
}

} // namespace seam::jsonc
