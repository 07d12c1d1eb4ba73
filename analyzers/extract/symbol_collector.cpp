// Symbols and references from the indexing library (clangd's SymbolCollector):
// each declaration or use clang::index reports in a file this TU indexes
// becomes a SymbolFact or a RefFact with its kind; macros by name and the file
// that defines them. After the parse, friend references (from the AST pass)
// are added and references inside loop bodies flagged.
#include "analyzers/extract/symbol_collector.h"

#include "analyzers/extract/type_describer.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Index/IndexDataConsumer.h>
#include <clang/Index/IndexSymbol.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/MacroInfo.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallString.h>

#include <algorithm>
#include <map>

namespace seam {
namespace {

using namespace clang;

/// The qualified name, with a class template partial specialization in its
/// scope printed with its arguments as written: `R<const T[N]>::type`. Clang
/// prints a specialization's arguments from their canonical types, whose
/// parameter names come from whichever template first made that canonical
/// type (`R<const type-parameter-0-0[_Size]>` after one standard header,
/// `[_Nm]` after another), and a TU loading a precompiled prefix makes them in
/// another order than a plain parse: the same declaration got two names.
std::string qualified_name(const NamedDecl* nd) {
  std::vector<const DeclContext*> between; // contexts inside the partial specialization, inner first
  const ClassTemplatePartialSpecializationDecl* partial = nullptr;
  for (const DeclContext* dc = nd->getDeclContext(); dc && !partial; dc = dc->getParent()) {
    partial = dyn_cast<ClassTemplatePartialSpecializationDecl>(dc);
    if (!partial) between.push_back(dc);
  }
  if (!partial || !partial->getTemplateArgsAsWritten()) return nd->getQualifiedNameAsString();
  for (const DeclContext* dc : between)
    if (!isa<CXXRecordDecl>(dc) || isa<ClassTemplateSpecializationDecl>(dc) || !cast<NamedDecl>(dc)->getIdentifier())
      return nd->getQualifiedNameAsString(); // nothing real code was seen to need
  std::string out = qualified_name(partial); // its own name has no arguments
  llvm::raw_string_ostream os(out);
  printTemplateArgumentList(os, partial->getTemplateArgsAsWritten()->arguments(),
                            nd->getASTContext().getPrintingPolicy());
  for (auto it = between.rbegin(); it != between.rend(); ++it) os << "::" << cast<NamedDecl>(*it)->getName();
  os << "::";
  nd->printName(os);
  return out;
}

SymbolKind kind_of(const Decl* d) {
  if (const auto* m = dyn_cast<CXXMethodDecl>(d)) {
    if (isa<CXXConstructorDecl>(m)) return SymbolKind::Constructor;
    if (isa<CXXDestructorDecl>(m)) return SymbolKind::Destructor;
    if (isa<CXXConversionDecl>(m)) return SymbolKind::Conversion;
    return m->isStatic() ? SymbolKind::StaticMethod : SymbolKind::Method;
  }
  if (isa<FunctionDecl>(d)) return SymbolKind::Function;
  if (const auto* r = dyn_cast<RecordDecl>(d)) {
    if (r->isUnion()) return SymbolKind::Union;
    if (r->isStruct()) return SymbolKind::Struct;
    return SymbolKind::Class;
  }
  if (isa<EnumDecl>(d)) return SymbolKind::Enum;
  if (isa<EnumConstantDecl>(d)) return SymbolKind::EnumConstant;
  if (isa<FieldDecl>(d)) return SymbolKind::Field;
  if (isa<VarDecl>(d)) return SymbolKind::Variable;
  if (isa<TypedefNameDecl>(d) || isa<TypeAliasTemplateDecl>(d)) return SymbolKind::TypeAlias;
  if (isa<ConceptDecl>(d)) return SymbolKind::Concept;
  return SymbolKind::Other;
}

/// The declaration facts are about: templates are described by their pattern.
const Decl* pattern_of(const Decl* d) {
  if (const auto* t = dyn_cast<TemplateDecl>(d))
    if (const Decl* p = t->getTemplatedDecl()) return p;
  return d->getCanonicalDecl();
}

bool is_template(const Decl* d) {
  if (const auto* r = dyn_cast<CXXRecordDecl>(d))
    return r->getDescribedClassTemplate() || isa<ClassTemplatePartialSpecializationDecl>(r);
  if (const auto* f = dyn_cast<FunctionDecl>(d))
    return f->getDescribedFunctionTemplate() != nullptr;
  if (const auto* v = dyn_cast<VarDecl>(d)) return v->getDescribedVarTemplate() != nullptr;
  return isa<TypeAliasTemplateDecl>(d);
}

/// Whether clang::index reports a reference from dependent code (a template
/// pattern, a generic lambda) that names no declaration the definition fixes:
/// - a dependent member (CXXDependentScopeMemberExpr `x.f()`,
///   DependentScopeDeclRefExpr `T::f`, `Base<T>::f`): looked up in a type
///   known only per instantiation; clang::index guesses from the primary
///   template, which a specialisation may contradict;
/// - an operator on dependent operands (`tx != nullptr`, `it != m.end()`):
///   the OverloadExpr holds every operator of that name that ordinary lookup
///   saw in the enclosing namespaces, unrelated to the operands; in issue 13
///   that was a pool allocator's global operator== in another module;
/// - a call by name whose ordinary lookup found several declarations: which
///   one is called (if any: ADL may add a better one) is decided per
///   instantiation.
/// A call by name that ordinary lookup bound to exactly one function or
/// function template (`helper(v)` with `v` of type T) stays a reference: the
/// definition names it, and only ADL in T's namespaces could call another.
/// These nodes exist only in dependent (or invalid) code; what a pattern
/// resolves is a DeclRefExpr, MemberExpr or type and is always kept.
bool dependent_lookup(const Expr* e) {
  if (!e) return false;
  if (isa<CXXDependentScopeMemberExpr>(e) || isa<DependentScopeDeclRefExpr>(e)) return true;
  if (const auto* o = dyn_cast<OverloadExpr>(e))
    return o->getNumDecls() != 1 || o->getName().getNameKind() != DeclarationName::Identifier;
  return false;
}

class SymbolCollector : public index::IndexDataConsumer {
public:
  explicit SymbolCollector(TuState& st) : st_(st) {}

