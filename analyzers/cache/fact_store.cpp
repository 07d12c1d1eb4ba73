#include "analyzers/cache/fact_store.h"

#include "analyzers/core/output.h"

// Generated at build time (analyzers/CMakeLists.txt); builds that only need the
// cache's readers (the fuzzers) go without it.
#if __has_include("seam/extractor_id.h")
#include "seam/extractor_id.h"
#else
#define SEAM_EXTRACTOR_ID "unversioned"
#endif

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace seam {
namespace {

/// An entry read less than this long ago is not touched again: keeps warm
/// runs free of metadata writes while LRU order stays right to the hour.
constexpr int64_t kTouchAfterSeconds = 3600;
constexpr int64_t kStaleTempSeconds = 3600;

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

bool make_dir(const std::string& path, std::string& error) {
  if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) return true;
  error = "cannot create the cache folder " + path + ": " + std::strerror(errno);
  return false;
}

bool make_dirs(const std::string& path, std::string& error) {
  for (size_t i = 1; i <= path.size(); ++i)
    if (i == path.size() || path[i] == '/')
      if (!make_dir(path.substr(0, i), error)) return false;
  return true;
}

int64_t now_seconds() { return static_cast<int64_t>(std::time(nullptr)); }

} // namespace

bool parse_size(const std::string& text, uint64_t& bytes) {
  if (text.empty()) return false;
  size_t i = 0;
  uint64_t v = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(text[i++] - '0');
  }
  if (i == 0) return false;
  uint64_t mul = 1;
  if (i < text.size()) {
    switch (text[i]) {
    case 'k': case 'K': mul = 1ull << 10; break;
    case 'm': case 'M': mul = 1ull << 20; break;
    case 'g': case 'G': mul = 1ull << 30; break;
    case 't': case 'T': mul = 1ull << 40; break;
    default: return false;
    }
    ++i;
    if (i < text.size() && (text[i] == 'B' || text[i] == 'b')) ++i; // "500MB"
    if (i != text.size()) return false;
  }
  if (v > UINT64_MAX / mul) return false;
  bytes = v * mul;
  return true;
}

uint64_t file_facts_key(const std::string& path, uint64_t content_hash) {
  return fast_hash(path, content_hash ^ 0x5ea3f11e5ull);
}

bool FactStore::open(const std::string& dir, std::string& error) {
  // The extractor's identity in the folder name: facts written by another
  // build of the extractor are never read, even when the format is the same.
  base_ = dir;
  root_ = dir + "/v" + std::to_string(kCacheFormat) + "-" + SEAM_EXTRACTOR_ID;
  other_builds_.clear();
  if (::access(root_.c_str(), F_OK) != 0) {
    if (DIR* d = ::opendir(dir.c_str())) {
      while (dirent* e = ::readdir(d))
        if (e->d_name[0] == 'v') {
          struct stat st {};
          if (::stat((dir + "/" + e->d_name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) other_builds_.push_back(e->d_name);
        }
      ::closedir(d);
      std::sort(other_builds_.begin(), other_builds_.end());
    }
  }
  if (!make_dirs(root_ + "/tu", error) || !make_dir(root_ + "/files", error)) return false;
  if (::access(root_.c_str(), W_OK) != 0) {
    error = "cannot write the cache folder " + root_ + ": " + std::strerror(errno);
    return false;
  }
  // Tell backup tools the folder is a cache (https://bford.info/cachedir/).
  std::string tag = dir + "/CACHEDIR.TAG";
  if (::access(tag.c_str(), F_OK) != 0) {
    std::string ignored;
    write(tag, "Signature: 8a477f597d28d172789f06886806bc55\n# seam fact cache; safe to delete\n", ignored);
  }
  return true;
}

std::string FactStore::record_path(uint64_t key) const { return root_ + "/tu/" + hex(key) + ".tu"; }

std::string FactStore::file_facts_path(const std::string& path, uint64_t content_hash) const {
  std::string h = hex(file_facts_key(path, content_hash));
  return root_ + "/files/" + h.substr(0, 2) + "/" + h + ".facts";
}

bool FactStore::read(const std::string& file, std::string& data) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < 0) {
    ::close(fd);
    return false;
  }
  data.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < data.size()) {
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  data.resize(got);
  if (now_seconds() - st.st_mtim.tv_sec > kTouchAfterSeconds) ::futimens(fd, nullptr); // LRU: used now
  ::close(fd);
  return true;
}

bool FactStore::write(const std::string& file, const std::string& data, std::string& error) {
  // Many workers write at once: each temporary file gets a name of its own.
  ReplaceOptions how;
  how.temp = file + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(tmp_counter_++);
  how.sync = false;
  int e = replace_file(file, data, how);
  if (e == ENOENT) {
    // A fan-out folder (files/xx) not made yet, or removed by a concurrent clean-up.
    if (!make_dirs(file.substr(0, file.rfind('/')), error)) return false;
    e = replace_file(file, data, how);
  }
  if (e != 0) {
    error = "cannot write to the cache (" + file + "): " + std::strerror(e);
    return false;
  }
  written_ += data.size();
  return true;
}

