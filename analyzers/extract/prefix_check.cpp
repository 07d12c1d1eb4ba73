#include "analyzers/extract/prefix_check.h"

#include "analyzers/core/paths.h"
#include "analyzers/extract/tu_state.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/MacroInfo.h>

#include <algorithm>
#include <map>
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

/// See any_order_checker.
class AnyOrderChecker : public MacroUseCallbacks {
public:
  AnyOrderChecker(Preprocessor& pp, TuState& st) : pp_(pp), sm_(pp.getSourceManager()), st_(st), p_(*st.prefix()) {
    st_.prefix_reached.assign(p_.tree_files.size(), 0);
    st_.prefix_reached_at.assign(p_.tree_files.size(), SourceLocation());
    nodes_of_.resize(p_.tree_files.size());
    for (uint32_t n = 0; n < p_.names.size(); ++n) name_index_.emplace(p_.names[n], n);
    for (uint32_t n = 0; n < p_.nodes.size(); ++n) nodes_of_[p_.nodes[n].file].push_back(n);
  }

  void InclusionDirective(SourceLocation hash, const Token&, StringRef, bool, CharSourceRange, OptionalFileEntryRef file,
                          StringRef, StringRef, const clang::Module*, bool, SrcMgr::CharacteristicKind) override {
    if (!file) return; // an error: the TU is parsed again
    const int32_t t = st_.prefix_tree_file(*file);
    if (!frames_.empty()) frames_.back().seen.push_back(t);
    if (t < 0) return; // not the PCH's: entered as in a plain parse
    pending_ = hash;
    if (st_.prefix_reached[t] && !p_.reentered[t]) return; // its guard skips it, as in a plain parse
    if (p_.reentered[t]) {
      // Entered again for real: its own #includes come as in a plain parse,
      // and what its guard now skips is replayed when it is left.
      hide_unseen_macros(static_cast<uint32_t>(t), hash);
      reach(t, hash);
      return;
    }
    replay(p_.first_node[t], hash, 0);
  }

  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind, FileID) override {
    if (reason == ExitFile) {
      if (frames_.empty()) return;
      Frame f = std::move(frames_.back());
      frames_.pop_back();
      if (f.tree >= 0 && p_.reentered[f.tree]) finish_reentry(f);
      return;
    }
    if (reason != EnterFile) return;
    FileID fid = sm_.getFileID(loc);
    if (fid == sm_.getMainFileID() && !main_entered_) {
      main_entered_ = true;
      return;
    }
    OptionalFileEntryRef fe = sm_.getFileEntryRefForID(fid);
    Frame f;
    f.tree = fe ? st_.prefix_tree_file(*fe) : -1;
    f.hash = pending_;
    frames_.push_back(std::move(f));
  }

  void macro_used(const Token& name, const MacroDefinition& md) override { check_use(name, md); }

  void MacroDefined(const Token& name, const MacroDirective* md) override {
    // Defined again as it was (a feature macro the compiler predefines): no change.
    if (md && md->getMacroInfo())
      if (const MacroDirective* prev = md->getPrevious())
        if (const MacroInfo* before = prev->getMacroInfo())
          if (before->isIdenticalTo(*md->getMacroInfo(), pp_, /*Syntactically=*/true)) return;
    check_definition(name);
  }
  void MacroUndefined(const Token& name, const MacroDefinition& md, const MacroDirective*) override {
    if (!md.getMacroInfo()) return; // not a macro: #undef changes nothing
    check_definition(name);
  }

  void PragmaDirective(SourceLocation loc, PragmaIntroducerKind) override {
    if (st_.prefix_tree_file(loc) >= 0) return;
    bool invalid = false;
    const char* p = sm_.getCharacterData(loc, &invalid);
    if (invalid || !p) return;
    std::string line;
    for (; *p && *p != '\n'; ++p) line += *p;
    // Packing changes the headers read under it: the PCH read them without.
    if (line.find("pack") != std::string::npos) fail("a #pragma pack changes the headers after it", line);
  }

