// Reading compile_commands.json: a SAX reader that validates each entry as it
// streams by (errors name the entry; JSON syntax errors the line and column),
// expands response files, and folds duplicate entries into one warning.
#include "analyzers/compdb/compile_db.h"

#include "analyzers/compdb/internal.h"
#include "analyzers/compdb/response_files.h"
#include "analyzers/core/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace seam {
namespace {

using compdb::current_folder;
using compdb::Kind;
using compdb::kGenerateHint;
using compdb::kind_of;
using compdb::kMaxListed;
using compdb::parent_folder;

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

} // namespace seam
