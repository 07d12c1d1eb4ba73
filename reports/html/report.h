// `seam report`: every analysis of a Project, gathered into one
// self-contained HTML page (html_page.h) a tech lead reads in five minutes.
#pragma once

#include "analyzers/model/model.h"
#include "reports/html/report_data.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace seam::html {

struct ReportOptions {
  RunInfo run;
  ReportLimits limits;
  /// The check's baseline (absolute); empty: seam.json's "baseline" under the root.
  std::string baseline;
  /// --edges: what makes an edge of the graphs, the matrix, the metrics and the
  /// cycles; absent: each level's default. The violations follow seam.json,
  /// as in `seam check`.
  std::optional<EdgeKinds> edges;
  /// --affected REV: the revision and the project files changed since its merge
  /// base with HEAD. The module drawing marks what they touch; violations
  /// outside the change carry outside_change. Empty rev: no marking.
  std::string affected_rev;
  std::set<std::string> changed_files;
};

/// Runs the analyses over `project` and returns the HTML page. `notes` gets
/// what the reader of the terminal should know (sections left out, limits hit).
std::string html_report(const Project& project, const ReportOptions& options, std::vector<std::string>& notes);

/// The report's data alone (seam.report/1), for tests and tools.
Json report_data(const Project& project, const ReportOptions& options, std::vector<std::string>& notes);

/// The date the report carries: SOURCE_DATE_EPOCH (reproducible builds) when
/// set and valid, else today; UTC, YYYY-MM-DD.
std::string report_date();

} // namespace seam::html
