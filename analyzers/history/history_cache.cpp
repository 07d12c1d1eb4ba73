#include "analyzers/history/history_cache.h"

#include "analyzers/cache/codec.h"
#include "analyzers/core/output.h"
#include "analyzers/history/git_log.h"

#include <filesystem>

namespace seam::history {
namespace {

// The body is the records as git printed them (so the cache is read by the
// same parser as git), then the trailer: a line with the body's hash.
constexpr std::string_view kMagic = "seam-history-cache 1\n";
constexpr std::string_view kTrailer = "\n#hash ";

std::string cache_file(const std::string& dir) { return dir + "/commits.v1"; }

std::string hex(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = digits[v & 15];
  return s;
}

} // namespace

void load_cache(const std::string& dir, RecordMap& records, std::string& problem) {
  records.clear();
  std::error_code ec;
  if (!std::filesystem::exists(cache_file(dir), ec)) return;
  std::string data, error;
  if (!read_file(cache_file(dir), data, error)) {
    problem = error;
    return;
  }
  size_t trailer = data.rfind(kTrailer);
  if (data.compare(0, kMagic.size(), kMagic) != 0 || trailer == std::string::npos || trailer < kMagic.size()) {
    problem = cache_file(dir) + ": not a seam history cache; reading the history from git again";
    return;
  }
  std::string_view body(data.data() + kMagic.size(), trailer - kMagic.size());
  std::string_view hash(data.data() + trailer + kTrailer.size(), data.size() - trailer - kTrailer.size());
  if (hash != hex(fast_hash(body)) + "\n") {
    problem = cache_file(dir) + ": damaged (its hash does not match); reading the history from git again";
    return;
  }
  for (std::string_view r : split_records(body)) {
    // The id is the first field: 40 (SHA-1) or 64 (SHA-256) hex digits.
    size_t end = r.find('\0', 1);
    if (end == std::string_view::npos) {
      records.clear();
      problem = cache_file(dir) + ": damaged record; reading the history from git again";
      return;
    }
    records.emplace(std::string(r.substr(1, end - 1)), std::string(r));
  }
}

bool save_cache(const std::string& dir, const RecordMap& records, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = "cannot make the history cache folder " + dir + ": " + ec.message();
    return false;
  }
  std::string body;
  size_t size = 0;
  for (const auto& [id, r] : records) size += r.size();
  body.reserve(size);
  for (const auto& [id, r] : records) body += r;
  std::string out;
  out.reserve(body.size() + 64);
  out += kMagic;
  out += body;
  out += kTrailer;
  out += hex(fast_hash(body));
  out += "\n";
  return write_file_atomic(cache_file(dir), out, error);
}

} // namespace seam::history
