// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`
// turns each new violation into an annotation on the pull request's diff.
// Baselined violations are not annotated (they are not what the pull request
// changed); the summary line and a notice about fixed entries close the output.
#include "reports/check/check_report.h"

namespace seam {
namespace {

/// Escaping of the message part (GitHub's toolkit escapeData).
std::string data(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

/// Escaping of a property value (escapeProperty): also ':' and ','.
std::string prop(const std::string& s) {
  std::string out;
  for (char c : data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

} // namespace

std::string check_github(const CheckReport& r, const CheckFormatOptions& opts) {
  std::string out;
  for (const Violation& v : r.violations) {
    if (!v.is_new()) continue; // baselined, or outside the change (--affected)
    const char* cmd = v.severity == Severity::Error ? "error" : v.severity == Severity::Warning ? "warning" : "notice";
    out += std::string("::") + cmd + " file=" + prop(ci_path(opts, v.file)) + ",line=" + std::to_string(v.line) +
           ",col=" + std::to_string(v.column) + ",title=" + prop("seam/" + v.rule + " " + module_pair(v)) +
           "::" + data(v.message) + "\n";
  }
  if (!r.fixed.empty())
    out += "::notice title=" + prop("seam baseline") + "::" +
           data(std::to_string(r.fixed.size()) + " baseline " + (r.fixed.size() == 1 ? "entry no longer occurs" : "entries no longer occur") +
                "; run `seam check --update-baseline` and commit the smaller baseline") + "\n";
  out += check_summary_line(r) + "\n";
  return out;
}

} // namespace seam