  void initialize(ASTContext& ctx) override { ctx_ = &ctx; }

  bool handleDeclOccurrence(const Decl* d, index::SymbolRoleSet roles,
                            ArrayRef<index::SymbolRelation> relations, SourceLocation loc,
                            ASTNodeInfo info) override {
    using index::SymbolRole;
    if (!d || (roles & static_cast<unsigned>(SymbolRole::Implicit))) return true;
    if (isa<NamespaceDecl>(d) || isa<NamespaceAliasDecl>(d) || isa<ParmVarDecl>(d) ||
        isa<TemplateTypeParmDecl>(d) || isa<NonTypeTemplateParmDecl>(d) ||
        isa<TemplateTemplateParmDecl>(d))
      return true;
    if (!st_.indexed(st_.file_of(loc))) return true; // external, or another TU indexes it
    const bool is_decl = roles & (static_cast<unsigned>(SymbolRole::Declaration) |
                                  static_cast<unsigned>(SymbolRole::Definition));
    Loc site = st_.loc(loc);
    const Decl* target = pattern_of(d);

    if (is_decl) {
      if (!prefix_fits_here(d, true, loc)) return true;
      uint32_t sym = symbol(target);
      if (sym == kNoSymbol) return true;
      SymbolFact& s = st_.facts().symbols[sym];
      if (!s.decl.valid()) {
        // The TU's first declaration is outside the project: a site stands in.
        s.decl = site;
        st_.decl_from_site.resize(st_.facts().symbols.size());
        st_.decl_from_site[sym] = 1;
      }
      st_.decl_sites.emplace_back(sym, site);
      if (roles & static_cast<unsigned>(SymbolRole::Definition)) {
        s.def = site;
        fill_definition(d, s);
      }
      // An override is a reference from this method to the one it overrides.
      for (const index::SymbolRelation& rel : relations) {
        if (rel.Roles & static_cast<unsigned>(SymbolRole::RelationOverrideOf))
          add_ref(pattern_of(rel.RelatedSymbol), site, sym, RefKind::Override, loc);
      }
      return true;
    }

    // A reference. What dependent code may call is not a use (dependent_lookup).
    if (dependent_lookup(info.OrigE)) return true;
    if (!prefix_fits_here(d, false, loc)) return true;
    uint32_t from = kNoSymbol;
    if (info.Parent) from = symbol(pattern_of(info.Parent));
    RefKind kind = RefKind::TypeUse;
    bool base = false;
    for (const index::SymbolRelation& rel : relations)
      if (rel.Roles & static_cast<unsigned>(SymbolRole::RelationBaseOf)) base = true;
    if (base)
      kind = RefKind::BaseClass;
    else if (roles & static_cast<unsigned>(SymbolRole::Call))
      kind = RefKind::Call;
    else if (roles & static_cast<unsigned>(SymbolRole::Write))
      kind = RefKind::Write;
    else if (roles & static_cast<unsigned>(SymbolRole::AddressOf))
      kind = RefKind::AddressOf;
    else if (roles & static_cast<unsigned>(SymbolRole::Read))
      kind = RefKind::Read;
    else if (isa<FieldDecl>(d) || isa<CXXMethodDecl>(d))
      kind = RefKind::MemberAccess;
    else if (isa<VarDecl>(d) || isa<EnumConstantDecl>(d))
      kind = RefKind::Read;
    else if (isa<FunctionDecl>(d))
      kind = RefKind::AddressOf; // a function named without a call
    if (kind == RefKind::TypeUse && info.Parent && in_friend_decl(info.Parent, loc)) kind = RefKind::Friend;
    add_ref(target, site, from, kind, loc);
    return true;
  }

