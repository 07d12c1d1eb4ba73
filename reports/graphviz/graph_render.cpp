#include "reports/graphviz/graph_render.h"

#include "analyzers/core/rounding.h"
#include "analyzers/graph/boundary.h"
#include "reports/format/markup_escape.h"
#include "reports/graph/site_report.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

namespace seam {

bool parse_color_by(const std::string& s, ColorBy& out) {
  static const std::pair<const char*, ColorBy> kNames[] = {
      {"auto", ColorBy::Auto}, {"layer", ColorBy::Layer}, {"level", ColorBy::Level}, {"module", ColorBy::Module}};
  for (const auto& [name, value] : kNames)
    if (s == name) {
      out = value;
      return true;
    }
  return false;
}

std::string level_label_node(uint32_t level) { return " level " + std::to_string(level); }

namespace {

// ColorBrewer Pastel1 (layers), Blues (levels, light = low), Set3 (modules).
constexpr const char* kLayerColors[] = {"#fbb4ae", "#b3cde3", "#ccebc5", "#decbe4", "#fed9a6",
                                        "#ffffcc", "#e5d8bd", "#fddaec", "#f2f2f2"};
constexpr const char* kLevelColors[] = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6"};
constexpr const char* kModuleColors[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                         "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
constexpr const char* kNoColor = "#ffffff";
constexpr const char* kCycleColor = "#d62728";
constexpr const char* kTouchedColor = "#1f6feb"; ///< --affected: what the change touches
constexpr const char* kEdgeColor = "#505050";
constexpr const char* kExternalColor = "#9e9e9e";

int put_string(void* chan, const char* s) {
  static_cast<std::string*>(chan)->append(s);
  return 0;
}
int flush_nothing(void*) { return 0; }

/// Object ids in the order the objects are named. cgraph's default id
/// discipline uses the address of the interned name as a named object's id,
/// and keeps subgraphs ordered by id: the order of `subgraph` blocks in the
/// DOT text, and the order dot lays clusters out in, then depended on where
/// malloc put the strings, and differed between builds (an ASan build wrote
/// another DOT file than a plain one). Here a named object's id is even and
/// counts up as names are first seen, an anonymous one odd, as cgraph
/// expects (it tells them apart by parity).
struct SequentialIds {
  Agraph_t* root;
  std::map<std::string, IDTYPE, std::less<>> ids;
  std::map<IDTYPE, char*> names; ///< interned by agstrdup: cgraph reads flags stored before the text
  IDTYPE next_named = 2;
  IDTYPE next_anonymous = 1;
};

void* ids_open(Agraph_t* g, Agdisc_t*) { return new SequentialIds{g}; }

long ids_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<SequentialIds*>(state);
  if (!str) {
    *id = s->next_anonymous;
    s->next_anonymous += 2;
    return 1;
  }
  if (auto it = s->ids.find(std::string_view(str)); it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  *id = s->next_named;
  s->next_named += 2;
  s->ids.emplace(str, *id);
  s->names.emplace(*id, agstrdup(s->root, str));
  return 1;
}

long ids_alloc(void*, int, IDTYPE) { return 0; } // no object is made with an id of the caller's choosing
void ids_free(void*, int, IDTYPE) {}             // a name stays mapped until the graph closes

char* ids_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<SequentialIds*>(state);
  auto it = s->names.find(id);
  return it == s->names.end() ? nullptr : it->second;
}

void ids_close(void* state) { delete static_cast<SequentialIds*>(state); } // agclose frees the strings
void ids_register(void*, int, void*) {}

Agiddisc_t sequential_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};

/// cgraph's default memory discipline, ids in naming order, and an agwrite
/// channel that is a std::string to append to.
Agdisc_t* string_disc() {
  static Agiodisc_t io = {AgIoDisc.afread, put_string, flush_nothing};
  static Agdisc_t disc = {&AgMemDisc, &sequential_ids, &io};
  return &disc;
}

/// DOT text in memory, handed to the parser a line at a time as agmemread
/// does (agmemread itself would use the default, address-ordered ids).
struct TextReader {
  const std::string* text;
  size_t at = 0;
};

int read_line(void* chan, char* buf, int size) {
  auto* r = static_cast<TextReader*>(chan);
  int n = 0;
  while (n < size && r->at < r->text->size()) {
    const char c = (*r->text)[r->at++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  return n;
}

Agdisc_t* text_disc() {
  static Agiodisc_t io = {read_line, AgIoDisc.putstr, AgIoDisc.flush};
  static Agdisc_t disc = {&AgMemDisc, &sequential_ids, &io};
  return &disc;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

char* cs(const char* s) { return const_cast<char*>(s); }

/// Graphviz expands \N, \G, \n, \l ... in labels and tooltips: a backslash
/// from the code must stay a backslash.
std::string gv_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string num(double x) { return fixed(x, 2); }

void set(void* obj, const char* name, const std::string& value) { agsafeset(obj, cs(name), cs(value.c_str()), cs("")); }

/// Declares every attribute seam sets, with Graphviz's own defaults, so an
/// object that does not set one keeps the usual meaning.
void declare_attributes(Agraph_t* g) {
  const std::pair<const char*, const char*> graph_attrs[] = {
      {"label", ""}, {"labelloc", "t"}, {"rankdir", "TB"}, {"fontname", "Times-Roman"}, {"fontsize", "14"},
      {"nodesep", "0.25"}, {"ranksep", "0.5"}, {"newrank", "false"}, {"outputorder", "breadthfirst"},
      {"tooltip", ""}, {"rank", ""}, {"style", ""}, {"color", "black"}, {"fontcolor", "black"},
      {"mclimit", "1.0"}, {"nslimit", ""}, {"forcelabels", "true"}, {"nslimit1", ""}, {"splines", "true"}, {"remincross", "true"},
      {"class", ""}};
  for (const auto& [n, v] : graph_attrs) agattr(g, AGRAPH, cs(n), cs(v));
  const std::pair<const char*, const char*> node_attrs[] = {
      {"label", "\\N"}, {"shape", "ellipse"}, {"style", ""}, {"fillcolor", "lightgrey"}, {"color", "black"},
      {"fontcolor", "black"}, {"fontname", "Times-Roman"}, {"fontsize", "14"}, {"width", "0.75"},
      {"height", "0.5"}, {"penwidth", "1"}, {"tooltip", ""}, {"margin", ""}, {"class", ""}};
  for (const auto& [n, v] : node_attrs) agattr(g, AGNODE, cs(n), cs(v));
  const std::pair<const char*, const char*> edge_attrs[] = {
      {"label", ""}, {"xlabel", ""}, {"color", "black"}, {"fontcolor", "black"}, {"fontname", "Times-Roman"},
      {"fontsize", "14"}, {"penwidth", "1"}, {"weight", "1"}, {"style", ""}, {"tooltip", ""}, {"arrowsize", "1"}, {"class", ""},
      {"constraint", "true"}};
  for (const auto& [n, v] : edge_attrs) agattr(g, AGEDGE, cs(n), cs(v));
}

struct Painter {
  const Project& p;
  const GraphContext& c;
  const UnitGraph& g;
  ColorBy by;

  Painter(const Project& p, const GraphContext& c, const DrawOptions& o) : p(p), c(c), g(*c.graph), by(o.color_by) {
    bool layers = false;
    for (const Module& m : p.modules) layers |= m.layer >= 0;
    if (by == ColorBy::Auto)
      by = layers ? ColorBy::Layer : g.level == GraphLevel::Module ? ColorBy::Level : ColorBy::Module;
    for (uint32_t v : c.selection.nodes) max_level = std::max(max_level, c.levels[v]);
  }

  uint32_t max_level = 1;

  std::string layer_color(int layer) const {
    return layer < 0 ? kNoColor : kLayerColors[layer % std::size(kLayerColors)];
  }
  std::string level_color(uint32_t level) const {
    const size_t n = std::size(kLevelColors);
    size_t i = max_level <= 1 ? 0 : (level - 1) * (n - 1) / (max_level - 1);
    return kLevelColors[std::min(i, n - 1)];
  }
  std::string fill(uint32_t v) const {
    ModuleId m = g.module[v];
    switch (by) {
    case ColorBy::Layer: return layer_color(m == kNoModule ? -1 : p.modules[m].layer);
    case ColorBy::Level: return level_color(c.levels[v]);
    case ColorBy::Module:
    case ColorBy::Auto: return m == kNoModule ? kNoColor : kModuleColors[m % std::size(kModuleColors)];
    }
    return kNoColor;
  }

  /// The legend as an HTML-like table (without the outer <>, which are DOT's
  /// delimiters): what the fill colours mean.
  std::string legend() const {
    std::string colours;
    if (by == ColorBy::Layer) {
      colours += "<TD ALIGN=\"LEFT\">layer</TD>";
      for (size_t i = 0; i < p.config.layers.size(); ++i)
        colours += "<TD BGCOLOR=\"" + layer_color(static_cast<int>(i)) + "\">" + escape_xml(p.config.layers[i]) + "</TD>";
      colours += "<TD BGCOLOR=\"" + std::string(kNoColor) + "\">none</TD>";
    } else if (by == ColorBy::Level) {
      colours += "<TD ALIGN=\"LEFT\">level</TD>";
      for (uint32_t l = 1; l <= max_level; ++l)
        colours += "<TD BGCOLOR=\"" + level_color(l) + "\">" + std::to_string(l) + "</TD>";
    }
    std::string title = escape_xml(std::string(to_string(g.level)) + " graph");
    if (c.only != kNoModule) title += " of module " + escape_xml(p.module_name(c.only));
    if (!c.filter.focus.empty()) title += ", focus " + escape_xml(c.filter.focus);
    if (c.filter.min_weight > 1) title += ", edges of weight " + std::to_string(c.filter.min_weight) + "+";
    title += escape_xml(std::string(", edges: ") + edge_kinds_meaning(g.edge_kinds)); // what --edges kept
    // One row: the colour key, then what edges mean in a borderless cell, so
    // no long line stretches the key's cells.
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
           "<TR><TD ALIGN=\"LEFT\"><B>" + title + "</B></TD></TR>"
           "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR>" +
           colours +
           "<TD BORDER=\"0\" ALIGN=\"LEFT\">  numbers on edges: uses (references + includes); red: cycle; "
           "dashed: against seam.json</TD></TR></TABLE></TD></TR></TABLE>";
  }
};

/// Shortest names for finer levels: the folder all names share is dropped.
std::string common_folder(const UnitGraph& g, const std::vector<uint32_t>& nodes) {
  if (g.level == GraphLevel::Module || nodes.empty()) return "";
  std::string prefix = g.names[nodes.front()];
  prefix = prefix.substr(0, prefix.rfind('/') + 1);
  for (uint32_t v : nodes)
    while (!prefix.empty() && g.names[v].rfind(prefix, 0) != 0) {
      prefix.pop_back();
      prefix = prefix.substr(0, prefix.rfind('/') + 1);
    }
  return prefix;
}

GraphPtr build(const Project& p, const GraphContext& c, const DrawOptions& o) {
  const UnitGraph& g = *c.graph;
  const bool modules = g.level == GraphLevel::Module;
  Painter paint(p, c, o);
  GraphPtr gp(agopen(cs("seam"), Agdirected, string_disc()));
  Agraph_t* root = gp.get();
  declare_attributes(root);
  set(root, "fontname", "Helvetica");
  set(root, "fontsize", "11");
  set(root, "labelloc", "b");
  set(root, "nodesep", "0.35");
  set(root, "ranksep", "0.6");
  set(root, "newrank", "true");
  set(root, "outputorder", "edgesfirst");
  set(root, "tooltip", std::string("seam: ") + to_string(g.level) + " dependency graph");
  agsafeset(root, cs("label"), agstrdup_html(root, cs(paint.legend().c_str())), cs(""));
  const bool large = c.selection.nodes.size() > kLargeGraphNodes || c.selection.edges.size() > kLargeGraphEdges;
  if (large) {
    // Crossing minimisation dominates dot's time on big graphs; a few passes
    // still give a readable, layered picture.
    // mclimit scales the passes; measured on 300 modules with 2700 edges:
    // 1.0 takes 11 s, 0.05 about 2 s.
    set(root, "mclimit", c.selection.edges.size() > 2 * kLargeGraphEdges ? "0.05" : "0.2");
    set(root, "nslimit", "2");
    set(root, "nslimit1", "2");
    set(root, "remincross", "false");
    set(root, "splines", "line");
  }

  uint32_t max_lines = 1, max_weight = 1;
  for (uint32_t v : c.selection.nodes) max_lines = std::max(max_lines, g.lines[v]);
  for (uint32_t e : c.selection.edges) max_weight = std::max(max_weight, g.edges[e].weight);
  const std::string strip = common_folder(g, c.selection.nodes);

  // A cycle is laid out in its minimum cut's order (cycles.h: UnitCycle::order):
  // each member one step below the members that use it without a cut edge, so
  // the cycle reads top-down like the rest of the graph instead of as one row
  // under a band of edges, and the cut edges are the ones pointing up, drawn
  // without constraining the ranks (constraint=false).
  std::vector<bool> cut_edge(g.edges.size(), false);
  std::vector<uint32_t> depth(g.size(), 0);
  for (const UnitCycle& cy : c.cycles) {
    for (uint32_t e : cy.cut) cut_edge[e] = true;
    for (uint32_t v : cy.order) // a topological order once the cut edges are gone
      for (uint32_t e : g.out[v]) {
        const uint32_t w = g.edges[e].to;
        if (!cut_edge[e] && c.cycle_of[w] == c.cycle_of[v]) depth[w] = std::max(depth[w], depth[v] + 1);
      }
  }

  // Where each node goes: a rank per level (modules; a level holding a cycle
  // gets one rank per depth) or a cluster per module.
  std::map<std::pair<uint32_t, uint32_t>, Agraph_t*> level_subgraphs;
  std::map<ModuleId, Agraph_t*> clusters;
  if (modules) {
    std::map<uint32_t, uint32_t> depths; // level -> deepest member
    for (uint32_t v : c.selection.nodes) depths[c.levels[v]] = std::max(depths[c.levels[v]], depth[v]);
    Agnode_t* above = nullptr;
    for (auto it = depths.rbegin(); it != depths.rend(); ++it)
      for (uint32_t d = 0; d <= it->second; ++d) {
        const uint32_t level = it->first;
        const std::string suffix = d ? "_" + std::to_string(d) : "";
        Agraph_t* sg = agsubg(root, cs(("level" + std::to_string(level) + suffix).c_str()), 1);
        set(sg, "rank", "same");
        level_subgraphs[{level, d}] = sg;
        // A label node on the left of each rank, chained invisibly so the
        // ranks keep their order even where no edge forces it.
        Agnode_t* label = agnode(sg, cs((level_label_node(level) + suffix).c_str()), 1);
        set(label, "label", d ? "" : "level " + std::to_string(level));
        set(label, "shape", "plaintext");
        set(label, "fontname", "Helvetica");
        set(label, "fontsize", "10");
        set(label, "fontcolor", "#707070");
        set(label, "class", "level");
        set(label, "tooltip", "Lakos level " + std::to_string(level) + ": depends only on lower levels" );
        if (above) {
          Agedge_t* e = agedge(root, above, label, nullptr, 1);
          set(e, "style", "invis");
          set(e, "weight", "10");
          set(e, "class", "level");
        }
        above = label;
      }
  } else if (c.only == kNoModule) {
    for (uint32_t v : c.selection.nodes) {
      ModuleId m = g.module[v];
      if (clusters.count(m)) continue;
      Agraph_t* sg = agsubg(root, cs(("cluster_" + p.module_name(m)).c_str()), 1);
      set(sg, "label", gv_escape(p.module_name(m)));
      set(sg, "style", "rounded");
      set(sg, "color", "#a0a0a0");
      set(sg, "fontcolor", "#404040");
      clusters[m] = sg;
    }
  }

  std::vector<Agnode_t*> nodes(g.size(), nullptr);
  for (uint32_t v : c.selection.nodes) {
    Agraph_t* parent = root;
    if (modules) parent = level_subgraphs[{c.levels[v], depth[v]}];
    else if (!clusters.empty()) parent = clusters[g.module[v]];
    Agnode_t* n = agnode(parent, cs(g.names[v].c_str()), 1);
    nodes[v] = n;
    const double scale = std::sqrt(static_cast<double>(g.lines[v]) / max_lines);
    std::string name = g.names[v].substr(strip.size());
    set(n, "label", gv_escape(name) + "\\n" + std::to_string(g.lines[v]) + " lines");
    set(n, "shape", "box");
    set(n, "style", "rounded,filled");
    set(n, "fillcolor", paint.fill(v));
    set(n, "color", "#404040");
    set(n, "fontname", "Helvetica");
    set(n, "fontsize", num(10 + 6 * scale));
    set(n, "width", num(0.9 + 1.6 * scale));
    set(n, "height", num(0.45 + 0.45 * scale));
    if (v == c.selection.focus) set(n, "penwidth", "3");
    const bool touched = !c.touched_nodes.empty() && c.touched_nodes[v];
    if (touched) { // --affected: a thick blue border, whatever the fill says
      set(n, "penwidth", "4");
      set(n, "color", kTouchedColor);
    }
    std::string tip = g.names[v] + ": " + std::to_string(g.files[v].size()) + " files, " +
                      std::to_string(g.lines[v]) + " lines, " + std::to_string(g.symbols[v]) + " symbols, level " +
                      std::to_string(c.levels[v]);
    ModuleId m = g.module[v];
    if (!modules) tip += ", module " + p.module_name(m);
    if (m != kNoModule && p.modules[m].layer >= 0) tip += ", layer " + p.config.layers[p.modules[m].layer];
    if (c.cycle_of[v] != UINT32_MAX) tip += ", in a cycle";
    if (touched) tip += ", touched by the change since " + c.affected_rev;
    set(n, "tooltip", gv_escape(tip));
    set(n, "class", "unit");
  }

  for (uint32_t ei : c.selection.edges) {
    const UnitEdge& e = g.edges[ei];
    Agedge_t* a = agedge(root, nodes[e.from], nodes[e.to], nullptr, 1);
    const bool cyc = edge_in_cycle(c, e);
    BoundaryBreak b;
    if (g.module[e.from] != g.module[e.to]) b = boundary_break_in_force(p, g.module[e.from], g.module[e.to]);
    const double thick = max_weight > 1 ? std::log(static_cast<double>(e.weight)) / std::log(static_cast<double>(max_weight)) : 0;
    // Graphviz 2.43's dot frees a label node twice on flat edges (both ends
    // on one rank: a cycle inside a level); an external label avoids it. Cut
    // edges get one too: they run against the ranks.
    const bool cut = cut_edge[ei];
    const bool flat = modules && c.levels[e.from] == c.levels[e.to] && depth[e.from] == depth[e.to];
    set(a, flat || cut ? "xlabel" : "label", std::to_string(e.weight));
    if (cut) set(a, "constraint", "false");
    set(a, "fontname", "Helvetica");
    set(a, "fontsize", "9");
    set(a, "penwidth", num(1 + 3 * thick));
    set(a, "arrowsize", "0.7");
    set(a, "weight", std::to_string(1 + static_cast<int>(std::log2(static_cast<double>(e.weight)))));
    set(a, "color", cyc ? kCycleColor : kEdgeColor);
    set(a, "fontcolor", cyc ? kCycleColor : kEdgeColor);
    if (b.any()) set(a, "style", "dashed");
    const bool touched_edge = !c.touched_edges.empty() && c.touched_edges[ei];
    if (touched_edge) { // --affected: thicker, blue unless the cycle's red says more
      set(a, "penwidth", num(3 + 3 * thick));
      if (!cyc) set(a, "color", kTouchedColor);
    }
    std::string tip = g.names[e.from] + " -> " + g.names[e.to] + ": " + std::to_string(e.weight) + " uses (" +
                      kinds_text(e) + ")";
    if (cyc) tip += cut ? "; in a cycle, in its minimum cut" : "; in a cycle";
    if (b.upward_layer) tip += "; depends on a higher layer";
    if (b.undeclared) tip += "; not in may_depend_on";
    if (touched_edge) tip += "; touched by the change since " + c.affected_rev;
    set(a, "tooltip", gv_escape(tip));
    set(a, "class", cut ? "unit cycle cut" : cyc ? "unit cycle" : "unit");
  }

  if (o.external) {
    std::vector<bool> shown(g.size(), false);
    for (uint32_t v : c.selection.nodes) shown[v] = true;
    for (const UnitExternal& d : unit_external_dependencies(p, g)) {
      if (!shown[d.node]) continue;
      Agnode_t* n = agnode(root, cs(d.header.c_str()), 1);
      set(n, "shape", "note");
      set(n, "style", "filled");
      set(n, "fillcolor", "#f5f5f5");
      set(n, "color", kExternalColor);
      set(n, "fontcolor", "#606060");
      set(n, "fontname", "Helvetica");
      set(n, "fontsize", "9");
      set(n, "label", gv_escape(d.header));
      set(n, "tooltip", gv_escape(d.header + ": outside the project"));
      set(n, "class", "external");
      Agedge_t* a = agedge(root, nodes[d.node], n, nullptr, 1);
      set(a, "style", "dotted");
      set(a, "color", kExternalColor);
      set(a, "fontcolor", kExternalColor);
      set(a, "fontname", "Helvetica");
      set(a, "fontsize", "8");
      set(a, "arrowsize", "0.6");
      set(a, "label", std::to_string(d.count));
      set(a, "tooltip", gv_escape(g.names[d.node] + " includes " + d.header + " " + std::to_string(d.count) + "x"));
      set(a, "class", "external");
    }
  }
  return gp;
}

} // namespace

std::string render_dot(const Project& p, const GraphContext& c, const DrawOptions& o) {
  GraphPtr g = build(p, c, o);
  std::string out;
  agwrite(g.get(), &out);
  return out;
}

namespace {

// One Graphviz context for the process, never freed. Graphviz 2.43's pango
// plugin keeps a pointer to the last font name, which the context owns:
// after gvFreeContext the next layout in the process would compare against
// freed memory (AddressSanitizer: heap-use-after-free in textspan_size).
// The context also installs the default attributes a graph must be created
// under, so it comes first. Graphviz is not thread-safe: one render at a time.
std::mutex& gv_mutex() {
  static std::mutex mu;
  return mu;
}
GVC_t* gv_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

bool layout_and_render(GVC_t* gvc, Agraph_t* g, const char* engine, std::string& svg, std::string& error) {
  if (gvLayout(gvc, g, engine) != 0) {
    error = std::string("Graphviz could not lay out the graph with '") + engine +
            "'; is the Graphviz layout plugin installed (libgvplugin_dot_layout / libgvplugin_neato_layout, "
            "package libgvc6 / graphviz)?";
    return false;
  }
  char* data = nullptr;
  unsigned int len = 0;
  bool ok = gvRenderData(gvc, g, "svg", &data, &len) == 0 && data;
  if (ok)
    svg.assign(data, len);
  else
    error = "Graphviz could not render SVG; is the Graphviz core plugin installed (libgvplugin_core)?";
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  return ok;
}

} // namespace

bool render_svg(const Project& p, const GraphContext& c, const DrawOptions& o, std::string& svg, std::string& error) {
  std::lock_guard<std::mutex> lock(gv_mutex());
  GVC_t* const gvc = gv_context();
  if (!gvc) {
    error = "Graphviz could not start (gvContext failed)";
    return false;
  }
  GraphPtr g = build(p, c, o);
  return layout_and_render(gvc, g.get(), "dot", svg, error);
}

bool render_dot_text_svg(const std::string& dot, const char* engine, std::string& svg, std::string& error) {
  std::lock_guard<std::mutex> lock(gv_mutex());
  GVC_t* const gvc = gv_context();
  if (!gvc) {
    error = "Graphviz could not start (gvContext failed)";
    return false;
  }
  TextReader reader{&dot};
  GraphPtr g(agread(&reader, text_disc()));
  if (!g) {
    error = "Graphviz could not read the DOT text it was given";
    return false;
  }
  return layout_and_render(gvc, g.get(), engine, svg, error);
}

} // namespace seam