private:
  struct Frame {
    int32_t tree = -1;                ///< the tree file entered, -1: none
    SourceLocation hash;              ///< the #include that entered it
    std::vector<int32_t> seen;        ///< tree file of each #include it processed
  };

  void fail(const char* why, const std::string& what = "") { st_.prefix_misfit(std::string(why) + ": " + what); }

  void reach(uint32_t t, SourceLocation hash) {
    if (st_.prefix_reached[t]) return;
    for (auto it = live_.begin(); it != live_.end();) {
      if (as_in_pch(it->second)) {
        it = live_.erase(it);
        continue;
      }
      // Read by this file: a plain parse would have read it changed.
      auto n = name_index_.find(it->first);
      if (n != name_index_.end() && std::binary_search(p_.uses[t].begin(), p_.uses[t].end(), n->second))
        return fail("a project #define or #undef is in effect where it reaches a header that reads it",
                    it->first + " before " + p_.tree_files[t]);
      ++it;
    }
    st_.prefix_reached[t] = 1;
    st_.prefix_reached_at[t] = hash;
    st_.replay(p_.tree_files[t]);
    restore_hidden(t, hash);
  }

  /// A header without a guard (Clang's <stddef.h>, glibc's <assert.h>) is
  /// entered for real, and tests macros: those the PCH defined in another
  /// file this TU has not reached, a plain parse does not have yet. They are
  /// hidden (#undef'd at the #include), so the entry takes the branches a
  /// plain parse takes, and given back when their file is reached
  /// (restore_hidden). Without this, such a TU was a misfit: 40 of rocksdb's.
  /// The header's own macros stay: hiding <cstdlib>'s guard would declare
  /// again what the PCH declared.
  void hide_unseen_macros(uint32_t t, SourceLocation hash) {
    for (uint32_t n : p_.uses[t]) {
      IdentifierInfo* id = pp_.getIdentifierInfo(p_.names[n]);
      MacroInfo* mi = pp_.getMacroInfo(id);
      if (!mi || !sm_.isLoadedSourceLocation(mi->getDefinitionLoc())) continue; // the TU's own: a plain parse has it
      const int32_t x = st_.prefix_tree_file(mi->getDefinitionLoc());
      if (x < 0 || st_.prefix_reached[x] || static_cast<uint32_t>(x) == t) continue;
      auto* undef = new (pp_.getPreprocessorAllocator()) UndefMacroDirective(hash);
      pp_.appendMacroDirective(id, undef);
      hidden_.push_back({id, mi, undef, static_cast<uint32_t>(x)});
    }
  }

  /// Gives back the hidden macros `t` defines in the PCH, unless something
  /// defined or undefined them since. (The history, not
  /// getLocalMacroDirective: that answers null for an #undef.)
  void restore_hidden(uint32_t t, SourceLocation hash) {
    for (auto it = hidden_.begin(); it != hidden_.end();) {
      if (it->file != t) {
        ++it;
        continue;
      }
      if (pp_.getLocalMacroDirectiveHistory(it->id) == it->undef) pp_.appendDefMacroDirective(it->id, it->mi, hash);
      it = hidden_.erase(it);
    }
  }

  struct Hidden {
    IdentifierInfo* id;
    MacroInfo* mi;              ///< the PCH's definition
    const MacroDirective* undef; ///< the #undef that hid it
    uint32_t file;              ///< the tree file the PCH defined it in
  };
  std::vector<Hidden> hidden_;

  /// What a plain parse reads entering the PCH's node `n`: the file, then
  /// each #include it processed, but those a guard skips.
  void replay(uint32_t n, SourceLocation hash, int depth) {
    if (depth > 200) return fail("the include tree is deeper than 200");
    const PrefixPch::Node& node = p_.nodes[n];
    reach(node.file, hash);
    for (const auto& [f, child] : node.includes) replay_include(f, child, hash, depth + 1);
  }

  /// An #include the PCH processed: replayed, unless its guard skips it.
  void replay_include(uint32_t f, uint32_t node, SourceLocation hash, int depth) {
    if (st_.prefix_reached[f] && !p_.reentered[f]) return;
    replay(entry_for(f, node), hash, depth);
  }

  /// The entry a plain parse makes of `f` where the PCH made `variant`. A
  /// file whose guard comes after some #includes (<cstdlib>) was entered
  /// whole the first time the PCH read it and only up to its guard later; a
  /// TU that reaches it for the first time reads it whole.
  uint32_t entry_for(uint32_t f, uint32_t variant) const {
    if (!p_.reentered[f] || st_.prefix_reached[f]) return variant;
    const auto& part = p_.nodes[variant].includes;
    const auto& whole = p_.nodes[p_.first_node[f]].includes;
    if (part.size() >= whole.size()) return variant;
    for (size_t k = 0; k < part.size(); ++k)
      if (part[k].first != whole[k].first) return variant;
    return p_.first_node[f];
  }

  /// A file without a guard the preprocessor honours, entered again for real:
  /// the #includes it processed are the start of one of its entries in the
  /// PCH; the rest of that entry (behind a guard the PCH defined) is replayed.
  void finish_reentry(const Frame& f) {
    for (uint32_t n : nodes_of_[f.tree]) {
      const auto& inc = p_.nodes[n].includes;
      if (inc.size() < f.seen.size()) continue;
      bool match = true;
      for (size_t k = 0; k < f.seen.size() && match; ++k) match = f.seen[k] == static_cast<int32_t>(inc[k].first);
      if (!match) continue;
      for (size_t k = f.seen.size(); k < inc.size(); ++k) replay_include(inc[k].first, inc[k].second, f.hash, 0);
      return;
    }
    fail("a header entered again does not match the prefix's entry", p_.tree_files[f.tree]);
  }

  /// A macro used (expanded or tested) anywhere: from a header of the PCH this
  /// TU has not reached, a plain parse would not have it.
  void check_use(const Token& name, const MacroDefinition& md) {
    if (const MacroInfo* mi = md.getMacroInfo()) {
      if (sm_.isLoadedSourceLocation(mi->getDefinitionLoc()) && !st_.prefix_visible(mi->getDefinitionLoc(), SourceLocation()))
        fail("a macro from a header not reached yet", (name.getIdentifierInfo() ? name.getIdentifierInfo()->getName().str() : "") + " at " + name.getLocation().printToString(sm_));
      return;
    }
    // Not defined now: #undef'd by a header not reached?
    const IdentifierInfo* id = name.getIdentifierInfo();
    if (!id || !id->hadMacroDefinition()) return;
    // What a plain parse has: the latest directive in a file it has read.
    for (const MacroDirective* d = pp_.getLocalMacroDirectiveHistory(id); d; d = d->getPrevious()) {
      if (!st_.prefix_visible(d->getLocation(), SourceLocation())) continue;
      if (d->getKind() == MacroDirective::MD_Define) fail("a macro #undef'd by a header not reached yet", id->getName().str());
      return;
    }
  }

  /// A #define or #undef outside the PCH's files of a name the PCH's headers
  /// use: a plain parse would read some of them after it.
  void check_definition(const Token& name) {
    SourceLocation loc = sm_.getExpansionLoc(name.getLocation());
    if (!sm_.getFileEntryRefForID(sm_.getFileID(loc))) return; // predefined, command line: the same
    if (st_.prefix_tree_file(loc) >= 0) return;                  // the PCH's header entered again
    const IdentifierInfo* id = name.getIdentifierInfo();
    // A name no header of the PCH reads changes nothing it read.
    if (!id || !name_index_.count(id->getName().str())) return;
    live_[id->getName().str()] = id;
  }
  /// Names the PCH's headers read, #defined or #undef'd outside them: a
  /// header reached while one still differs from the PCH's would read it.
  std::map<std::string, const IdentifierInfo*> live_;

  /// Whether a macro is now what the PCH left it: the same definition, or
  /// undefined in both.
  bool as_in_pch(const IdentifierInfo* id) {
    const MacroInfo* now = pp_.getMacroInfo(id);
    const MacroInfo* pch = nullptr;
    for (const MacroDirective* d = pp_.getLocalMacroDirectiveHistory(id); d; d = d->getPrevious())
      if (sm_.isLoadedSourceLocation(d->getLocation())) {
        pch = d->getMacroInfo();
        break;
      }
    if (!now || !pch) return !now && !pch;
    return now->isIdenticalTo(*pch, pp_, /*Syntactically=*/true);
  }

  Preprocessor& pp_;
  SourceManager& sm_;
  TuState& st_;
  const PrefixPch& p_;
  std::vector<std::vector<uint32_t>> nodes_of_;
  std::unordered_map<std::string, uint32_t> name_index_;
  std::vector<Frame> frames_;
  SourceLocation pending_;
  bool main_entered_ = false;
};

} // namespace

std::unique_ptr<PPCallbacks> any_order_checker(Preprocessor& pp, TuState& st) {
  return std::make_unique<AnyOrderChecker>(pp, st);
}

std::unique_ptr<PPCallbacks> prefix_checker(Preprocessor& pp, const PrefixPch& prefix, std::string root,
                                            std::string cwd, std::function<void(const std::string&)> replay,
                                            bool& mismatch) {
  return std::make_unique<PrefixChecker>(pp, prefix, std::move(root), std::move(cwd), std::move(replay), mismatch);
}

} // namespace seam
