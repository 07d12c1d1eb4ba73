// One TU through Clang: the front-end action that wires the collectors, and
// extract_tu, which runs it on one compile command. What each collector
// gathers is in its own file:
//   tu_state          the file table the collectors share, and which files this TU indexes
//   include_collector includes, from PPCallbacks
//   symbol_collector  symbols and references, from clang::index (IndexDataConsumer)
//   loop_collector    loop bodies and friend declarations, from a small AST pass
//   error_collector   the TU's errors
// Results are plain TuFacts.
#include "analyzers/core/paths.h"
#include "analyzers/extract/error_collector.h"
#include "analyzers/extract/extract.h"
#include "analyzers/extract/include_collector.h"
#include "analyzers/extract/loop_collector.h"
#include "analyzers/extract/prefix_check.h"
#include "analyzers/extract/symbol_collector.h"
#include "analyzers/extract/tu_state.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Index/IndexDataConsumer.h>
#include <clang/Index/IndexingAction.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace seam {
namespace {

using namespace clang;

class ExtractAction : public ASTFrontendAction {
public:
  explicit ExtractAction(TuState& st) : st_(st) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef) override {
    st_.set_source_manager(&ci.getSourceManager());
    Preprocessor& pp = ci.getPreprocessor();
    pp.addPPCallbacks(include_collector(st_));
    if (st_.any_order_prefix())
      pp.addPPCallbacks(any_order_checker(pp, st_));
    else if (st_.prefix())
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
      // A declaration from a precompiled prefix is external: not traversed.
      opts.ShouldTraverseDecl = [this](const Decl* d) { return !d->isFromASTFile() && st_.indexed_at(d->getLocation()); };
      skip_body = [this](const Decl* d) { return !st_.indexed_at(d->getLocation()); };
    }
    std::vector<std::unique_ptr<ASTConsumer>> consumers;
    consumers.push_back(loop_collector(st_));
    consumers.push_back(index::createIndexingASTConsumer(symbol_collector(st_), opts,
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

  std::unique_ptr<DiagnosticConsumer> diags = error_collector(facts, root);
  ExtractToolAction action(st);
  tooling::ToolInvocation invocation(input.arguments, &action, files.get(),
                                     std::make_shared<PCHContainerOperations>());
  invocation.setDiagnosticConsumer(diags.get());
  bool ran = invocation.run();
  if (!ran && facts.ok) {
    facts.ok = false;
    if (facts.first_error.empty()) facts.first_error = facts.main_file + ": the compiler could not run this command";
  }
  if (input.prefix && (st.prefix_mismatch || !facts.ok)) {
    if (!st.prefix_mismatch) st.prefix_misfit("its parse with the prefix failed: " + facts.first_error);
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
