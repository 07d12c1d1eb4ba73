// Reading compile_commands.json and cleaning each command for a syntax-only
// parse. The database is untrusted input: it may come from a pull request, so
// every flag that would load code into seam is dropped here, in one place.
#include "analyzers/compdb/compile_db.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unordered_map>

namespace seam {

namespace {

constexpr const char* kGenerateHint =
    "CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other build systems: bear -- make";

std::string current_folder() {
  std::error_code ec;
  auto p = std::filesystem::current_path(ec);
  return ec ? std::string("/") : p.string();
}

// Only regular files count as files: a database naming /dev/zero or a FIFO
// as a source or a response file must not hang or exhaust seam.
enum class Kind { None, File, Folder, Other };
Kind kind_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Kind::None;
  if (S_ISREG(st.st_mode)) return Kind::File;
  return S_ISDIR(st.st_mode) ? Kind::Folder : Kind::Other;
}

std::string parent_folder(const std::string& abs) {
  size_t slash = abs.rfind('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return abs.substr(0, slash);
}

/// `path` for messages: relative to `base` when inside it, else as is.
std::string shown(const std::string& path, const std::string& base) {
  std::string rel;
  if (!base.empty() && relative_to(path, base, rel)) return rel;
  return path;
}

// --- response files ---------------------------------------------------------

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

/// Response files read once per database: build systems share one file
/// between many entries.
class ResponseFiles {
public:
  /// Expands every `@file` in `args` (nested ones too). A file that cannot be
  /// read, or that includes itself, is left out with a warning.
  /// `where` starts each warning ("compile_commands.json: entry 3: ").
  template <typename Where>
  void expand(std::vector<std::string>& args, const std::string& directory, Where&& where,
              std::vector<std::string>& warnings) {
    bool any = false;
    for (const std::string& a : args)
      if (a.size() > 1 && a[0] == '@') any = true;
    if (!any) return; // the common case: no message prefix built
    const std::string prefix = where();
    std::vector<std::string> out;
    std::vector<std::string> stack;
    for (std::string& a : args)
      append(std::move(a), directory, directory, prefix, stack, out, warnings);
    args = std::move(out);
  }

private:
  std::unordered_map<std::string, std::optional<std::vector<std::string>>> cache_;

  const std::optional<std::vector<std::string>>& read(const std::string& path) {
    auto it = cache_.find(path);
    if (it != cache_.end()) return it->second;
    std::optional<std::vector<std::string>> tokens;
    std::string text, err;
    if (kind_of(path) == Kind::File && read_file(path, text, err)) tokens = split_response_file(text);
    return cache_.emplace(path, std::move(tokens)).first->second;
  }

  // Nested names resolve against the including file's folder, as Clang does;
  // GCC resolves them against the working folder, so that is tried second.
  void append(std::string arg, const std::string& base, const std::string& directory,
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
};

// --- JSON -------------------------------------------------------------------

/// "path:LINE:COL: not valid JSON: <reason>" for byte `offset` (the CLI
/// prefixes "seam: error: ").
std::string syntax_error(const std::string& text, const std::string& path, size_t offset,
                         const std::string& reason) {
  offset = std::min(offset, text.size());
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return path + ":" + std::to_string(line) + ":" + std::to_string(offset - line_start + 1) +
         ": not valid JSON: " + reason;
}

constexpr size_t kMaxListed = 10; // messages of one kind named one by one

} // namespace

// --- finding the database ---------------------------------------------------

bool find_compile_db(const std::string& p_option, std::string& path, std::string& error) {
  const std::string cwd = current_folder();
  if (!p_option.empty()) {
    std::string abs = absolute_path(p_option, cwd);
    switch (kind_of(abs)) {
    case Kind::File:
      path = abs;
      return true;
    case Kind::Folder: {
      std::string candidate = abs + "/compile_commands.json";
      if (kind_of(candidate) == Kind::File) {
        path = candidate;
        return true;
      }
      std::string shown_dir = p_option;
      if (shown_dir.back() != '/') shown_dir += '/';
      error = "no compile_commands.json in " + shown_dir + " (from -p); generate it (" +
              kGenerateHint + ")";
      return false;
    }
    case Kind::None:
    case Kind::Other:
      error = "-p " + p_option + ": no such file or folder; pass the build folder that holds compile_commands.json";
      return false;
    }
  }
  for (const char* rel : {"compile_commands.json", "build/compile_commands.json"}) {
    std::string candidate = absolute_path(rel, cwd);
    if (kind_of(candidate) == Kind::File) {
      path = candidate;
      return true;
    }
  }
  error = std::string("no compile_commands.json in ./ or ./build/; pass -p BUILD_DIR (") +
          kGenerateHint + ")";
  return false;
}

// --- reading it -------------------------------------------------------------

namespace {

/// The arguments of a command that shape its parse: all but the compiler,
/// the source file, outputs and dependency files, -c, PIC/PIE and the
/// -D<target>_EXPORTS CMake adds to the sources of a shared library.
std::vector<std::string> parse_shaping(const std::vector<std::string>& args, const std::string& directory,
                                       const std::string& file) {
  std::vector<std::string> out;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ") {
      ++i;
      continue;
    }
    if (a.starts_with("-o") || a.starts_with("-MF") || a.starts_with("-MT") || a.starts_with("-MQ") || a == "-MD" ||
        a == "-MMD" || a == "-c" || a == "-fPIC" || a == "-fpic" || a == "-fPIE" || a == "-fpie" ||
        (a.starts_with("-D") && a.ends_with("_EXPORTS")) || absolute_path(a, directory) == file)
      continue;
    out.push_back(a);
  }
  return out;
}

/// Streams the database through nlohmann's SAX interface straight into
/// CompileCommands: no document tree is built (or freed), which is most of
/// the cost of a 100,000-entry database.
class DbReader {
public:
  DbReader(const std::string& path, CompileDb& db, std::vector<std::string>& warnings)
      : path_(path), db_(db), warnings_(warnings), db_folder_(parent_folder(db.path)) {}

