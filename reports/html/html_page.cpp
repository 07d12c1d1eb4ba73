// The HTML shell of the report: the sidebar, the top bar, one <section> per
// page (filled by the script), the drawer for sites, and the inlined assets.
#include "reports/html/html_page.h"

#include "reports/html/csp_hash.h"
#include "reports/html/html_assets.h"
#include "reports/html/html_escape.h"

namespace seam::html {

std::string page_script() {
  std::string js;
  for (std::string_view part : {kJsCore, kJsOverview, kJsGraph, kJsDsm, kJsMetrics, kJsCandidates,
                                kJsViolations, kJsCoupling, kJsModule, kJsMain})
    js += part;
  // One function scope: nothing leaks into the page's globals but `seam`.
  return "(function () {" + js + "})();\n";
}

std::string render_page(const Page& page) {
  const std::string script = page_script();
  std::string out;
  out.reserve(page.graph_svg.size() + (size_t{1} << 20));
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " +
         csp_script_hash(script) +
         "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"generator\" content=\"seam\">\n";
  out += "<title>" + escape_html(page.title) + " \xE2\x80\x94 seam report</title>\n";
  // An inline icon, so the browser does not look for /favicon.ico.
  out += "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
         "%3Crect width='16' height='16' rx='3' fill='%233d5afe'/%3E%3Cpath d='M4 4h8M4 8h8M4 12h8' stroke='white' "
         "stroke-width='1.6'/%3E%3C/svg%3E\">\n";
  out += "<style>";
  out += kCss;
  out += "</style>\n</head>\n<body>\n";
  out += "<noscript><div>This report needs JavaScript to draw its pages. It makes no network request.</div></noscript>\n";

  out += "<aside id=\"sidebar\">\n<div id=\"brand\"><div class=\"logo\">seam<span>.</span></div>"
         "<div class=\"project\">" + escape_html(page.title) + "</div><div class=\"date\">" + escape_html(page.subtitle) +
         "</div></div>\n<nav id=\"nav\">\n";
  static const char* const kNav[][2] = {{"overview", "Overview"},     {"graph", "Module graph"},
                                        {"dsm", "Dependency matrix"}, {"metrics", "Metrics"},
                                        {"candidates", "Candidates"}, {"violations", "Violations"},
                                        {"coupling", "Change coupling"}};
  for (const auto& n : kNav)
    out += std::string("<a href=\"#") + n[0] + "\" data-page=\"" + n[0] + "\"><span>" + n[1] +
           "</span><span class=\"count\"></span></a>\n";
  out += "</nav>\n<div id=\"modhead\"><span>Modules</span><span id=\"modcount\"></span></div>\n"
         "<input id=\"modfilter\" type=\"search\" placeholder=\"Filter modules\" aria-label=\"Filter modules\">\n"
         "<nav id=\"modnav\"></nav>\n</aside>\n";

  out += "<div id=\"main\">\n<header id=\"topbar\"><div id=\"crumb\"></div><div id=\"searchbox\">"
         "<input id=\"search\" type=\"search\" placeholder=\"Search modules and files  ( / )\" autocomplete=\"off\" "
         "aria-label=\"Search modules and files\"><div id=\"results\"></div></div></header>\n";
  out += "<section id=\"overview\" class=\"page\"></section>\n";
  out += "<section id=\"graph\" class=\"page\">\n<h1>Module graph</h1>\n";
  if (!page.graph_svg.empty()) {
    out += "<div class=\"toolbar\" id=\"graph-toolbar\"><div class=\"seg\" id=\"graph-colour\">"
           "<button data-mode=\"layer\">Layers</button><button data-mode=\"level\">Levels</button></div>"
           "<div class=\"seg\"><button id=\"zoom-in\" title=\"zoom in\">+</button><button id=\"zoom-out\" "
           "title=\"zoom out\">\xE2\x88\x92</button><button id=\"zoom-fit\" title=\"fit\">Fit</button></div>"
           "<div class=\"legend\" id=\"graph-legend\"></div></div>\n";
    std::string svg = sanitize_svg(page.graph_svg);
    svg.erase(0, svg.find_first_not_of(" \t\r\n")); // what preceded <svg> was the dropped XML prolog
    out += "<div id=\"graph-view\">" + svg + "</div>\n";
    out += "<p id=\"graph-note\"></p>\n";
  } else {
    out += "<div class=\"unavailable\" id=\"graph-missing\">" + escape_html(page.graph_missing) + "</div>\n";
  }
  out += "</section>\n";
  for (const char* id : {"dsm", "metrics", "candidates", "violations", "coupling", "module"})
    out += std::string("<section id=\"") + id + "\" class=\"page\"></section>\n";
  out += "</div>\n";
  out += "<aside id=\"drawer\" aria-label=\"sites\"><header><div class=\"t\" id=\"drawer-title\"></div>"
         "<button id=\"drawer-close\" title=\"close (Esc)\">\xC3\x97</button></header>"
         "<div class=\"content\" id=\"drawer-content\"></div></aside>\n";
  out += "<script type=\"application/json\" id=\"seam-data\">" + script_json(page.data) + "</script>\n";
  out += "<script>" + script + "</script>\n</body>\n</html>\n";
  return out;
}

} // namespace seam::html
