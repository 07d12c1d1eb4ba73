// The indexing library's half of extraction: symbols and references.
#pragma once

#include "analyzers/extract/tu_state.h"

#include <memory>

namespace clang::index {
class IndexDataConsumer;
}

namespace seam {

/// An index consumer that adds to `st` the symbols and references whose site
/// lies in a file the TU indexes; friend references and the in_loop flags
/// are added when the index finishes (so the AST pass must run first).
std::shared_ptr<clang::index::IndexDataConsumer> symbol_collector(TuState& st);

} // namespace seam