  // Results, read after sax_parse.
  bool syntax_failed = false;
  size_t syntax_offset = 0;
  std::string syntax_reason;
  std::string top_error;
  std::vector<std::string> errors; ///< the first kMaxListed entry errors
  size_t error_count = 0;

  /// Entries read (valid or not).
  size_t entries() const { return index_; }
  const std::string& first_missing() const { return first_missing_; }

  void finish() {
    if (missing_ > kMaxListed)
      warnings_.push_back(path_ + ": " + std::to_string(missing_ - kMaxListed) +
                          " more entries name files that do not exist; skipped");
    if (duplicates_.empty()) return;
    // One warning for all of them: a database listing every file twice (two
    // configurations) would otherwise bury every other message.
    std::string w = path_ + ": " + std::to_string(duplicates_.size()) +
                    (duplicates_.size() == 1 ? " file has" : " files have") +
                    " more than one entry; the first entry of each is used: ";
    for (size_t d = 0; d < duplicates_.size() && d < 3; ++d) {
      if (d) w += "; ";
      // Named as its first entry writes it: what a reader finds in the file.
      w += written_[duplicates_[d].first] + " (entries ";
      const auto& entries = duplicates_[d].second;
      // A file listed 50,000 times must not make a 300 KB warning.
      constexpr size_t kShown = 4;
      for (size_t k = 0; k < entries.size() && k < kShown; ++k) {
        if (k) w += ", ";
        w += std::to_string(entries[k]);
      }
      if (entries.size() > kShown) w += " and " + std::to_string(entries.size() - kShown) + " more";
      w += ")";
    }
    if (duplicates_.size() > 3) w += "; and " + std::to_string(duplicates_.size() - 3) + " more";
    warnings_.push_back(std::move(w));
  }

  void reserve(size_t entries) {
    db_.commands.reserve(entries);
    written_.reserve(entries);
    first_.reserve(entries);
  }

