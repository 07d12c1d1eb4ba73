// A module's interface: the symbols of the module that other modules use —
// the future service API when the module is extracted. One definition shared
// by candidates, check (interface-growth) and split.
#pragma once

#include "analyzers/model/model.h"

#include <vector>

namespace seam {

struct InterfaceSymbol {
  SymbolId symbol = kNoSymbol;
  uint32_t sites = 0;                ///< references from other modules
  uint32_t call_sites = 0;           ///< of which calls
  uint32_t loop_sites = 0;           ///< of which inside loops
  std::vector<ModuleId> clients;     ///< distinct modules using it, sorted
  std::vector<uint32_t> refs;        ///< indices into Project::refs, in site order
};

/// The interface of `module`: every symbol it owns that code of another module
/// references (includes alone do not count), sorted by qualified name then USR.
/// Linear in the number of references.
std::vector<InterfaceSymbol> module_interface(const Project& project, ModuleId module);

/// Interfaces of all modules at once (index = ModuleId), one pass over the references.
std::vector<std::vector<InterfaceSymbol>> all_interfaces(const Project& project);

} // namespace seam
