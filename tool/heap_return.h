// See heap_return.cpp: freed heap memory goes back to the system.
#pragma once

namespace seam::cli {

/// Fixes glibc malloc's mmap and trim thresholds (called first thing in main()).
void return_freed_heap_early();

} // namespace seam::cli
