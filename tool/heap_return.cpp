// Makes freed heap memory go back to the system instead of staying resident.
//
// A warm command decodes every cached shard and frees it again once merged:
// millions of small allocations, interleaved with the strings the merged
// project keeps. glibc's default thresholds are dynamic: freeing one large
// block (a 1.4 MB chunk of merged symbols, a decoded shard's vector) raises
// the mmap threshold to that size, so later large blocks come from the heap
// and stay resident when freed, and the trim threshold rises with it. Fixed
// thresholds keep blocks of 128 KB and more mmap'ed (freed at once) and let
// free() give back the top of the heap. On rocksdb (633 TUs from the cache)
// this alone lowered a warm `seam check` from 223 to 191 MB peak RSS
// (docs/performance.md, "Memory of a warm run"); the model trims the freed
// middle of the heap after merging (FactMerger::Impl::finish).
#include "tool/heap_return.h"

#include <malloc.h>

namespace seam::cli {

void return_freed_heap_early() {
  // Setting either parameter also turns off its dynamic adjustment.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

} // namespace seam::cli
