// The proto each ranked candidate's service would get, as `seam split` writes
// it: the one part of the candidates section that no JSON document of the
// commands holds (the rest is the embedded seam.candidates document).
#include "reports/html/report_data.h"

#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"

namespace seam::html {

Json proto_previews(const Project& p, const std::vector<std::vector<InterfaceSymbol>>& interfaces,
                    const Ranking& ranking) {
  Json out = Json::object();
  for (const Assessment& a : ranking.modules) {
    if (a.role != Role::Candidate || a.modules.size() != 1) continue;
    const ModuleId m = a.modules.front();
    stubs::ServicePlan plan = stubs::plan_service(p, m, interfaces[m]);
    Json j;
    if (plan.rpcs.empty()) {
      j["proto"] = nullptr;
      j["note"] = "No interface function maps to an rpc (`seam split " + a.name + "` lists what it skips and why).";
    } else {
      stubs::StubOrigin origin{p.root, "seam split " + a.name + " -o " + plan.base + "-service"};
      j["proto"] = stubs::emit_proto(plan, origin);
      j["note"] = nullptr;
    }
    out[a.name] = std::move(j);
  }
  return out;
}

} // namespace seam::html
