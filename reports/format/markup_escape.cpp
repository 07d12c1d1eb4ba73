#include "reports/format/markup_escape.h"

namespace seam {
namespace {

enum class Flavour { Text, Html, Xml, XmlAttribute };

std::string escape(std::string_view text, Flavour f) {
  std::string out;
  const bool quotes = f != Flavour::Text;
  const bool xml = f == Flavour::Xml || f == Flavour::XmlAttribute;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += quotes ? "&quot;" : "\""; break;
    case '\'': out += !quotes ? "'" : xml ? "&apos;" : "&#39;"; break;
    case '\n': out += f == Flavour::XmlAttribute ? "&#10;" : "\n"; break;
    case '\r': out += f == Flavour::XmlAttribute ? "&#13;" : "\r"; break;
    default:
      if (xml && c < 0x20 && c != '\t') out += '?';
      else out += ch;
    }
  }
  return out;
}

} // namespace

std::string escape_markup_text(std::string_view text) { return escape(text, Flavour::Text); }
std::string escape_html(std::string_view text) { return escape(text, Flavour::Html); }
std::string escape_xml(std::string_view text) { return escape(text, Flavour::Xml); }
std::string escape_xml_attribute(std::string_view text) { return escape(text, Flavour::XmlAttribute); }

} // namespace seam
