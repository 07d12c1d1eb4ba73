// The preprocessor's half of extraction: includes and the files a TU reads.
#pragma once

#include "analyzers/extract/tu_state.h"

#include <memory>

namespace clang {
class PPCallbacks;
}

namespace seam {

/// PPCallbacks that add to `st` every file the TU enters and the IncludeFact
/// of each #include in a file the TU indexes.
std::unique_ptr<clang::PPCallbacks> include_collector(TuState& st);

} // namespace seam
