// Compile-time or run-time: what a reference to another module's code costs
// once that module runs in another process. The one classification that
// `graph --format json` (per-edge counts), `seam why` (per site) and
// `seam candidates` (remote calls and modules, headers to take along) share.
//
// Compile-time: the user compiles the code into itself; across a process
// boundary it needs the header (a build dependency), not the network. Types,
// enums and their constants, type aliases, concepts, constants (variables that
// are not mutable globals), fields, macros, templates and everything inside a
// template, and functions and methods defined inline in a header.
//
// Run-time: the code runs where its module runs, so it becomes a remote call:
// a call to (or the address of) a function defined out of line in a source
// file, any use of a mutable global, and any call to a virtual method (it
// dispatches on an object that lives on the other side).
#pragma once

#include "analyzers/model/model.h"

#include <cstdint>

namespace seam {

enum class DependencyTime : uint8_t { Compile, Run };

/// Why a reference is what it is: the rule that decided, for reports.
enum class TimeRule : uint8_t {
  Type,           ///< compile: class, enum, alias, concept, field, enumerator
  Constant,       ///< compile: a variable that is not a mutable global
  Macro,          ///< compile
  Template,       ///< compile: a template or a member of one
  InlineCode,     ///< compile: a function defined inline in a header
  Declaration,    ///< compile: names a function without calling it or taking its address
  OutOfLineCall,  ///< run: a call to a function defined out of line
  AddressOf,      ///< run: the address of a function defined out of line
  MutableGlobal,  ///< run: a use of a mutable global
  VirtualCall,    ///< run: a call to a virtual method
};

struct TimeClass {
  DependencyTime time = DependencyTime::Compile;
  TimeRule rule = TimeRule::Type;
};

/// "compile-time" / "run-time".
const char* to_string(DependencyTime t);
/// One phrase per rule: "type", "inline code", "out-of-line call", ...
const char* to_string(TimeRule r);

/// The outermost template `s` is part of (itself, or a class template it is a
/// member of), kNoSymbol when none.
SymbolId enclosing_template(const Project& project, SymbolId s);

/// True for a function whose code compiles into its callers: declared inline
/// (in-class definitions included) or defined in a header. The same test
/// `seam split` uses to leave such functions out of a service.
bool is_inline_code(const Project& project, const Symbol& s);

/// Classifies one reference by its kind and its target. Constant time (plus
/// the depth of the target's parent chain).
TimeClass classify_dependency(const Project& project, const Reference& r);
inline DependencyTime dependency_time(const Project& project, const Reference& r) {
  return classify_dependency(project, r).time;
}

} // namespace seam
