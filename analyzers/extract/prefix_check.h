// The check a parse with a precompiled prefix makes (prefix.h): that the TU
// reads nothing but the prefix headers, in their order, before the last of
// them (otherwise its facts could differ from a plain parse: it is parsed
// again without the prefix), and the registration of the files the PCH read
// at the #include that reached them. Included by analyzers/extract only.
#pragma once

#include "analyzers/extract/prefix.h"

#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

#include <functional>
#include <memory>
#include <string>

namespace seam {

/// PPCallbacks for `pp` (it also sets the preprocessor's token watcher).
/// `replay` is called with each file the PCH read, in plain-parse order;
/// `mismatch` is set when the TU does not start with the prefix.
std::unique_ptr<clang::PPCallbacks> prefix_checker(clang::Preprocessor& pp, const PrefixPch& prefix,
                                                   std::string root, std::string cwd,
                                                   std::function<void(const std::string&)> replay, bool& mismatch);

class TuState;

/// PPCallbacks that see every use of a macro name, defined or not: an
/// expansion, `defined`, #ifdef, #ifndef, #elifdef, #elifndef. Both ends of an
/// any-order prefix need them: the build records which names each PCH header
/// reads, the check finds a TU whose uses differ from a plain parse's.
class MacroUseCallbacks : public clang::PPCallbacks {
public:
  void MacroExpands(const clang::Token& name, const clang::MacroDefinition& md, clang::SourceRange,
                    const clang::MacroArgs*) override {
    macro_used(name, md);
  }
  void Defined(const clang::Token& name, const clang::MacroDefinition& md, clang::SourceRange) override {
    macro_used(name, md);
  }
  void Ifdef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    macro_used(name, md);
  }
  void Ifndef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    macro_used(name, md);
  }
  void Elifdef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    macro_used(name, md);
  }
  void Elifndef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    macro_used(name, md);
  }

protected:
  virtual void macro_used(const clang::Token& name, const clang::MacroDefinition& md) = 0;
};

/// PPCallbacks for a TU parsed with an any-order prefix (PrefixPch::any_order):
/// registers the files the PCH read where this TU's own #includes reach them
/// (replaying the PCH's include tree), and sets `st.prefix_mismatch` when the
/// TU's preprocessing could see something a plain parse would not: a macro
/// from a header it has not reached, a project #define or #undef of a name the
/// PCH knows, a #pragma pack. Declarations are checked by the indexer
/// (SymbolCollector), the files the TU touches by TuState::file_index.
std::unique_ptr<clang::PPCallbacks> any_order_checker(clang::Preprocessor& pp, TuState& st);

} // namespace seam
