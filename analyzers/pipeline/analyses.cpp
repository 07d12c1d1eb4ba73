#include "analyzers/pipeline/analyses.h"

namespace seam::pipeline {

EdgeKinds module_edges(const std::optional<EdgeKinds>& chosen) { return chosen.value_or(EdgeKinds::All); }

ModuleGraph module_graph(const Project& project, const std::optional<EdgeKinds>& chosen) {
  return build_module_graph(project, module_edges(chosen));
}

Metrics metrics(const Project& project, const ModuleGraph& graph, const std::optional<EdgeKinds>& chosen) {
  return compute_metrics(project, graph, chosen);
}

Suggestion suggest(const Project& project, const CandidateContext& context, double resolution) {
  SuggestOptions so;
  so.resolution = resolution;
  for (ModuleId m = 0; m < static_cast<ModuleId>(project.modules.size()); ++m)
    if (context.shared_kernel(m)) so.libraries.push_back(m);
  return suggest_services(project, so);
}

Analyses analyse_all(const Project& project, const std::optional<EdgeKinds>& edges, const std::string& baseline,
                     const Sink& sink) {
  Analyses a;
  a.edges = edges;
  a.graph = module_graph(project, edges);
  a.interfaces = all_interfaces(project);
  a.cycles = find_project_cycles(project, edges);
  a.metrics = metrics(project, a.graph, edges);
  CheckOptions co;
  co.baseline = baseline;
  co.invalid = InvalidBaseline::AllNew;
  a.check = std::move(*check(project, a.graph, co, sink)); // AllNew never stops
  a.candidates = std::make_unique<CandidateContext>(project);
  a.ranking = rank_modules(*a.candidates);
  a.suggestion = suggest(project, *a.candidates);
  return a;
}

} // namespace seam::pipeline
