#include "analyzers/core/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace seam {

bool write_all(int fd, std::string_view data) {
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

int replace_file(const std::string& path, std::string_view content, const ReplaceOptions& opts) {
  const std::string tmp = opts.temp.empty() ? path + ".seam-tmp-" + std::to_string(getpid()) : opts.temp;
  // O_EXCL|O_NOFOLLOW: the name is predictable, and the output folder may be
  // in a repository seam does not trust; a symlink planted under that name
  // must not make seam write through it. A stale file of that name (an
  // earlier run with the same pid, killed) is removed and the open retried once.
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  int fd = ::open(tmp.c_str(), flags, 0644);
  if (fd < 0 && errno == EEXIST && ::unlink(tmp.c_str()) == 0) fd = ::open(tmp.c_str(), flags, 0644);
  if (fd < 0) return errno;
  auto fail = [&](bool close_it) {
    const int e = errno;
    if (close_it) ::close(fd);
    ::unlink(tmp.c_str());
    return e;
  };
  if (!write_all(fd, content)) return fail(true);
  if (opts.sync && ::fsync(fd) != 0 && errno != EINVAL) return fail(true);
  if (::close(fd) != 0) return fail(false);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return fail(false);
  return 0;
}

bool write_file_atomic(const std::string& path, const std::string& content, std::string& error) {
  const int e = replace_file(path, content);
  if (e != 0) error = "cannot write " + path + ": " + std::strerror(e);
  return e == 0;
}

bool read_file(const std::string& path, std::string& content, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  content = ss.str();
  return true;
}

uint64_t hash_bytes(const void* data, size_t size, uint64_t h) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return h;
}

} // namespace seam