  // --- nlohmann SAX interface ---
  bool null() { return scalar("null", nullptr); }
  bool boolean(bool) { return scalar("true or false", nullptr); }
  bool number_integer(nlohmann::json::number_integer_t) { return scalar("a number", nullptr); }
  bool number_unsigned(nlohmann::json::number_unsigned_t) { return scalar("a number", nullptr); }
  bool number_float(nlohmann::json::number_float_t, const std::string&) {
    return scalar("a number", nullptr);
  }
  bool string(std::string& s) { return scalar("a string", &s); }
  bool binary(nlohmann::json::binary_t&) { return scalar("binary data", nullptr); }
  bool start_object(size_t) { return open(false); }
  bool start_array(size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    if (skip_ == 0 && depth_ == 2) field_ = classify(k);
    return true;
  }
  bool parse_error(size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    syntax_failed = true;
    // The last byte read, as nlohmann counts it: the end of the offending
    // token (its start is not reliably known), or one past the end of input.
    syntax_offset = position > 0 ? position - 1 : 0;
    // "[json.exception.parse_error.101] parse error at line 1, column 2: <reason>"
    syntax_reason = ex.what();
    size_t col = syntax_reason.find("column ");
    if (col != std::string::npos) {
      size_t colon = syntax_reason.find(": ", col);
      if (colon != std::string::npos) syntax_reason = syntax_reason.substr(colon + 2);
    }
    return false;
  }

private:
  enum class Field { Other, Directory, File, Command, Arguments, Output };
  /// One field of the entry being read: absent, a string, or the wrong type.
  struct Text {
    bool present = false;
    const char* wrong = nullptr; ///< type found when not a string
    std::string value;
  };
  struct Entry {
    Text directory, file, command, output;
    bool has_arguments = false;
    const char* arguments_wrong = nullptr; ///< "arguments" itself not an array
    size_t bad_argument = SIZE_MAX;        ///< first element that is not a string
    const char* bad_argument_type = nullptr;
    std::vector<std::string> arguments;

    /// Empties the entry, keeping its buffers for the next one.
    void reset() {
      for (Text* t : {&directory, &file, &command, &output}) {
        t->present = false;
        t->wrong = nullptr;
        t->value.clear();
      }
      has_arguments = false;
      arguments_wrong = nullptr;
      bad_argument = SIZE_MAX;
      bad_argument_type = nullptr;
      arguments.clear();
    }
  };

  const std::string& path_;
  CompileDb& db_;
  std::vector<std::string>& warnings_;
  const std::string db_folder_;

  int depth_ = 0;   ///< 1 in the top array, 2 in an entry, 3 in its "arguments"
  size_t skip_ = 0; ///< >0 while inside a value nobody reads
  bool started_ = false;
  size_t index_ = 0; ///< entry being read
  Field field_ = Field::Other;
  Entry entry_;

  ResponseFiles response_files_;
  std::unordered_map<std::string, size_t> first_; ///< file -> index in db.commands
  std::vector<std::string> written_;              ///< "file" as written, per command
  std::vector<std::pair<size_t, std::vector<size_t>>> duplicates_; ///< command, entries
  std::unordered_map<size_t, size_t> duplicate_slot_;
  size_t missing_ = 0;
  std::string first_missing_; ///< "file" of the first entry naming no file (for the error when none is left)
  std::string last_directory_, last_directory_abs_;

  static Field classify(const std::string& k) {
    if (k == "directory") return Field::Directory;
    if (k == "file") return Field::File;
    if (k == "command") return Field::Command;
    if (k == "arguments") return Field::Arguments;
    if (k == "output") return Field::Output;
    return Field::Other;
  }

  Text* text_field() {
    switch (field_) {
    case Field::Directory: return &entry_.directory;
    case Field::File: return &entry_.file;
    case Field::Command: return &entry_.command;
    case Field::Output: return &entry_.output;
    default: return nullptr;
    }
  }

  void entry_error(size_t i, const std::string& message) {
    if (++error_count <= kMaxListed)
      errors.push_back(path_ + ": entry " + std::to_string(i) + ": " + message);
  }

  /// The top level is not an array.
  bool not_an_array(const char* type) {
    top_error = path_ + ": not a compile database: expected an array of entries, found " + type;
    return false;
  }
  static std::string not_an_entry(const char* type) {
    return std::string("expected an object with \"directory\", \"file\" and \"command\" or "
                       "\"arguments\", found ") +
           type;
  }

