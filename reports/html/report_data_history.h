// The history part of the report data (seam.report/2): the public documents
// `seam history --format json` (seam.history/1) and `seam graph --coupling
// change --format json` (seam.change-coupling/1) as those commands write them,
// and what only the report shows: each module's hotspot files and, per
// co-changing module pair, the file pairs behind it (docs/report.md).
#pragma once

#include "analyzers/history/change_model.h"
#include "reports/html/report_data.h"

namespace seam::html {

/// Puts "history" (seam.history/1, module rows), "change_coupling"
/// (seam.change-coupling/1, module pairs) and "history_view" into `d`.
/// Without history (`model` null or unavailable) both documents are null and
/// history_view says why in one line: {"available": false, "note": "..."}.
/// Otherwise history_view is {"available": true, "note": window in one line,
/// "files": [[module, [[file, commits, added, removed, hotspot, authors,
/// main author, main author's commits, last change]...], more]...],
/// "pairs": [[module a, module b, [[file a, file b, commits, confidence a->b,
/// confidence b->a, static dependency, hidden]...], more]...]}, files and
/// modules by their index in the `files` and `modules` tables.
void add_history(Json& d, DataContext& c, const history::ChangeModel* model);

} // namespace seam::html
