// The cache's binary format: compact (varints, no field names), versioned,
// and checked. Every document starts with "SEAM", a kind letter and the format
// version, and ends with a 64-bit hash of everything before it. A decoder never
// trusts its input: a fuzzer may hand it anything, so every count, index, enum
// and nesting depth is checked and a bad document is rejected with a reason.
#pragma once

#include "analyzers/cache/file_facts.h"

#include <string>
#include <string_view>
#include <vector>

namespace seam {

/// Bump when the encoding or the meaning of any fact changes: a new seam then
/// uses a new cache folder (v<N>) and never reads an older format.
/// 2: RefKind lost TemplateArg (never produced), so the byte of every later
/// kind moved down by one; a v1 reference read as v2 would change its kind.
inline constexpr uint32_t kCacheFormat = 2;

std::string encode_shard(const FileShard& shard);
std::string encode_record(const TuRecord& record);

/// Decoders return false with `error` saying what is wrong; `out` is then unspecified.
bool decode_shard(std::string_view data, FileShard& out, std::string& error);
bool decode_record(std::string_view data, TuRecord& out, std::string& error);
/// Checks a shard document whole (magic, version, checksum) but decodes only
/// who produced it and which file content it holds: what a warm run needs
/// before it merges the shard, so the decoded facts of every shard are never
/// in memory at once.
bool peek_shard(std::string_view data, TuId& producer, std::string& path, uint64_t& content_hash,
                std::string& error);

/// A bundle: the records and shards of one `seam scan --shard K/N`.
struct Bundle {
  std::vector<TuRecord> records;
  std::vector<FileShard> shards;
};
std::string encode_bundle(const Bundle& bundle);
bool decode_bundle(std::string_view data, Bundle& out, std::string& error);

/// 64-bit hash used for keys and checksums (FNV-1a over 8-byte words, then mixed).
uint64_t fast_hash(std::string_view data, uint64_t seed = 0);

} // namespace seam
