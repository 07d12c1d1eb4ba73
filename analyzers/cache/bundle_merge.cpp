#include "analyzers/cache/bundle_merge.h"

#include "analyzers/cache/fact_store.h"
#include "analyzers/core/output.h"

#include <map>
#include <tuple>

namespace seam {

Bundle merge_bundles(std::vector<Bundle>&& bundles) {
  // Records by TU; file facts by (path, content hash), the lowest producer winning.
  std::map<TuId, TuRecord> records;
  std::map<std::pair<std::string, uint64_t>, FileFacts> files;
  for (Bundle& b : bundles) {
    for (TuRecord& r : b.records) {
      auto it = records.find(r.id);
      // The same TU in two bundles (overlapping shards): keep the later parse.
      if (it == records.end() || r.parsed_at_ns > it->second.parsed_at_ns) records[r.id] = std::move(r);
    }
    for (FileFacts& s : b.files) {
      auto key = std::make_pair(s.path(), s.hash());
      auto it = files.find(key);
      if (it == files.end() || s.producer < it->second.producer) files[key] = std::move(s);
    }
  }
  Bundle out;
  for (auto& [id, r] : records) out.records.push_back(std::move(r));
  for (auto& [key, s] : files) out.files.push_back(std::move(s));
  return out;
}

bool merge_bundle_files(const std::vector<std::string>& paths, const std::string& cache_dir,
                        uint64_t cache_max_bytes, MergeStats& stats, std::string& error) {
  std::vector<Bundle> bundles;
  for (const std::string& path : paths) {
    std::string data, why;
    if (!read_file(path, data, why)) {
      error = why;
      return false;
    }
    Bundle b;
    if (!decode_bundle(data, b, why)) {
      error = path + ": not a seam facts bundle: " + why;
      return false;
    }
    bundles.push_back(std::move(b));
  }
  stats.bundles = bundles.size();
  Bundle merged = merge_bundles(std::move(bundles));
  FactStore store;
  if (!store.open(cache_dir, error)) return false;
  // File facts first: a record is only of use once its files' facts are there.
  for (const FileFacts& s : merged.files)
    if (!store.store_file_facts(s, error)) return false;
  for (const TuRecord& r : merged.records)
    if (!store.store_record(r, error)) return false;
  stats.records = merged.records.size();
  stats.files = merged.files.size();
  stats.bytes = store.bytes_written();
  store.evict(cache_max_bytes);
  return true;
}

} // namespace seam
