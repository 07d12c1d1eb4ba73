// `seam init --modules cmake`: the project headers no target lists as a source
// (header-only code: serialize.h, uint256.h) would belong to no module, and
// every use of their inline code and types would vanish from the graph. Each
// goes to a target by the build's own word where it has one, else by use.
#pragma once

#include "analyzers/init/cmake_targets.h"
#include "analyzers/model/model.h"

#include <string>
#include <vector>

namespace seam {

struct HeaderPlacement {
  struct Placed {
    std::string header, module, why;
  };
  std::vector<Placed> placed;        ///< by header path
  std::vector<std::string> unplaced; ///< project headers still in no module, sorted
};

/// Places the unowned project headers of `p` (modules named after `targets`):
/// 1. the target with the deepest include directory holding the header, when
///    no other target has that directory;
/// 2. else the module whose files include it most (ties: the first by name),
///    repeated so a header included only by placed headers follows them.
/// Each placed header joins its module in `p` (file, symbols, references) and
/// its path is added to the module's "paths" in p.config. Headers under
/// `build_dirs` (project-relative; generated there) stay where they are: a
/// glob for them would match no file `seam check` lists.
HeaderPlacement place_headers(Project& p, const std::vector<CMakeTarget>& targets,
                              const std::vector<std::string>& build_dirs = {});

} // namespace seam
