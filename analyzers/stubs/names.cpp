#include "analyzers/stubs/names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <vector>

namespace seam::stubs {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Words split at '_', non-alphanumerics, lower->upper and digit boundaries, and
// before the last capital of a run of capitals ("HTTPServer" -> HTTP, Server).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!is_alnum(c)) {
      flush();
      continue;
    }
    if (!cur.empty()) {
      char prev = cur.back();
      bool next_lower = i + 1 < s.size() && is_lower(s[i + 1]);
      if (is_upper(c) && (is_lower(prev) || is_digit(prev))) flush();
      else if (is_upper(c) && is_upper(prev) && next_lower) flush();
    }
    cur += c;
  }
  flush();
  return out;
}

// Words a generated package or identifier must not be: C++ keywords, and
// namespaces the generated code itself uses (a package "grpc" would become
// C++ namespace ::grpc).
constexpr std::array<std::string_view, 9> kReservedNamespaces = {
    "std", "grpc", "google", "protobuf", "absl", "seam", "syntax", "package", "import"};

} // namespace

bool is_cpp_keyword(std::string_view w) {
  static constexpr std::string_view kKeywords[] = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
      "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "final", "override",
      "import", "module", "NULL", "main"};
  return std::find(std::begin(kKeywords), std::end(kKeywords), w) != std::end(kKeywords);
}

std::string safe_identifier(std::string_view name) {
  std::string out;
  for (char c : name) {
    char k = is_alnum(c) && static_cast<unsigned char>(c) < 128 ? c : '_';
    if (k == '_' && (out.empty() || out.back() == '_')) continue;
    out += k;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty()) return "module";
  if (is_digit(out.front())) out = "m" + out;
  std::string low = out;
  std::transform(low.begin(), low.end(), low.begin(), lower);
  if (is_cpp_keyword(out) || std::find(kReservedNamespaces.begin(), kReservedNamespaces.end(), low) !=
                                 kReservedNamespaces.end())
    out += "_module";
  return out;
}

std::string pascal_case(std::string_view name) {
  std::string out;
  for (const std::string& w : words(name)) {
    out += upper(w[0]);
    out += w.substr(1);
  }
  return out;
}

std::string snake_case(std::string_view name) {
  std::string out;
  for (const std::string& w : words(name)) {
    if (!out.empty()) out += '_';
    for (char c : w) out += lower(c);
  }
  return out;
}

std::string upper_snake(std::string_view name) {
  std::string out = snake_case(name);
  std::transform(out.begin(), out.end(), out.begin(), upper);
  return out;
}

std::string last_component(std::string_view q) {
  size_t p = q.rfind("::");
  return std::string(p == std::string_view::npos ? q : q.substr(p + 2));
}

std::string scope_of(std::string_view q) {
  size_t p = q.rfind("::");
  return p == std::string_view::npos ? std::string() : std::string(q.substr(0, p));
}

std::string NameTable::unique(const std::string& wanted) {
  std::string name = wanted;
  for (int n = 2; used_.count(name); ++n) name = wanted + std::to_string(n);
  used_.insert(name);
  return name;
}

std::string field_name(const std::string& cpp_name, NameTable& names) {
  std::string n = snake_case(cpp_name);
  if (n.empty()) n = "field";
  if (std::isdigit(static_cast<unsigned char>(n[0]))) n = "f" + n;
  if (is_cpp_keyword(n)) n += "_value";
  return names.unique(n);
}

} // namespace seam::stubs
