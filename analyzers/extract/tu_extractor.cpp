// One TU through Clang: includes from PPCallbacks, symbols and references from
// clang::index (IndexDataConsumer), loop bodies from a small AST pass so that
// references inside loops can be flagged. Results are plain TuFacts.
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"
#include "analyzers/extract/extract.h"
#include "analyzers/extract/prefix_check.h"
#include "analyzers/extract/type_describer.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Index/IndexDataConsumer.h>
#include <clang/Index/IndexSymbol.h>
#include <clang/Index/IndexingAction.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace seam {
namespace {

using namespace clang;

/// Per-TU state shared by the callbacks: the file table, which files this TU
/// indexes, and what the cache needs to know about each file.
class TuState {
public:
  TuState(std::string root, TuFacts& facts, const ExtractInput& input)
      : root_(std::move(root)), facts_(facts), claims_(input.claims), stamps_(input.stamps), rank_(input.rank),
        prefix_(input.prefix), again_(input.again) {}

  void set_source_manager(SourceManager* sm) { sm_ = sm; }
  SourceManager& sm() { return *sm_; }
  TuFacts& facts() { return facts_; }

  /// Index into facts.files for a FileID (registered on first sight).
  uint32_t file_index(FileID fid) {
    if (fid.isInvalid()) return kNoFile;
    auto it = by_fid_.find(fid);
    if (it != by_fid_.end()) return it->second;
    uint32_t idx = kNoFile;
    if (OptionalFileEntryRef fe = sm_->getFileEntryRefForID(fid)) idx = file_index(*fe, fid);
    by_fid_[fid] = idx;
    return idx;
  }

  uint32_t file_index(FileEntryRef fe, FileID fid = FileID()) {
    auto it = by_entry_.find(&fe.getFileEntry());
    if (it != by_entry_.end()) {
      // First registered by an #include directive, before the file was entered.
      if (fid.isValid() && !read_[it->second]) complete(it->second, fid);
      return it->second;
    }
    // Canonical (symlinks resolved) so one file reached by two spellings or
    // through a symlinked folder is one file. realpath before any lexical
    // clean-up: "/lib/gcc/x/12/../../../../include" is /usr/include when /lib
    // is a link to usr/lib (merged /usr), but lexically it is /include.
    std::string name(fe.getName());
    std::string abs = canonical_path(name.empty() || name[0] != '/' ? cwd_ + "/" + name : name);
    if (prefix_) {
      // A file the precompiled prefix read, registered already (replay).
      auto it = by_path_.find(abs);
      if (it != by_path_.end()) {
        by_entry_[&fe.getFileEntry()] = it->second;
        if (fid.isValid() && !read_[it->second] && !facts_.files[it->second].external) complete(it->second, fid);
        return it->second;
      }
    }
    uint32_t idx = add_file(std::move(abs));
    by_entry_[&fe.getFileEntry()] = idx;
    if (fid.isValid()) complete(idx, fid);
    return idx;
  }

  /// A file the precompiled prefix read, where a plain parse would have
  /// entered it (prefix_check.cpp): external, so it counts for the record's
  /// stamps (finish_stamps) and nothing else.
  void replay(const std::string& abs) {
    if (!by_path_.count(abs)) add_file(abs);
  }
  const PrefixPch* prefix() const { return prefix_; }
  /// The TU did not start with its prefix: parsed again without it.
  bool prefix_mismatch = false;

  uint32_t add_file(std::string abs) {
    FileFact f;
    std::string rel;
    if (relative_to(abs, root_, rel)) {
      f.path = rel;
    } else {
      f.path = abs;
      f.external = true;
    }
    uint32_t idx = static_cast<uint32_t>(facts_.files.size());
    // Which TU indexes a project file is decided once, when a TU first reaches it.
    indexed_.push_back(!f.external && (!claims_ || claims_->claim(f.path, rank_, again_)));
    facts_.files.push_back(std::move(f));
    if (prefix_) by_path_.emplace(abs, idx);
    abs_.push_back(std::move(abs));
    read_.push_back(0);
    stamps_out_.emplace_back();
    return idx;
  }

  /// The file of a location (expansion), without computing line and column:
  /// most callbacks are about external files and end at this check.
  uint32_t file_of(SourceLocation sl) {
    if (sl.isInvalid()) return kNoFile;
    return file_index(sm_->getFileID(sm_->getExpansionLoc(sl)));
  }

  /// Whether this TU indexes the file (project file it claimed); facts whose
  /// site lies in another file are not collected.
  bool indexed(uint32_t file) const { return file != kNoFile && indexed_[file]; }
  /// Whether files are claimed (headers indexed once) and bodies skipped.
  bool shortcuts() const { return claims_ != nullptr; }
  /// Whether the parser must see the body of a function declared at `loc`.
  bool indexed_at(SourceLocation loc) {
    if (loc.isInvalid()) return false;
    return indexed(file_of(loc));
  }

