// Pictures: the DOT written through cgraph is read back with cgraph and its
// nodes and edges compared with the graph; cycle edges are red, edges against
// seam.json dashed; the SVG laid out in-process is well-formed XML naming
// every node; a 300-module project lays out (its time printed, not asserted).
#include "analyzers/graph/unit_graph.h"
#include "analyzers/model/model.h"
#include "reports/graph/unit_graph_report.h"
#include "reports/graphviz/graph_render.h"
#include "support/facts_builder.h"
#include "support/project_builder.h"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>

namespace seam {
namespace {

using test::build_from;
using test::config_with;
using test::src_module;
using test::src_modules;
using test::TuBuilder;

/// ui (top) -> svc <-> repo (a cycle), repo -> base; base -> ui is against the
/// layers (base is the bottom layer); ui -> repo is outside ui's may_depend_on.
Project layered() {
  TuBuilder t;
  t.tu.main_file = "src/ui/ui.cpp";
  t.ref("src/ui/ui.cpp", 1, "svc::run", "src/svc/svc.cpp");
  t.ref("src/ui/ui.cpp", 2, "svc::run", "src/svc/svc.cpp");
  t.ref("src/ui/ui.cpp", 3, "repo::get", "src/repo/repo.cpp");
  t.ref("src/svc/svc.cpp", 4, "repo::get", "src/repo/repo.cpp");
  t.ref("src/repo/repo.cpp", 5, "svc::run", "src/svc/svc.cpp");
  t.ref("src/repo/repo.cpp", 6, "base::x", "src/base/base.cpp");
  t.ref("src/base/base.cpp", 7, "ui::show", "src/ui/ui.cpp");
  t.include("src/ui/ui.cpp", 1, "/usr/include/vector");
  t.tu.includes.back().angled = true;
  t.tu.includes.back().spelled = "vector";
  ModuleDecl ui = src_module("ui", "top");
  ui.may_depend_on = std::vector<std::string>{"svc"};
  Config c = config_with({src_module("base", "bottom"), src_module("repo", "middle"), src_module("svc", "middle"), ui});
  c.layers = {"top", "middle", "bottom"};
  Project p;
  EXPECT_TRUE(build_from(std::move(t.tu), c, p));
  return p;
}

struct ParsedEdge {
  std::string label, color, style;
};

struct ParsedDot {
  std::set<std::string> nodes;                                      ///< graph nodes (no level labels, no externals)
  std::set<std::string> externals;
  std::map<std::pair<std::string, std::string>, ParsedEdge> edges;  ///< graph edges
};

std::string attr(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v ? v : "";
}

ParsedDot parse_dot(const std::string& dot) {
  ParsedDot out;
  Agraph_t* g = agmemread(dot.c_str());
  EXPECT_NE(g, nullptr) << dot;
  if (!g) return out;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    std::string cls = attr(n, "class");
    if (cls == "unit") out.nodes.insert(agnameof(n));
    if (cls == "external") out.externals.insert(agnameof(n));
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      std::string ecls = attr(e, "class");
      if (ecls.rfind("unit", 0) != 0) continue;
      std::string label = attr(e, "label");
      if (label.empty()) label = attr(e, "xlabel");
      out.edges[{agnameof(agtail(e)), agnameof(aghead(e))}] = {label, attr(e, "color"), attr(e, "style")};
    }
  }
  agclose(g);
  return out;
}

/// Removes the out-edges of `node` from a built graph (and re-indexes it).
void drop_edges_from(UnitGraph& g, const std::string& node) {
  std::erase_if(g.edges, [&](const UnitEdge& e) { return g.names[e.from] == node; });
  g.out.assign(g.size(), {});
  g.in.assign(g.size(), {});
  for (uint32_t i = 0; i < g.edges.size(); ++i) {
    g.out[g.edges[i].from].push_back(i);
    g.in[g.edges[i].to].push_back(i);
  }
}

GraphContext context(const UnitGraph& g, const GraphFilter& f = {}) {
  GraphContext c;
  std::string err;
  EXPECT_TRUE(make_graph_context(g, kNoModule, f, c, err)) << err;
  return c;
}

