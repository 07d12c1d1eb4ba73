// The scan: cache look-up, the parse of what changed, the write-back. See
// fact_scan.h; the cache format is in analyzers/cache/.
#include "analyzers/extract/fact_scan.h"

#include "analyzers/core/interrupt.h"
#include "analyzers/core/paths.h"

#include <clang/Basic/Version.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
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
  /// Fresh, and its record's file list let go after the look-up (read again
  /// when the TU's facts are assembled): 633 records of rocksdb hold 300,000
  /// file stamps, which need not all be in memory at once.
  bool reload = false;
};

/// A shard produced by this run, with the rank of the TU that produced it.
/// Kept encoded (the cache's compact form, a fraction of the decoded size)
/// until it is merged: a cold scan does not hold every file's facts decoded.
struct Produced {
  int64_t rank = 0;
  uint64_t hash = 0;
  std::string encoded;
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
  // What the cache holds for the current content of each file: the shard is
  // checked whole (checksum) but not decoded; it is decoded when merged.
  struct Cached {
    uint64_t hash = 0;
    TuId producer;
  };
  std::map<std::string, Cached> cached;                // path -> shard of its current content
  std::unordered_map<uint64_t, bool> shard_available;  // shard_key -> present and whole
  std::unordered_map<std::string, size_t> owner; // project file -> index (from lo) of its lowest-ranked reader
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
          Cached c;
          c.hash = st.hash;
          bool ok = store.check_shard(st.path, st.hash, c.producer);
          it = shard_available.emplace(k, ok).first;
          if (ok) cached[st.path] = std::move(c);
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
      // Owners (the lowest-ranked reader of each project file) are all the
      // assembly needs of the other records' file lists.
      for (const FileStamp& st : rec.files)
        if (!st.external) {
          auto [it, fresh] = owner.emplace(st.path, i - lo);
          if (!fresh && i - lo < it->second) it->second = i - lo;
        }
      t.fresh = true;
      if (!t.rewrite && shards == 1) {
        t.reload = true;
        rec.files = {};
      }
      t.record = std::move(rec);
    }
  }

  // 3. Parse the rest, lowest rank first, each header indexed by one TU.
  std::vector<size_t> todo;
  for (size_t i = lo; i < hi; ++i)
    if (!tus[i].fresh) todo.push_back(i);
  out.parsed = todo.size();
  out.from_cache = (hi - lo) - todo.size();
  FileClaims claims;
  for (const auto& [path, c] : cached) {
    auto it = rank_of.find(c.producer);
    claims.seed(path, it == rank_of.end() ? -1 : it->second);
  }
  // The shared leading external headers, precompiled once per command.
  PrefixPlan prefixes;
  if (opts.prefix && opts.shortcuts && !todo.empty()) {
    std::vector<const ExtractInput*> inputs;
    for (size_t i : todo) inputs.push_back(&tus[i].input);
    plan_prefixes(inputs, opts.root, use_cache ? opts.cache_dir + "/prefix" : "", opts.jobs, prefixes);
    out.prefix_built = prefixes.built;
    out.prefix_reused = prefixes.reused;
    out.notes.insert(out.notes.end(), prefixes.warnings.begin(), prefixes.warnings.end());
  }
  std::atomic<size_t> prefixed{0}, misfits{0};
  std::mutex mu;
  std::map<std::string, Produced> produced;
  std::vector<std::string> write_errors;
  std::atomic<size_t> next{0}, done{0};
  auto worker = [&] {
    for (size_t n = next++; n < todo.size(); n = next++) {
      if (interrupted()) break; // SIGINT/SIGTERM: finish the TUs in flight, take no new one
      Tu& t = tus[todo[n]];
      const int64_t rank = static_cast<int64_t>(todo[n]);
      ExtractInput in = t.input;
      in.rank = rank;
      in.claims = opts.shortcuts ? &claims : nullptr;
      in.stamps = &stamps;
      if (!prefixes.of_tu.empty()) in.prefix = prefixes.of_tu[n];
      TuExtras ex;
      const int64_t started = now_ns();
      TuFacts facts = extract_tu(in, opts.root, &ex);
      if (ex.prefix == 1) ++prefixed;
      if (ex.prefix == 2) ++misfits;
      TuRecord record = make_record(t, facts, ex, started);
      std::vector<FileShard> split = split_tu(facts, ex.split, t.id);
      std::set<std::string> incomplete;
      for (uint32_t f : ex.incomplete)
        if (f < facts.files.size()) incomplete.insert(facts.files[f].path);
      const std::string main_file = facts.main_file;
      facts = TuFacts{};
      // Encoded outside the lock: the shards are this worker's own.
      std::vector<std::pair<std::string, Produced>> encoded;
      encoded.reserve(split.size());
      for (FileShard& s : split) {
        Produced p{rank, s.hash(), encode_shard(s)};
        encoded.emplace_back(s.path(), std::move(p));
        s = FileShard{};
      }
      split.clear();
      {
        std::lock_guard<std::mutex> lock(mu);
        for (auto& [path, p] : encoded) {
          auto it = produced.find(path);
          if (it != produced.end() && it->second.rank < rank) continue; // a lower rank's facts win
          if (use_cache && !incomplete.count(path)) {
            std::string err;
            const bool stored = opts.launcher ? store.store_shard_if_lowest(path, p.hash, t.id, p.encoded, err)
                                              : store.store_encoded_shard(path, p.hash, p.encoded, err);
            if (!stored) write_errors.push_back(err);
          }
          produced[path] = std::move(p);
        }
        if (use_cache && !ex.missing_include) {
          std::string err;
          if (!store.store_record(record, err)) write_errors.push_back(err);
        }
        t.record = std::move(record);
      }
      size_t d = ++done;
      if (opts.on_progress) opts.on_progress(d, todo.size(), main_file);
    }
  };
  unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(todo.size(), 1)));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& th : threads) th.join();
  out.files_indexed = 0;
  out.steals = claims.steals();
  out.prefixed = prefixed;
  out.prefix_misfits = misfits;
  if (!write_errors.empty())
    out.warnings.push_back(write_errors.front() + (write_errors.size() > 1
                                                       ? " (and " + std::to_string(write_errors.size() - 1) +
                                                             " more cache write errors)"
                                                       : "") +
                           "; the facts of this run are complete, but the next run parses again");

  // 4. The facts of each TU, in rank order: its record, and the shards of the
  // files it owns, each produced by this run (lowest rank) or else from the
  // cache, decoded one at a time and handed on (streaming: with on_tu, memory
  // holds one TU's facts, never all of them).
  std::vector<const TuRecord*> records;
  for (size_t i = lo; i < hi; ++i) records.push_back(&tus[i].record);
  std::map<std::string, int> source; // path -> 1 produced, 0 cached
  for (const auto& [path, c] : cached) source[path] = 0;
  for (const auto& [path, p] : produced) {
    source[path] = 1;
    ++out.files_indexed;
  }
  std::vector<std::string> lost;
  auto shard_of = [&](const std::string& path, FileShard& shard) {
    std::string why;
    if (source.at(path) == 1) return decode_shard(produced.at(path).encoded, shard, why);
    const Cached& c = cached.at(path);
    if (store.load_shard(path, c.hash, shard)) return true;
    lost.push_back(path); // checked whole a moment ago: removed by another seam since
    return false;
  };
  {
    for (size_t i = lo; i < hi; ++i)
      if (!tus[i].reload)
        for (const FileStamp& st : tus[i].record.files)
          if (!st.external) {
            auto [it, fresh] = owner.emplace(st.path, i - lo);
            if (!fresh && i - lo < it->second) it->second = i - lo;
          }
    std::vector<std::vector<const std::string*>> owned(records.size());
    for (const auto& [path, from] : source) {
      auto it = owner.find(path);
      if (it != owner.end()) owned[it->second].push_back(&path); // path order
    }
    for (size_t i = 0; i < records.size(); ++i) {
      Tu& t = tus[lo + i];
      if (t.reload && (!store.load_record(t.id.key, t.record) || t.record.key_text != t.key_text)) {
        lost.push_back(t.id.main_file + " (its record)");
        t.record.id = t.id;
      }
      TuAssembler a(*records[i]);
      if (t.reload) t.record.files = {}; // let go again
      for (const std::string* path : owned[i]) {
        FileShard shard;
        if (shard_of(*path, shard)) a.add(shard);
      }
      if (opts.on_tu)
        opts.on_tu(a.take());
      else
        out.tus.push_back(a.take());
    }
  }

  if (shards > 1) {
    std::set<std::string> read;
    for (const TuRecord* r : records) {
      out.bundle.records.push_back(*r);
      for (const FileStamp& st : r->files)
        if (!st.external) read.insert(st.path);
    }
    for (const std::string& path : read) {
      FileShard shard;
      if (source.count(path) && shard_of(path, shard)) out.bundle.shards.push_back(std::move(shard));
    }
  }
  if (!lost.empty())
    out.warnings.push_back("the fact cache entry of " + lost.front() +
                           (lost.size() > 1 ? " (and " + std::to_string(lost.size() - 1) + " more files)" : "") +
                           " vanished during the run (another seam evicting?); its facts are missing from this "
                           "result: run again");

  if (use_cache) {
    for (size_t i = lo; i < hi; ++i) {
      if (!tus[i].rewrite) continue;
      std::string err;
      store.store_record(tus[i].record, err);
    }
    out.cache_bytes_written = store.bytes_written();
    if (out.cache_bytes_written > 0 && !opts.launcher) out.cache_usage = store.evict(opts.cache_max_bytes);
  }
  return true;
}

} // namespace seam