bool FactStore::load_record(uint64_t key, TuRecord& out) {
  std::string file = record_path(key), data, error;
  if (!read(file, data)) return false;
  if (!decode_record(data, out, error) || out.id.key != key) {
    ::unlink(file.c_str()); // corrupt: parse again and rewrite
    return false;
  }
  return true;
}

bool FactStore::load_file_facts(const std::string& path, uint64_t content_hash, FileFacts& out) {
  std::string file = file_facts_path(path, content_hash), data, error;
  if (!read(file, data)) return false;
  if (!decode_file_facts(data, out, error) || out.path() != path || out.hash() != content_hash) {
    ::unlink(file.c_str());
    return false;
  }
  return true;
}

bool FactStore::check_file_facts(const std::string& path, uint64_t content_hash, TuId& producer) {
  std::string file = file_facts_path(path, content_hash), data, error, held;
  if (!read(file, data)) return false;
  uint64_t hash = 0;
  if (!peek_file_facts(data, producer, held, hash, error) || held != path || hash != content_hash) {
    ::unlink(file.c_str());
    return false;
  }
  return true;
}

bool FactStore::store_file_facts_if_lowest(const std::string& path, uint64_t content_hash, const TuId& producer,
                                      const std::string& encoded, std::string& error) {
  const std::string lock_path = root_ + "/files.lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot open the cache lock " + lock_path + ": " + std::strerror(errno);
    return false;
  }
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  TuId held;
  bool ok = true;
  if (!(check_file_facts(path, content_hash, held) && held <= producer)) ok = store_encoded_file_facts(path, content_hash, encoded, error);
  ::close(fd); // releases the lock
  return ok;
}

bool FactStore::store_encoded_file_facts(const std::string& path, uint64_t content_hash, const std::string& encoded,
                                    std::string& error) {
  return write(file_facts_path(path, content_hash), encoded, error);
}

bool FactStore::store_record(const TuRecord& record, std::string& error) {
  return write(record_path(record.id.key), encode_record(record), error);
}

bool FactStore::store_file_facts(const FileFacts& file, std::string& error) {
  return write(file_facts_path(file.path(), file.hash()), encode_file_facts(file), error);
}

FactStore::Usage FactStore::evict(uint64_t max_bytes) {
  struct Entry {
    std::string path;
    uint64_t size;
    int64_t mtime_ns;
  };
  std::vector<Entry> entries;
  Usage usage;
  const int64_t now = now_seconds();
  // Every store folder of the cache counts (v<format>-<extractor>): the
  // folders of other seam builds are never read by this one, so their entries
  // age and go first. Only seam's own files are ever deleted: *.tu and *.facts
  // (and stale temporaries) in tu/ and files/xx/ of a v* folder.
  auto is_entry = [](const std::string& name) {
    return (name.size() > 3 && name.ends_with(".tu")) || (name.size() > 6 && name.ends_with(".facts"));
  };
  // The two-letter fan-out folders of a store's files/.
  auto fan_out_folders = [](const std::string& store) {
    std::vector<std::string> out;
    if (DIR* d = ::opendir((store + "/files").c_str())) {
      while (dirent* e = ::readdir(d))
        if (std::strlen(e->d_name) == 2) out.push_back(store + "/files/" + e->d_name);
      ::closedir(d);
    }
    return out;
  };
  auto scan_entries = [&](const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      std::string full = dir + "/" + name;
      struct stat st;
      if (name == "." || name == ".." || ::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      if (name.find(".tmp.") != std::string::npos) {
        // Left by an interrupted run; a live writer renames within seconds.
        if (now - st.st_mtim.tv_sec > kStaleTempSeconds) ::unlink(full.c_str());
        continue;
      }
      if (!is_entry(name)) continue;
      entries.push_back({full, static_cast<uint64_t>(st.st_size),
                         int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
      usage.bytes += static_cast<uint64_t>(st.st_size);
    }
    ::closedir(d);
  };
  std::vector<std::string> stores;
  if (DIR* d = ::opendir(base_.c_str())) {
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 1 && name[0] == 'v' && name[1] >= '0' && name[1] <= '9') stores.push_back(base_ + "/" + name);
    }
    ::closedir(d);
  }
  for (const std::string& store : stores) {
    scan_entries(store + "/tu");
    for (const std::string& folder : fan_out_folders(store)) scan_entries(folder);
  }
  usage.entries = entries.size();
  if (max_bytes == 0 || usage.bytes <= max_bytes) return usage;
  // Oldest first; go below the bound by a margin so the next runs do not evict again at once.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.mtime_ns != b.mtime_ns ? a.mtime_ns < b.mtime_ns : a.path < b.path;
  });
  const uint64_t target = max_bytes - max_bytes / 10;
  for (const Entry& e : entries) {
    if (usage.bytes <= target) break;
    if (::unlink(e.path.c_str()) == 0) {
      usage.bytes -= e.size;
      usage.evicted_bytes += e.size;
      ++usage.evicted;
      --usage.entries;
    }
  }
  // The folders of other builds, once empty, go too (rmdir fails on the others).
  for (const std::string& store : stores) {
    if (store == root_) continue;
    for (const std::string& folder : fan_out_folders(store)) ::rmdir(folder.c_str());
    ::rmdir((store + "/files").c_str());
    ::rmdir((store + "/tu").c_str());
    ::rmdir(store.c_str());
  }
  return usage;
}

} // namespace seam
