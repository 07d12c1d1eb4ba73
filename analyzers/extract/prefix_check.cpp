#include "analyzers/extract/prefix_check.h"

#include "analyzers/core/paths.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/MacroInfo.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace seam {
namespace {

using namespace clang;

class PrefixChecker : public PPCallbacks {
public:
  PrefixChecker(Preprocessor& pp, const PrefixPch& prefix, std::string root, std::string cwd,
                std::function<void(const std::string&)> replay, bool& mismatch)
      : sm_(pp.getSourceManager()), prefix_(prefix), root_(std::move(root)), cwd_(std::move(cwd)),
        replay_(std::move(replay)), mismatch_(mismatch) {
    // Any token the parser sees before the prefix is complete is code the
    // prefix headers were not parsed after.
    pp.setTokenWatcher([this](const Token&) {
      if (!done()) mismatch_ = true;
    });
  }

  // An external header the PCH read may be entered again: one whose guard is
  // not the first thing in it (libstdc++'s <cstdio>, <cstdlib>, <cstring>
  // put `#pragma GCC system_header` and #includes before theirs) is not
  // skipped by the guard optimisation, so a plain parse enters it on every
  // #include. Entered again after the PCH, its guard skips its body: what it
  // may do is what such a second entry does in a plain parse, nothing. So
  // while inside it, its directives are not checked; a token (the watcher),
  // a macro defined or undefined, or a file the PCH did not read still fail.
  bool in_covered() const { return covered_depth_ > 0; }

  void InclusionDirective(SourceLocation, const Token&, StringRef, bool, CharSourceRange, OptionalFileEntryRef file,
                          StringRef, StringRef, const clang::Module*, bool, SrcMgr::CharacteristicKind) override {
    if (done()) return;
    if (!file) return fail();
    std::string path = canon(*file);
    std::string rel;
    if (relative_to(path, root_, rel)) return; // a project header: entered, and checked in turn
    if (in_covered()) return; // entered or not, FileChanged checks the file
    if (path == prefix_.headers[next_]) {
      for (const std::string& f : prefix_.files[next_]) {
        replay_(f);
        covered_.insert(f);
      }
      covered_.insert(path);
      ++next_;
      return;
    }
    // A prefix header again: its guard skips it, as in a plain parse.
    if (std::find(prefix_.headers.begin(), prefix_.headers.begin() + next_, path) != prefix_.headers.begin() + next_)
      return;
    fail();
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind, FileID) override {
    if (done()) return;
    if (reason == ExitFile) {
      if (!entered_.empty()) {
        covered_depth_ -= entered_.back();
        entered_.pop_back();
      }
      return;
    }
    if (reason != EnterFile) return;
    OptionalFileEntryRef fe = sm_.getFileEntryRefForID(sm_.getFileID(loc));
    if (!fe) return; // the predefines buffer
    const std::string path = canon(*fe);
    std::string rel;
    bool covered = false;
    if (!relative_to(path, root_, rel)) {
      // An external file entered before the prefix is complete: one the PCH
      // read (entered again, see in_covered), else one it did not cover.
      if (!covered_.count(path)) return fail();
      covered = true;
    }
    if (entered_.empty() && sm_.getFileID(loc) == sm_.getMainFileID()) return; // the main file itself
    entered_.push_back(covered);
    covered_depth_ += covered;
  }

  void MacroDefined(const Token& name, const MacroDirective* md) override {
    if (done()) return;
    if (in_covered()) return fail(); // a header the PCH read did something again
    // The predefined and command-line macros: the same with the PCH.
    if (!sm_.getFileEntryRefForID(sm_.getFileID(sm_.getExpansionLoc(name.getLocation())))) return;
    const IdentifierInfo* id = name.getIdentifierInfo();
    if (id && id->getName() == guard_ && md && md->getMacroInfo() && md->getMacroInfo()->getNumTokens() == 0) {
      guard_.clear();
      return;
    }
    fail();
  }
  void Ifndef(SourceLocation, const Token& name, const MacroDefinition&) override {
    if (done() || in_covered()) return;
    const IdentifierInfo* id = name.getIdentifierInfo();
    // An include guard, #define'd right after (MacroDefined): no name a
    // system header could test (reserved names, NDEBUG).
    if (!guard_.empty() || !id || id->getName().starts_with("_") || id->getName() == "NDEBUG") return fail();
    guard_ = id->getName().str();
  }
  void PragmaDirective(SourceLocation loc, PragmaIntroducerKind) override {
    if (done() || in_covered()) return;
    bool invalid = false;
    const char* p = sm_.getCharacterData(loc, &invalid);
    if (invalid || !p) return fail();
    std::string line;
    for (; *p && *p != '\n'; ++p)
      if (*p != ' ' && *p != '\t' && *p != '\r') line += *p;
    if (line != "#pragmaonce" && line != "pragmaonce") fail();
  }
  void MacroUndefined(const Token&, const MacroDefinition&, const MacroDirective*) override { guarded_fail(); }
  void If(SourceLocation, SourceRange, ConditionValueKind) override { unless_covered_fail(); }
  void Elif(SourceLocation, SourceRange, ConditionValueKind, SourceLocation) override { unless_covered_fail(); }
  void Ifdef(SourceLocation, const Token&, const MacroDefinition&) override { unless_covered_fail(); }
  void Else(SourceLocation, SourceLocation) override { unless_covered_fail(); }
  void Endif(SourceLocation, SourceLocation) override { unless_covered_fail(); }
  void Ident(SourceLocation, StringRef) override { unless_covered_fail(); }
  void EndOfMainFile() override { guarded_fail(); }

private:
  bool done() const { return mismatch_ || next_ == prefix_.headers.size(); }
  void guarded_fail() {
    if (!done()) fail();
  }
  void unless_covered_fail() {
    if (!in_covered()) guarded_fail();
  }
  void fail() { mismatch_ = true; }
  std::string canon(FileEntryRef fe) const {
    std::string name(fe.getName());
    return canonical_path(name.empty() || name[0] != '/' ? cwd_ + "/" + name : name);
  }

  SourceManager& sm_;
  const PrefixPch& prefix_;
  std::string root_, cwd_;
  std::function<void(const std::string&)> replay_;
  bool& mismatch_;
  size_t next_ = 0;
  std::string guard_;
  std::unordered_set<std::string> covered_; ///< files the PCH read of prefix headers before next_
  std::vector<bool> entered_;                ///< per file entered and not yet left: one the PCH read
  int covered_depth_ = 0;                    ///< how many of those are

};

} // namespace

std::unique_ptr<PPCallbacks> prefix_checker(Preprocessor& pp, const PrefixPch& prefix, std::string root,
                                            std::string cwd, std::function<void(const std::string&)> replay,
                                            bool& mismatch) {
  return std::make_unique<PrefixChecker>(pp, prefix, std::move(root), std::move(cwd), std::move(replay), mismatch);
}

} // namespace seam
