// Turns a Clang QualType into a TypeInfo: which standard container or
// vocabulary type it is, whether it is a raw pointer, a callback, a project
// record or enum. Candidates and stub generation classify types from this.
#pragma once

#include "analyzers/core/facts.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Type.h>

#include <string>
#include <unordered_map>

namespace seam {

/// The project records a TU's types named, by spelling and USR, so that
/// whether each is polymorphic is read once the whole TU is parsed
/// (TypeDescriber::settle): a symbol is described where the TU first sees it,
/// and whether the class was defined by then depends on which headers the TU
/// indexes itself (claims.h), which depends on thread timing.
using RecordsSeen = std::unordered_map<std::string, const clang::CXXRecordDecl*>;

class TypeDescriber {
public:
  explicit TypeDescriber(clang::ASTContext& ctx, RecordsSeen* records = nullptr);
  TypeInfo describe(clang::QualType t, int depth = 0);
  /// Fully qualified spelling that compiles outside the declaring namespace.
  std::string spell(clang::QualType t);
  /// Sets `polymorphic` of every record in `info` (and its arguments) from the
  /// class as defined at the end of the TU; call when the TU is parsed.
  static void settle(TypeInfo& info, const RecordsSeen& records);

private:
  clang::ASTContext& ctx_;
  clang::PrintingPolicy policy_;
  RecordsSeen* records_;
};

} // namespace seam
