// Ports: the service contracts a monolith already has. An abstract class with
// only pure virtual methods and no data (a constructor and a virtual
// destructor allowed; its bases ports too) that a class of one module derives
// from and code of another module calls through. Deriving from a port is not
// an inheritance blocker: it is how the implementer serves the contract. A
// call through a port runs in the implementer's module, so it is a remote call
// between the caller and the implementer, whoever owns the class.
#pragma once

#include "analyzers/model/model.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace seam {

struct Port {
  SymbolId symbol = kNoSymbol;          ///< the abstract class
  ModuleId owner = kNoModule;           ///< module of the class
  std::vector<SymbolId> operations;     ///< its pure virtual methods, by name
  std::vector<SymbolId> implementations;///< classes deriving from it directly, by name
  std::vector<ModuleId> implementers;   ///< their modules, sorted
  std::vector<ModuleId> callers;        ///< modules calling its operations, sorted
  std::vector<uint32_t> calls;          ///< Call references to its operations (Project::refs), site order
};

/// Every port of the project, sorted by class name; only classes with an
/// implementer and a caller in different modules. Linear in symbols and refs.
struct Ports {
  std::vector<Port> list;
  std::unordered_map<SymbolId, uint32_t> by_class;     ///< class -> index into list
  std::unordered_map<SymbolId, uint32_t> by_operation; ///< pure method -> index into list

  const Port* of_class(SymbolId s) const {
    auto it = by_class.find(s);
    return it == by_class.end() ? nullptr : &list[it->second];
  }
  /// The port whose operation `s` is, or null.
  const Port* of_operation(SymbolId s) const {
    auto it = by_operation.find(s);
    return it == by_operation.end() ? nullptr : &list[it->second];
  }
};

Ports find_ports(const Project& project);

} // namespace seam
