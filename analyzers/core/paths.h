// Path helpers: every path seam emits is relative to the project root with '/'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seam {

/// Lexically normalises an absolute or relative path: removes "." and "x/..",
/// duplicate slashes, a trailing slash. Does not touch the file system.
std::string normalize_path(std::string_view path);

/// `path` made absolute against `base` (when relative) and normalised.
std::string absolute_path(std::string_view path, std::string_view base);

/// `path` relative to `root` when inside it (both absolute, normalised);
/// returns false when outside.
bool relative_to(std::string_view path, std::string_view root, std::string& out);

/// Real path (symlinks resolved) when the file exists, else normalize_path.
std::string canonical_path(const std::string& path);

/// The folder holding the running executable (/proc/self/exe's), where seam
/// looks for what it ships beside itself; "" when that link is unreadable.
std::string executable_folder();

/// The folder part of a project-relative path ("src/a" of "src/a/x.h"; "" for "x.h").
std::string folder_of(std::string_view path);
/// `path` lies inside `folder` ("" holds every path); not the folder itself.
bool is_under(std::string_view path, std::string_view folder);
/// `path` is `folder` or lies inside it.
inline bool at_or_under(std::string_view path, std::string_view folder) {
  return path == folder || is_under(path, folder);
}
/// The deepest folder that holds every one of `paths` ("" when none is shared).
std::string common_folder(const std::vector<std::string>& paths);

bool is_header_path(std::string_view path);
/// Path without its extension (Lakos component name).
std::string strip_extension(std::string_view path);

/// Matches a project-relative path against a glob: `*` within one segment,
/// `**` across segments, `?` one character.
bool glob_match(std::string_view glob, std::string_view path);
/// The folder part of a glob before its first wildcard ("src/orders" of
/// "src/orders/**"): every path it matches starts with it and a '/'.
std::string_view glob_folder(std::string_view glob);

} // namespace seam
