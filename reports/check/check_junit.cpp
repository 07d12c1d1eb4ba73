// JUnit XML: one test suite per rule, one test case per rule and module pair
// the rule examined (reports/check via CheckReport::checks), so a CI test view
// shows what passed as well as what failed. A case fails when it has a new
// violation of severity error; new warnings and infos, and baselined
// violations, are listed in its system-out and do not fail it.
#include "reports/check/check_report.h"
#include "reports/format/markup_escape.h"

#include <map>

namespace seam {
namespace {

std::string site_line(const CheckFormatOptions& opts, const Violation& v) {
  return ci_path(opts, v.file) + ":" + std::to_string(v.line) + ":" + std::to_string(v.column) + ": " +
         (v.baselined ? "baselined " : v.outside_change ? "outside the change: " : "") + to_string(v.severity) + ": " + v.message;
}

struct Case {
  std::vector<const Violation*> failing, other;
};

} // namespace

std::string check_junit(const CheckReport& r, const CheckFormatOptions& opts) {
  // rule -> "from -> to" -> case; std::map keeps names sorted, rules follow rule order below.
  std::map<std::string, std::map<std::string, Case>> suites;
  for (const RuleCheck& c : r.checks) suites[c.rule][c.from + " -> " + c.to];
  for (const Violation& v : r.violations) {
    Case& c = suites[v.rule][v.from + " -> " + v.to]; // a cycle's pair is its edge in the minimum cut
    (v.is_new() && r.fail_on != Severity::Off && v.severity >= r.fail_on ? c.failing : c.other).push_back(&v);
  }
  size_t tests = 0, failures = 0;
  for (const auto& [rule, cases] : suites)
    for (const auto& [name, c] : cases) {
      ++tests;
      failures += !c.failing.empty();
    }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"seam check\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"0\">\n";
  for (const std::string& rule : rule_names()) {
    auto s = suites.find(rule);
    if (s == suites.end()) continue;
    size_t f = 0;
    for (const auto& [name, c] : s->second) f += !c.failing.empty();
    out += "  <testsuite name=\"seam/" + escape_xml(rule) + "\" tests=\"" + std::to_string(s->second.size()) +
           "\" failures=\"" + std::to_string(f) + "\" errors=\"0\" skipped=\"0\">\n";
    for (const auto& [name, c] : s->second) {
      out += "    <testcase classname=\"seam." + escape_xml(rule) + "\" name=\"" + escape_xml(name) + "\"";
      if (c.failing.empty() && c.other.empty()) {
        out += "/>\n";
        continue;
      }
      out += ">\n";
      if (!c.failing.empty()) {
        const Violation& first = *c.failing.front();
        std::string body;
        for (const Violation* v : c.failing) body += site_line(opts, *v) + "\n";
        out += "      <failure type=\"seam/" + escape_xml(rule) + "\" message=\"" + escape_xml_attribute(std::to_string(c.failing.size()) +
               (c.failing.size() == 1 ? " new violation: " : " new violations, the first: ") + first.message) +
               "\">" + escape_xml(body) + "</failure>\n";
      }
      if (!c.other.empty()) {
        std::string body;
        for (const Violation* v : c.other) body += site_line(opts, *v) + "\n";
        out += "      <system-out>" + escape_xml(body) + "</system-out>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

} // namespace seam
