// seam.check/2: the contract keys first (rule, from, to, file, line, column,
// message, baselined), then what else each violation carries.
#include "reports/check/check_report.h"

namespace seam {

namespace {

nlohmann::ordered_json key_json(const Violation& v) {
  nlohmann::ordered_json j;
  j["rule"] = v.rule;
  if (!v.from.empty()) j["from"] = v.from;
  if (!v.to.empty()) j["to"] = v.to;
  if (!v.file.empty()) j["file"] = v.file;
  if (!v.symbol.empty()) j["symbol"] = v.symbol;
  if (!v.header.empty()) j["header"] = v.header;
  if (!v.cycle.empty()) j["cycle"] = v.cycle;
  if (!v.members.empty()) j["members"] = v.members;
  return j;
}

} // namespace

nlohmann::ordered_json check_json(const CheckReport& r) {
  nlohmann::ordered_json j;
  // /2: a violation that is not baselined may still not fail (outside_change,
  // --affected); summary.new counts only those that can fail.
  j["schema"] = "seam.check/2";
  j["config"] = r.config_file;
  j["baseline"] = {{"file", r.baseline_file}, {"present", r.baseline_present}};
  if (r.affected_rev.empty()) j["affected"] = nullptr;
  else j["affected"] = {{"rev", r.affected_rev}, {"changed_files", r.changed_files}};
  j["fail_on"] = r.fail_on == Severity::Off ? "never" : to_string(r.fail_on);
  nlohmann::ordered_json vs = nlohmann::ordered_json::array();
  for (const Violation& v : r.violations) {
    nlohmann::ordered_json o;
    o["rule"] = v.rule;
    o["from"] = v.from;
    o["to"] = v.to;
    o["file"] = v.file;
    o["line"] = v.line;
    o["column"] = v.column;
    o["message"] = v.message;
    o["baselined"] = v.baselined;
    o["outside_change"] = v.outside_change;
    o["severity"] = to_string(v.severity);
    if (!v.symbol.empty()) o["symbol"] = v.symbol;
    if (!v.header.empty()) {
      o["header"] = v.header;
      o["spelled"] = v.spelled;
    }
    o["use"] = v.use;
    o["uses"] = v.uses;
    if (v.rule == "cycle") {
      o["cycle"] = v.cycle; // the modules around it from the first by name: the baseline's key
      o["members"] = v.members;
      nlohmann::ordered_json edges = nlohmann::ordered_json::array();
      for (const CycleEdge& e : v.edges)
        edges.push_back({{"from", e.from}, {"to", e.to}, {"weight", e.weight}, {"closing", e.closing}});
      o["edges"] = std::move(edges);
    }
    o["fingerprint"] = violation_fingerprint(v);
    vs.push_back(std::move(o));
  }
  j["violations"] = std::move(vs);
  nlohmann::ordered_json fixed = nlohmann::ordered_json::array();
  for (const Violation& f : r.fixed) fixed.push_back(key_json(f));
  j["fixed"] = std::move(fixed);
  j["notes"] = r.notes;
  j["summary"] = {{"new", r.count_new()},
                  {"baselined", r.count_baselined()},
                  {"fixed", r.fixed.size()},
                  {"outside_change", r.count_outside_change()},
                  {"errors", r.count_new(Severity::Error)},
                  {"warnings", r.count_new(Severity::Warning)},
                  {"infos", r.count_new(Severity::Info)},
                  {"failed", r.failed()}};
  return j;
}

} // namespace seam