TEST(Dot, ReadsBackAsTheSameGraph) {
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  ParsedDot d = parse_dot(render_dot(p, context(g), {}));
  EXPECT_EQ(d.nodes, (std::set<std::string>{"base", "repo", "svc", "ui"}));
  ASSERT_EQ(d.edges.size(), g.edges.size());
  for (const UnitEdge& e : g.edges) {
    auto it = d.edges.find({g.names[e.from], g.names[e.to]});
    ASSERT_NE(it, d.edges.end()) << g.names[e.from] << " -> " << g.names[e.to];
    EXPECT_EQ(it->second.label, std::to_string(e.weight));
  }
  // ui -> svc carries two calls.
  EXPECT_EQ(d.edges.at({"ui", "svc"}).label, "2");
  EXPECT_TRUE(d.externals.empty());
}

TEST(Dot, CycleEdgesAreRedAndBoundaryBreaksDashed) {
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  ParsedDot d = parse_dot(render_dot(p, context(g), {}));
  // base -> ui closes ui -> svc -> repo -> base -> ui: all four modules
  // form one strongly connected component, so every edge is red.
  for (const auto& [k, e] : d.edges) EXPECT_EQ(e.color, "#d62728") << k.first << " -> " << k.second;
  // base (bottom) -> ui (top) goes up the layers; ui -> repo is undeclared.
  EXPECT_EQ(d.edges.at({"base", "ui"}).style, "dashed");
  EXPECT_EQ(d.edges.at({"ui", "repo"}).style, "dashed");
  EXPECT_EQ(d.edges.at({"ui", "svc"}).style, "");
  EXPECT_EQ(d.edges.at({"repo", "svc"}).style, "");
}

TEST(Dot, RuleTurnedOffIsNotDashed) {
  Project p = layered();
  p.config.rules["layer"] = Severity::Off;
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  ParsedDot d = parse_dot(render_dot(p, context(g), {}));
  EXPECT_EQ(d.edges.at({"base", "ui"}).style, "");      // upward, but the layer rule is off
  EXPECT_EQ(d.edges.at({"ui", "repo"}).style, "dashed"); // undeclared still counts
}

TEST(Dot, OnlyEdgesInsideACycleAreRed) {
  // Without base -> ui only svc <-> repo remains a cycle.
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  drop_edges_from(g, "base"); // the edge base -> ui closed the big cycle
  GraphFilter f;
  ParsedDot d = parse_dot(render_dot(p, context(g, f), {}));
  EXPECT_EQ(d.edges.at({"svc", "repo"}).color, "#d62728");
  EXPECT_EQ(d.edges.at({"repo", "svc"}).color, "#d62728");
  EXPECT_EQ(d.edges.at({"ui", "svc"}).color, "#505050");
  EXPECT_EQ(d.edges.at({"repo", "base"}).color, "#505050");
}

TEST(Dot, FocusMinWeightAndExternal) {
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  GraphFilter f;
  f.focus = "ui";
  f.min_weight = 2;
  DrawOptions o;
  o.external = true;
  ParsedDot d = parse_dot(render_dot(p, context(g, f), o));
  // Only ui -> svc weighs 2: the focus keeps ui and svc.
  EXPECT_EQ(d.nodes, (std::set<std::string>{"svc", "ui"}));
  ASSERT_EQ(d.edges.size(), 1u);
  EXPECT_TRUE(d.edges.count({"ui", "svc"}));
  EXPECT_EQ(d.externals, (std::set<std::string>{"<vector>"}));
  std::string err;
  GraphContext c;
  f.focus = "nope";
  EXPECT_FALSE(make_graph_context(g, kNoModule, f, c, err));
  EXPECT_NE(err.find("no module named 'nope'; the modules are: base, repo, svc, ui"), std::string::npos) << err;
}

TEST(Dot, ModuleLevelIsLayeredByLevel) {
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  std::string dot = render_dot(p, context(g), {});
  // All four modules form one cycle: one level, one rank label.
  EXPECT_NE(dot.find("\" level 1\""), std::string::npos) << dot;
  EXPECT_EQ(dot.find("\" level 2\""), std::string::npos);
  EXPECT_NE(dot.find("rank=same"), std::string::npos);
}

