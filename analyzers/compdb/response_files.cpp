#include "analyzers/compdb/response_files.h"

#include "analyzers/compdb/internal.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <string_view>

namespace seam {
namespace {

/// Splits a response file as GCC and Clang's GNU mode do: whitespace separates,
/// single and double quotes group, a backslash escapes the next character
/// anywhere (also inside quotes).
std::vector<std::string> split_response_file(std::string_view s) {
  std::vector<std::string> out;
  std::string tok;
  bool in_tok = false;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < s.size()) {
    char c = s[i];
    if (space(c)) {
      if (in_tok) out.push_back(std::move(tok)), tok.clear(), in_tok = false;
      ++i;
    } else if (c == '\\' && i + 1 < s.size()) {
      tok += s[i + 1];
      in_tok = true;
      i += 2;
    } else if (c == '\'' || c == '"') {
      in_tok = true;
      ++i;
      while (i < s.size() && s[i] != c) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        tok += s[i++];
      }
      ++i; // closing quote (or past the end)
    } else {
      tok += c;
      in_tok = true;
      ++i;
    }
  }
  if (in_tok) out.push_back(std::move(tok));
  return out;
}

} // namespace

using compdb::Kind;
using compdb::kind_of;
using compdb::parent_folder;

const std::optional<std::vector<std::string>>& ResponseFiles::read(const std::string& path) {
  auto it = cache_.find(path);
  if (it != cache_.end()) return it->second;
  std::optional<std::vector<std::string>> tokens;
  std::string text, err;
  if (kind_of(path) == Kind::File && read_file(path, text, err)) tokens = split_response_file(text);
  return cache_.emplace(path, std::move(tokens)).first->second;
}

void ResponseFiles::append(std::string arg, const std::string& base, const std::string& directory,
                           const std::string& where, std::vector<std::string>& stack,
                           std::vector<std::string>& out, std::vector<std::string>& warnings) {
  if (arg.size() < 2 || arg[0] != '@') {
    out.push_back(std::move(arg));
    return;
  }
  std::string name = arg.substr(1);
  std::string path = absolute_path(name, base);
  if (kind_of(path) != Kind::File && base != directory) {
    std::string alt = absolute_path(name, directory);
    if (kind_of(alt) == Kind::File) path = alt;
  }
  if (std::find(stack.begin(), stack.end(), path) != stack.end()) {
    warnings.push_back(where + "response file " + path + " includes itself; " + arg +
                       " left out");
    return;
  }
  const auto& tokens = read(path);
  if (!tokens) {
    warnings.push_back(where + "response file " + path + " cannot be read; " + arg +
                       " left out");
    return;
  }
  stack.push_back(path);
  const std::string folder = parent_folder(path);
  for (const std::string& t : *tokens) append(t, folder, directory, where, stack, out, warnings);
  stack.pop_back();
}

} // namespace seam
