// Which project files are test code, by path: the rule `seam init` proposes
// test modules by and seam infers them with when seam.json declares no role
// (docs/config.md, "Roles").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seam {

/// A file in a folder named `test` or `tests` (at any depth), or whose name
/// without extension ends in `_test` or `_tests` or starts with `test_`:
/// leveldb's db/db_test.cc, bitcoin's src/test/util.h, tests/test_main.cpp.
bool is_test_path(std::string_view path);

/// The globs that select exactly what is_test_path() selects, for a seam.json:
/// "**/test/**", "**/tests/**", "**/*_test.*", "**/*_tests.*", "**/test_*.*".
const std::vector<std::string>& test_file_globs();

/// The name of the module seam invents for test files inside other modules
/// when it infers roles: "tests", else "inferred-tests" when "tests" is taken.
inline constexpr const char* kInferredTestModule = "tests";

} // namespace seam