  /// Stamps of files never entered (should not happen; read them to be safe).
  void finish_stamps() {
    for (uint32_t f = 0; f < facts_.files.size(); ++f)
      if (!read_[f] && stamps_) {
        uint64_t h = 0;
        if (stamps_->hash(abs_[f], h)) stamps_out_[f] = stamps_->stat(abs_[f]);
      }
  }
  const std::vector<uint8_t>& indexed_files() const { return indexed_; }
  std::vector<Stamp>& stamps() { return stamps_out_; }
  const std::string& abs_path(uint32_t file) const { return abs_[file]; }

  bool is_external(uint32_t file) const { return file == kNoFile || facts_.files[file].external; }

  Loc loc(SourceLocation sl) {
    if (sl.isInvalid()) return {};
    std::pair<FileID, unsigned> dec = sm_->getDecomposedExpansionLoc(sl);
    Loc l;
    l.file = file_index(dec.first);
    if (l.file == kNoFile) return {};
    l.line = sm_->getLineNumber(dec.first, dec.second);
    l.column = sm_->getColumnNumber(dec.first, dec.second);
    return l;
  }

  void set_cwd(std::string cwd) { cwd_ = std::move(cwd); }
  const std::string& cwd() const { return cwd_; }
  const std::string& root() const { return root_; }

  /// Loop bodies as (file, begin offset, end offset), for the in_loop flag.
  std::vector<std::tuple<FileID, unsigned, unsigned>> loops;
  /// Friend declarations naming a function or a template (see LoopCollector).
  std::vector<const FriendDecl*> friends;
  /// See SplitInfo.
  std::vector<std::pair<uint32_t, Loc>> decl_sites;
  std::vector<uint8_t> decl_from_site;
  /// See TuExtras.
  bool missing_include = false;
  std::vector<uint32_t> incomplete;

private:
  /// Lines and content hash of a file, from the buffer the parser holds (the
  /// hash once per process for files every TU reads: FileStamps).
  void complete(uint32_t idx, FileID fid) {
    bool invalid = false;
    llvm::StringRef data = sm_->getBufferData(fid, &invalid);
    if (invalid) return;
    read_[idx] = 1;
    FileFact& f = facts_.files[idx];
    uint64_t hash = 0;
    if (stamps_) {
      stamps_out_[idx] = stamps_->with_content(abs_[idx], std::string_view(data.data(), data.size()));
      hash = stamps_out_[idx].hash;
    } else if (!f.external) {
      hash = hash_bytes(data.data(), data.size());
    }
    if (f.external) return;
    f.hash = hash;
    f.lines = static_cast<uint32_t>(std::count(data.begin(), data.end(), '\n'));
    if (!data.empty() && data.back() != '\n') ++f.lines;
  }

  std::string root_;
  std::string cwd_;
  TuFacts& facts_;
  FileClaims* claims_;
  FileStamps* stamps_;
  int64_t rank_;
  const PrefixPch* prefix_;
  bool again_;
  std::unordered_map<std::string, uint32_t> by_path_; ///< with a prefix only
  std::vector<uint8_t> indexed_, read_;
  std::vector<std::string> abs_;
  std::vector<Stamp> stamps_out_;
  SourceManager* sm_ = nullptr;
  llvm::DenseMap<FileID, uint32_t> by_fid_;
  llvm::DenseMap<const FileEntry*, uint32_t> by_entry_;
};

// ---------------------------------------------------------------------------
// Includes.

class IncludeCollector : public PPCallbacks {
public:
  explicit IncludeCollector(TuState& st) : st_(st) {}

  void InclusionDirective(SourceLocation hash, const Token&, StringRef name, bool angled,
                          CharSourceRange, OptionalFileEntryRef file, StringRef, StringRef,
                          const clang::Module*, bool, SrcMgr::CharacteristicKind) override {
    uint32_t included = file ? st_.file_index(*file) : kNoFile;
    if (!file) missing_include(hash);
    // Only the project's own includes, and only in the files this TU indexes.
    if (!st_.indexed(st_.file_of(hash))) return;
    Loc site = st_.loc(hash);
    IncludeFact inc;
    inc.site = site;
    inc.site.column = 1;
    inc.spelled = name.str();
    inc.angled = angled;
    inc.included = included;
    st_.facts().includes.push_back(std::move(inc));
  }

