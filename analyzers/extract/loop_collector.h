// Loop bodies and friend declarations, from the AST (see loop_collector.cpp).
#pragma once

#include "analyzers/extract/tu_state.h"

#include <memory>

namespace clang {
class ASTConsumer;
}

namespace seam {

/// An AST consumer that records in `st` the loop bodies (TuState::loops) and
/// the friend declarations (TuState::friends) of the files the TU indexes.
std::unique_ptr<clang::ASTConsumer> loop_collector(TuState& st);

} // namespace seam