  bool scalar(const char* type, std::string* s) {
    if (skip_) return true;
    switch (depth_) {
    case 0: return not_an_array(type);
    case 1: entry_error(index_++, not_an_entry(type)); return true;
    case 2:
      if (field_ == Field::Arguments) {
        entry_.has_arguments = true;
        entry_.arguments_wrong = type;
      } else if (Text* t = text_field()) {
        t->present = true;
        t->wrong = s ? nullptr : type;
        if (s) t->value = std::move(*s);
      }
      return true;
    default: // 3: an element of "arguments"
      if (s) {
        entry_.arguments.push_back(std::move(*s));
      } else {
        if (entry_.bad_argument == SIZE_MAX) {
          entry_.bad_argument = entry_.arguments.size();
          entry_.bad_argument_type = type;
        }
        entry_.arguments.emplace_back();
      }
      return true;
    }
  }

  bool open(bool array) {
    const char* type = array ? "an array" : "an object";
    if (skip_) {
      ++skip_;
      return true;
    }
    switch (depth_) {
    case 0:
      if (!array || started_) return not_an_array(type);
      started_ = true;
      depth_ = 1;
      return true;
    case 1:
      if (array) {
        entry_error(index_++, not_an_entry(type));
        skip_ = 1;
        return true;
      }
      entry_.reset();
      field_ = Field::Other;
      depth_ = 2;
      return true;
    case 2:
      if (array && field_ == Field::Arguments) {
        entry_.has_arguments = true;
        depth_ = 3;
        return true;
      }
      if (field_ == Field::Arguments) {
        entry_.has_arguments = true;
        entry_.arguments_wrong = type;
      } else if (Text* t = text_field()) {
        t->present = true;
        t->wrong = type;
      }
      skip_ = 1;
      return true;
    default: // 3: an array or object inside "arguments"
      if (entry_.bad_argument == SIZE_MAX) {
        entry_.bad_argument = entry_.arguments.size();
        entry_.bad_argument_type = type;
      }
      entry_.arguments.emplace_back();
      skip_ = 1;
      return true;
    }
  }

  bool close() {
    if (skip_) {
      --skip_;
      return true;
    }
    if (depth_ == 2) finish_entry(index_++);
    --depth_;
    return true;
  }

  void check_text(size_t i, const Text& t, const char* key, bool required) {
    if (!t.present) {
      if (required) entry_error(i, std::string("missing \"") + key + "\"");
    } else if (t.wrong) {
      entry_error(i, std::string("\"") + key + "\" must be a string, found " + t.wrong);
    }
  }

  void finish_entry(size_t i) {
    Entry& e = entry_;
    const size_t errors_before = error_count;
    check_text(i, e.directory, "directory", true);
    check_text(i, e.file, "file", true);
    check_text(i, e.output, "output", false);
    if (e.command.present && e.has_arguments) {
      entry_error(i, "has both \"command\" and \"arguments\"; keep one");
    } else if (!e.command.present && !e.has_arguments) {
      entry_error(i, "missing \"command\" or \"arguments\"");
    } else if (e.command.present) {
      if (e.command.wrong)
        entry_error(i, std::string("\"command\" must be a string, found ") + e.command.wrong);
      else if (e.command.value.find_first_not_of(" \t\r\n") == std::string::npos)
        entry_error(i, "\"command\" is empty");
    } else if (e.arguments_wrong) {
      entry_error(i, std::string("\"arguments\" must be an array of strings, found ") +
                         e.arguments_wrong);
    } else if (e.arguments.empty()) {
      entry_error(i, "\"arguments\" is empty");
    } else if (e.bad_argument != SIZE_MAX) {
      entry_error(i, "\"arguments\" must be an array of strings; argument " +
                         std::to_string(e.bad_argument) + " is " + e.bad_argument_type);
    }
    if (e.file.present && !e.file.wrong && e.file.value.empty())
      entry_error(i, "\"file\" is empty");
    if (error_count != errors_before || !errors.empty()) return; // the database is rejected

    CompileCommand cmd;
    cmd.entry = i;
    // Entries of one folder usually come together.
    if (e.directory.value != last_directory_ || last_directory_abs_.empty()) {
      last_directory_ = e.directory.value;
      last_directory_abs_ = absolute_path(e.directory.value, db_folder_);
    }
    cmd.directory = last_directory_abs_;
    cmd.file = absolute_path(e.file.value, cmd.directory);
    cmd.output = std::move(e.output.value);

    if (Kind kind = kind_of(cmd.file); kind != Kind::File) {
      std::string w = path_ + ": entry " + std::to_string(i) + ": " + e.file.value +
                      (kind == Kind::None     ? " does not exist"
                       : kind == Kind::Folder ? " is a folder, not a source file"
                                              : " is not a regular file") +
                      "; entry skipped";
      if (first_missing_.empty()) first_missing_ = e.file.value;
      if (++missing_ <= kMaxListed) warnings_.push_back(std::move(w));
      return;
    }
    auto [it, inserted] = first_.emplace(cmd.file, db_.commands.size());
    if (!inserted) {
      // The same parse as the first entry (a library built static and shared):
      // nothing to tell.
      const CompileCommand& first = db_.commands[it->second];
      if (first.directory == cmd.directory &&
          parse_shaping(first.arguments, first.directory, first.file) ==
              parse_shaping(e.command.present ? split_command_line(e.command.value) : e.arguments, cmd.directory,
                            cmd.file))
        return;
      auto [slot, fresh] = duplicate_slot_.emplace(it->second, duplicates_.size());
      if (fresh) duplicates_.push_back({it->second, {db_.commands[it->second].entry}});
      duplicates_[slot->second].second.push_back(i);
      return;
    }
    cmd.arguments = e.command.present ? split_command_line(e.command.value)
                                      : std::move(e.arguments);
    response_files_.expand(
        cmd.arguments, cmd.directory,
        [&] { return path_ + ": entry " + std::to_string(i) + ": "; }, warnings_);
    written_.push_back(std::move(e.file.value));
    db_.commands.push_back(std::move(cmd));
  }
};

} // namespace

