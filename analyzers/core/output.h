// Writing outputs: whole or not at all. Every file seam writes goes to a
// temporary file beside the target and is renamed over it.
#pragma once

#include <string>
#include <string_view>

namespace seam {

/// How replace_file writes.
struct ReplaceOptions {
  /// The temporary file beside `path`; empty: <path>.seam-tmp-<pid>. Callers
  /// that write one path from several threads pass a name of their own.
  std::string temp;
  /// fsync before the rename, so a crash leaves the old file or the new one.
  /// The fact cache skips it: a torn cache file fails its checksum and is
  /// parsed again, and one fsync per fact file would dominate a warm scan.
  bool sync = true;
};

/// The one atomic writer: `content` goes to a temporary file beside `path`
/// (O_EXCL|O_NOFOLLOW, so a name planted in an untrusted folder is never
/// written through), then is renamed over `path`. Nothing is left behind on
/// failure. Returns 0, or the errno of the step that failed.
int replace_file(const std::string& path, std::string_view content, const ReplaceOptions& opts = {});

/// replace_file with the default options; false with `error` naming the path
/// and the reason.
bool write_file_atomic(const std::string& path, const std::string& content, std::string& error);

/// Writes all of `data` to the open file `fd`, retrying short writes and
/// EINTR. Returns false on an error, with errno saying why.
bool write_all(int fd, std::string_view data);

/// Reads a whole file. Returns false with `error` when it cannot be read.
bool read_file(const std::string& path, std::string& content, std::string& error);

/// 64-bit FNV-1a.
uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = 14695981039346656037ull);

} // namespace seam
