// Character references for every markup seam writes: the HTML report, JUnit
// XML, Graphviz HTML-like labels and the Markdown of a pull-request comment.
// Each output picks the function for where its text lands; all of them share
// one table, so a character escaped in one format is escaped the same way in
// the others.
#pragma once

#include <string>
#include <string_view>

namespace seam {

/// Element text where no attribute can follow (Markdown's inline HTML):
/// & < > become &amp; &lt; &gt;. Quotes stay, as they read in the text.
std::string escape_markup_text(std::string_view text);

/// HTML element text or a double- or single-quoted attribute value:
/// & < > " ' become &amp; &lt; &gt; &quot; &#39;.
std::string escape_html(std::string_view text);

/// XML 1.0 text or attribute value (JUnit, Graphviz HTML-like labels, which
/// Graphviz parses with expat): & < > " ' become &amp; &lt; &gt; &quot; &apos;,
/// and control characters XML 1.0 forbids (all below 0x20 but tab, LF, CR)
/// become '?', since no reference can carry them.
std::string escape_xml(std::string_view text);

/// An XML attribute value: escape_xml, and line breaks as &#10; / &#13;, or
/// parsers normalise them to spaces.
std::string escape_xml_attribute(std::string_view text);

} // namespace seam