  bool handleMacroOccurrence(const IdentifierInfo* name, const MacroInfo* mi,
                             index::SymbolRoleSet roles, SourceLocation loc) override {
    using index::SymbolRole;
    if (!mi || !name) return true;
    // Most macros are defined and expanded in system headers: decide on files first.
    const bool definition = roles & static_cast<unsigned>(SymbolRole::Definition);
    if (!definition && !st_.indexed(st_.file_of(loc))) return true;
    const uint32_t def_file = st_.file_of(mi->getDefinitionLoc());
    if (st_.is_external(def_file) || (definition && !st_.indexed(def_file))) return true;
    Loc def = st_.loc(mi->getDefinitionLoc());
    std::string usr = "c:macro@" + name->getName().str() + "@" + st_.facts().files[def.file].path;
    if (definition) {
      macro_symbol(usr, name->getName().str(), def);
      return true;
    }
    Loc site = st_.loc(loc);
    uint32_t sym = macro_symbol(usr, name->getName().str(), def);
    RefFact r;
    r.site = site;
    r.target = sym;
    r.kind = RefKind::MacroExpansion;
    st_.facts().refs.push_back(r);
    pending_offsets_.push_back(raw_offset(loc));
    return true;
  }

  void finish() override {
    add_friend_refs();
    mark_loops();
    settle_types();
  }

private:
  bool prefix_fits_here(const Decl* d, bool is_decl, SourceLocation loc) {
    if (!st_.any_order_prefix() || prefix_fits(d, is_decl, loc)) return true;
    std::string what = is_decl ? "declares " : "uses ";
    if (const auto* nd = dyn_cast<NamedDecl>(d)) what += nd->getQualifiedNameAsString();
    st_.prefix_misfit(what + " at " + loc.printToString(st_.sm()) + ", declared in a header not reached yet");
    return false; // parsed again whole: these facts are dropped
  }

  /// With an any-order prefix, what this occurrence names must be declared
  /// as in a plain parse: a reference, by a declaration the TU had included
  /// by then; a declaration, after every one of the PCH it redeclares.
  bool prefix_fits(const Decl* d, bool is_decl, SourceLocation loc) {
    if (is_decl) {
      for (const Decl* r : d->redecls())
        if (r->isFromASTFile() && !st_.prefix_visible(r->getLocation(), loc)) return false;
      return true;
    }
    for (const Decl* r : d->redecls())
      if (!r->isFromASTFile() || st_.prefix_visible(r->getLocation(), loc)) return true;
    return false;
  }

  uint32_t macro_symbol(const std::string& usr, const std::string& name, Loc def) {
    auto it = macros_.find(usr);
    if (it != macros_.end()) return it->second;
    SymbolFact s;
    s.usr = usr;
    s.name = name;
    s.kind = SymbolKind::Macro;
    s.decl = s.def = def;
    uint32_t idx = static_cast<uint32_t>(st_.facts().symbols.size());
    st_.facts().symbols.push_back(std::move(s));
    macros_.emplace(usr, idx);
    return idx;
  }

  /// A Friend reference from the befriending class to each function or
  /// template it names (friend types arrive as index references instead).
  void add_friend_refs() {
    for (const FriendDecl* fd : st_.friends) {
      const NamedDecl* target = fd->getFriendDecl();
      // A friend defined in the class (hidden friend) belongs to the class.
      if (const auto* f = dyn_cast<FunctionDecl>(target); f && f->doesThisDeclarationHaveABody()) continue;
      Loc site = st_.loc(target->getLocation());
      // Like every reference: recorded by the TU that indexes the file.
      if (!site.valid() || st_.is_external(site.file) || !st_.indexed(site.file)) continue;
      uint32_t from = kNoSymbol;
      if (const auto* owner = dyn_cast<Decl>(fd->getDeclContext())) from = symbol(pattern_of(owner));
      add_ref(pattern_of(target), site, from, RefKind::Friend, target->getLocation());
    }
  }

