// `seam history`: hotspots and ownership per module or file, as text and as
// JSON (schema seam.history/1, docs/history.md).
#pragma once

#include "analyzers/history/change_model.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// Rows in hotspot order (hotspot, then commits, then name); `files` picks the
/// file rows instead of the module rows. `top` > 0 keeps the first `top`.
nlohmann::ordered_json history_json(const Project& project, const history::ChangeModel& model, bool files,
                                    size_t top = 0);
std::string history_text(const Project& project, const history::ChangeModel& model, bool files, size_t top = 0);

/// One module's row as JSON (also embedded by the report's module pages).
nlohmann::ordered_json module_history_json(const Project& project, const history::ChangeModel& model, ModuleId m);

} // namespace seam