bool load_compile_db(const std::string& path, CompileDb& db, std::vector<std::string>& warnings,
                     std::string& error) {
  std::string text;
  if (kind_of(path) == Kind::Folder) {
    error = path + ": is a folder; pass the build folder with -p, or the file itself";
    return false;
  }
  if (!read_file(path, text, error)) return false;
  return parse_compile_db(text, path, db, warnings, error);
}

bool parse_compile_db(const std::string& text, const std::string& path, CompileDb& db,
                      std::vector<std::string>& warnings, std::string& error) {
  db = CompileDb{};
  db.path = absolute_path(path, current_folder());
  // A build that failed half-way leaves an empty file; say so rather than
  // "unexpected end of input" at 1:1.
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    error = path + ": the file is empty; expected a JSON array of compile commands; regenerate it (" +
            kGenerateHint + ")";
    return false;
  }
  DbReader reader(path, db, warnings);
  reader.reserve(text.size() / 256); // a typical entry is a few hundred bytes
  nlohmann::json::sax_parse(text, &reader);
  if (reader.syntax_failed) {
    error = syntax_error(text, path, reader.syntax_offset, reader.syntax_reason);
    db.commands.clear();
    return false;
  }
  if (!reader.top_error.empty()) {
    error = reader.top_error;
    db.commands.clear();
    return false;
  }
  if (reader.error_count) {
    error.clear();
    for (size_t k = 0; k < reader.errors.size(); ++k) {
      if (k) error += '\n';
      error += reader.errors[k];
    }
    if (reader.error_count > kMaxListed)
      error += "\n" + path + ": and " + std::to_string(reader.error_count - kMaxListed) +
               " more entries with problems";
    db.commands.clear();
    return false;
  }
  // Nothing to analyse is an error for every command, and the reason is
  // known here, not where a caller finds no translation unit.
  if (reader.entries() == 0) {
    error = path + ": the compile database has no entries; regenerate it (" + kGenerateHint + ")";
    return false;
  }
  if (db.commands.empty()) {
    // Every entry is one whose file does not exist (an invalid entry failed above).
    error = path + ": no entry names a file that exists (" +
            (reader.entries() == 1 ? std::string("its only entry names ")
                                   : std::to_string(reader.entries()) + " entries; the first names ") +
            reader.first_missing() +
            "); was it generated on another machine, or before the sources were checked out? "
            "Regenerate it (" + kGenerateHint + ")";
    return false;
  }
  reader.finish();
  return true;
}

