// `seam cycles` output: the cycles of the module, component and file graphs,
// the elementary cycles of each, the minimum cut that removes it, and every
// module's level. Text for people, JSON (seam.cycles/2) for tools.
#pragma once

#include "analyzers/graph/cycles.h"

#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// Symbols and include directives shown per edge of a cycle.
inline constexpr size_t kCycleSitesPerEdge = 3;
/// Cut edges of one cycle listed in text (the heaviest ones); JSON lists all.
inline constexpr size_t kCycleEdgesInText = 12;
/// Elementary cycles of one breakdown listed in text (the shortest); JSON lists all.
inline constexpr size_t kCycleBreakdownInText = 20;
/// Members of one cycle named in text (then "and N more"); JSON lists all.
inline constexpr size_t kCycleMembersInText = 24;

std::string cycles_text(const Project& project, const ProjectCycles& cycles);

/// {"schema":"seam.cycles/2","module_cycles":[[...]],"component_cycles":[[...]],
///  "file_cycles":[[...]],"module_levels":[{"module","level"}],
///  "module_cycle_details":[...],"component_cycle_details":[...],"file_cycle_details":[...]}
nlohmann::ordered_json cycles_json(const Project& project, const ProjectCycles& cycles);

} // namespace seam