  /// `friend class X;` is indexed as a type use whose parent is the class, not
  /// the FriendDecl: look the site up among the class's friend declarations.
  static bool in_friend_decl(const Decl* parent, SourceLocation loc) {
    if (isa<FriendDecl>(parent)) return true;
    const auto* rd = dyn_cast<CXXRecordDecl>(parent);
    if (!rd || !rd->hasDefinition()) return false;
    for (const FriendDecl* fd : rd->getDefinition()->friends())
      if (fd->getFriendType() && fd->getSourceRange().fullyContains(SourceRange(loc))) return true;
    return false;
  }

  std::pair<FileID, unsigned> raw_offset(SourceLocation loc) {
    return st_.sm().getDecomposedExpansionLoc(loc);
  }

  void add_ref(const Decl* target, Loc site, uint32_t from, RefKind kind, SourceLocation loc) {
    if (!st_.indexed(site.file)) return; // the TU that indexes that file records it
    // References to system and third-party declarations are not facts we keep:
    // external dependencies are counted from includes.
    if (st_.is_external(st_.file_of(target->getLocation()))) return;
    uint32_t t = symbol(target);
    if (t == kNoSymbol) return;
    RefFact r;
    r.site = site;
    r.target = t;
    r.from = from;
    r.kind = kind;
    st_.facts().refs.push_back(r);
    pending_offsets_.push_back(raw_offset(loc));
  }

  /// Index of the symbol for a declaration (created on first sight).
  uint32_t symbol(const Decl* d) {
    if (!d) return kNoSymbol;
    d = d->getCanonicalDecl();
    auto it = symbols_.find(d);
    if (it != symbols_.end()) return it->second;
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(d, usr)) {
      symbols_[d] = kNoSymbol;
      return kNoSymbol;
    }
    SymbolFact s;
    s.usr = usr.str().str();
    if (const auto* nd = dyn_cast<NamedDecl>(d)) s.name = qualified_name(nd);
    s.kind = kind_of(d);
    s.is_template = is_template(d);
    if (const auto* parent = dyn_cast<Decl>(d->getDeclContext()))
      if (isa<TagDecl>(parent)) {
        llvm::SmallString<128> pusr;
        if (!index::generateUSRForDecl(parent, pusr)) s.parent_usr = pusr.str().str();
      }
    if (const auto* v = dyn_cast<VarDecl>(d)) {
      QualType t = v->getType();
      // A thread_local is not shared state: every thread has its own copy
      // already, and so would every process (rocksdb's perf_level and
      // thread-status pointers were charged as globals on every module).
      s.mutable_global = v->hasGlobalStorage() && !v->isConstexpr() && !t.isConstQualified() &&
                         !t->isReferenceType() && !v->isStaticLocal() && v->getTLSKind() == VarDecl::TLS_None;
    }
    Loc where = st_.loc(d->getLocation());
    s.decl = where;
    describe_declaration(d, s);
    uint32_t idx = static_cast<uint32_t>(st_.facts().symbols.size());
    st_.facts().symbols.push_back(std::move(s));
    symbols_[d] = idx;
    return idx;
  }

  /// Whether a record type is polymorphic, as the class stands at the end of
  /// the TU, not where the symbol was first seen (TypeDescriber::settle).
  void settle_types() {
    if (records_.empty()) return;
    for (SymbolFact& s : st_.facts().symbols) {
      TypeDescriber::settle(s.result, records_);
      for (Param& p : s.params) TypeDescriber::settle(p.type, records_);
    }
  }

  /// A function's type with the exception specification it was declared
  /// with: a destructor's implicit `noexcept` is computed when Sema first
  /// needs it, which depends on what the TU did before (a PCH, which TU
  /// indexed the header), so it is left out unless written.
  QualType as_written(const FunctionDecl* f) {
    QualType t = f->getType();
    const auto* fpt = t->getAs<FunctionProtoType>();
    if (!fpt || fpt->getExceptionSpecType() == EST_None || f->getExceptionSpecSourceRange().isValid()) return t;
    FunctionProtoType::ExtProtoInfo epi = fpt->getExtProtoInfo();
    epi.ExceptionSpec = FunctionProtoType::ExceptionSpecInfo();
    return ctx_->getFunctionType(fpt->getReturnType(), fpt->getParamTypes(), epi);
  }

