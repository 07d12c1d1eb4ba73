// Escaping for the HTML report. Every string that comes from code or config
// (C++ names hold <, >, &; a module may be named anything) passes through one
// of these before it reaches the page, whatever the context: element text and
// attribute values (escape_html, reports/format/markup_escape.h), inline JSON
// data, or an SVG drawn by Graphviz.
#pragma once

#include "reports/format/markup_escape.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace seam::html {

/// JSON text safe inside <script type="application/json">: < > & and the
/// line separators U+2028/U+2029 become \uXXXX escapes, so no `</script>`,
/// `<!--` or `<![CDATA[` can appear, and JSON.parse still reads the same value.
/// Those characters can only occur inside JSON strings, so this is exact.
std::string script_json(const nlohmann::ordered_json& data);

/// Makes a Graphviz SVG fit to inline in HTML: drops the XML declaration,
/// DOCTYPE and comments (Graphviz writes node names into comments), and drops
/// anything that could run or load: <script>, <foreignObject>, on* attributes,
/// and href/xlink:href values other than "#..." fragments. Text Graphviz
/// wrote is already XML-escaped and stays as it is.
std::string sanitize_svg(std::string_view svg);

} // namespace seam::html
