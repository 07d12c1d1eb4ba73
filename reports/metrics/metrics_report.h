// `seam metrics` output: a text table, JSON (seam.metrics/1) and CSV. Ratios
// are rounded to four decimals so the output is stable and diffable; a metric
// that is undefined for a module (I without any coupling, cohesion without
// any reference) is "-" in text, null in JSON and empty in CSV.
#pragma once

#include "analyzers/metrics/module_metrics.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

std::string metrics_text(const Project& project, const Metrics& metrics);
nlohmann::ordered_json metrics_json(const Project& project, const Metrics& metrics);
/// Header row, then one row per module (RFC 4180 quoting).
std::string metrics_csv(const Project& project, const Metrics& metrics);

} // namespace seam
