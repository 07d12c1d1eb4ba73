// `seam check` output, in the formats CI systems read: compiler-style text,
// seam.check/2 JSON, SARIF 2.1.0 (GitHub code scanning), JUnit XML, GitHub
// workflow commands, GitLab Code Quality JSON and a Markdown summary. A closed
// set, each a pure function of the CheckReport, so the output is identical
// across runs and -j.
#pragma once

#include "analyzers/rules/violation.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace seam {

struct CheckFormatOptions {
  /// Prepended (with '/') to every file path in the non-JSON formats, for a
  /// project whose seam.json is not at the repository root: CI tools resolve
  /// paths against the repository.
  std::string path_prefix;
  bool color = false;          ///< text: ANSI colours, as clang prints them
  /// text: also list baselined violations (as notes). Off by default: in a
  /// project with a large baseline the log would bury the new ones.
  bool show_baselined = false;
  std::string version;         ///< seam's version, for the SARIF driver
};

/// text, json, sarif, junit, github, gitlab, markdown
const std::vector<std::string>& check_formats();

/// Renders `report` in `format` (one of check_formats()).
std::string render_check(const std::string& format, const CheckReport& report, const CheckFormatOptions& opts);

/// Compiler-style lines grouped by rule and module pair, then a summary line.
std::string check_text(const CheckReport& report, const CheckFormatOptions& opts);
/// {"schema":"seam.check/2","violations":[...],"fixed":[...],"summary":{...}}
nlohmann::ordered_json check_json(const CheckReport& report);
std::string check_sarif(const CheckReport& report, const CheckFormatOptions& opts);
std::string check_junit(const CheckReport& report, const CheckFormatOptions& opts);
std::string check_github(const CheckReport& report, const CheckFormatOptions& opts);
std::string check_gitlab(const CheckReport& report, const CheckFormatOptions& opts);
std::string check_markdown(const CheckReport& report, const CheckFormatOptions& opts);

/// A 32-hex-digit fingerprint of the violation's key: stable across edits that
/// move code (no line numbers in it), distinct for distinct violations.
std::string violation_fingerprint(const Violation& v);

/// "seam check: 3 new violations (2 errors, 1 warning), 1 baselined, 0 fixed: failed"
std::string check_summary_line(const CheckReport& report);

/// `path` with the path prefix applied.
std::string ci_path(const CheckFormatOptions& opts, const std::string& path);

/// "from -> to", or "a, b, c" for a cycle.
std::string module_pair(const Violation& v);

} // namespace seam
