// Blockers of one unit (a module or a set of modules extracted together):
// each kind is found from the references that cross the unit's boundary and
// from the unit's interface signatures (candidates.h, BlockerKind).
#pragma once

#include "analyzers/candidates/candidates.h"

#include <vector>

namespace seam {

/// Appends the blockers of the unit whose modules are marked in `in_unit` to
/// `a.blockers`, sorted. `a.interface` and `a.clients` must be filled.
/// Linear in the references on the module-graph edges that touch the unit.
void find_blockers(CandidateContext& ctx, const std::vector<char>& in_unit, Assessment& a);

/// True for the symbol kinds that are called: functions, methods, constructors.
bool is_function_like(SymbolKind k);

} // namespace seam
