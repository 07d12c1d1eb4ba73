// The stylesheet and the scripts inlined into every report. They are real
// files, reports/html/assets/*.js|css (linted by the test suite), embedded into
// the binary at build time by cmake/embed_assets.cmake, so the report is one
// file with no runtime dependency and the binary needs no data directory.
// Each asset's leading comment (up to the first blank line) is not embedded;
// each view starts with a newline, so every part begins on a line of its own.
#pragma once

#include <string_view>

namespace seam::html {

extern const std::string_view kCss;

/// Script parts, concatenated in this order into one <script>: helpers and
/// navigation first, then one part per section.
extern const std::string_view kJsCore;
extern const std::string_view kJsOverview;
extern const std::string_view kJsGraph;
extern const std::string_view kJsDsm;
extern const std::string_view kJsMetrics;
extern const std::string_view kJsCandidates;
extern const std::string_view kJsViolations;
extern const std::string_view kJsCoupling;
extern const std::string_view kJsModule;
extern const std::string_view kJsMain;

} // namespace seam::html
