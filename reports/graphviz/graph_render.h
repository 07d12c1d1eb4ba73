// Pictures of a dependency graph: DOT built with Graphviz cgraph (so quoting
// and escaping are Graphviz's own, never string concatenation) and SVG laid
// out in-process with gvc's dot layout (no `dot` executable needed).
//
// Nodes are sized by lines and filled by layer, level or module; edges are
// labelled with their weight (references + includes) and drawn thicker when
// heavier; edges inside a cycle are red; module edges that break seam.json
// (upward layer, outside "may_depend_on") are dashed. At module level the
// drawing is layered: one rank per Lakos level, dependencies below their users.
#pragma once

#include "reports/graph/unit_graph_report.h"

#include <string>

namespace seam {

enum class ColorBy : uint8_t {
  Auto,   ///< layer when seam.json declares layers, else level (modules) or module (finer levels)
  Layer,
  Level,
  Module,
};
bool parse_color_by(const std::string& s, ColorBy& out); ///< "auto", "layer", "level", "module"

struct DrawOptions {
  bool external = false;       ///< draw headers outside the project as grey notes
  ColorBy color_by = ColorBy::Auto;
};

/// Graphs this big are laid out with cheaper settings (fewer crossing-
/// minimisation passes, straight edges) so 300 modules render in seconds.
inline constexpr size_t kLargeGraphNodes = 120;
inline constexpr size_t kLargeGraphEdges = 1200;

/// The name given to the rank label nodes of the layered view ("level N"); no
/// module, component or file can be named so, since it starts with a space.
std::string level_label_node(uint32_t level);

/// DOT text (written by cgraph's agwrite).
std::string render_dot(const Project& project, const GraphContext& context, const DrawOptions& options);

/// SVG (gvLayout "dot" + gvRenderData "svg"). False + message when Graphviz
/// fails (e.g. its plugins are not installed).
bool render_svg(const Project& project, const GraphContext& context, const DrawOptions& options, std::string& svg,
                std::string& error);

/// SVG of a graph given as DOT text, laid out by `engine` ("dot", "neato"),
/// in the same Graphviz context as render_svg (for drawings other than the
/// dependency graph: change coupling).
bool render_dot_text_svg(const std::string& dot, const char* engine, std::string& svg, std::string& error);

} // namespace seam
