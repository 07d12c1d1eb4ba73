// Turns a Clang QualType into a TypeInfo: which standard container or
// vocabulary type it is, whether it is a raw pointer, a callback, a project
// record or enum. Candidates and stub generation classify types from this.
#pragma once

#include "analyzers/core/facts.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Type.h>

namespace seam {

class TypeDescriber {
public:
  explicit TypeDescriber(clang::ASTContext& ctx);
  TypeInfo describe(clang::QualType t, int depth = 0);
  /// Fully qualified spelling that compiles outside the declaring namespace.
  std::string spell(clang::QualType t);

private:
  clang::ASTContext& ctx_;
  clang::PrintingPolicy policy_;
};

} // namespace seam