TEST(Dot, ClustersComeInTheOrderTheyAreMadeWhereverMallocPutsTheirNames) {
  // cgraph orders subgraphs by object id, and its default id for a named
  // object is the address of the interned name: the cluster blocks of the
  // DOT text then followed the heap. Freed blocks of the names' sizes are
  // handed out again last-freed-first, so later names land at lower
  // addresses here: with address ids the clusters come out reversed.
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::File);
  GraphContext c = context(g);
  std::vector<std::string> made; // the order build() creates the clusters in
  for (uint32_t v : c.selection.nodes) {
    const std::string name = "cluster_" + p.module_name(g.module[v]);
    if (std::find(made.begin(), made.end(), name) == made.end()) made.push_back(name);
  }
  ASSERT_EQ(made.size(), 4u);
  std::vector<void*> blocks;
  for (int i = 0; i < 256; ++i) blocks.push_back(std::malloc(16 + 8 * (i % 12)));
  for (void* b : blocks) std::free(b);
  for (int run = 0; run < 2; ++run) {
    std::string dot = render_dot(p, c, {});
    std::vector<std::string> written;
    for (size_t at = dot.find("subgraph "); at != std::string::npos; at = dot.find("subgraph ", at + 1)) {
      size_t end = dot.find_first_of(" {", at + 9);
      std::string name = dot.substr(at + 9, end - at - 9);
      if (!name.empty() && name.front() == '"') name = name.substr(1, name.size() - 2);
      written.push_back(name);
    }
    EXPECT_EQ(written, made) << dot;
  }
}

TEST(Dot, NamesFromCodeAreQuotedByCgraph) {
  // A file name with quotes, backslashes and HTML characters survives the
  // round trip as the same node name.
  TuBuilder t;
  t.tu.main_file = "src/m/a \"q\" <&> \\x.cpp";
  t.ref("src/m/a \"q\" <&> \\x.cpp", 1, "f", "src/m/b.h");
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), src_modules({"m"}), p));
  UnitGraph g = build_unit_graph(p, GraphLevel::File);
  ParsedDot parsed = parse_dot(render_dot(p, context(g), {}));
  EXPECT_EQ(parsed.nodes, (std::set<std::string>{"src/m/a \"q\" <&> \\x.cpp", "src/m/b.h"}));
}

TEST(Dot, ColourByLevelAndByLayer) {
  // Without base -> ui there are levels: base 1, {repo, svc} 2, ui 3.
  Project p = layered();
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  drop_edges_from(g, "base");
  auto fills = [&](ColorBy by) {
    DrawOptions o;
    o.color_by = by;
    std::map<std::string, std::string> out;
    Agraph_t* parsed = agmemread(render_dot(p, context(g), o).c_str());
    for (Agnode_t* n = agfstnode(parsed); n; n = agnxtnode(parsed, n))
      if (attr(n, "class") == "unit") out[agnameof(n)] = attr(n, "fillcolor");
    agclose(parsed);
    return out;
  };
  auto level = fills(ColorBy::Level);
  EXPECT_EQ(level["repo"], level["svc"]); // one level
  EXPECT_NE(level["base"], level["repo"]);
  EXPECT_NE(level["repo"], level["ui"]);
  auto layer = fills(ColorBy::Layer);
  EXPECT_EQ(layer["repo"], layer["svc"]); // both "middle"
  EXPECT_NE(layer["ui"], layer["svc"]);
  EXPECT_EQ(fills(ColorBy::Auto), layer); // seam.json declares layers
}

TEST(Svg, EmptyGraphStillDraws) {
  Project p;
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  std::string svg, err;
  ASSERT_TRUE(render_svg(p, context(g), {}, svg, err)) << err;
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  ParsedDot d = parse_dot(render_dot(p, context(g), {}));
  EXPECT_TRUE(d.nodes.empty());
}

