#include "analyzers/pipeline/diagnostics.h"

namespace seam::pipeline {

std::vector<std::string> DiagnosticLog::texts(Level level) const {
  std::vector<std::string> out;
  for (const Diagnostic& d : all)
    if (d.level == level) out.push_back(d.text);
  return out;
}

std::string dump(const DiagnosticLog& log) {
  static const char* const names[] = {"error: ", "warning: ", "note: ", ""};
  std::string out;
  for (const Diagnostic& d : log.all) out += names[static_cast<int>(d.level)] + d.text + "\n";
  return out;
}

std::string count(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

} // namespace seam::pipeline
