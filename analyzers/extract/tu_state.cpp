// The file table of one TU: see tu_state.h.
#include "analyzers/extract/tu_state.h"

#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <llvm/Support/raw_ostream.h>

namespace seam {

using namespace clang;

uint32_t TuState::file_index(FileID fid) {
  if (fid.isInvalid()) return kNoFile;
  auto it = by_fid_.find(fid);
  if (it != by_fid_.end()) return it->second;
  uint32_t idx = kNoFile;
  if (OptionalFileEntryRef fe = sm_->getFileEntryRefForID(fid)) idx = file_index(*fe, fid);
  by_fid_[fid] = idx;
  return idx;
}

uint32_t TuState::file_index(FileEntryRef fe, FileID fid) {
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
  std::string abs = canonical_name(fe);
  if (prefix_) {
    // An any-order prefix's file this TU's #includes have not reached: a
    // plain parse would not know it yet.
    if (prefix_->any_order) {
      int32_t t = prefix_tree_file(fe);
      if (t >= 0 && !prefix_reached[t]) {
        prefix_misfit("it reads " + abs + " before the #include that reaches it");
      }
    }
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

std::string TuState::canonical_name(FileEntryRef fe) const {
  std::string name(fe.getName());
  return canonical_path(name.empty() || name[0] != '/' ? cwd_ + "/" + name : name);
}

int32_t TuState::prefix_tree_file(FileEntryRef fe) {
  if (!prefix_ || !prefix_->any_order) return -1;
  auto [it, added] = tree_by_entry_.try_emplace(&fe.getFileEntry(), -1);
  if (!added) return it->second;
  if (tree_index_.empty())
    for (size_t f = 0; f < prefix_->tree_files.size(); ++f) tree_index_.emplace(prefix_->tree_files[f], static_cast<int32_t>(f));
  auto t = tree_index_.find(canonical_name(fe));
  if (t != tree_index_.end()) it->second = t->second;
  return it->second;
}

int32_t TuState::prefix_tree_file(SourceLocation sl) {
  if (sl.isInvalid() || !prefix_ || !prefix_->any_order) return -1;
  OptionalFileEntryRef fe = sm_->getFileEntryRefForID(sm_->getFileID(sm_->getExpansionLoc(sl)));
  return fe ? prefix_tree_file(*fe) : -1;
}

bool TuState::prefix_visible(SourceLocation where, SourceLocation use) {
  int32_t t = prefix_tree_file(where);
  if (t < 0) return true;
  if (!prefix_reached[t]) return false;
  if (use.isInvalid()) return true;
  return sm_->isBeforeInTranslationUnit(prefix_reached_at[t], sm_->getExpansionLoc(use));
}

void TuState::replay(const std::string& abs) {
  if (!by_path_.count(abs)) add_file(abs);
}

uint32_t TuState::add_file(std::string abs) {
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

void TuState::finish_stamps() {
  for (uint32_t f = 0; f < facts_.files.size(); ++f)
    if (!read_[f] && stamps_) {
      uint64_t h = 0;
      if (stamps_->hash(abs_[f], h)) stamps_out_[f] = stamps_->stat(abs_[f]);
    }
}

Loc TuState::loc(SourceLocation sl) {
  if (sl.isInvalid()) return {};
  std::pair<FileID, unsigned> dec = sm_->getDecomposedExpansionLoc(sl);
  Loc l;
  l.file = file_index(dec.first);
  if (l.file == kNoFile) return {};
  l.line = sm_->getLineNumber(dec.first, dec.second);
  l.column = sm_->getColumnNumber(dec.first, dec.second);
  return l;
}

/// Lines and content hash of a file, from the buffer the parser holds (the
/// hash once per process for files every TU reads: FileStamps).
void TuState::complete(uint32_t idx, FileID fid) {
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

void TuState::prefix_misfit(const std::string& why) {
  static const bool debug = [] {
    const char* v = std::getenv("SEAM_PREFIX_DEBUG");
    return v && *v && std::string_view(v) != "0";
  }();
  if (!prefix_mismatch && debug) llvm::errs() << "seam: prefix misfit: " << facts_.main_file << ": " << why << "\n";
  prefix_mismatch = true;
}

} // namespace seam
