// The scan: cache look-up, the parse of what changed, the write-back. See
// fact_scan.h; the cache format is in analyzers/cache/.
#include "analyzers/extract/fact_scan.h"

#include "analyzers/core/parallel.h"
#include "analyzers/core/paths.h"

#include <clang/Basic/Version.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace seam {
namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Tu {
  TuId id;
  std::string key_text;
  ExtractInput input;
  TuRecord record;
  bool fresh = false;       ///< record valid and every shard it needs loaded
  bool rewrite = false;     ///< fresh, but times changed: rewrite the record
};

/// A shard produced by this run, with the rank of the TU that produced it.
struct Produced {
  int64_t rank = 0;
  FileShard shard;
  bool cacheable = false; ///< the TU read the whole file, and there is a cache
};

TuRecord make_record(const Tu& tu, const TuFacts& facts, const TuExtras& ex, int64_t started) {
  TuRecord r;
  r.id = tu.id;
  r.key_text = tu.key_text;
  r.ok = facts.ok;
  r.first_error = facts.first_error;
  r.error_count = facts.error_count;
  r.parsed_at_ns = started;
  r.files.reserve(facts.files.size());
  for (size_t f = 0; f < facts.files.size(); ++f) {
    FileStamp st;
    st.path = facts.files[f].path;
    st.external = facts.files[f].external;
    st.lines = facts.files[f].lines;
    if (f < ex.stamps.size()) {
      st.hash = ex.stamps[f].hash;
      st.size = ex.stamps[f].size;
      st.mtime_ns = ex.stamps[f].mtime_ns;
    }
    r.files.push_back(std::move(st));
  }
  return r;
}

} // namespace

std::string tu_key_text(const std::string& root, const std::string& directory,
                        const std::vector<std::string>& arguments) {
  std::string k = "seam-facts/" + std::to_string(kCacheFormat);
  k += '\0';
  k += clang::getClangFullVersion();
  k += '\0';
  k += root;
  k += '\0';
  k += directory;
  for (const std::string& a : arguments) {
    k += '\0';
    k += a;
  }
  return k;
}

