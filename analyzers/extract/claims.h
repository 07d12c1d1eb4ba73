// Which TU indexes a project file that several TUs read: the one of lowest
// rank, as clangd's indexer indexes a header once. Shared by the worker
// threads. A TU asks when it first reaches a file; it indexes the file when no
// TU of lower rank has claimed it (or, from the cache, already indexed it).
// Two TUs of different rank may both index a file when the lower one gets
// there second; the lower one's facts are kept, so the result never depends
// on thread timing.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace seam {

class FileClaims {
public:
  /// The facts of `path` are at hand already (cache), indexed by the TU of
  /// `producer_rank`; -1 when that TU is no longer in the database: then no TU indexes it again.
  void seed(const std::string& path, int64_t producer_rank) {
    std::lock_guard<std::mutex> lock(mu_);
    claims_[path] = producer_rank;
  }

  /// True when the TU of `rank` must index `path` (asked once per TU and file).
  /// `again`: the TU is parsed a second time (a precompiled prefix did not
  /// fit), and a file it claimed the first time is still its own.
  bool claim(const std::string& path, int64_t rank, bool again = false) {
    std::lock_guard<std::mutex> lock(mu_);
    auto [it, fresh] = claims_.emplace(path, rank);
    if (fresh || (again && it->second == rank)) return true;
    if (rank < it->second) {
      it->second = rank;
      ++steals_;
      return true;
    }
    return false;
  }

  /// How many times a TU indexed a file a higher-ranked TU had already claimed.
  size_t steals() const { return steals_; }

private:
  std::mutex mu_;
  std::unordered_map<std::string, int64_t> claims_;
  size_t steals_ = 0;
};

} // namespace seam
