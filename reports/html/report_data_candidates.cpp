// The report data of `seam candidates` (ranking, groups, --suggest) with a
// preview of each candidate's `seam split` proto.
#include "reports/html/report_data.h"
#include "analyzers/core/rounding.h"

#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"

#include <cctype>
#include <cmath>

namespace seam::html {
namespace {

/// What each score component measures, for the reader (docs/scoring.md).
const char* component_text(const std::string& name) {
  if (name == "cycle") return "uses to cut to leave its dependency cycle, 1 each";
  if (name == "interface") return "operations (future rpcs) to design and keep compatible, 3 each";
  if (name == "data") return "types crossing the boundary that are not values, 5 each";
  if (name == "dependencies") return "modules it would call over the network, 5 each";
  if (name == "calls") return "remote calls that wait for a result, 1 each";
  if (name == "messages") return "remote calls to functions returning nothing: messages, 0.5 each";
  if (name == "loops") return "remote calls inside loops: a batch operation first, 3 more each";
  if (name == "clients") return "client modules to migrate, 2 each";
  return "blocker sites to change, weighted by how hard each is to remove";
}

Json module_list(const std::vector<ModuleId>& ms) {
  Json out = Json::array();
  for (ModuleId m : ms) out.push_back(m);
  return out;
}

Json blockers_json(DataContext& c, const std::vector<Blocker>& blockers) {
  const Project& p = c.project;
  Json out = Json::array();
  for (const Blocker& b : blockers) {
    Json j;
    j["kind"] = to_string(b.kind);
    j["symbol"] = b.symbol == kNoSymbol ? "" : (p.symbols[b.symbol].name.empty() ? p.symbols[b.symbol].usr
                                                                                    : p.symbols[b.symbol].name);
    j["file"] = b.site.valid() && b.site.file < p.files.size() ? p.files[b.site.file].path : "";
    j["line"] = b.site.line;
    j["detail"] = b.detail;
    j["partners"] = module_list(b.partners);
    out.push_back(std::move(j));
  }
  return out;
}

Json score_json(const Score& s) {
  Json out = Json::array();
  for (const ScoreComponent& k : s.components) {
    Json j;
    j["name"] = k.name;
    j["value"] = round_to(k.effort, 1);
    j["weight"] = k.weight;
    j["text"] = component_text(k.name);
    out.push_back(std::move(j));
  }
  return out;
}

/// The proto `seam split NAME` would write, or why there is none.
void proto_preview(DataContext& c, const Assessment& a, Json& j) {
  if (a.modules.size() != 1) return;
  ModuleId m = a.modules.front();
  stubs::ServicePlan plan = stubs::plan_service(c.project, m, c.interfaces[m]);
  if (plan.rpcs.empty()) {
    j["proto"] = nullptr;
    j["proto_note"] = "No interface function maps to an rpc (`seam split " + a.name + "` lists what it skips and why).";
    return;
  }
  stubs::StubOrigin origin{c.project.root, "seam split " + a.name + " -o " + plan.base + "-service"};
  j["proto"] = stubs::emit_proto(plan, origin);
  j["proto_note"] = nullptr;
}

Json assessment_json(DataContext& c, const Assessment& a, uint32_t rank, const std::string& group) {
  const Project& p = c.project;
  Json j;
  j["rank"] = rank;
  j["module"] = a.modules.size() == 1 ? Json(a.modules.front()) : Json();
  j["members"] = module_list(a.modules);
  j["name"] = a.name;
  j["score"] = a.score.total;
  j["components"] = score_json(a.score);
  j["summary"] = a.reasons.empty() ? "" : a.reasons.front();
  j["reasons"] = a.reasons;
  j["interface"] = a.inputs.operations;
  j["symbols"] = a.interface.size();
  Json clients = Json::array();
  for (const ClientUse& u : a.clients) clients.push_back(u.module);
  j["clients"] = std::move(clients);
  Json library = Json::array(), remote = Json::array();
  for (const DependencyUse& d : a.dependencies)
    if (d.library || d.remote) (d.library ? library : remote).push_back(d.module);
  j["library"] = std::move(library);
  j["remote"] = std::move(remote);
  Json data = Json::array();
  for (const DataType& t : a.data) data.push_back(Json::array({t.spelling, t.verdict.serialisable, t.verdict.reason}));
  j["data"] = std::move(data);
  j["calls"] = a.calls;
  j["loop_sites"] = a.loop_calls;
  Json loops = Json::array();
  for (size_t i = 0; i < a.loop_call_refs.size() && i < 20; ++i) {
    const Reference& r = p.refs[a.loop_call_refs[i]];
    Json s = c.site(r.site);
    s.push_back(c.symbol(r.target));
    loops.push_back(std::move(s));
  }
  j["loops"] = std::move(loops);
  j["blockers"] = blockers_json(c, a.blockers);
  j["group"] = group;
  return j;
}

Json suggestion_json(DataContext& c, const Suggestion& s) {
  auto values = [](const DecompositionMetrics& m) {
    return Json::array({m.services, m.modularity, m.sm, m.icp, m.ifn, m.ned});
  };
  Json out;
  out["method"] = "Louvain clustering (fixed seed " + std::to_string(s.options.seed) +
                  ", resolution " + std::to_string(s.options.resolution).substr(0, 4) +
                  ") of the symbol reference graph: " + std::to_string(s.graph.entities.size()) +
                  " symbols that reference each other, shared kernels left out (every service takes them along). "
                  "The same metrics for the declared modules and for the suggestion, on the same graph; "
                  "docs/scoring.md defines them.";
  out["metrics"] = Json::array({
      {{"name", "Services"}, {"text", "services holding at least one symbol"}},
      {{"name", "Modularity"}, {"text", "Newman-Girvan Q (higher is better)"}},
      {{"name", "SM"}, {"text", "structural modularity (higher is better)"}},
      {{"name", "ICP"}, {"text", "inter-call percentage: calls between services over all calls (lower is better)"}},
      {{"name", "IFN"}, {"text", "interface number: symbols used from another service, per service (lower is better)"}},
      {{"name", "NED"}, {"text", "share of symbols in services of fewer than 5 or more than 20 (lower is better)"}},
  });
  out["declared"] = values(s.declared);
  out["suggested"] = values(s.suggested);
  Json clusters = Json::array();
  for (const SuggestedService& sv : s.services) {
    Json comp = Json::array();
    for (const auto& [m, n] : sv.composition) comp.push_back(Json::array({m, n}));
    Json j;
    j["name"] = sv.name;
    j["label"] = sv.label;
    j["symbols"] = sv.entities.size();
    j["modules"] = std::move(comp);
    clusters.push_back(std::move(j));
  }
  out["clusters"] = std::move(clusters);
  Json moved = Json::array();
  for (const FileMove& mv : s.moves) {
    std::string service = mv.service < s.services.size() ? s.services[mv.service].name : "";
    moved.push_back(Json::array({c.file(mv.file), mv.from, mv.to, service, mv.symbols, mv.total}));
  }
  out["moved"] = std::move(moved);
  return out;
}

} // namespace

Json candidates_json(DataContext& c, CandidateContext& ctx, const Ranking& ranking, const Suggestion& suggestion) {
  // The group (extract together) each module belongs to, by name.
  std::vector<std::string> group_of(c.project.modules.size());
  for (const Assessment& g : ranking.groups)
    for (ModuleId m : g.modules) group_of[m] = g.name;

  Json ranked = Json::array(), kernel = Json::array(), groups = Json::array();
  for (size_t i = 0; i < ranking.modules.size(); ++i) {
    const Assessment& a = ranking.modules[i];
    ModuleId m = a.modules.front();
    if (a.role == Role::Candidate) {
      Json j = assessment_json(c, a, ranking.rank[i], group_of[m]);
      proto_preview(c, a, j);
      ranked.push_back(std::move(j));
    } else {
      Json j;
      j["module"] = m;
      j["role"] = to_string(a.role);
      // Why it is not ranked: a library's or kernel's reason from the context,
      // else the first reason of the assessment (assess.cpp, explain).
      std::string reason = a.role == Role::SharedKernel || a.role == Role::Library || a.role == Role::Test
                               ? ctx.kernel_reason(m)
                           : !a.reasons.empty() ? a.reasons.front()
                                                : std::string("entry point: no module uses it; it is the application "
                                                              "that would call the services");
      if (!reason.empty()) reason[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(reason[0])));
      j["reason"] = std::move(reason);
      kernel.push_back(std::move(j));
    }
  }
  for (const Assessment& g : ranking.groups) {
    Json j;
    j["members"] = module_list(g.modules);
    j["name"] = g.name;
    j["score"] = g.score.total;
    j["blockers"] = blockers_json(c, g.blockers);
    groups.push_back(std::move(j));
  }
  Json out;
  out["model"] = "Each module scored as a service from 0 to 100 by the effort, in sites to change, to extract it: "
                 "uses to cut to leave its cycle, operations, non-value types, remote dependencies, remote calls "
                 "(more inside loops, less when nothing waits for the result), clients, and blocker sites, each with "
                 "a weight; score = 100 / (1 + ln(1 + effort / 50)). Every number traces to its sites; "
                 "docs/scoring.md has the model and a worked example.";
  out["ranked"] = std::move(ranked);
  out["kernel"] = std::move(kernel);
  out["groups"] = std::move(groups);
  out["suggestion"] = suggestion_json(c, suggestion);
  return out;
}

} // namespace seam::html
