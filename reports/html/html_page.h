// The report page: one self-contained HTML document with the stylesheet, the
// script, the data and the graph drawing inlined. Nothing in it is fetched:
// its Content-Security-Policy forbids every request and allows only its own
// script (by hash).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace seam::html {

struct Page {
  std::string title;             ///< project name, shown in the title and sidebar
  std::string subtitle;          ///< e.g. the date, under the project name
  nlohmann::ordered_json data;   ///< seam.report/3 (report_data.h)
  std::string graph_svg;         ///< Graphviz SVG of the module graph; sanitized here
  std::string graph_missing;     ///< why there is no drawing, when graph_svg is empty
};

std::string render_page(const Page& page);

/// The whole inline script, as render_page writes it (for its CSP hash).
std::string page_script();

} // namespace seam::html