// --- command lines ----------------------------------------------------------

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

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// Driver flags whose value is the next argument: copied (or dropped) as a pair,
/// so the value is never mistaken for an input file or a flag.
bool takes_separate_value(std::string_view a) {
  static constexpr std::array<std::string_view, 48> kNames = {
      "-o", "-MF", "-MT", "-MQ", "-MJ", "-I", "-D", "-U", "-include", "-imacros", "-isystem",
      "-iquote", "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot",
      "-iframework", "-isystem-after", "-iwithsysroot", "-cxx-isystem", "-F", "-L", "-x",
      "-target", "-arch", "-Xpreprocessor", "-Xassembler", "-Xlinker", "-Xanalyzer",
      "-Xcuda-ptxas", "-Xcuda-fatbinary", "-resource-dir", "-include-pch", "-ivfsoverlay",
      "--sysroot", "-B", "-A", "-z", "-u", "-T", "-mllvm", "--param", "--serialize-diagnostics",
      "-working-directory", "-dependency-file", "-dependency-dot", "--output"};
  return std::find(kNames.begin(), kNames.end(), a) != kNames.end();
}

/// Flags that pass their value on to another stage: `-Xclang V`, `-Xclang=V`,
/// `-Xarch_* V`, `-Xopenmp-target[=T] V`. `joined`: the value is inside `a` (-Xclang=V).
bool is_wrapper(const std::string& a, bool& joined) {
  joined = false;
  if (a == "-Xclang" || a == "-Xopenmp-target" || starts_with(a, "-Xarch_") ||
      starts_with(a, "-Xopenmp-target="))
    return true;
  if (starts_with(a, "-Xclang=")) {
    joined = true;
    return true;
  }
  return false;
}

/// A flag (possibly given to cc1 through a wrapper) that makes the compiler
/// load a shared object, or names one to run.
bool loads_code(std::string_view v) {
  return starts_with(v, "-fplugin=") || starts_with(v, "-fpass-plugin=") ||
         starts_with(v, "--hipspv-pass-plugin=");
}
/// cc1 options that load or run a plugin and take the next (wrapped) argument.
bool loads_code_with_value(std::string_view v) {
  return v == "-load" || v == "-plugin" || v == "-add-plugin" || starts_with(v, "-plugin-arg-") ||
         v == "-fplugin" || v == "-fpass-plugin";
}

