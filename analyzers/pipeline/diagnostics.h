// What a pipeline stage tells the user while it runs: errors, warnings and
// notes, handed to a sink as they happen (a scan may take minutes, so a note
// about skipped TUs must not wait for it). The CLI prints them to stderr with
// the "seam: note:" prefixes and drops notes under -q; tests collect them.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace seam::pipeline {

enum class Level {
  Error,   ///< "seam: error: TEXT": the stage stops
  Warning, ///< "seam: warning: TEXT"
  Note,    ///< "seam: note: TEXT": explains the run; -q drops it
  Line,    ///< TEXT as it is: already "file:line:col: error: ..." (config, model)
};

struct Diagnostic {
  Level level = Level::Note;
  std::string text;
  bool operator==(const Diagnostic&) const = default;
};

using Sink = std::function<void(const Diagnostic&)>;

/// A sink that keeps everything, for tests and for callers that print later.
struct DiagnosticLog {
  std::vector<Diagnostic> all;
  Sink sink() {
    return [this](const Diagnostic& d) { all.push_back(d); };
  }
  /// The texts of one level, in order.
  std::vector<std::string> texts(Level level) const;
};

/// Every diagnostic of `log`, one a line, for a test's failure message.
std::string dump(const DiagnosticLog& log);

/// "1 translation unit" / "3 translation units": the pluralisation every note uses.
std::string count(size_t n, const std::string& one, const std::string& many = "");

} // namespace seam::pipeline
