// The parts of the history documents shared by `seam history`, `seam graph
// --coupling change`, candidates and the report: the window read and what was
// left out, as JSON and as one line of text.
#pragma once

#include "analyzers/history/change_model.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// "YYYY-MM-DD" (UTC) of a commit time.
std::string history_date(int64_t time);

/// {"head","asked","from","to","commits_in_window","merges_left_out",
///  "mass_commits_left_out","max_files","renames_followed","analysed",
///  "touching_modules","touching_no_module","paths_in_no_module"}
nlohmann::ordered_json history_window_json(const history::ChangeModel& model);

/// "12.months before HEAD 1dfa729 (2025-08-07 to 2026-08-07): 812 commits, 760 analysed (3 merges and 2 commits
/// changing more than 50 files left out), 5 renames followed; 20 paths in no module ignored"
std::string history_window_text(const history::ChangeModel& model);

} // namespace seam
