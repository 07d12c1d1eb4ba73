// The back of the pipeline: a Project into the results every command prints
// and the report shows. Holds the policies the commands share: which edges
// make the module graph (--edges, else all), that the gate always follows
// seam.json's rules, and that shared kernels are libraries to --suggest.
// `seam report` calls analyse_all() and shows exactly what the commands compute.
#pragma once

#include "analyzers/baseline/gate.h"
#include "analyzers/candidates/candidates.h"
#include "analyzers/cluster/suggest.h"
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/metrics/module_metrics.h"
#include "analyzers/model/interface.h"
#include "analyzers/pipeline/check_stage.h"

#include <memory>
#include <optional>

namespace seam::pipeline {

/// The edges of the module graph: --edges when given, else all (references and includes).
EdgeKinds module_edges(const std::optional<EdgeKinds>& chosen);

/// The module graph of `seam graph`, `metrics` and `report` under --edges.
ModuleGraph module_graph(const Project& project, const std::optional<EdgeKinds>& chosen);

/// `seam metrics`: over the module graph of `chosen` edges.
Metrics metrics(const Project& project, const ModuleGraph& graph, const std::optional<EdgeKinds>& chosen);

/// `seam candidates --suggest`: the clustering, with shared kernels left out
/// as libraries every service takes along.
Suggestion suggest(const Project& project, const CandidateContext& context, double resolution = 1.0);

/// Everything `seam report` shows, each computed as the command that prints it does.
struct Analyses {
  std::optional<EdgeKinds> edges;                       ///< --edges, as given
  ModuleGraph graph;                                    ///< modules, under `edges`
  std::vector<std::vector<InterfaceSymbol>> interfaces; ///< per module
  ProjectCycles cycles;                                 ///< `seam cycles`
  Metrics metrics;                                      ///< `seam metrics`
  CheckRun check;                                       ///< `seam check`, an invalid baseline counting as none
  std::unique_ptr<CandidateContext> candidates;         ///< what the ranking was computed from
  Ranking ranking;                                      ///< `seam candidates`
  Suggestion suggestion;                                ///< `seam candidates --suggest`
};

/// Runs every analysis over `project` (which must outlive the result).
/// `baseline`: --baseline as given, or empty for seam.json's; the sink hears
/// why an invalid one counts as none.
Analyses analyse_all(const Project& project, const std::optional<EdgeKinds>& edges, const std::string& baseline,
                     const Sink& sink);

} // namespace seam::pipeline
