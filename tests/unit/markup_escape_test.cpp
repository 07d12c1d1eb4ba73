// One escaper family for every markup output (HTML report, JUnit XML,
// Graphviz labels, Markdown): each special character in each flavour, and
// attribute values that neither quote can close.
#include "reports/format/markup_escape.h"

#include <gtest/gtest.h>

namespace seam {
namespace {

TEST(MarkupEscape, HtmlTurnsEveryMarkupCharacterIntoAReference) {
  EXPECT_EQ(escape_html("std::map<int, std::string> & \"x\" 'y'"),
            "std::map&lt;int, std::string&gt; &amp; &quot;x&quot; &#39;y&#39;");
  EXPECT_EQ(escape_html("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(escape_html(""), "");
  // Line breaks and control characters are text in HTML: kept.
  EXPECT_EQ(escape_html("a\nb\tc\x01"), "a\nb\tc\x01");
}

TEST(MarkupEscape, HtmlAttributeCannotBeClosedByEitherQuote) {
  const std::string value = escape_html("x\" onmouseover=\"alert(1)' y='");
  EXPECT_EQ(value.find('"'), std::string::npos) << value;
  EXPECT_EQ(value.find('\''), std::string::npos) << value;
  EXPECT_EQ(value, "x&quot; onmouseover=&quot;alert(1)&#39; y=&#39;");
}

TEST(MarkupEscape, MarkupTextEscapesOnlyWhatOpensATagOrAReference) {
  EXPECT_EQ(escape_markup_text("a<b> && \"c\" 'd'"), "a&lt;b&gt; &amp;&amp; \"c\" 'd'");
  EXPECT_EQ(escape_markup_text("&amp;"), "&amp;amp;"); // a reference in the input stays literal
}

TEST(MarkupEscape, XmlUsesApostropheEntityAndDropsForbiddenControlCharacters) {
  EXPECT_EQ(escape_xml("<a href=\"x\">it's & done</a>"),
            "&lt;a href=&quot;x&quot;&gt;it&apos;s &amp; done&lt;/a&gt;");
  // XML 1.0 allows tab, LF and CR only; the others cannot be written at all.
  EXPECT_EQ(escape_xml("a\x01" "b\x1f" "c\td\ne\rf"), "a?b?c\td\ne\rf");
  EXPECT_EQ(escape_xml(std::string("a\0b", 3)), "a?b");
  // Bytes of UTF-8 sequences are not control characters.
  EXPECT_EQ(escape_xml("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(MarkupEscape, XmlAttributeKeepsLineBreaksAsReferences) {
  EXPECT_EQ(escape_xml_attribute("line 1\nline 2\r\"q\" 'a' <&>"),
            "line 1&#10;line 2&#13;&quot;q&quot; &apos;a&apos; &lt;&amp;&gt;");
  EXPECT_EQ(escape_xml_attribute("\x02"), "?");
}

} // namespace
} // namespace seam