  /// Types and flags that every declaration carries (signature, value type).
  void describe_declaration(const Decl* d, SymbolFact& s) {
    if (!ctx_) return;
    TypeDescriber td(*ctx_, &records_);
    if (const auto* f = dyn_cast<FunctionDecl>(d)) {
      s.signature = td.spell(as_written(f));
      s.result = td.describe(f->getReturnType());
      for (const ParmVarDecl* p : f->parameters())
        s.params.push_back(Param{p->getNameAsString(), td.describe(p->getType())});
      s.is_inline = f->isInlineSpecified() || f->isInlined();
      if (const auto* m = dyn_cast<CXXMethodDecl>(f)) {
        s.is_virtual = m->isVirtual();
        s.is_pure = m->isPureVirtual();
      }
    } else if (const auto* v = dyn_cast<ValueDecl>(d)) {
      s.result = td.describe(v->getType());
      if (const auto* ec = dyn_cast<EnumConstantDecl>(d)) s.enum_value = ec->getInitVal().getExtValue();
    } else if (const auto* td_alias = dyn_cast<TypedefNameDecl>(d)) {
      s.result = td.describe(td_alias->getUnderlyingType());
    }
  }

  void fill_definition(const Decl* d, SymbolFact& s) {
    const auto* r = dyn_cast<CXXRecordDecl>(pattern_of(d));
    if (!r) {
      if (const auto* ct = dyn_cast<ClassTemplateDecl>(d)) r = ct->getTemplatedDecl();
    }
    if (!r) {
      if (const auto* rd = dyn_cast<CXXRecordDecl>(d)) r = rd;
    }
    if (!r || !r->hasDefinition()) return;
    r = r->getDefinition();
    if (r->isDependentContext()) {
      s.is_abstract = false;
    } else {
      s.is_abstract = r->isAbstract();
      s.is_polymorphic = r->isPolymorphic();
      s.is_aggregate = r->isAggregate();
    }
    if (r->isDependentContext()) {
      // Template patterns: abstract when any method is pure.
      for (const CXXMethodDecl* m : r->methods()) {
        if (m->isPureVirtual()) s.is_abstract = true;
        if (m->isVirtual()) s.is_polymorphic = true;
      }
    }
    s.bases.clear();
    for (const CXXBaseSpecifier& b : r->bases()) {
      const CXXRecordDecl* base = b.getType()->getAsCXXRecordDecl();
      if (!base) {
        if (const auto* ts = b.getType()->getAs<TemplateSpecializationType>())
          if (const TemplateDecl* td = ts->getTemplateName().getAsTemplateDecl())
            base = dyn_cast_or_null<CXXRecordDecl>(td->getTemplatedDecl());
      }
      if (!base) continue;
      if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(base))
        base = spec->getSpecializedTemplate()->getTemplatedDecl();
      llvm::SmallString<128> usr;
      if (!index::generateUSRForDecl(base->getCanonicalDecl(), usr)) s.bases.push_back(usr.str().str());
    }
  }

  void mark_loops() {
    auto& loops = st_.loops;
    if (loops.empty()) return;
    std::sort(loops.begin(), loops.end());
    auto& refs = st_.facts().refs;
    for (size_t i = 0; i < refs.size() && i < pending_offsets_.size(); ++i) {
      auto [fid, off] = pending_offsets_[i];
      // Any loop of the same file whose range contains the offset.
      auto it = std::upper_bound(loops.begin(), loops.end(),
                                 std::make_tuple(fid, off, UINT32_MAX));
      while (it != loops.begin()) {
        --it;
        if (std::get<0>(*it) != fid) break;
        if (std::get<1>(*it) <= off && off <= std::get<2>(*it)) {
          refs[i].in_loop = true;
          break;
        }
      }
    }
  }

  TuState& st_;
  ASTContext* ctx_ = nullptr;
  RecordsSeen records_;
  llvm::DenseMap<const Decl*, uint32_t> symbols_;
  std::map<std::string, uint32_t> macros_;
  /// Raw (file, offset) of each ref in facts.refs, for mark_loops.
  std::vector<std::pair<FileID, unsigned>> pending_offsets_;
};

} // namespace

std::shared_ptr<clang::index::IndexDataConsumer> symbol_collector(TuState& st) {
  return std::make_shared<SymbolCollector>(st);
}

} // namespace seam
