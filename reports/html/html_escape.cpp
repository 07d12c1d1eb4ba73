// Escaping for the HTML report (see html_escape.h for why each exists).
#include "reports/html/html_escape.h"

#include <algorithm>
#include <cctype>

namespace seam::html {

std::string script_json(const nlohmann::ordered_json& data) {
  // error_handler::replace: a name that is not valid UTF-8 (a file path from a
  // foreign encoding) must not abort the report.
  std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
             (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else
      out += c;
  }
  return out;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

/// Elements dropped with everything inside them: they run code, embed
/// documents, or pull in resources.
bool dropped_element(const std::string& name) {
  return name == "script" || name == "foreignobject" || name == "iframe" || name == "object" ||
         name == "embed" || name == "style" || name == "image" || name == "use" || name == "set" ||
         name == "animate" || name == "handler";
}

/// An attribute is kept unless it could run code or load something.
bool keep_attribute(const std::string& name, std::string_view value) {
  if (name.size() > 2 && name.compare(0, 2, "on") == 0) return false;
  if (name == "href" || name == "xlink:href" || name == "src")
    return !value.empty() && value.front() == '#';
  std::string v = lower(value);
  for (size_t p = v.find("url("); p != std::string::npos; p = v.find("url(", p + 4))
    if (v.compare(p + 4, 1, "#") != 0) return false;
  if (v.find("javascript:") != std::string::npos || v.find("@import") != std::string::npos) return false;
  return true;
}

} // namespace

std::string sanitize_svg(std::string_view svg) {
  std::string out;
  out.reserve(svg.size());
  size_t i = 0, n = svg.size();
  while (i < n) {
    if (svg[i] != '<') {
      size_t next = svg.find('<', i);
      if (next == std::string_view::npos) next = n;
      out.append(svg.substr(i, next - i));
      i = next;
      continue;
    }
    auto skip_past = [&](std::string_view end) {
      size_t e = svg.find(end, i);
      i = e == std::string_view::npos ? n : e + end.size();
    };
    if (svg.substr(i, 4) == "<!--") { skip_past("-->"); continue; }
    if (svg.substr(i, 9) == "<![CDATA[") { skip_past("]]>"); continue; }
    if (svg.substr(i, 2) == "<?" || svg.substr(i, 2) == "<!") { skip_past(">"); continue; }

    bool closing = i + 1 < n && svg[i + 1] == '/';
    size_t p = i + (closing ? 2 : 1);
    size_t name_start = p;
    while (p < n && is_name_char(svg[p])) ++p;
    std::string name = lower(svg.substr(name_start, p - name_start));
    if (name.empty()) { // a stray '<' cannot come from Graphviz; keep it as text
      out += "&lt;";
      ++i;
      continue;
    }
    // Attributes up to the end of the tag, honouring quotes.
    std::string tag = closing ? "</" + std::string(svg.substr(name_start, p - name_start))
                              : "<" + std::string(svg.substr(name_start, p - name_start));
    bool self_closing = false;
    while (p < n && svg[p] != '>') {
      if (std::isspace(static_cast<unsigned char>(svg[p]))) { ++p; continue; }
      if (svg[p] == '/') { self_closing = true; ++p; continue; }
      size_t an = p;
      while (p < n && is_name_char(svg[p])) ++p;
      if (p == an) { ++p; continue; } // junk character inside a tag: skip it
      std::string attr(svg.substr(an, p - an));
      std::string_view value;
      bool has_value = false;
      while (p < n && std::isspace(static_cast<unsigned char>(svg[p]))) ++p;
      if (p < n && svg[p] == '=') {
        ++p;
        while (p < n && std::isspace(static_cast<unsigned char>(svg[p]))) ++p;
        if (p < n && (svg[p] == '"' || svg[p] == '\'')) {
          char q = svg[p++];
          size_t vs = p;
          while (p < n && svg[p] != q) ++p;
          value = svg.substr(vs, p - vs);
          if (p < n) ++p;
        } else {
          size_t vs = p;
          while (p < n && !std::isspace(static_cast<unsigned char>(svg[p])) && svg[p] != '>') ++p;
          value = svg.substr(vs, p - vs);
        }
        has_value = true;
      }
      if (!keep_attribute(lower(attr), value)) continue;
      tag += " " + attr;
      if (has_value) {
        // Re-quote with double quotes; a value is XML-escaped already, but a
        // literal '"' from a single-quoted value must not end ours early.
        std::string v(value);
        std::string q;
        for (char c : v) q += c == '"' ? std::string("&quot;") : c == '<' ? std::string("&lt;") : std::string(1, c);
        tag += "=\"" + q + "\"";
      }
    }
    i = p < n ? p + 1 : n;
    if (!closing && dropped_element(name)) {
      if (!self_closing) {
        // Skip to the matching end tag (these elements do not nest in Graphviz output).
        size_t depth = 1;
        while (i < n && depth) {
          size_t lt = svg.find('<', i);
          if (lt == std::string_view::npos) { i = n; break; }
          size_t q = lt + 1;
          bool end = q < n && svg[q] == '/';
          if (end) ++q;
          size_t ns = q;
          while (q < n && is_name_char(svg[q])) ++q;
          std::string nm = lower(svg.substr(ns, q - ns));
          size_t gt = svg.find('>', q);
          bool self = gt != std::string_view::npos && gt > 0 && svg[gt - 1] == '/';
          if (nm == name) {
            if (end) --depth;
            else if (!self) ++depth;
          }
          i = gt == std::string_view::npos ? n : gt + 1;
        }
      }
      continue;
    }
    if (closing && dropped_element(name)) continue;
    tag += self_closing && !closing ? "/>" : ">";
    out += tag;
  }
  return out;
}

} // namespace seam::html
