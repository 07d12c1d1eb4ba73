// SARIF 2.1.0 as GitHub code scanning ingests it (github/codeql-action/upload-sarif):
// a driver with every rule and its help, one result per violation with ruleId,
// ruleIndex, level, message, a physical location relative to %SRCROOT% and a
// partialFingerprint computed from the line-independent violation key, so an
// alert keeps its identity when unrelated edits move the code.
#include "analyzers/rules/rule_info.h"
#include "reports/check/check_report.h"

#include <cstdio>

namespace seam {
namespace {

const char* sarif_level(Severity s) {
  switch (s) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  case Severity::Info: return "note";
  case Severity::Off: return "none";
  }
  return "none";
}

/// A relative URI reference: unreserved characters and '/' stay, the rest is %XX.
std::string uri_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/' || c == '+') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

/// The severity the rule ran with, else its default.
Severity rule_level(const CheckReport& r, const RuleInfo& info) {
  auto it = r.severities.find(info.id);
  return it != r.severities.end() ? it->second : info.default_severity;
}

} // namespace

std::string check_sarif(const CheckReport& r, const CheckFormatOptions& opts) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  const std::vector<RuleInfo>& infos = rule_infos();
  for (const RuleInfo& info : infos) {
    json rule;
    rule["id"] = "seam/" + info.id;
    rule["name"] = info.name;
    rule["shortDescription"] = {{"text", info.summary}};
    rule["fullDescription"] = {{"text", info.help}};
    rule["help"] = {{"text", info.help},
                    {"markdown", "**" + info.summary + "**\n\n" + info.help +
                                     "\n\nSeverity: `\"rules\": {\"" + info.id +
                                     "\": \"error\" | \"warning\" | \"info\" | \"off\"}` in seam.json."}};
    const Severity sev = rule_level(r, info);
    rule["defaultConfiguration"] = {{"enabled", sev != Severity::Off}, {"level", sarif_level(sev)}};
    rule["properties"] = {{"tags", {"architecture", "maintainability", "modularity"}}, {"precision", "very-high"}};
    rules.push_back(std::move(rule));
  }

  json results = json::array();
  for (const Violation& v : r.violations) {
    json res;
    res["ruleId"] = "seam/" + v.rule;
    res["ruleIndex"] = rule_index(v.rule);
    res["level"] = sarif_level(v.severity);
    res["kind"] = "fail";
    res["message"] = {{"text", v.message}};
    json region = {{"startLine", v.line > 0 ? v.line : 1}};
    if (v.column > 0) region["startColumn"] = v.column;
    res["locations"] = json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", uri_path(ci_path(opts, v.file))}, {"uriBaseId", "%SRCROOT%"}}},
            {"region", std::move(region)}}}}});
    res["partialFingerprints"] = {{"seamViolationKey/v1", violation_fingerprint(v)}};
    // Outside the change (--affected) reads as "unchanged": it was there before this change.
    res["baselineState"] = v.is_new() ? "new" : "unchanged";
    json props;
    if (!v.from.empty()) props["from"] = v.from;
    if (!v.to.empty()) props["to"] = v.to;
    if (!v.symbol.empty()) props["symbol"] = v.symbol;
    if (!v.header.empty()) props["header"] = v.header;
    if (!v.cycle.empty()) props["cycle"] = v.cycle;
    if (!v.members.empty()) props["members"] = v.members;
    props["baselined"] = v.baselined;
    if (!r.affected_rev.empty()) props["outsideChange"] = v.outside_change;
    res["properties"] = std::move(props);
    results.push_back(std::move(res));
  }

  json driver;
  driver["name"] = "seam";
  if (!opts.version.empty()) {
    driver["version"] = opts.version;
    driver["semanticVersion"] = opts.version;
  }
  driver["rules"] = std::move(rules);
  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["results"] = std::move(results);

  json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({std::move(run)});
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace seam
