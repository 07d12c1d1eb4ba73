// Config inference: the modules seam assumes when no seam.json declares them,
// from the folders of the translation units and the files their parse reached.
// `seam init` writes them out; every other command uses them in memory.
#pragma once

#include "analyzers/config/config.h"
#include "analyzers/core/facts.h"

#include <string>
#include <vector>

namespace seam {

/// Infers modules from the project-relative paths of the translation units:
/// the first folder level under their common folder (src/orders/** ->
/// "orders"). Then the other project files the parse reached (`reached`:
/// headers, whichever folder they are in) that no such module holds get one:
/// a public header folder include/<name>/ joins the module <name> (or becomes
/// it); any other file the module of its first folder level under the common
/// folder, or under the root when outside it. No two modules' globs overlap.
Config infer_config(const std::vector<std::string>& tu_files, const std::vector<std::string>& reached,
                    const std::string& root);
inline Config infer_config(const std::vector<std::string>& tu_files, const std::string& root) {
  return infer_config(tu_files, {}, root);
}

/// The project files (not external) of `tus`, sorted, each once.
std::vector<std::string> reached_project_files(const std::vector<TuFacts>& tus);

} // namespace seam
