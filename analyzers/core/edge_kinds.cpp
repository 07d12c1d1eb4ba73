#include "analyzers/core/edge_kinds.h"

namespace seam {

const char* to_string(EdgeKinds k) {
  switch (k) {
  case EdgeKinds::Include: return "include";
  case EdgeKinds::Symbol: return "symbol";
  case EdgeKinds::All: return "all";
  }
  return "all";
}

bool parse_edge_kinds(const std::string& s, EdgeKinds& out) {
  for (EdgeKinds k : {EdgeKinds::Include, EdgeKinds::Symbol, EdgeKinds::All})
    if (s == to_string(k)) {
      out = k;
      return true;
    }
  return false;
}

const char* edge_kinds_meaning(EdgeKinds k) {
  switch (k) {
  case EdgeKinds::Include: return "#include directives";
  case EdgeKinds::Symbol: return "references to symbols";
  case EdgeKinds::All: return "#include directives and references to symbols";
  }
  return "";
}

std::string edge_kinds_line(EdgeKinds k) {
  return std::string("edges: ") + to_string(k) + " (" + edge_kinds_meaning(k) + ")";
}

} // namespace seam
