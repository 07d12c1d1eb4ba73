// Vendored code: other projects' sources copied or checked out into this one
// (googletest under third_party/, a git submodule). seam leaves them out of the
// project by default, through "exclude", the way it leaves out system headers:
// they are not the team's modules and they would dominate every count.
#pragma once

#include <string>
#include <vector>

namespace seam {

/// The folders (project-relative, sorted, none inside another) holding
/// vendored code among `files` (project-relative paths): a folder named
/// third_party, vendor, external, extern or deps at any depth, or a folder
/// below the root with its own git repository (.git) or its own build (a
/// CMakeLists.txt that calls project()). `root` is the absolute project root,
/// read for the last two.
std::vector<std::string> vendored_folders(const std::vector<std::string>& files, const std::string& root);

/// "F/**" for each folder F.
std::vector<std::string> vendored_globs(const std::vector<std::string>& folders);

} // namespace seam
