// Facts per file, as clangd's background index keeps them: a header's facts are
// stored once, whichever translation unit indexed it, so re-parsing or dropping
// one TU never loses another file's facts. A TU record lists every file the TU
// read; the facts build_project merges are assembled from records and shards.
#pragma once

#include "analyzers/core/facts.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace seam {

/// Identity of a translation unit: its main file and the hash of its command
/// (TuKey). TUs are ranked by (main_file, key): the rank decides which TU
/// indexes a header that several read (the lowest), in every mode and shard.
struct TuId {
  std::string main_file; ///< as TuFacts::main_file
  uint64_t key = 0;
  friend bool operator==(const TuId&, const TuId&) = default;
  friend auto operator<=>(const TuId&, const TuId&) = default;
};

/// The facts whose site lies in one project file: the file itself
/// (facts.files[0], with lines and hash), the includes and references written
/// in it, and an entry for each symbol declared, defined or used there. Other
/// entries of facts.files name files by path only. main_file/ok are unused.
struct FileShard {
  TuId producer;  ///< the TU that indexed the file
  TuFacts facts;
  const std::string& path() const { return facts.files.front().path; }
  uint64_t hash() const { return facts.files.front().hash; }
};

/// One file a TU read, with what tells whether it changed since.
struct FileStamp {
  std::string path;      ///< as FileFact::path: project-relative, absolute when external
  bool external = false;
  uint32_t lines = 0;    ///< project files only (as FileFact::lines)
  uint64_t hash = 0;     ///< content hash (hash_bytes), every file
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

/// What the cache keeps per translation unit.
struct TuRecord {
  TuId id;
  std::string key_text;      ///< what id.key hashes: format, compiler, root, directory, arguments
  bool ok = true;
  std::string first_error;
  uint32_t error_count = 0;
  int64_t parsed_at_ns = 0;  ///< when the parse started: files modified since are "racy"
  std::vector<FileStamp> files; ///< every file read, in the order first read
};

/// What extraction knows beyond TuFacts that splitting needs.
struct SplitInfo {
  std::vector<uint8_t> indexed;                    ///< per TuFacts::files: this TU indexed it
  std::vector<std::pair<uint32_t, Loc>> decl_sites;///< (symbol, site) of declarations in indexed files
  /// Per symbol: 1 when TuFacts' decl is not the TU's own (canonical)
  /// declaration but a stand-in site (the canonical one is outside the project).
  std::vector<uint8_t> decl_from_site;
};

/// Splits one TU's facts into a shard per project file it indexed, each in a
/// canonical form (sorted, de-duplicated), so that the shard of a file is the
/// same bytes whichever run, thread or machine produced it. The rules:
/// a symbol's entry in a file's shard keeps the TU's declaration location when
/// that is a project file (else the file's first declaration site), and keeps
/// the definition (with what only a definition tells: bases, abstract, ...)
/// only in the shard of the file that holds the definition.
std::vector<FileShard> split_tu(const TuFacts& tu, const SplitInfo& info, const TuId& producer);

/// Puts a shard in canonical form (split_tu's output already is).
void canonicalize(TuFacts& shard);

/// Builds the TuFacts of one TU from its record and the shards of the files it
/// owns (whose lowest-ranked reader it is), added in path order: the streaming
/// form of assemble, which needs only one shard decoded at a time.
class TuAssembler {
public:
  explicit TuAssembler(const TuRecord& record);
  /// Appends the facts of one owned file.
  void add(const FileShard& shard);
  TuFacts take() { return std::move(tu_); }

private:
  TuFacts tu_;
  std::unordered_map<std::string, uint32_t> index_; ///< path -> index into tu_.files
};

/// The TU (index into `records`, given in rank order) that owns each project
/// file: its lowest-ranked reader.
std::unordered_map<std::string, size_t> file_owners(const std::vector<const TuRecord*>& records);

/// Builds the TuFacts that build_project merges, one per record in `records`
/// (given in rank order): its status, the files it read, and the shards of the
/// files whose lowest-ranked reader it is. `shards` maps a path to the shard
/// of its current content; a project file without a shard contributes only
/// its FileFact.
std::vector<TuFacts> assemble(const std::vector<const TuRecord*>& records,
                              const std::map<std::string, const FileShard*>& shards);

} // namespace seam
