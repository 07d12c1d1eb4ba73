#include "analyzers/history/load_history.h"

namespace seam::history {

bool load_change_model(const Project& project, const HistoryRequest& request, ChangeModel& model,
                       std::vector<std::string>& notes, std::string& error) {
  model = ChangeModel{};
  if (!request.enabled) {
    model.why = "history left out (--no-history)";
    if (request.required) {
      error = "this command shows the project's history; drop --no-history";
      return false;
    }
    return true;
  }
  HistoryOptions read = request.read;
  std::string why;
  if (!locate_history(project.root, request.repo, read, why)) {
    model.why = why;
    if (request.required || !request.repo.empty()) {
      error = why;
      return false;
    }
    notes.push_back(why + "; scores are static only");
    return true;
  }
  History h;
  if (!read_history(read, h, error)) {
    // A repository git cannot read all of (objects missing from a partial or
    // damaged clone): a command that only weighs its scores by history goes
    // on without it, as for a shallow clone; one that shows the history, or
    // was pointed at a repository, fails with git's reason.
    if (request.required || !request.repo.empty()) return false;
    model = ChangeModel{};
    model.why = "no history: " + error;
    notes.push_back(model.why + "; scores are static only");
    error.clear();
    return true;
  }
  if (!h.cache_problem.empty()) notes.push_back(h.cache_problem);
  model = build_change_model(project, std::move(h), request.thresholds);
  return true;
}

} // namespace seam::history
