// `seam split MODULE --contract CLASS`: which port CLASS names, and when it
// names none, a message that says why (unknown with close names, not
// abstract, more than operations, not implemented by MODULE ...). Kept apart
// from the command so the rules are tested on hand-built facts.
#pragma once

#include "analyzers/candidates/ports.h"

#include <string>

namespace seam::stubs {

struct ContractLookup {
  const Port* port = nullptr; ///< set when CLASS is a port MODULE implements
  std::string error;          ///< else what is wrong and what to do
};

/// `name` is the class's qualified name ("shop::orders::OrderObserver", a
/// leading "::" allowed) or, when no other class has it, its unqualified name.
ContractLookup find_contract(const Project& project, const Ports& ports, ModuleId module, const std::string& name);

} // namespace seam::stubs
