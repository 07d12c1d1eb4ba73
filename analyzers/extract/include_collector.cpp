// Includes from the preprocessor (clangd's IncludeGraphCollector): every file
// the TU enters is registered, and each #include written in a file this TU
// indexes becomes an IncludeFact. A missing include marks the files on the
// include stack incomplete, so their facts are not cached.
#include "analyzers/extract/include_collector.h"

#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Token.h>

namespace seam {
namespace {

using namespace clang;

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

} // namespace

std::unique_ptr<clang::PPCallbacks> include_collector(TuState& st) { return std::make_unique<IncludeCollector>(st); }

} // namespace seam
