// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of
// issues with description, check_name, fingerprint, severity and location.
// Every violation is listed, baselined ones too: GitLab itself compares the
// report of a merge request with its target branch's by fingerprint and shows
// what is new and what was resolved.
#include "reports/check/check_report.h"

namespace seam {
namespace {

const char* gitlab_severity(Severity s) {
  switch (s) {
  case Severity::Error: return "major";
  case Severity::Warning: return "minor";
  default: return "info";
  }
}

} // namespace

std::string check_gitlab(const CheckReport& r, const CheckFormatOptions& opts) {
  using json = nlohmann::ordered_json;
  json issues = json::array();
  for (const Violation& v : r.violations) {
    json i;
    i["type"] = "issue";
    i["check_name"] = "seam/" + v.rule;
    i["description"] = "[seam/" + v.rule + "] " + v.message;
    i["categories"] = {"Complexity"};
    i["engine_name"] = "seam";
    i["fingerprint"] = violation_fingerprint(v);
    i["severity"] = gitlab_severity(v.severity);
    i["location"] = {{"path", ci_path(opts, v.file)}, {"lines", {{"begin", v.line > 0 ? v.line : 1}}}};
    issues.push_back(std::move(i));
  }
  return issues.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace seam