  /// The files on the include stack at a missing #include were not read to
  /// their end: their facts are incomplete and must not be cached.
  void missing_include(SourceLocation hash) {
    st_.missing_include = true;
    SourceManager& sm = st_.sm();
    for (SourceLocation l = hash; l.isValid();) {
      FileID fid = sm.getFileID(sm.getExpansionLoc(l));
      if (fid.isInvalid()) break;
      uint32_t f = st_.file_index(fid);
      if (f != kNoFile) st_.incomplete.push_back(f);
      l = sm.getIncludeLoc(fid);
    }
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind,
                   FileID) override {
    // Register every file the TU enters, so files that declare nothing still count.
    if (reason == EnterFile) st_.file_index(st_.sm().getFileID(loc));
  }

private:
  TuState& st_;
};

// ---------------------------------------------------------------------------
// Loop bodies.

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
  /// as references by clang::index; FactConsumer::finish turns these into Friend refs.
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

// ---------------------------------------------------------------------------
// Symbols and references.

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

class FactConsumer : public index::IndexDataConsumer {
public:
  explicit FactConsumer(TuState& st) : st_(st) {}

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
    Loc site = st_.loc(loc);
    const Decl* target = pattern_of(d);

    const bool is_decl = roles & (static_cast<unsigned>(SymbolRole::Declaration) |
                                  static_cast<unsigned>(SymbolRole::Definition));
    if (is_decl) {
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
  }

private:
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
    if (const auto* nd = dyn_cast<NamedDecl>(d)) s.name = nd->getQualifiedNameAsString();
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

  /// Types and flags that every declaration carries (signature, value type).
  void describe_declaration(const Decl* d, SymbolFact& s) {
    if (!ctx_) return;
    TypeDescriber td(*ctx_);
    if (const auto* f = dyn_cast<FunctionDecl>(d)) {
      s.signature = td.spell(f->getType());
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
  llvm::DenseMap<const Decl*, uint32_t> symbols_;
  std::map<std::string, uint32_t> macros_;
  /// Raw (file, offset) of each ref in facts.refs, for mark_loops.
  std::vector<std::pair<FileID, unsigned>> pending_offsets_;
};

// ---------------------------------------------------------------------------
// Diagnostics: count errors, keep the first one; print nothing.

class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(TuFacts& facts, std::string root) : facts_(facts), root_(std::move(root)) {}
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error) return;
    ++facts_.error_count;
    facts_.ok = false;
    if (!facts_.first_error.empty()) return;
    llvm::SmallString<256> msg;
    info.FormatDiagnostic(msg);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) {
        std::string file = normalize_path(p.getFilename());
        std::string rel;
        if (relative_to(file, root_, rel)) file = rel;
        where = file + ":" + std::to_string(p.getLine()) + ":" + std::to_string(p.getColumn()) + ": ";
      }
    }
    facts_.first_error = where + "error: " + msg.str().str();
  }

private:
  TuFacts& facts_;
  std::string root_;
};

class ExtractAction : public ASTFrontendAction {
public:
  explicit ExtractAction(TuState& st) : st_(st) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef) override {
    st_.set_source_manager(&ci.getSourceManager());
    Preprocessor& pp = ci.getPreprocessor();
    pp.addPPCallbacks(std::make_unique<IncludeCollector>(st_));
    if (st_.prefix())
      pp.addPPCallbacks(prefix_checker(pp, *st_.prefix(), st_.root(), st_.cwd(),
                                       [this](const std::string& abs) { st_.replay(abs); }, st_.prefix_mismatch));
    index::IndexingOptions opts;
    // Every occurrence, in system headers too: which files count is decided by
    // path (TuState::indexed), not by how a TU reached them. With None a
    // project header reached through -isystem/-idirafter (test targets often
    // do, e.g. `-isystem <root>`) reported nothing in that TU — no definition
    // — and when that TU was the one indexing the header, its classes were
    // owned by a forward declaration elsewhere (issue 13, leveldb::Env).
    // External headers cost nothing more with shortcuts: they are not traversed.
    opts.SystemSymbolFilter = index::IndexingOptions::SystemSymbolFilterKind::All;
    opts.IndexFunctionLocals = false;
    // A template is indexed by its pattern only: what an instantiation
    // resolves depends on the template arguments, which are the instantiating
    // code's dependency, not the template's (see dependent_lookup).
    opts.IndexImplicitInstantiation = false;
    opts.IndexMacros = true;
    // Only what no other TU indexes is traversed, and only its function
    // bodies are parsed (FrontendOptions::SkipFunctionBodies, set with the
    // claims): a body in an external header, or in a project header another
    // TU indexes, adds no fact this TU keeps.
    std::function<bool(const Decl*)> skip_body = [](const Decl*) { return false; };
    if (st_.shortcuts()) {
      opts.ShouldTraverseDecl = [this](const Decl* d) { return st_.indexed_at(d->getLocation()); };
      skip_body = [this](const Decl* d) { return !st_.indexed_at(d->getLocation()); };
    }
    std::vector<std::unique_ptr<ASTConsumer>> consumers;
    consumers.push_back(std::make_unique<LoopCollector>(st_));
    consumers.push_back(index::createIndexingASTConsumer(std::make_shared<FactConsumer>(st_), opts,
                                                         ci.getPreprocessorPtr(), std::move(skip_body)));
    return std::make_unique<MultiplexConsumer>(std::move(consumers));
  }

