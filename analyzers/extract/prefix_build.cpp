// Building a precompiled prefix (prefix.h): the synthesised header of the
// shared #includes through Clang's GeneratePCHAction, with the TU's own
// arguments and every function body skipped (the bodies of external headers
// are skipped in a plain parse too), while recording the files it reads in
// the order a plain parse registers them.
#include "analyzers/core/paths.h"
#include "analyzers/extract/prefix.h"
#include "analyzers/extract/prefix_check.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <cstdint>
#include <llvm/ADT/DenseMap.h>
#include <clang/Lex/MacroInfo.h>
#include <set>
#include <unordered_map>

namespace seam {
namespace {

using namespace clang;

/// The files the prefix reads, grouped by the top-level #include that first
/// reached them; the same events TuState registers files on (an #include
/// directive names its file, entering a file names it). And the include tree
/// (PrefixPch::nodes), which an any-order prefix replays.
class Recorder : public MacroUseCallbacks {
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
    if (stack_.empty() || stack_.back() == kNone) return;
    const uint32_t f = tree_file(path);
    out_.nodes[stack_.back()].includes.emplace_back(f, kNone);
    pending_ = {stack_.back(), static_cast<uint32_t>(out_.nodes[stack_.back()].includes.size() - 1)};
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind, FileID) override {
    if (reason == ExitFile) {
      if (!stack_.empty()) stack_.pop_back();
      return;
    }
    if (reason != EnterFile) return;
    FileID fid = sm_.getFileID(loc);
    OptionalFileEntryRef fe = sm_.getFileEntryRefForID(fid);
    if (fid == sm_.getMainFileID()) {
      if (!fe) return fail("no main file");
      // The prefix header: tree file 0, node 0.
      out_.tree_files.assign(1, canon(*fe));
      out_.first_node.assign(1, 0);
      out_.reentered.assign(1, 0);
      out_.nodes.assign(1, PrefixPch::Node{});
      index_.clear();
      index_[out_.tree_files[0]] = 0;
      stack_.assign(1, 0);
      return;
    }
    if (!fe) { // the predefines buffer
      stack_.push_back(kNone);
      pending_.first = kNone;
      return;
    }
    const std::string path = canon(*fe);
    note(path);
    const uint32_t f = tree_file(path);
    const uint32_t node = static_cast<uint32_t>(out_.nodes.size());
    out_.nodes.push_back(PrefixPch::Node{f, {}});
    if (out_.first_node[f] == kNone)
      out_.first_node[f] = node;
    else
      out_.reentered[f] = 1;
    if (pending_.first != kNone) out_.nodes[pending_.first].includes[pending_.second].second = node;
    pending_.first = kNone;
    stack_.push_back(node);
  }

  void FileSkipped(const FileEntryRef&, const Token&, SrcMgr::CharacteristicKind) override { pending_.first = kNone; }

  // The names each file reads (PrefixPch::uses).
  void macro_used(const Token& name, const MacroDefinition& md) override { use(name, md); }
  /// An identifier the parser gets: a macro of that name would have replaced it.
  void token(const Token& t) {
    if (const IdentifierInfo* id = t.getIdentifierInfo()) note_use(id, sm_.getSpellingLoc(t.getLocation()));
  }

  void EndOfMainFile() override {
    out_.uses.resize(out_.tree_files.size());
    for (auto& u : out_.uses) {
      std::sort(u.begin(), u.end());
      u.erase(std::unique(u.begin(), u.end()), u.end());
    }
    // A directive a guard skipped stands for the file's first entry.
    for (PrefixPch::Node& n : out_.nodes)
      for (auto& [file, node] : n.includes)
        if (node == kNone) {
          node = out_.first_node[file];
          if (node == kNone) fail("an #include the prefix read was never entered");
        }
  }

private:
  static constexpr uint32_t kNone = UINT32_MAX;

  void use(const Token& name, const MacroDefinition& md) {
    const IdentifierInfo* id = name.getIdentifierInfo();
    if (!id) return;
    SourceLocation at = sm_.getSpellingLoc(name.getLocation());
    // Defined by this very file before: what came before it does not matter.
    if (const MacroInfo* mi = md.getMacroInfo())
      if (sm_.getFileID(sm_.getSpellingLoc(mi->getDefinitionLoc())) == sm_.getFileID(at)) return;
    note_use(id, at);
  }
  void note_use(const IdentifierInfo* id, SourceLocation at) {
    FileID fid = sm_.getFileID(at);
    auto [it, added] = file_of_.try_emplace(fid, kNone);
    if (added)
      if (OptionalFileEntryRef fe = sm_.getFileEntryRefForID(fid)) it->second = tree_file(canon(*fe));
    if (it->second == kNone) return;
    auto [n, fresh] = name_index_.try_emplace(id, static_cast<uint32_t>(out_.names.size()));
    if (fresh) out_.names.push_back(id->getName().str());
    if (out_.uses.size() < out_.tree_files.size()) out_.uses.resize(out_.tree_files.size());
    out_.uses[it->second].push_back(n->second);
  }

  uint32_t tree_file(const std::string& path) {
    auto [it, added] = index_.emplace(path, static_cast<uint32_t>(out_.tree_files.size()));
    if (added) {
      out_.tree_files.push_back(path);
      out_.first_node.push_back(kNone);
      out_.reentered.push_back(0);
    }
    return it->second;
  }
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
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<uint32_t> stack_;                    ///< the node of each file being read
  std::pair<uint32_t, uint32_t> pending_{kNone, 0}; ///< the directive whose file is entered next
  llvm::DenseMap<FileID, uint32_t> file_of_;
  llvm::DenseMap<const IdentifierInfo*, uint32_t> name_index_;
};

class PrefixAction : public GeneratePCHAction {
public:
  PrefixAction(std::string cwd, std::string root, PrefixPch& out, std::string& why)
      : cwd_(std::move(cwd)), root_(std::move(root)), out_(out), why_(why) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef in) override {
    auto recorder = std::make_unique<Recorder>(ci.getSourceManager(), cwd_, root_, out_, why_);
    Recorder* r = recorder.get();
    ci.getPreprocessor().addPPCallbacks(std::move(recorder));
    ci.getPreprocessor().setTokenWatcher([r](const Token& t) { r->token(t); });
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

/// Ignores every diagnostic but the first error, whose top-level #include it
/// finds: the synthesised header's line that led to it (PrefixPch::failed_line).
class FirstError : public DiagnosticConsumer {
public:
  explicit FirstError(unsigned& line) : line_(line) {}

  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    // Not counted (no "N errors generated" on stderr): the caller knows.
    if (level < DiagnosticsEngine::Error || line_ || !info.hasSourceManager() || info.getLocation().isInvalid())
      return;
    const SourceManager& sm = info.getSourceManager();
    SourceLocation at = sm.getExpansionLoc(info.getLocation());
    // Up the include stack to the #include in the prefix header.
    for (int depth = 0; depth < 256 && at.isValid(); ++depth) {
      if (sm.getFileID(at) == sm.getMainFileID()) {
        line_ = sm.getSpellingLineNumber(at);
        return;
      }
      at = sm.getIncludeLoc(sm.getFileID(at));
    }
  }

private:
  unsigned& line_;
};

} // namespace

bool build_prefix_pch(const std::vector<std::string>& arguments, const std::string& directory,
                      const std::string& header, const std::string& root, PrefixPch& out, std::string& why) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::createPhysicalFileSystem();
  fs->setCurrentWorkingDirectory(directory);
  auto files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions{directory}, fs);
  out.failed_line = 0;
  FirstError diags(out.failed_line);
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
