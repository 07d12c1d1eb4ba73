#include "analyzers/stubs/ownership_check.h"

namespace seam::stubs {

std::vector<ConfigError> check_ownership(const Project& project) {
  std::vector<ConfigError> errors;
  for (const OwnershipDecl& d : project.config.ownership) {
    bool function = false, param = false;
    std::string params;
    for (const Symbol& s : project.symbols) {
      if (s.name != d.function) continue;
      if (s.kind != SymbolKind::Function && s.kind != SymbolKind::Method && s.kind != SymbolKind::StaticMethod &&
          s.kind != SymbolKind::Constructor)
        continue;
      function = true;
      for (const Param& p : s.params) {
        param |= p.name == d.param;
        if (params.find("'" + p.name + "'") == std::string::npos && !p.name.empty())
          params += (params.empty() ? "'" : ", '") + p.name + "'";
      }
    }
    if (param) continue;
    errors.push_back(ConfigError{
        project.config.path, d.pos,
        function ? "\"ownership\": " + d.function + " has no parameter '" + d.param + "'; its parameters are " +
                       (params.empty() ? "unnamed" : params)
                 : "\"ownership\": no function '" + d.function + "' in the project; give the qualified name of a "
                                                                  "function or method, as `seam split` prints it"});
  }
  return errors;
}

} // namespace seam::stubs
