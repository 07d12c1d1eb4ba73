#include "analyzers/core/parallel.h"

#include "analyzers/core/interrupt.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace seam {

unsigned worker_count(unsigned jobs, size_t count) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(count, 1)));
}

void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) {
      if (interrupted()) break;
      fn(i);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < worker_count(jobs, count); ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

} // namespace seam
