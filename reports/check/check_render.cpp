// The format dispatch and what every check format shares.
#include "analyzers/core/output.h"
#include "reports/check/check_report.h"

#include <cstdio>

namespace seam {

const std::vector<std::string>& check_formats() {
  static const std::vector<std::string> f = {"text", "json", "sarif", "junit", "github", "gitlab", "markdown"};
  return f;
}

std::string render_check(const std::string& format, const CheckReport& report, const CheckFormatOptions& opts) {
  if (format == "json") return check_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  if (format == "sarif") return check_sarif(report, opts);
  if (format == "junit") return check_junit(report, opts);
  if (format == "github") return check_github(report, opts);
  if (format == "gitlab") return check_gitlab(report, opts);
  if (format == "markdown") return check_markdown(report, opts);
  return check_text(report, opts);
}

std::string violation_fingerprint(const Violation& v) {
  const std::string k = v.key();
  uint64_t a = hash_bytes(k.data(), k.size());
  uint64_t b = hash_bytes(k.data(), k.size(), a ^ 0x9e3779b97f4a7c15ull);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

namespace {
std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

std::string check_summary_line(const CheckReport& r) {
  const size_t fresh = r.count_new();
  std::string s = "seam check: ";
  if (fresh == 0) {
    s += "no new violations";
  } else {
    s += plural(fresh, "new violation", "new violations");
    std::vector<std::string> parts;
    if (size_t n = r.count_new(Severity::Error)) parts.push_back(plural(n, "error", "errors"));
    if (size_t n = r.count_new(Severity::Warning)) parts.push_back(plural(n, "warning", "warnings"));
    if (size_t n = r.count_new(Severity::Info)) parts.push_back(std::to_string(n) + " info");
    s += " (";
    for (size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
    s += ")";
  }
  s += ", " + std::to_string(r.count_baselined()) + " baselined, " + std::to_string(r.fixed.size()) + " fixed";
  if (!r.affected_rev.empty())
    s += ", " + std::to_string(r.count_outside_change()) + " outside the change (not failed on)";
  s += ": ";
  s += r.failed() ? "failed" : "passed";
  return s;
}

std::string ci_path(const CheckFormatOptions& opts, const std::string& path) {
  if (opts.path_prefix.empty() || path.empty()) return path;
  std::string p = opts.path_prefix;
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p.empty() ? path : p + "/" + path;
}

std::string module_pair(const Violation& v) {
  if (v.rule == "cycle" && !v.cycle.empty()) { // a -> b -> c -> a
    std::string s;
    for (const std::string& m : v.cycle) s += m + " -> ";
    return s + v.cycle.front();
  }
  if (v.rule == "cycle") { // an old baseline's whole group
    std::string s;
    for (size_t i = 0; i < v.members.size(); ++i) s += (i ? ", " : "") + v.members[i];
    return s;
  }
  if (v.from.empty()) return v.to;
  return v.from + " -> " + v.to;
}

} // namespace seam
