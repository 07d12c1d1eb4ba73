// `seam report`: every analysis of a Project, gathered into one
// self-contained HTML page (html_page.h) a tech lead reads in five minutes.
#pragma once

#include "analyzers/history/change_model.h"
#include "analyzers/model/model.h"
#include "analyzers/pipeline/analyses.h"
#include "reports/html/report_data.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace seam::html {

struct ReportOptions {
  RunInfo run;
  ReportLimits limits;
  /// --affected REV: the revision and the project files changed since its merge
  /// base with HEAD. The module drawing marks what they touch, and the data says
  /// so ("affected"); the caller limits the check to the change
  /// (limit_to_change), so the embedded seam.check/2 carries outside_change.
  /// Empty rev: no marking.
  std::string affected_rev;
  std::set<std::string> changed_files;
  /// The git history as `seam history` and `seam graph --coupling change`
  /// read it (the change-coupling page, each module's history); null or
  /// unavailable: the report says in one line that there is none.
  const history::ChangeModel* history = nullptr;
};

/// The HTML page of `project` showing `analyses` (pipeline::analyse_all: the
/// results the commands print, computed once). `notes` gets what the reader
/// of the terminal should know (sections left out).
std::string html_report(const Project& project, const pipeline::Analyses& analyses, const ReportOptions& options,
                        std::vector<std::string>& notes);

/// The report's data alone (seam.report/2), for tests and tools.
Json report_data(const Project& project, const pipeline::Analyses& analyses, const ReportOptions& options);

/// The date the report carries: SOURCE_DATE_EPOCH (reproducible builds) when
/// set and valid, else today; UTC, YYYY-MM-DD.
std::string report_date();

} // namespace seam::html
