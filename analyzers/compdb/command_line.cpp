// A `command` string of the database split into argv as a POSIX shell would.
#include "analyzers/compdb/compile_db.h"

namespace seam {

std::vector<std::string> split_command_line(const std::string& s) {
  std::vector<std::string> out;
  std::string tok;
  bool in_tok = false;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_tok) out.push_back(std::move(tok)), tok.clear(), in_tok = false;
      ++i;
    } else if (c == '\\') {
      // Outside quotes a backslash keeps the next character; backslash-newline
      // is a line continuation and disappears.
      if (i + 1 < n) {
        if (s[i + 1] != '\n') tok += s[i + 1], in_tok = true;
        i += 2;
      } else {
        ++i;
      }
    } else if (c == '\'') {
      in_tok = true;
      size_t end = s.find('\'', i + 1);
      if (end == std::string::npos) end = n;
      tok.append(s, i + 1, end - i - 1);
      i = end + 1;
    } else if (c == '"') {
      in_tok = true;
      ++i;
      while (i < n && s[i] != '"') {
        // Inside double quotes a backslash escapes only $ ` " \ and newline.
        if (s[i] == '\\' && i + 1 < n &&
            (s[i + 1] == '$' || s[i + 1] == '`' || s[i + 1] == '"' || s[i + 1] == '\\' ||
             s[i + 1] == '\n')) {
          if (s[i + 1] != '\n') tok += s[i + 1];
          i += 2;
        } else {
          tok += s[i++];
        }
      }
      ++i; // closing quote (or past the end)
    } else {
      // A run of ordinary characters at once: most of a command line.
      size_t end = s.find_first_of(" \t\n\r\\'\"", i);
      if (end == std::string::npos) end = n;
      tok.append(s, i, end - i);
      in_tok = true;
      i = end;
    }
  }
  if (in_tok) out.push_back(std::move(tok));
  return out;
}

} // namespace seam
