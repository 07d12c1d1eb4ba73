// `seam graph --coupling change`: co-change coupling between modules or files
// as text, JSON (schema seam.change-coupling/1, docs/history.md), DOT and SVG,
// hidden coupling (no static dependency) marked.
#pragma once

#include "analyzers/history/change_model.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// `files`: the file pairs instead of the module pairs. `focus` (a module or
/// file name, may be empty): only pairs with it.
nlohmann::ordered_json coupling_json(const Project& project, const history::ChangeModel& model, bool files,
                                     const std::string& focus);
std::string coupling_text(const Project& project, const history::ChangeModel& model, bool files,
                          const std::string& focus);
/// DOT: undirected edges labelled with shared commits, thicker when stronger;
/// hidden coupling red and dashed, pairs with a static dependency grey.
std::string coupling_dot(const Project& project, const history::ChangeModel& model, bool files,
                         const std::string& focus);

} // namespace seam
