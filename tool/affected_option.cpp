// --affected REV for check, graph and report: the config first (for the
// project root), then git, before anything is parsed, so a wrong revision or a
// shallow clone fails in a second.
#include "analyzers/vcs/affected.h"
#include "tool/cli.h"

namespace seam::cli {

int load_config_and_change(const Options& o, std::optional<pipeline::ProjectConfig>& config,
                           vcs::ChangedFiles& change) {
  if (!o.has("affected")) return kOk; // load_project reads the config itself
  pipeline::Request request;
  if (!make_request(o, request)) return kError;
  pipeline::Outcome<pipeline::ProjectConfig> loaded = pipeline::load_config(request, diagnostics(o));
  if (!loaded) return loaded.status();
  std::string err;
  if (!vcs::changed_files(loaded->config.root, o.get("affected"), change, err)) {
    error(err);
    return kError;
  }
  config = std::move(*loaded);
  return kOk;
}

} // namespace seam::cli
