// The one thread pool: parallel work over an indexed list, results written by
// the callee into a slot per index, so the order of the output never depends
// on which thread ran what (the determinism tests diff outputs across -j).
#pragma once

#include <cstddef>
#include <functional>

namespace seam {

/// The number of threads for `jobs` (0 = one per core) and `count` items:
/// at least 1, at most `count`.
unsigned worker_count(unsigned jobs, size_t count);

/// Calls `fn(i)` for every i in [0, count) on worker_count(jobs, count)
/// threads, the calling thread one of them; items are handed out in index
/// order, and `fn` must be thread-safe. After SIGINT/SIGTERM (core/interrupt.h)
/// no new item starts; the ones in flight finish. Returns once all threads joined.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& fn);

} // namespace seam