// GCC flags Clang 19 rejects ("unknown argument"), each checked with
// `clang-19 -fsyntax-only FLAG x.cpp`. None of them changes how code parses.
bool gcc_only(std::string_view a) {
  static constexpr std::array<std::string_view, 52> kExact = {
      "-fno-extended-identifiers", "-fconserve-stack", "-fno-var-tracking-assignments",
      "-fvar-tracking-assignments", "-fvar-tracking", "-fno-canonical-system-headers",
      "-fno-allow-store-data-races", "-fcompare-debug-second", "-fno-lifetime-dse",
      "-fno-peephole2", "-fno-code-hoisting", "-fno-partial-inlining",
      "-fno-reorder-blocks-and-partition", "-fno-guess-branch-probability", "-fno-shrink-wrap",
      "-fno-early-inlining", "-fno-printf-return-value", "-fharden-compares", "-mrecord-mcount",
      "-mindirect-branch-register", "-fno-toplevel-reorder", "-fno-gnu-unique",
      "-fsched-pressure", "-fno-keep-inline-dllexport", "-fext-numeric-literals", "-fconcepts",
      "-fmodules-ts", "-fno-diagnostics-show-caret", "-fno-aggressive-loop-optimizations",
      "-fopt-info", "-freorder-functions", "-fno-crossjumping", "-fno-if-conversion",
      "-fpredictive-commoning", "-fno-store-merging", "-fno-function-cse",
      "-fno-var-tracking-uninit", "-fno-loop-interchange", "-fno-move-loop-invariants",
      "-fno-ssa-phiopt", "-fno-stack-protector-all", "-fdiagnostics-plain-output",
      "-fno-diagnostics-show-labels", "-fnothrow-opt", "-fno-optional-diags",
      "-fstrong-eval-order", "-fno-enforce-eh-specs", "-fcallgraph-info", "-fno-inline-atomics",
      "-fprofile-abs-path", "-fsplit-paths", "-fno-strict-volatile-bitfields"};
  // Families: GCC middle-end optimiser flags (-f[no-]ipa-*, -f[no-]tree-*,
  // register allocator and scheduler) and GCC-only diagnostics options.
  // Clang rejects most members and ignores the rest (-ftree-vectorize,
  // -fno-ipa-cp); none of them affects a syntax-only parse.
  static constexpr std::array<std::string_view, 20> kPrefix = {
      "-fipa-", "-fno-ipa-", "-ftree-", "-fno-tree-", "-fstack-reuse=", "-fira-", "-fno-ira-",
      "-fsched-", "-fno-sched-", "-fdump-", "-fconcepts-diagnostics-depth=",
      "-fmin-function-alignment=", "-fabi-version=", "-fvtable-verify=", "-fdiagnostics-urls=",
      "-fdiagnostics-path-format=", "-fdiagnostics-column-unit=", "-flto-partition=",
      "-mindirect-branch=", "-fno-isolate-erroneous-paths-"};
  if (std::find(kExact.begin(), kExact.end(), a) != kExact.end()) return true;
  for (std::string_view p : kPrefix)
    if (starts_with(a, p)) return true;
  // -flto=N (a job count): Clang takes only -flto=auto|jobserver|full|thin.
  if (starts_with(a, "-flto=") && a.size() > 6 &&
      std::all_of(a.begin() + 6, a.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  // -fdiagnostics-format=json*: GCC's; Clang knows clang|msvc|vi|sarif.
  if (starts_with(a, "-fdiagnostics-format=json")) return true;
  return false;
}

/// Flags that choose the output, write dependency files or other side files,
/// or pick an action other than a syntax-only parse. Separate values are
/// handled by the caller.
bool output_or_action(std::string_view a) {
  static constexpr std::array<std::string_view, 20> kExact = {
      "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-fsyntax-only", "-Winvalid-pch",
      "-save-temps", "-ftime-trace", "--write-dependencies", "--write-user-dependencies",
      "--dependencies", "--user-dependencies", "--preprocess", "--compile", "--assemble"};
  if (std::find(kExact.begin(), kExact.end(), a) != kExact.end()) return true;
  return starts_with(a, "-save-temps=") || starts_with(a, "-ftime-trace=") ||
         starts_with(a, "-Wp,-MD,") || starts_with(a, "-Wp,-MMD,") || starts_with(a, "--output=");
}

/// `-oFILE`, `-MFFILE`, `-MTtarget`, `-MQtarget`, `-MJFILE` (joined forms).
bool joined_output_or_dependency(std::string_view a) {
  if (starts_with(a, "-o") && a.size() > 2 && !starts_with(a, "-objc") &&
      !starts_with(a, "-object"))
    return true;
  for (std::string_view p : {"-MF", "-MT", "-MQ", "-MJ"})
    if (starts_with(a, p) && a.size() > 3) return true;
  return false;
}

bool has_source_extension(std::string_view a) {
  size_t dot = a.rfind('.');
  size_t slash = a.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return false;
  static constexpr std::array<std::string_view, 17> kExt = {
      "c", "cc", "cpp", "cxx", "c++", "cp", "C", "CPP", "CC", "m", "mm", "M", "cu", "hip", "i",
      "ii", "cppm"};
  std::string_view ext = a.substr(dot + 1);
  return std::find(kExt.begin(), kExt.end(), ext) != kExt.end();
}

bool is_launcher(std::string_view argv0) {
  size_t slash = argv0.rfind('/');
  std::string_view base = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  return base == "ccache" || base == "sccache" || base == "distcc" || base == "icecc" ||
         base == "buildcache";
}

} // namespace

std::vector<std::string> adjust_arguments(const CompileCommand& cmd, const AdjustOptions& opts,
                                          std::vector<std::string>& warnings) {
  const std::vector<std::string>& in = cmd.arguments;
  const std::string where = "compile_commands.json entry " + std::to_string(cmd.entry) + " (" +
                            shown(cmd.file, opts.root.empty() ? cmd.directory : opts.root) +
                            "): dropped ";
  auto drop_code = [&](const std::string& what) {
    warnings.push_back(where + what + ": flags that load code are never honoured");
  };

  std::vector<std::string> out;
  out.reserve(in.size() + 4);
  size_t i = 0;
  // A compiler launcher (ccache g++ ...) is not the compiler.
  while (i + 1 < in.size() && is_launcher(in[i]) && !in[i + 1].empty() && in[i + 1][0] != '-')
    ++i;
  out.push_back(i < in.size() ? in[i] : std::string("clang++"));
  ++i;

  auto is_input = [&](const std::string& a) {
    return a == "-" || has_source_extension(a) || absolute_path(a, cmd.directory) == cmd.file;
  };

  bool after_dashdash = false;
  for (; i < in.size(); ++i) {
    const std::string& a = in[i];
    const bool has_next = i + 1 < in.size();
    if (after_dashdash || a.empty() || a[0] != '-' || a == "-") {
      if (after_dashdash || a.empty() || is_input(a)) continue;
      if (a[0] == '@') {
        warnings.push_back(where + a + ": response files are expanded when the database is "
                                       "read, and this one could not be");
        continue;
      }
      out.push_back(a);
      continue;
    }
    if (a == "--") {
      after_dashdash = true; // everything after it is an input
      continue;
    }

    // Wrapped flags: inspect what they hand to cc1 (or another toolchain).
    bool joined;
    if (is_wrapper(a, joined)) {
      if (!joined && !has_next) continue; // a dangling wrapper: nothing to pass on
      const std::string value = joined ? a.substr(8) : in[i + 1];
      const std::string unit = joined ? a : a + " " + value;
      const size_t unit_end = joined ? i : i + 1;
      if (loads_code(value)) {
        drop_code(unit);
        i = unit_end;
        continue;
      }
      if (loads_code_with_value(value) || value == "-include-pch") {
        // The option's own value comes through the next wrapper.
        size_t j = unit_end + 1;
        std::string whole = unit;
        bool next_joined;
        if (j < in.size() && is_wrapper(in[j], next_joined)) {
          if (next_joined) {
            whole += " " + in[j];
            i = j;
          } else if (j + 1 < in.size()) {
            whole += " " + in[j] + " " + in[j + 1];
            i = j + 1;
          } else {
            i = j;
          }
        } else {
          i = unit_end;
        }
        if (value != "-include-pch") drop_code(whole);
        continue;
      }
      if (starts_with(value, "-emit-") || value == "-fsyntax-only") {
        // A cc1 action would replace the syntax-only parse (-emit-pch writes a PCH).
        i = unit_end;
        continue;
      }
      out.push_back(a);
      if (!joined) out.push_back(value);
      i = unit_end;
      continue;
    }

    // Code loading at the driver level.
    if (loads_code(a)) {
      drop_code(a);
      continue;
    }
    if (a == "-fplugin" || a == "-fpass-plugin") {
      drop_code(has_next ? a + " " + in[i + 1] : a);
      if (has_next) ++i;
      continue;
    }
    if (starts_with(a, "-fplugin-arg-")) continue; // an argument for a plugin not loaded
    // Configuration files can hold any flag, -fplugin= among them.
    if (starts_with(a, "--config=") || starts_with(a, "--config-system-dir=") ||
        starts_with(a, "--config-user-dir=")) {
      warnings.push_back(where + a + ": configuration files can name flags that load code "
                                     "and are never honoured");
      continue;
    }
    if (a == "--config") {
      warnings.push_back(where + (has_next ? a + " " + in[i + 1] : a) +
                         ": configuration files can name flags that load code and are never "
                         "honoured");
      if (has_next) ++i;
      continue;
    }

    // Outputs, dependency files, actions, precompiled headers.
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ" || a == "-MJ" || a == "--output" ||
        a == "-include-pch" || a == "--serialize-diagnostics" || a == "-dependency-file" ||
        a == "-dependency-dot") {
      if (has_next) ++i;
      continue;
    }
    if (output_or_action(a) || joined_output_or_dependency(a) || gcc_only(a)) continue;

    if (!opts.resource_dir.empty() && (a == "-resource-dir" || starts_with(a, "-resource-dir="))) {
      if (a == "-resource-dir" && has_next) ++i;
      continue;
    }

    out.push_back(a);
    if (takes_separate_value(a) && has_next) out.push_back(in[++i]);
  }

  out.push_back("-fsyntax-only");
  // Clang reads default configuration files found beside argv[0], a path the
  // database chooses; they could carry -fplugin=.
  out.push_back("--no-default-config");
  if (!opts.resource_dir.empty()) {
    out.push_back("-resource-dir");
    out.push_back(opts.resource_dir);
  }
  out.push_back(cmd.file);
  return out;
}

} // namespace seam
