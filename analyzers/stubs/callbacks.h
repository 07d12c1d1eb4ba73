// Callbacks of `seam split`: objects the caller owns and passes into the
// module (`OrderObserver&` to add_observer, the `Inventory&` and
// `PaymentLedger&` OrderService's constructor binds, a `const Comparator*`).
// The service cannot hold the caller's object, so it holds a stand-in that
// calls back into the client process, which serves the reverse service
// <Module>Callbacks on the objects it registered under callback handles.
// Which parameters are callbacks, and which methods of their classes become
// callback rpcs, is decided here; docs/split.md ("Callbacks") says why and at
// what cost.
#pragma once

#include "analyzers/stubs/names.h"
#include "analyzers/stubs/proto_mapping.h"
#include "analyzers/stubs/service_plan.h"

#include <map>
#include <set>

namespace seam::stubs {

class CallbackPlanner {
public:
  CallbackPlanner(const Project& project, ModuleId module, TypeMapper& mapper, NameTable& package_names,
                  NameTable& rpc_names)
      : p_(project), module_(module), mapper_(mapper), package_names_(package_names), rpc_names_(rpc_names) {}

  /// The class of a caller's object that a parameter of type `t` (T&, const
  /// T&, T*, const T*) passes in for the service to call back, or kNoSymbol:
  ///  - a polymorphic class of the project (defined in a header, default
  ///    constructible so a proxy can derive from it), whatever its module;
  ///  - a concrete class of another module with private data that is not a
  ///    value (no conversion, no value-class constructor), no reference or
  ///    const members and no static data, whose objects a shell can be made of.
  /// `excluded`: classes the module serves itself (remote classes, interfaces).
  /// A concrete class whose data members the module's own code reads or
  /// writes is no callback: the service's stand-in would hold its own default
  /// values, not the caller's, and the module would silently compute with
  /// them. Then `refused` (when given) says which members and what to do.
  SymbolId callback_class(const TypeInfo& t, bool& pointer, const std::set<SymbolId>& excluded,
                          std::string* refused = nullptr);

  /// The data members of `cls` (and of its bases) that code in the module's
  /// files uses directly, each with its first site ("comparator
  /// (table/table.cc:41)"), in member declaration order.
  std::vector<std::string> members_used(SymbolId cls) const;

  /// The index of `cls` in plan.callback_classes, planned with its callback
  /// rpcs on first use (so the classes come in the order rpcs first use them).
  int index(SymbolId cls, ServicePlan& plan);

private:
  bool concrete_ok(SymbolId cls);
  /// The methods a callback class forwards, in declaration order: every virtual
  /// method (its bases' too) of a polymorphic class; every out-of-line member
  /// of a concrete one.
  std::vector<SymbolId> methods(SymbolId cls) const;
  /// Plans `method` as a callback rpc of class k, or says why it cannot be one.
  bool plan_method(SymbolId method, int k, ServicePlan& plan, std::string& reason);
  SymbolId lookup(const std::string& usr) const;
  std::string where(const Loc& l) const;

  const Project& p_;
  ModuleId module_;
  TypeMapper& mapper_;
  NameTable& package_names_;
  NameTable& rpc_names_;
  std::map<SymbolId, int> index_;
  std::map<SymbolId, bool> concrete_verdict_;
};

} // namespace seam::stubs