/// A minimal XML well-formedness check: tags nest and close, attribute
/// values are quoted, every '&' starts a known or numeric entity, no raw '<'
/// in text. Enough to catch broken escaping, with no XML library needed.
bool well_formed(const std::string& x, std::string& why) {
  std::vector<std::string> open;
  size_t i = 0;
  auto entity_ok = [&](size_t at) {
    size_t semi = x.find(';', at);
    if (semi == std::string::npos || semi - at > 10) return false;
    std::string e = x.substr(at + 1, semi - at - 1);
    return e == "lt" || e == "gt" || e == "amp" || e == "quot" || e == "apos" || (!e.empty() && e[0] == '#');
  };
  while (i < x.size()) {
    if (x[i] == '&' && !entity_ok(i)) {
      why = "bad entity at " + std::to_string(i);
      return false;
    }
    if (x[i] != '<') {
      ++i;
      continue;
    }
    if (x.compare(i, 4, "<!--") == 0) {
      size_t end = x.find("-->", i);
      if (end == std::string::npos) return why = "open comment", false;
      i = end + 3;
      continue;
    }
    if (x.compare(i, 2, "<?") == 0 || x.compare(i, 2, "<!") == 0) {
      i = x.find('>', i) + 1;
      continue;
    }
    size_t end = i + 1;
    char quote = 0;
    for (; end < x.size(); ++end) {
      if (quote) {
        if (x[end] == quote) quote = 0;
        else if (x[end] == '<') return why = "raw < in attribute at " + std::to_string(end), false;
        else if (x[end] == '&' && !entity_ok(end)) return why = "bad entity in attribute at " + std::to_string(end), false;
      } else if (x[end] == '"' || x[end] == '\'') {
        quote = x[end];
      } else if (x[end] == '>') {
        break;
      } else if (x[end] == '<') {
        return why = "raw < inside a tag at " + std::to_string(end), false;
      }
    }
    std::string tag = x.substr(i + 1, end - i - 1);
    if (tag.empty()) return why = "empty tag", false;
    if (tag[0] == '/') {
      std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return why = "unbalanced </" + name + ">", false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
    }
    i = end + 1;
  }
  if (!open.empty()) return why = "unclosed <" + open.back() + ">", false;
  return true;
}

TEST(Svg, WellFormedAndNamesEveryNode) {
  Project p = layered();
  for (GraphLevel level : {GraphLevel::Module, GraphLevel::Component, GraphLevel::File}) {
    UnitGraph g = build_unit_graph(p, level);
    std::string svg, err;
    DrawOptions o;
    o.external = true;
    ASSERT_TRUE(render_svg(p, context(g), o, svg, err)) << err;
    std::string why;
    EXPECT_TRUE(well_formed(svg, why)) << why;
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    for (const std::string& n : g.names) EXPECT_NE(svg.find("<title>" + n + "</title>"), std::string::npos) << n;
    EXPECT_NE(svg.find("&lt;vector&gt;"), std::string::npos); // escaped by Graphviz
  }
}

TEST(Svg, CheckerRejectsBrokenXml) {
  std::string why;
  EXPECT_FALSE(well_formed("<a><b></a>", why));
  EXPECT_FALSE(well_formed("<a>x & y</a>", why));
  EXPECT_FALSE(well_formed("<a t=\"<\"/>", why));
  EXPECT_TRUE(well_formed("<?xml version=\"1.0\"?><a t=\"&lt;\"><!-- c --><b/>x &amp; y</a>", why)) << why;
}

TEST(Svg, ThreeHundredModulesLayOut) {
  // How long it takes is printed, not asserted (bench/ measures speed).
  // 300 modules in 10 layers of 30; each module of the first nine layers uses
  // 10 modules of lower layers, near and far (2700 edges, many long ones).
  TuBuilder t;
  t.tu.main_file = "src/m000/a.cpp";
  Config c = config_with({});
  auto name = [](int i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "m%03d", i);
    return std::string(buf);
  };
  for (int i = 0; i < 300; ++i) {
    c.modules.push_back(src_module(name(i)));
    int layer = i / 30;
    for (int k = 0; k < 10 && layer < 9; ++k) {
      int j = (layer + 1 + k % (9 - layer)) * 30 + (i * 7 + k * 11) % 30;
      t.ref("src/" + name(i) + "/a.cpp", 10 + k, name(j) + "::f", "src/" + name(j) + "/a.cpp");
    }
  }
  Project p;
  ASSERT_TRUE(build_from(std::move(t.tu), c, p));
  UnitGraph g = build_unit_graph(p, GraphLevel::Module);
  ASSERT_EQ(g.size(), 300u);
  ASSERT_EQ(g.edges.size(), 2700u);
  auto t0 = std::chrono::steady_clock::now();
  std::string svg, err;
  ASSERT_TRUE(render_svg(p, context(g), {}, svg, err)) << err;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::string why;
  EXPECT_TRUE(well_formed(svg, why)) << why;
  std::printf("300 modules, %zu edges: %.2f s\n", g.edges.size(), secs);
  for (const std::string& n : g.names) EXPECT_NE(svg.find("<title>" + n + "</title>"), std::string::npos) << n;
}

} // namespace
} // namespace seam
