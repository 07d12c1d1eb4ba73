// The history policy every command shares: whether to read history, from
// where, with which window, cache and thresholds, and what to tell the user.
// Commands only fill a HistoryRequest from their options.
#pragma once

#include "analyzers/history/change_model.h"

#include <string>
#include <vector>

namespace seam::history {

struct HistoryRequest {
  bool enabled = true;         ///< false: --no-history
  bool required = false;       ///< the command shows only history: no history is an error
  std::string repo;            ///< --history-repo: the work tree to read (default: the project root's)
  HistoryOptions read;         ///< window, threshold, cache (work_tree/prefix are filled here)
  CouplingThresholds thresholds;
};

/// Reads the history of `project` and lays it over its modules. Without
/// history (disabled, no repository, shallow, or a repository git cannot read
/// whole, such as a partial clone missing objects) the model is unavailable
/// and `why` says why in one line; `notes` gets what the user should know
/// (left-out commits, a damaged cache). Returns false with `error` when the
/// history was asked for explicitly (--history-repo, or `required`) and
/// cannot be read.
bool load_change_model(const Project& project, const HistoryRequest& request, ChangeModel& model,
                       std::vector<std::string>& notes, std::string& error);

} // namespace seam::history
