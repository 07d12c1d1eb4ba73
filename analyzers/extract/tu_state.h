// The state one TU's collectors share while Clang runs: the file table (each
// file the TU reads, by canonical path), which of them this TU indexes (its
// FileClaims), what the cache needs to know about each (FileStamps), and the
// facts gathered so far. One per extract_tu call; no Clang object outlives it.
#pragma once

#include "analyzers/extract/extract.h"

#include <clang/AST/DeclFriend.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/DenseMap.h>

#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace seam {

class TuState {
public:
  TuState(std::string root, TuFacts& facts, const ExtractInput& input)
      : root_(std::move(root)), facts_(facts), claims_(input.claims), stamps_(input.stamps), rank_(input.rank),
        prefix_(input.prefix), again_(input.again) {}

  void set_source_manager(clang::SourceManager* sm) { sm_ = sm; }
  clang::SourceManager& sm() { return *sm_; }
  TuFacts& facts() { return facts_; }

  /// Index into facts.files for a FileID (registered on first sight).
  uint32_t file_index(clang::FileID fid);
  uint32_t file_index(clang::FileEntryRef fe, clang::FileID fid = clang::FileID());

  /// The file of a location (expansion), without computing line and column:
  /// most callbacks are about external files and end at this check.
  uint32_t file_of(clang::SourceLocation sl) {
    if (sl.isInvalid()) return kNoFile;
    return file_index(sm_->getFileID(sm_->getExpansionLoc(sl)));
  }

  /// Whether this TU indexes the file (project file it claimed); facts whose
  /// site lies in another file are not collected.
  bool indexed(uint32_t file) const { return file != kNoFile && indexed_[file]; }
  /// Whether files are claimed (headers indexed once) and bodies skipped.
  bool shortcuts() const { return claims_ != nullptr; }
  /// Whether the parser must see the body of a function declared at `loc`.
  bool indexed_at(clang::SourceLocation loc) {
    if (loc.isInvalid()) return false;
    // A file of an any-order prefix this TU has not reached: an instantiation
    // the PCH left pending, which Sema performs at the end of every TU that
    // loads it. External (no facts), and a plain parse has not read the file.
    if (any_order_prefix()) {
      const int32_t t = prefix_tree_file(loc);
      if (t >= 0 && !prefix_reached[t]) return false;
    }
    return indexed(file_of(loc));
  }

  /// Stamps of files never entered (should not happen; read them to be safe).
  void finish_stamps();
  const std::vector<uint8_t>& indexed_files() const { return indexed_; }
  std::vector<Stamp>& stamps() { return stamps_out_; }
  const std::string& abs_path(uint32_t file) const { return abs_[file]; }

  bool is_external(uint32_t file) const { return file == kNoFile || facts_.files[file].external; }

  /// The file, line and column of a location (its expansion); invalid when
  /// it is in no file.
  Loc loc(clang::SourceLocation sl);

  void set_cwd(std::string cwd) { cwd_ = std::move(cwd); }
  const std::string& cwd() const { return cwd_; }

  /// A file the precompiled prefix read, where a plain parse would have
  /// entered it (prefix_check.cpp): external, so it counts for the record's
  /// stamps (finish_stamps) and nothing else.
  void replay(const std::string& abs);
  const PrefixPch* prefix() const { return prefix_; }
  /// The TU did not start with its prefix: parsed again without it.
  bool prefix_mismatch = false;
  /// Sets prefix_mismatch; with SEAM_PREFIX_DEBUG=1 in the environment, the
  /// first reason of each TU goes to stderr (docs/performance.md).
  void prefix_misfit(const std::string& why);

  /// An any-order prefix (prefix_check.cpp): per file of its include tree,
  /// whether this TU's own #includes reached it yet, and the #include that did.
  std::vector<uint8_t> prefix_reached;
  std::vector<clang::SourceLocation> prefix_reached_at;
  bool any_order_prefix() const { return prefix_ && prefix_->any_order; }
  /// The file of the prefix's include tree a location is in; -1: in none
  /// (this TU's own parse).
  int32_t prefix_tree_file(clang::SourceLocation sl);
  int32_t prefix_tree_file(clang::FileEntryRef fe);
  /// Whether what is declared or defined at `where` is visible at `use` in a
  /// plain parse too: not from the PCH, or from a file of it this TU's
  /// #includes reached before `use` (an invalid `use`: reached by now).
  bool prefix_visible(clang::SourceLocation where, clang::SourceLocation use);
  const std::string& root() const { return root_; }

  /// Loop bodies as (file, begin offset, end offset), for the in_loop flag.
  std::vector<std::tuple<clang::FileID, unsigned, unsigned>> loops;
  /// Friend declarations naming a function or a template (see LoopCollector).
  std::vector<const clang::FriendDecl*> friends;
  /// See SplitInfo.
  std::vector<std::pair<uint32_t, Loc>> decl_sites;
  std::vector<uint8_t> decl_from_site;
  /// See TuExtras.
  bool missing_include = false;
  std::vector<uint32_t> incomplete;

private:
  /// Lines and content hash of a file, from the buffer the parser holds (the
  /// hash once per process for files every TU reads: FileStamps).
  void complete(uint32_t idx, clang::FileID fid);
  uint32_t add_file(std::string abs);
  /// A file's absolute path, symlinks resolved (one file reached by two
  /// spellings is one file).
  std::string canonical_name(clang::FileEntryRef fe) const;

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
  clang::SourceManager* sm_ = nullptr;
  llvm::DenseMap<clang::FileID, uint32_t> by_fid_;
  llvm::DenseMap<const clang::FileEntry*, uint32_t> by_entry_;
  std::unordered_map<std::string, int32_t> tree_index_;           ///< any-order prefix: path to tree file
  llvm::DenseMap<const clang::FileEntry*, int32_t> tree_by_entry_;
};

} // namespace seam
