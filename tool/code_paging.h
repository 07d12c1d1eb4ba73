// See code_paging.cpp: library code touched only at start-up, given back.
#pragma once

namespace seam::cli {

/// Drops from memory the pages of the Clang and LLVM libraries' code and
/// read-only data that their static constructors touched; called first thing
/// in main(). Safe: those pages are unmodified file pages, faulted in again
/// when run.
void release_startup_code();

} // namespace seam::cli
