// The data behind the HTML report: one JSON document (schema seam.report/3)
// that the page's script renders into every section. It embeds the public
// documents of the commands, each written by that command's own writer
// (`metrics`: seam.metrics/1, `check`: seam.check/2, `cycles`:
// seam.cycles/2, `candidates`: seam.candidates/2 or /3, `suggest`:
// seam.suggest/1), so the page shows what the commands print. The views only
// the report has (module edges with their sites, the proto previews) intern
// names and paths in tables (`files`, `symbols`) referred to by index, so a
// project of thousands of files stays a few megabytes; each is built in its
// own file (report_data_*.cpp) from the pipeline's results.
#pragma once

#include "analyzers/baseline/gate.h"
#include "analyzers/candidates/candidates.h"
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/metrics/module_metrics.h"
#include "analyzers/model/interface.h"
#include "analyzers/model/model.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seam::html {

using Json = nlohmann::ordered_json;

/// Limits that keep the report small on a large project. Every list that is
/// cut says how much was left out and which command prints all of it.
struct ReportLimits {
  size_t symbols_per_edge = 60;   ///< referenced symbols listed per module edge
  size_t sites_per_symbol = 8;    ///< sites listed per referenced symbol of an edge
  size_t includes_per_edge = 20;  ///< include directives listed per module edge
  size_t graph_edges = 400;       ///< edges drawn in the graph; thinner ones fold away
  size_t history_files = 10;      ///< hotspot files listed per module (`seam history --level file` lists all)
  size_t history_file_pairs = 10; ///< file pairs listed per co-changing module pair
};

/// What the run that made the Project knows beside it.
struct RunInfo {
  std::string title;      ///< project name: the folder of the project root
  std::string date;       ///< YYYY-MM-DD (report_date())
  std::string version;    ///< seam version
  size_t tus = 0, tus_failed = 0;
};

/// Interned tables shared by every section.
class DataContext {
public:
  DataContext(const Project& p, const ModuleGraph& g, const std::vector<std::vector<InterfaceSymbol>>& interfaces,
              const ReportLimits& limits);

  const Project& project;
  const ModuleGraph& graph;
  const std::vector<std::vector<InterfaceSymbol>>& interfaces;
  ReportLimits limits;

  /// Index of a project file in the `files` table (every project file is in
  /// it, sorted by path); -1 for an external file.
  int file(FileId f) const;
  /// Index of a qualified symbol name in the `symbols` table, added on first
  /// use. Overloads (functions sharing a name) carry their parameters:
  /// "Box::at(int)" and "Box::at(int) const" are two entries.
  int symbol(SymbolId s);
  Json files_table() const;
  Json symbols_table() const { return symbols_; }

private:
  /// Index of a name in the `symbols` table, added on first use.
  int symbol_name(const std::string& name);

  std::vector<int> file_index_;
  std::unordered_map<std::string, int> symbol_index_;
  std::unordered_map<std::string_view, int> functions_named_; ///< functions per name
  Json symbols_ = Json::array();
};

/// Index of a RefKind in the `kinds` table; "include" is the entry after the last RefKind.
Json kinds_table();
inline constexpr int kIncludeKind = kRefKindCount;

/// Per module: name, layer, level, files, lines, owned symbols, its interface
/// ([symbol, sites, call sites, loop sites, [client modules]]) and the indices
/// of its edges out and in. `levels` and `cycle_of` are per module (0 / -1 when unknown).
Json modules_json(DataContext& c, const std::vector<uint32_t>& levels, const std::vector<int>& cycle_of);

/// Per module edge: from, to, weight, counts per kind, and what is behind it
/// as `seam why FROM TO` prints it: the referenced symbols, most used first,
/// each with its first sites [file, line, column, kind, referencing symbol],
/// and the include directives [file, line, column, included file].
/// `cycle_of` marks the edges inside a cycle.
Json edges_json(DataContext& c, const std::vector<int>& cycle_of);

/// Each check rule's summary and help, by rule id, for the violations section.
Json rules_json();

/// The proto `seam split MODULE` would write, per ranked candidate, keyed by
/// module name: {"proto": text or null, "note": why there is none, or null}.
Json proto_previews(const Project& project, const std::vector<std::vector<InterfaceSymbol>>& interfaces,
                    const Ranking& ranking);

} // namespace seam::html
