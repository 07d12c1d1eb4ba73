// A tiny writer for generated source: two-space indentation by nesting
// level, braces opened and closed in pairs, and fresh local names that never
// clash with the names a function already uses. Keeps the emitters readable
// and the output formatted the same way every time.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace seam::stubs {

class CodeWriter {
public:
  /// One line at the current indentation (an empty string: an empty line).
  void line(const std::string& text) {
    if (!text.empty()) out_ += std::string(2 * level_, ' ') + text;
    out_ += '\n';
  }
  /// "text {" and indent.
  void open(const std::string& text) {
    line(text.empty() ? "{" : text + " {");
    ++level_;
  }
  /// Dedent and "}" + suffix ("} else {" is close() then open() on one line: use reopen).
  void close(const std::string& suffix = "") {
    --level_;
    line("}" + suffix);
  }
  void reopen(const std::string& text) {
    --level_;
    line("} " + text + " {");
    ++level_;
  }
  /// An access specifier ("public:"), one level out like clang-format's LLVM style.
  void label(const std::string& text) { out_ += std::string(2 * (level_ > 0 ? level_ - 1 : 0), ' ') + text + "\n"; }
  /// `head(args...)tail` on one line when it fits kWidth columns, else the
  /// arguments packed onto lines aligned after the parenthesis (as clang-format
  /// does). `open_block`: end with " {" and indent, like open().
  void call(const std::string& head, const std::vector<std::string>& args, const std::string& tail,
            bool open_block = false) {
    const std::string end = tail + (open_block ? " {" : "");
    const size_t indent = 2 * level_;
    std::string one = head + "(";
    for (size_t i = 0; i < args.size(); ++i) one += (i ? ", " : "") + args[i];
    one += ")" + end;
    if (indent + one.size() <= kWidth || args.size() < 2) {
      line(one);
    } else {
      const std::string pad(indent + head.size() + 1, ' ');
      std::string cur = std::string(indent, ' ') + head + "(";
      for (size_t i = 0; i < args.size(); ++i) {
        std::string piece = args[i] + (i + 1 < args.size() ? "," : ")" + end);
        bool first_on_line = cur.size() == pad.size();
        if (!first_on_line && cur.back() != '(' && cur.size() + 1 + piece.size() > kWidth) {
          out_ += cur + "\n";
          cur = pad + piece;
        } else {
          cur += (cur.back() == '(' ? "" : " ") + piece;
        }
      }
      out_ += cur + "\n";
    }
    if (open_block) ++level_;
  }
  static constexpr size_t kWidth = 110;

  /// A namespace: "namespace x {" without indenting its contents (house style).
  void open_namespace(const std::string& name) { line(name.empty() ? "namespace {" : "namespace " + name + " {"); }
  void close_namespace(const std::string& name) { line(name.empty() ? "} // namespace" : "} // namespace " + name); }
  void raw(const std::string& text) { out_ += text; }

  /// A local name not used yet in this function: "item", "item2", ...
  std::string fresh(const std::string& base) {
    std::string name = base;
    for (int n = 2; taken_.count(name); ++n) name = base + std::to_string(n);
    taken_.insert(name);
    return name;
  }
  /// Starts a new function: forget fresh names, reserve the ones given.
  void begin_function(const std::set<std::string>& reserved) { taken_ = reserved; }

  const std::string& str() const { return out_; }

private:
  std::string out_;
  int level_ = 0;
  std::set<std::string> taken_;
};

} // namespace seam::stubs
