// A small AST pass beside the index (a RecursiveASTVisitor only where the index
// library does not reach): the loop bodies of the files this TU indexes, so
// references inside loops can be flagged, and friend declarations of functions
// and templates, which clang::index does not report as references.
#include "analyzers/extract/loop_collector.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace seam {
namespace {

using namespace clang;

class LoopCollector : public ASTConsumer, public RecursiveASTVisitor<LoopCollector> {
public:
  explicit LoopCollector(TuState& st) : st_(st) {}

  void HandleTranslationUnit(ASTContext& ctx) override { TraverseDecl(ctx.getTranslationUnitDecl()); }

  bool TraverseDecl(Decl* d) {
    // Loops matter only in the files this TU indexes: skip external headers
    // and headers another TU indexes wholesale.
    // Declarations from a precompiled prefix are all external (and reading
    // them would deserialise the whole PCH).
    if (d && d->isFromASTFile()) return true;
    if (d && !isa<TranslationUnitDecl>(d) && d->getLocation().isValid() && !isa<NamespaceDecl>(d) &&
        !isa<LinkageSpecDecl>(d) && !st_.indexed_at(d->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(d);
  }
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitForStmt(ForStmt* s) { return add(s->getBody()); }
  bool VisitWhileStmt(WhileStmt* s) { return add(s->getBody()); }
  bool VisitDoStmt(DoStmt* s) { return add(s->getBody()); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt* s) { return add(s->getBody()); }
  /// `friend void f();` and `template <class> friend class X;` are not reported
  /// as references by clang::index; SymbolCollector::finish turns these into Friend refs.
  bool VisitFriendDecl(FriendDecl* d) {
    if (d->getFriendDecl()) st_.friends.push_back(d);
    return true;
  }

private:
  bool add(Stmt* body) {
    if (!body) return true;
    SourceManager& sm = st_.sm();
    auto b = sm.getDecomposedExpansionLoc(body->getBeginLoc());
    auto e = sm.getDecomposedExpansionLoc(body->getEndLoc());
    if (b.first.isValid() && b.first == e.first) st_.loops.emplace_back(b.first, b.second, e.second);
    return true;
  }
  TuState& st_;
};

} // namespace

std::unique_ptr<clang::ASTConsumer> loop_collector(TuState& st) { return std::make_unique<LoopCollector>(st); }

} // namespace seam