bool scan_facts(const CompileDb& db, const ScanOptions& opts, ScanResult& out, std::string& error) {
  // 1. The TUs, cleaned and keyed, in rank order.
  std::vector<Tu> tus;
  {
    std::unordered_set<uint64_t> seen;
    for (const CompileCommand& cmd : db.commands) {
      Tu t;
      t.input.arguments = prepare_command(cmd, opts.adjust, out.warnings);
      std::string main_abs = canonical_path(cmd.file), rel;
      t.id.main_file = relative_to(main_abs, opts.root, rel) ? rel : main_abs;
      t.input.directory = cmd.directory;
      t.input.main_file = cmd.file;
      t.key_text = tu_key_text(opts.root, cmd.directory, t.input.arguments);
      t.id.key = fast_hash(t.key_text);
      if (!seen.insert(t.id.key).second) continue; // the same command twice: one TU
      tus.push_back(std::move(t));
    }
    std::sort(tus.begin(), tus.end(), [](const Tu& a, const Tu& b) { return a.id < b.id; });
  }
  const size_t total = tus.size();
  out.total = total;
  const uint32_t shards = std::max<uint32_t>(1, opts.shards);
  const size_t lo = total * std::min(opts.shard, shards - 1) / shards;
  const size_t hi = total * (std::min(opts.shard, shards - 1) + 1) / shards;
  std::map<TuId, int64_t> rank_of;
  for (size_t i = 0; i < total; ++i) rank_of.emplace(tus[i].id, static_cast<int64_t>(i));

  // 2. What the cache holds: a TU is fresh when its record matches and every
  // shard of the project files it read is there for their current content.
  FactStore store;
  const bool use_cache = !opts.cache_dir.empty();
  if (use_cache && !store.open(opts.cache_dir, error)) return false;
  FileStamps stamps;
  std::map<std::string, FileShard> loaded;             // path -> shard of its current content
  std::unordered_map<uint64_t, bool> shard_available;  // shard_key -> loaded
  if (use_cache) {
    for (size_t i = lo; i < hi; ++i) {
      Tu& t = tus[i];
      TuRecord rec;
      if (!store.load_record(t.id.key, rec) || rec.key_text != t.key_text || rec.id != t.id) continue;
      const int64_t checked_at = now_ns();
      bool rehashed = false;
      if (!record_is_fresh(rec, opts.root, stamps, rehashed)) continue;
      bool all = true;
      for (const FileStamp& st : rec.files) {
        if (st.external) continue;
        uint64_t k = shard_key(st.path, st.hash);
        auto it = shard_available.find(k);
        if (it == shard_available.end()) {
          FileShard s;
          bool ok = store.load_shard(st.path, st.hash, s);
          it = shard_available.emplace(k, ok).first;
          if (ok) loaded[st.path] = std::move(s);
        }
        if (!it->second) all = false;
      }
      if (!all) continue;
      if (rehashed) {
        // Same content, new times: remember them so the next run needs no hash.
        for (FileStamp& st : rec.files) {
          Stamp now = stamps.stat(st.external ? st.path : opts.root + "/" + st.path);
          st.size = now.size;
          st.mtime_ns = now.mtime_ns;
        }
        rec.parsed_at_ns = checked_at;
        t.rewrite = true;
      }
      t.record = std::move(rec);
      t.fresh = true;
    }
  }

  // 3. Parse the rest, lowest rank first, each header indexed by one TU.
  std::vector<size_t> todo;
  for (size_t i = lo; i < hi; ++i)
    if (!tus[i].fresh) todo.push_back(i);
  out.parsed = todo.size();
  out.from_cache = (hi - lo) - todo.size();
  FileClaims claims;
  for (const auto& [path, shard] : loaded) {
    auto it = rank_of.find(shard.producer);
    claims.seed(path, it == rank_of.end() ? -1 : it->second);
  }
  // Workers only decide, under the lock, which facts win; the cache is
  // written after they join, each file once, in parallel and without the
  // lock: I/O is never serialised across workers, and what lands in the
  // cache does not depend on which worker finished first.
  std::mutex mu;
  std::map<std::string, Produced> produced;
  // The lowest-rank shard of a path that may be cached, where the winner in
  // `produced` may not (its TU stopped reading the file: a missing include).
  std::map<std::string, Produced> cacheable_runner_up;
  std::vector<char> cache_record(tus.size(), 0);
  std::atomic<size_t> done{0};
  parallel_for(todo.size(), opts.jobs, [&](size_t n) {
    Tu& t = tus[todo[n]];
    const int64_t rank = static_cast<int64_t>(todo[n]);
    ExtractInput in = t.input;
    in.rank = rank;
    in.claims = opts.shortcuts ? &claims : nullptr;
    in.stamps = &stamps;
    TuExtras ex;
    const int64_t started = now_ns();
    TuFacts facts = extract_tu(in, opts.root, &ex);
    TuRecord record = make_record(t, facts, ex, started);
    std::vector<FileShard> split = split_tu(facts, ex.split, t.id);
    std::set<std::string> incomplete;
    for (uint32_t f : ex.incomplete)
      if (f < facts.files.size()) incomplete.insert(facts.files[f].path);
    const std::string main_file = facts.main_file;
    facts = TuFacts{};
    {
      std::lock_guard<std::mutex> lock(mu);
      for (FileShard& s : split) {
        std::string path = s.path();
        const bool cacheable = use_cache && !incomplete.count(path);
        auto it = produced.find(path);
        if (it != produced.end() && it->second.rank < rank) { // a lower rank's facts win
          if (cacheable && !it->second.cacheable) {
            auto r = cacheable_runner_up.find(path);
            if (r == cacheable_runner_up.end() || rank < r->second.rank)
              cacheable_runner_up[path] = Produced{rank, std::move(s), true};
          }
          continue;
        }
        if (it != produced.end() && it->second.cacheable && !cacheable) {
          auto r = cacheable_runner_up.find(path);
          if (r == cacheable_runner_up.end() || it->second.rank < r->second.rank)
            cacheable_runner_up[path] = std::move(it->second);
        }
        if (cacheable) cacheable_runner_up.erase(path);
        produced[path] = Produced{rank, std::move(s), cacheable};
      }
      cache_record[todo[n]] = use_cache && !ex.missing_include;
      t.record = std::move(record);
    }
    size_t d = ++done;
    if (opts.on_progress) opts.on_progress(d, todo.size(), main_file);
  });
  if (use_cache) {
    std::vector<const FileShard*> shards_out;
    for (const auto& [path, p] : produced) {
      if (p.cacheable) {
        shards_out.push_back(&p.shard);
      } else if (auto r = cacheable_runner_up.find(path); r != cacheable_runner_up.end()) {
        shards_out.push_back(&r->second.shard);
      }
    }
    std::vector<const TuRecord*> records_out;
    for (size_t i = 0; i < tus.size(); ++i)
      if (cache_record[i]) records_out.push_back(&tus[i].record);
    // One slot per write, read in order: the warning is the same whatever -j.
    std::vector<std::string> errors(shards_out.size() + records_out.size());
    parallel_for(errors.size(), opts.jobs, [&](size_t k) {
      if (k < shards_out.size()) store.store_shard(*shards_out[k], errors[k]);
      else store.store_record(*records_out[k - shards_out.size()], errors[k]);
    });
    std::vector<std::string> write_errors;
    for (std::string& e : errors)
      if (!e.empty()) write_errors.push_back(std::move(e));
    if (!write_errors.empty())
      out.warnings.push_back(write_errors.front() + (write_errors.size() > 1
                                                         ? " (and " + std::to_string(write_errors.size() - 1) +
                                                               " more cache write errors)"
                                                         : "") +
                             "; the facts of this run are complete, but the next run parses again");
  }
  out.files_indexed = 0;
  out.steals = claims.steals();

  // 4. The shard of every file: produced by this run (lowest rank), else from the cache.
  std::map<std::string, const FileShard*> by_path;
  for (const auto& [path, shard] : loaded) by_path[path] = &shard;
  for (const auto& [path, p] : produced) {
    by_path[path] = &p.shard;
    ++out.files_indexed;
  }
  std::vector<const TuRecord*> records;
  for (size_t i = lo; i < hi; ++i) records.push_back(&tus[i].record);
  out.tus = assemble(records, by_path);

  if (shards > 1) {
    std::set<std::string> read;
    for (const TuRecord* r : records) {
      out.bundle.records.push_back(*r);
      for (const FileStamp& st : r->files)
        if (!st.external) read.insert(st.path);
    }
    for (const std::string& path : read) {
      auto it = by_path.find(path);
      if (it != by_path.end()) out.bundle.shards.push_back(*it->second);
    }
  }

  if (use_cache) {
    for (size_t i = lo; i < hi; ++i) {
      if (!tus[i].rewrite) continue;
      std::string err;
      store.store_record(tus[i].record, err);
    }
    out.cache_bytes_written = store.bytes_written();
    if (out.cache_bytes_written > 0) out.cache_usage = store.evict(opts.cache_max_bytes);
  }
  return true;
}

} // namespace seam
