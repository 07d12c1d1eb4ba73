// Writing outputs: whole or not at all. Every file seam writes goes to a
// temporary file beside the target and is renamed over it.
#pragma once

#include <string>
#include <string_view>

namespace seam {

/// Writes `content` to `path` atomically (temp file + fsync + rename).
/// Returns false with `error` naming the path and the reason.
bool write_file_atomic(const std::string& path, const std::string& content, std::string& error);

/// Writes all of `data` to the open file `fd`, retrying short writes and
/// EINTR. Returns false on an error, with errno saying why.
bool write_all(int fd, std::string_view data);

/// Reads a whole file. Returns false with `error` when it cannot be read.
bool read_file(const std::string& path, std::string& content, std::string& error);

/// 64-bit FNV-1a.
uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = 14695981039346656037ull);

} // namespace seam
