// --edges: one option spec and one reading of it for every command that
// draws or measures a graph (graph, cycles, metrics, why, report), so they
// all accept and mean the same values.
#include "tool/cli.h"

namespace seam::cli {

OptionSpec edges_option(const std::string& defaults) {
  return {"edges", "KINDS",
          "what makes an edge: include = #include directives, symbol = references to symbols, all = both (" +
              defaults + ")",
          {"include", "symbol", "all"},
          ""};
}

std::optional<EdgeKinds> chosen_edges(const Options& o) {
  EdgeKinds k;
  if (o.has("edges") && parse_edge_kinds(o.get("edges"), k)) return k; // the parser checked the choices
  return std::nullopt;
}

} // namespace seam::cli
