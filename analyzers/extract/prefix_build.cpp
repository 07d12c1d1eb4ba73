// Building a precompiled prefix (prefix.h): the synthesised header of the
// shared #includes through Clang's GeneratePCHAction, with the TU's own
// arguments and every function body skipped (the bodies of external headers
// are skipped in a plain parse too), while recording the files it reads in
// the order a plain parse registers them.
#include "analyzers/core/paths.h"
#include "analyzers/extract/prefix.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <set>

namespace seam {
namespace {

using namespace clang;

/// The files the prefix reads, grouped by the top-level #include that first
/// reached them; the same events TuState registers files on (an #include
/// directive names its file, entering a file names it).
class Recorder : public PPCallbacks {
public:
  Recorder(SourceManager& sm, std::string cwd, std::string root, PrefixPch& out, std::string& why)
      : sm_(sm), cwd_(std::move(cwd)), root_(std::move(root)), out_(out), why_(why) {}

  void InclusionDirective(SourceLocation hash, const Token&, StringRef name, bool, CharSourceRange,
                          OptionalFileEntryRef file, StringRef, StringRef, const clang::Module*, bool,
                          SrcMgr::CharacteristicKind) override {
    if (!file) return fail("#include \"" + name.str() + "\" not found");
    std::string path = canon(*file);
    if (sm_.getFileID(sm_.getExpansionLoc(hash)) == sm_.getMainFileID()) {
      out_.headers.push_back(path);
      out_.files.emplace_back();
    }
    note(path);
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind, FileID) override {
    if (reason != EnterFile) return;
    FileID fid = sm_.getFileID(loc);
    if (fid == sm_.getMainFileID()) return;
    if (OptionalFileEntryRef fe = sm_.getFileEntryRefForID(fid)) note(canon(*fe));
  }

private:
  std::string canon(FileEntryRef fe) const {
    std::string name(fe.getName());
    return canonical_path(name.empty() || name[0] != '/' ? cwd_ + "/" + name : name);
  }
  void note(const std::string& path) {
    std::string rel;
    if (relative_to(path, root_, rel)) return fail("it reads the project file " + rel);
    if (out_.files.empty()) return fail("it reads " + path + " before its first #include");
    if (seen_.insert(path).second) out_.files.back().push_back(path);
  }
  void fail(const std::string& why) {
    if (why_.empty()) why_ = why;
  }

  SourceManager& sm_;
  std::string cwd_, root_;
  PrefixPch& out_;
  std::string& why_;
  std::set<std::string> seen_;
};

class PrefixAction : public GeneratePCHAction {
public:
  PrefixAction(std::string cwd, std::string root, PrefixPch& out, std::string& why)
      : cwd_(std::move(cwd)), root_(std::move(root)), out_(out), why_(why) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef in) override {
    ci.getPreprocessor().addPPCallbacks(std::make_unique<Recorder>(ci.getSourceManager(), cwd_, root_, out_, why_));
    return GeneratePCHAction::CreateASTConsumer(ci, in);
  }

private:
  std::string cwd_, root_;
  PrefixPch& out_;
  std::string& why_;
};

class PrefixToolAction : public tooling::ToolAction {
public:
  PrefixToolAction(std::string cwd, std::string root, PrefixPch& out, std::string& why)
      : cwd_(std::move(cwd)), root_(std::move(root)), out_(out), why_(why) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> invocation, FileManager* files,
                     std::shared_ptr<PCHContainerOperations> pch, DiagnosticConsumer* diags) override {
    // The same options as ExtractToolAction, made a header precompiled with
    // every body skipped: all of it is external, whose bodies a plain parse skips.
    invocation->getDiagnosticOpts().IgnoreWarnings = true;
    invocation->getDiagnosticOpts().ErrorLimit = 0;
    FrontendOptions& fo = invocation->getFrontendOpts();
    fo.DisableFree = false;
    fo.SkipFunctionBodies = true;
    fo.ProgramAction = frontend::GeneratePCH;
    fo.OutputFile = out_.pch;
    if (fo.Inputs.size() != 1) {
      why_ = "not one input";
      return false;
    }
    fo.Inputs[0] = FrontendInputFile(fo.Inputs[0].getFile(), fo.Inputs[0].getKind().getHeader());
    CompilerInstance ci(std::move(pch));
    ci.setInvocation(std::move(invocation));
    ci.setFileManager(files);
    ci.createDiagnostics(diags, /*ShouldOwnClient=*/false);
    if (!ci.hasDiagnostics()) return false;
    ci.createSourceManager(*files);
    PrefixAction action(cwd_, root_, out_, why_);
    bool ok = ci.ExecuteAction(action) && !ci.getDiagnostics().hasErrorOccurred();
    files->clearStatCache();
    return ok && why_.empty();
  }

private:
  std::string cwd_, root_;
  PrefixPch& out_;
  std::string& why_;
};

} // namespace

bool build_prefix_pch(const std::vector<std::string>& arguments, const std::string& directory,
                      const std::string& header, const std::string& root, PrefixPch& out, std::string& why) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::createPhysicalFileSystem();
  fs->setCurrentWorkingDirectory(directory);
  auto files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions{directory}, fs);
  IgnoringDiagConsumer diags;
  PrefixToolAction action(directory, root, out, why);
  tooling::ToolInvocation invocation(arguments, &action, files.get(), std::make_shared<PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&diags);
  if (!invocation.run()) {
    if (why.empty()) why = "errors in " + header;
    return false;
  }
  return true;
}

} // namespace seam