private:
  TuState& st_;
};

/// Runs ExtractAction on the invocation the driver built, as
/// FrontendActionFactory::runInvocation does, with diagnostics kept quiet.
class ExtractToolAction : public tooling::ToolAction {
public:
  explicit ExtractToolAction(TuState& st) : st_(st) {}
  bool runInvocation(std::shared_ptr<CompilerInvocation> invocation, FileManager* files,
                     std::shared_ptr<PCHContainerOperations> pch, DiagnosticConsumer* diags) override {
    // No "N errors generated." on stderr: seam reports failures itself.
    invocation->getDiagnosticOpts().ShowCarets = false;
    // seam reports no warnings, and skipping them skips real work: the
    // CFG-based analyses -Wall turns on (uninitialized, unreachable ...) run
    // on every function body. -Werror warnings no longer fail a TU either.
    invocation->getDiagnosticOpts().IgnoreWarnings = true;
    invocation->getDiagnosticOpts().ErrorLimit = 0;
    invocation->getFrontendOpts().DisableFree = false;
    // The parser asks the AST consumer before skipping a body (ExtractAction).
    invocation->getFrontendOpts().SkipFunctionBodies = st_.shortcuts();
    // The external headers this TU starts with, parsed once (prefix.h).
    if (st_.prefix()) invocation->getPreprocessorOpts().ImplicitPCHInclude = st_.prefix()->pch;
    CompilerInstance ci(std::move(pch));
    ci.setInvocation(std::move(invocation));
    ci.setFileManager(files);
    ci.createDiagnostics(diags, /*ShouldOwnClient=*/false);
    if (!ci.hasDiagnostics()) return false;
    ci.createSourceManager(*files);
    ExtractAction action(st_);
    bool ok = ci.ExecuteAction(action);
    files->clearStatCache();
    return ok;
  }

private:
  TuState& st_;
};

} // namespace

TuFacts extract_tu(const ExtractInput& input, const std::string& root) { return extract_tu(input, root, nullptr); }

TuFacts extract_tu(const ExtractInput& input, const std::string& root, TuExtras* extras) {
  TuFacts facts;
  {
    std::string rel;
    std::string main_abs = canonical_path(input.main_file);
    facts.main_file = relative_to(main_abs, root, rel) ? rel : main_abs;
  }
  TuState st(root, facts, input);
  st.set_cwd(input.directory);

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs;
  if (input.overlay.empty()) {
    fs = llvm::vfs::createPhysicalFileSystem();
  } else {
    // A physical file system of our own: its working directory is per instance,
    // not the process's, so parallel workers do not disturb each other.
    auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::createPhysicalFileSystem());
    auto mem = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    for (const auto& [path, content] : input.overlay)
      mem->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(content, path));
    overlay->pushOverlay(mem);
    fs = overlay;
  }
  fs->setCurrentWorkingDirectory(input.directory);
  auto files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions{input.directory}, fs);

  ErrorCollector diags(facts, root);
  ExtractToolAction action(st);
  tooling::ToolInvocation invocation(input.arguments, &action, files.get(),
                                     std::make_shared<PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&diags);
  bool ran = invocation.run();
  if (!ran && facts.ok) {
    facts.ok = false;
    if (facts.first_error.empty()) facts.first_error = facts.main_file + ": the compiler could not run this command";
  }
  if (input.prefix && (st.prefix_mismatch || !facts.ok)) {
    // Not the prefix's TU after all, or an error (a stale PCH, or one in the
    // code): the plain parse decides, claiming again what this one claimed.
    ExtractInput plain = input;
    plain.prefix = nullptr;
    plain.again = true;
    TuFacts again = extract_tu(plain, root, extras);
    if (extras) extras->prefix = 2;
    return again;
  }
  if (extras) {
    if (input.prefix) extras->prefix = 1;
    st.finish_stamps();
    extras->split.indexed = st.indexed_files();
    extras->split.decl_sites = std::move(st.decl_sites);
    extras->split.decl_from_site = std::move(st.decl_from_site);
    extras->split.decl_from_site.resize(facts.symbols.size());
    extras->stamps = std::move(st.stamps());
    extras->missing_include = st.missing_include;
    extras->incomplete = std::move(st.incomplete);
  }
  return facts;
}

} // namespace seam
