// A TU's errors, kept in its facts (ok, error_count, first_error).
#pragma once

#include "analyzers/core/facts.h"

#include <memory>
#include <string>

namespace clang {
class DiagnosticConsumer;
}

namespace seam {

/// A diagnostic consumer that counts the errors into `facts` and keeps the
/// first one, its location relative to `root`; it prints nothing.
std::unique_ptr<clang::DiagnosticConsumer> error_collector(TuFacts& facts, std::string root);

} // namespace seam
