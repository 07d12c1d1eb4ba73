#include "analyzers/cache/file_stamps.h"

#include "analyzers/core/output.h"

#include <sys/stat.h>

namespace seam {
namespace {

Stamp stat_file(const std::string& path) {
  Stamp s;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return s;
  s.exists = true;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return s;
}

} // namespace

Stamp FileStamps::stat(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = stamps_.find(path);
    if (it != stamps_.end()) return it->second;
  }
  Stamp s = stat_file(path);
  std::lock_guard<std::mutex> lock(mu_);
  return stamps_.emplace(path, s).first->second;
}

Stamp& FileStamps::remember_hash(const std::string& path, uint64_t h) {
  Stamp& m = stamps_[path];
  if (!m.hashed) ++hashed_count_;
  m.hashed = true;
  m.hash = h;
  return m;
}

bool FileStamps::hash(const std::string& path, uint64_t& out) {
  Stamp s = stat(path);
  if (!s.exists) return false;
  if (s.hashed) {
    out = s.hash;
    return true;
  }
  std::string content, error;
  if (!read_file(path, content, error)) return false;
  uint64_t h = hash_bytes(content.data(), content.size());
  std::lock_guard<std::mutex> lock(mu_);
  remember_hash(path, h);
  out = h;
  return true;
}

Stamp FileStamps::with_content(const std::string& path, std::string_view content) {
  Stamp s = stat(path);
  if (s.hashed && s.size == content.size()) return s;
  uint64_t h = hash_bytes(content.data(), content.size());
  std::lock_guard<std::mutex> lock(mu_);
  Stamp& m = remember_hash(path, h);
  // The parser's view wins over a stat taken after a concurrent edit: the
  // record's "racy" rule re-hashes such a file on the next run anyway.
  if (!m.exists || m.size != content.size()) {
    m.exists = true;
    m.size = content.size();
  }
  return m;
}

bool record_is_fresh(const TuRecord& record, const std::string& root, FileStamps& stamps, bool& rehashed) {
  rehashed = false;
  for (const FileStamp& f : record.files) {
    const std::string path = f.external ? f.path : root + "/" + f.path;
    Stamp now = stamps.stat(path);
    if (!now.exists) return false;
    // Coarse file systems tick in seconds: a time within a second of the parse is racy.
    const bool racy = f.mtime_ns + 1000000000 >= record.parsed_at_ns;
    if (now.size == f.size && now.mtime_ns == f.mtime_ns && !racy) continue;
    if (now.size != f.size) return false;
    uint64_t h = 0;
    if (!stamps.hash(path, h) || h != f.hash) return false;
    rehashed = true;
  }
  return true;
}

} // namespace seam
