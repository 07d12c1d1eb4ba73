// Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, a
// table of counts per rule, the new violations, and the baselined and fixed
// ones folded away. Everything that comes from code or config is escaped, so
// a symbol or path cannot inject markup.
#include "reports/check/check_report.h"
#include "reports/format/markup_escape.h"

namespace seam {
namespace {

/// Text safe inside a Markdown table cell: HTML-significant characters become
/// entities, Markdown punctuation is backslash-escaped, line breaks become spaces.
std::string md(const std::string& s) {
  std::string out;
  for (char c : escape_markup_text(s)) {
    switch (c) {
    case '\n':
    case '\r': out += ' '; break;
    case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!':
      out += '\\';
      out += c;
      break;
    default: out += c;
    }
  }
  return out;
}

std::string where(const CheckFormatOptions& opts, const Violation& v) {
  return md(ci_path(opts, v.file)) + ":" + std::to_string(v.line) + ":" + std::to_string(v.column);
}

std::string table(const CheckFormatOptions& opts, const std::vector<const Violation*>& vs) {
  std::string out = "| rule | severity | modules | where | violation |\n|---|---|---|---|---|\n";
  for (const Violation* v : vs)
    out += "| " + md(v->rule) + " | " + to_string(v->severity) + " | " + md(module_pair(*v)) + " | " + where(opts, *v) +
           " | " + md(v->message) + " |\n";
  return out;
}

} // namespace

std::string check_markdown(const CheckReport& r, const CheckFormatOptions& opts) {
  std::string out = "## seam check: " + std::string(r.failed() ? "failed" : "passed") + "\n\n";
  out += md(check_summary_line(r)) + "\n\n";
  out += "| rule | severity | new | baselined | fixed |\n|---|---|---:|---:|---:|\n";
  for (const std::string& rule : rule_names()) {
    size_t fresh = 0, old = 0, fixed = 0;
    for (const Violation& v : r.violations)
      if (v.rule == rule && !v.outside_change) ++(v.baselined ? old : fresh);
    for (const Violation& f : r.fixed) fixed += f.rule == rule;
    auto sev = r.severities.find(rule);
    out += "| " + md(rule) + " | " + (sev != r.severities.end() ? to_string(sev->second) : "") + " | " +
           std::to_string(fresh) + " | " + std::to_string(old) + " | " + std::to_string(fixed) + " |\n";
  }
  out += "| **total** | | **" + std::to_string(r.count_new()) + "** | " + std::to_string(r.count_baselined()) + " | " +
         std::to_string(r.fixed.size()) + " |\n";

  std::vector<const Violation*> fresh, old, outside;
  for (const Violation& v : r.violations) (v.baselined ? old : v.outside_change ? outside : fresh).push_back(&v);
  if (!fresh.empty()) out += "\n### New violations\n\n" + table(opts, fresh);
  if (!outside.empty())
    out += "\n<details><summary>" + std::to_string(outside.size()) + (outside.size() == 1 ? " finding" : " findings") +
           " outside the change (--affected " + md(r.affected_rev) + ", " + std::to_string(r.changed_files) +
           (r.changed_files == 1 ? " file" : " files") + " changed), not failed on</summary>\n\n" + table(opts, outside) + "\n</details>\n";
  if (!old.empty())
    out += "\n<details><summary>" + std::to_string(old.size()) + " baselined violation" + (old.size() == 1 ? "" : "s") +
           "</summary>\n\n" + table(opts, old) + "\n</details>\n";
  if (!r.fixed.empty()) {
    out += "\n<details><summary>" + std::to_string(r.fixed.size()) + " fixed (in the baseline, no longer found; " +
           "run <code>seam check --update-baseline</code>)</summary>\n\n";
    out += "| rule | modules | file | symbol or header |\n|---|---|---|---|\n";
    for (const Violation& f : r.fixed)
      out += "| " + md(f.rule) + " | " + md(module_pair(f)) + " | " + md(ci_path(opts, f.file)) + " | " +
             md(f.symbol.empty() ? f.header : f.symbol) + " |\n";
    out += "\n</details>\n";
  }
  for (const std::string& n : r.notes) out += "\n> " + md(n) + "\n";
  return out;
}

} // namespace seam
