// The scan: cache look-up, the parse of what changed, the write-back. See
// fact_scan.h; the cache format is in analyzers/cache/. One Scan object runs
// the steps in order, each a method named after what it does; the state they
// share is its members.
#include "analyzers/extract/fact_scan.h"
#include "analyzers/extract/prefix.h"

#include "analyzers/core/parallel.h"
#include "analyzers/core/paths.h"

#include <clang/Basic/Version.h>

#include <algorithm>
#include <array>
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
  /// Its arguments are the cache key's until the TU is to be parsed, then
  /// the driver's table drops the flags clang does not know (prepare_command).
  ExtractInput input;
  const CompileCommand* cmd = nullptr;
  TuRecord record;
  bool fresh = false;       ///< record valid and every file's facts it needs there
  bool rewrite = false;     ///< fresh, but times changed: rewrite the record
  /// Fresh, and its record's file list let go after the look-up (read again
  /// when the TU's facts are assembled): 633 records of rocksdb hold 300,000
  /// file stamps, which need not all be in memory at once.
  bool reload = false;
};

/// One file's facts produced by this run, with the rank of the TU that produced it.
/// Kept encoded (the cache's compact form, a fraction of the decoded size)
/// until it is written to the cache, then let go and read back from the cache
/// when merged (`in_cache`), as a warm run reads it: a cold scan's memory does
/// not grow with the number of TUs parsed. Without a cache (--no-cache), or
/// when the write failed, `encoded` is kept until the merge.
struct Produced {
  int64_t rank = 0;
  uint64_t hash = 0;
  std::string encoded;
  bool in_cache = false; ///< written to the cache and `encoded` let go
};

/// What the cache holds for the current content of a file: its facts are
/// checked whole (checksum) but not decoded; it is decoded when merged.
struct Cached {
  uint64_t hash = 0;
  TuId producer;
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

/// "first (and N more what)", for a warning about many alike.
std::string first_and_more(const std::vector<std::string>& all, const std::string& what) {
  return all.front() + (all.size() > 1 ? " (and " + std::to_string(all.size() - 1) + " more " + what + ")" : "");
}

class Scan {
public:
  Scan(const ScanOptions& opts, ScanResult& out) : opts_(opts), out_(out) {}

  bool run(const CompileDb& db, std::string& error) {
    list_tus(db);
    use_cache_ = !opts_.cache_dir.empty();
    if (use_cache_ && !store_.open(opts_.cache_dir, error)) return false;
    if (use_cache_) look_up_cache();
    parse_changed();
    if (use_cache_ && !store_.other_builds().empty() && out_.parsed > 0)
      out_.notes.push_back("the fact cache " + opts_.cache_dir + " held only facts of other seam builds (" +
                           (store_.other_builds().size() == 1
                                ? "folder " + store_.other_builds().front()
                                : std::to_string(store_.other_builds().size()) + " folders, e.g. " +
                                      store_.other_builds().front()) +
                           "), which this build cannot read, so every TU was parsed; the next run reads "
                           "this build's facts (--cache-max-size evicts the others first)");
    assemble_facts();
    if (shards_ > 1) fill_bundle();
    if (!lost_.empty())
      out_.warnings.push_back("the fact cache entry of " + first_and_more(lost_, "files") +
                              " vanished during the run (another seam evicting?); its facts are missing from this "
                              "result: run again");
    if (use_cache_) finish_cache();
    return true;
  }

private:
  /// Step 1. The TUs, cleaned and keyed, in rank order, and the block of
  /// them (`--shard`) this run reads.
  void list_tus(const CompileDb& db) {
    std::unordered_set<uint64_t> seen;
    for (const CompileCommand& cmd : db.commands) {
      Tu t;
      // No driver table here: a run that parses nothing loads no Clang
      // (clang_api.h). A flag clang does not know is in the key, and dropped
      // before the parse (parse_changed).
      t.input.arguments = prepare_arguments(cmd, opts_.adjust, &keep_every_flag, out_.warnings);
      t.cmd = &cmd;
      std::string main_abs = canonical_path(cmd.file), rel;
      t.id.main_file = relative_to(main_abs, opts_.root, rel) ? rel : main_abs;
      t.input.directory = cmd.directory;
      t.input.main_file = cmd.file;
      t.key_text = tu_key_text(opts_.root, cmd.directory, t.input.arguments);
      t.id.key = fast_hash(t.key_text);
      if (!seen.insert(t.id.key).second) continue; // the same command twice: one TU
      tus_.push_back(std::move(t));
    }
    std::sort(tus_.begin(), tus_.end(), [](const Tu& a, const Tu& b) { return a.id < b.id; });
    const size_t total = tus_.size();
    out_.total = total;
    shards_ = std::max<uint32_t>(1, opts_.shards);
    lo_ = total * std::min(opts_.shard, shards_ - 1) / shards_;
    hi_ = total * (std::min(opts_.shard, shards_ - 1) + 1) / shards_;
    for (size_t i = 0; i < total; ++i) rank_of_.emplace(tus_[i].id, static_cast<int64_t>(i));
  }

  /// Step 2. What the cache holds: a TU is fresh when its record matches and
  /// the facts of every project file it read are there for their current content.
  void look_up_cache() {
    std::unordered_map<uint64_t, bool> facts_available; // file_facts_key -> present and whole
    for (size_t i = lo_; i < hi_; ++i) {
      Tu& t = tus_[i];
      TuRecord rec;
      if (!store_.load_record(t.id.key, rec) || rec.key_text != t.key_text || rec.id != t.id) continue;
      const int64_t checked_at = now_ns();
      bool rehashed = false;
      if (!record_is_fresh(rec, opts_.root, stamps_, rehashed)) continue;
      bool all = true;
      for (const FileStamp& st : rec.files) {
        if (st.external) continue;
        uint64_t k = file_facts_key(st.path, st.hash);
        auto it = facts_available.find(k);
        if (it == facts_available.end()) {
          Cached c;
          c.hash = st.hash;
          bool ok = store_.check_file_facts(st.path, st.hash, c.producer);
          it = facts_available.emplace(k, ok).first;
          if (ok) cached_[st.path] = std::move(c);
        }
        if (!it->second) all = false;
      }
      if (!all) continue;
      if (rehashed) {
        // Same content, new times: remember them so the next run needs no hash.
        for (FileStamp& st : rec.files) {
          Stamp now = stamps_.stat(st.external ? st.path : opts_.root + "/" + st.path);
          st.size = now.size;
          st.mtime_ns = now.mtime_ns;
        }
        rec.parsed_at_ns = checked_at;
        t.rewrite = true;
      }
      // Owners (the lowest-ranked reader of each project file) are all the
      // assembly needs of the other records' file lists.
      note_owner(rec, i);
      t.fresh = true;
      if (!t.rewrite && shards_ == 1) {
        t.reload = true;
        rec.files = {};
      }
      t.record = std::move(rec);
    }
  }

  /// Records TU `i` as the owner of each project file of `rec` that no TU of
  /// lower rank read.
  void note_owner(const TuRecord& rec, size_t i) {
    for (const FileStamp& st : rec.files)
      if (!st.external) {
        auto [it, fresh] = owner_.emplace(st.path, i - lo_);
        if (!fresh && i - lo_ < it->second) it->second = i - lo_;
      }
  }

  /// Step 3. Parses the TUs the cache could not answer, on the one thread
  /// pool, lowest rank first, each header indexed by one TU (FileClaims).
  void parse_changed() {
    for (size_t i = lo_; i < hi_; ++i)
      if (!tus_[i].fresh) todo_.push_back(i);
    out_.parsed = todo_.size();
    out_.from_cache = (hi_ - lo_) - todo_.size();
    if (!todo_.empty()) prepare_clang_threads(); // before any worker (extract.h)
    for (size_t i : todo_) {
      std::vector<std::string> removed;
      Tu& t = tus_[i];
      t.input.arguments = drop_unknown_driver_flags(t.input.arguments, removed);
      for (const std::string& r : removed) out_.warnings.push_back(unknown_flag_warning(*t.cmd, opts_.adjust, r));
    }
    for (const auto& [path, c] : cached_) {
      auto it = rank_of_.find(c.producer);
      claims_.seed(path, it == rank_of_.end() ? -1 : it->second);
    }
    // The shared leading external headers, precompiled once per command.
    if (opts_.prefix && opts_.shortcuts && !todo_.empty()) {
      std::vector<const ExtractInput*> inputs;
      for (size_t i : todo_) inputs.push_back(&tus_[i].input);
      plan_prefixes(inputs, opts_.root, use_cache_ ? opts_.cache_dir + "/prefix" : "", opts_.jobs, prefixes_,
                    opts_.prefix_mode);
      out_.prefix_built = prefixes_.built;
      out_.prefix_reused = prefixes_.reused;
      out_.notes.insert(out_.notes.end(), prefixes_.warnings.begin(), prefixes_.warnings.end());
    }
    // parallel_for takes no new TU after SIGINT/SIGTERM; the ones in flight finish.
    parallel_for(todo_.size(), opts_.jobs, [this](size_t n) { parse_one(n); });
    out_.files_indexed = 0;
    out_.steals = claims_.steals();
    out_.prefixed = prefixed_;
    out_.prefix_misfits = misfits_;
    out_.prefix_summary = prefix_summary();
    if (!write_errors_.empty())
      out_.warnings.push_back(first_and_more(write_errors_, "cache write errors") +
                              "; the facts of this run are complete, but the next run parses again");
  }

  std::string prefix_summary() const {
    if (todo_.empty()) return "";
    if (!opts_.prefix || !opts_.shortcuts) return "not used (--no-prefix)";
    const PrefixPlan& p = prefixes_;
    std::string s = std::to_string(out_.prefixed) + " of " + std::to_string(todo_.size()) + " parsed TUs used one of " +
                    std::to_string(p.built + p.reused) + " (" + std::to_string(p.built) + " built, " +
                    std::to_string(p.reused) + " from the cache), about " + std::to_string(p.saved) +
                    " header parses saved";
    std::string why;
    auto add = [&why](size_t n, const char* what) {
      if (n) why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(p.alone, "alone with their compile command");
    add(p.forced, "with -include/-imacros");
    add(p.no_run, "not starting with an external #include <...>");
    add(p.no_include, "with no external #include <...> outside an #if");
    add(p.unshared, "starting with a run too few TUs of their command share");
    add(p.unbuilt, "whose prefix was not built");
    add(out_.prefix_misfits, "misfits (their parse left the prefix: parsed again whole)");
    return why.empty() ? s : s + "; none for " + why;
  }

  /// One TU through Clang (a worker thread): its facts split per file and
  /// encoded, kept where they win, and its cache entries written.
  void parse_one(size_t n) {
    const size_t i = todo_[n];
    Tu& t = tus_[i]; // this worker's alone
    const int64_t rank = static_cast<int64_t>(i);
    ExtractInput in = t.input;
    in.rank = rank;
    in.claims = opts_.shortcuts ? &claims_ : nullptr;
    in.stamps = &stamps_;
    if (!prefixes_.of_tu.empty()) in.prefix = prefixes_.of_tu[n];
    TuExtras ex;
    const int64_t started = now_ns();
    TuFacts facts = extract_tu(in, opts_.root, &ex);
    if (ex.prefix == 1) ++prefixed_;
    if (ex.prefix == 2) ++misfits_;
    TuRecord record = make_record(t, facts, ex, started);
    count_record(+1);
    std::vector<FileFacts> split = split_tu(facts, ex.split, t.id);
    std::set<std::string> incomplete;
    for (uint32_t f : ex.incomplete)
      if (f < facts.files.size()) incomplete.insert(facts.files[f].path);
    const std::string main_file = facts.main_file;
    facts = TuFacts{};
    for (FileFacts& s : split) {
      const std::string path = s.path();
      Produced p{rank, s.hash(), encode_file_facts(s)};
      s = FileFacts{};
      keep_file_facts(path, std::move(p), t.id, use_cache_ && !incomplete.count(path));
    }
    split.clear();
    bool record_stored = false;
    if (use_cache_ && !ex.missing_include) {
      std::string err;
      record_stored = store_.store_record(record, err);
      if (!record_stored) note_write_error(std::move(err));
    }
    if (record_stored && shards_ == 1 && !opts_.launcher) {
      // Written: its file list is read again when the TU is assembled (as a
      // warm run's), so the parse does not hold every TU's record at once.
      {
        std::lock_guard<std::mutex> lock(mu_);
        note_owner(record, i);
      }
      record.files = {};
      t.reload = true;
      count_record(-1);
    }
    t.record = std::move(record);
    size_t d = ++done_;
    if (opts_.on_progress) opts_.on_progress(d, todo_.size(), main_file);
  }

  /// Keeps the facts of `path` produced by the TU of `p.rank` unless a TU of
  /// lower rank produced one (a lower rank's facts win, whatever the thread
  /// timing), and writes it to the cache when `store`. The global mutex guards
  /// only the map; the write runs under the lock of the path's stripe, so
  /// workers write different files at once, while the two writes of one file
  /// (a steal: a lower rank indexed it second) land in the order they were
  /// decided, leaving the lowest rank's facts in the cache.
  void keep_file_facts(const std::string& path, Produced p, const TuId& producer, bool store) {
    std::lock_guard<std::mutex> stripe(stripes_[std::hash<std::string>{}(path) % stripes_.size()]);
    Produced* kept = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = produced_.find(path);
      if (it != produced_.end() && it->second.rank < p.rank) return;
      Produced& slot = produced_[path];
      if (it == produced_.end() || slot.in_cache) count_facts_locked(+1);
      slot = std::move(p);
      kept = &slot; // std::map nodes stay put; only this stripe's holder changes this one
    }
    if (!store) return;
    std::string err;
    const bool stored = opts_.launcher ? store_.store_file_facts_if_lowest(path, kept->hash, producer, kept->encoded, err)
                                       : store_.store_encoded_file_facts(path, kept->hash, kept->encoded, err);
    if (!stored) {
      note_write_error(std::move(err));
      return;
    }
    // In the cache now: read back when merged (file_facts_of). Not with `seam
    // cc`, whose write may keep another TU's facts of the file. Only this
    // stripe's holder touches the slot's encoding.
    if (opts_.launcher) return;
    std::string().swap(kept->encoded);
    kept->in_cache = true;
    std::lock_guard<std::mutex> lock(mu_);
    count_facts_locked(-1);
  }

  /// The peaks of ScanResult::facts_held_peak and records_held_peak.
  void count_facts_locked(int delta) {
    facts_held_ += delta;
    out_.facts_held_peak = std::max(out_.facts_held_peak, facts_held_);
  }
  void count_record(int delta) {
    std::lock_guard<std::mutex> lock(mu_);
    records_held_ += delta;
    out_.records_held_peak = std::max(out_.records_held_peak, records_held_);
  }

  void note_write_error(std::string err) {
    std::lock_guard<std::mutex> lock(mu_);
    write_errors_.push_back(std::move(err));
  }

  /// Step 4. The facts of each TU, in rank order: its record, and the facts
  /// of the files it owns, each produced by this run (lowest rank) or else
  /// from the cache, decoded one at a time and handed on (streaming: with
  /// on_tu, memory holds one TU's facts, never all of them).
  void assemble_facts() {
    for (size_t i = lo_; i < hi_; ++i) records_.push_back(&tus_[i].record);
    for (const auto& [path, c] : cached_) source_[path] = 0;
    for (const auto& [path, p] : produced_) {
      source_[path] = 1;
      ++out_.files_indexed;
    }
    for (size_t i = lo_; i < hi_; ++i)
      if (!tus_[i].reload) note_owner(tus_[i].record, i);
    std::vector<std::vector<const std::string*>> owned(records_.size());
    for (const auto& [path, from] : source_) {
      auto it = owner_.find(path);
      if (it != owner_.end()) owned[it->second].push_back(&path); // path order
    }
    for (size_t i = 0; i < records_.size(); ++i) {
      Tu& t = tus_[lo_ + i];
      if (t.reload && (!store_.load_record(t.id.key, t.record) || t.record.key_text != t.key_text)) {
        lost_.push_back(t.id.main_file + " (its record)");
        t.record.id = t.id;
      }
      TuAssembler a(*records_[i]);
      if (t.reload) t.record.files = {}; // let go again
      for (const std::string* path : owned[i]) {
        FileFacts file;
        if (file_facts_of(*path, file)) a.add(file);
      }
      if (opts_.on_tu)
        opts_.on_tu(a.take());
      else
        out_.tus.push_back(a.take());
    }
  }

  /// The facts of `path`: produced by this run (source 1) or from the cache (0).
  bool file_facts_of(const std::string& path, FileFacts& file) {
    std::string why;
    uint64_t hash = 0;
    if (source_.at(path) == 1) {
      const Produced& p = produced_.at(path);
      if (!p.in_cache) return decode_file_facts(p.encoded, file, why);
      hash = p.hash;
    } else {
      hash = cached_.at(path).hash;
    }
    if (store_.load_file_facts(path, hash, file)) return true;
    lost_.push_back(path); // checked whole a moment ago: removed by another seam since
    return false;
  }

  /// Step 5 (--shard K/N). The bundle: the records of the selected TUs and the
  /// facts of every project file they read.
  void fill_bundle() {
    std::set<std::string> read;
    for (const TuRecord* r : records_) {
      out_.bundle.records.push_back(*r);
      for (const FileStamp& st : r->files)
        if (!st.external) read.insert(st.path);
    }
    for (const std::string& path : read) {
      FileFacts file;
      if (source_.count(path) && file_facts_of(path, file)) out_.bundle.files.push_back(std::move(file));
    }
  }

  /// Step 6. The records whose times changed rewritten, and the cache bounded
  /// (not by `seam cc`: eviction walks the whole cache).
  void finish_cache() {
    for (size_t i = lo_; i < hi_; ++i) {
      if (!tus_[i].rewrite) continue;
      std::string err;
      store_.store_record(tus_[i].record, err);
    }
    out_.cache_bytes_written = store_.bytes_written();
    if (out_.cache_bytes_written > 0 && !opts_.launcher) out_.cache_usage = store_.evict(opts_.cache_max_bytes);
  }

  const ScanOptions& opts_;
  ScanResult& out_;

  // Step 1.
  std::vector<Tu> tus_;
  uint32_t shards_ = 1;
  size_t lo_ = 0, hi_ = 0;                 ///< the TUs of this run: [lo_, hi_) in rank order
  std::map<TuId, int64_t> rank_of_;
  // Step 2.
  bool use_cache_ = false;
  FactStore store_;
  FileStamps stamps_;
  std::map<std::string, Cached> cached_;   ///< path -> facts of its current content
  std::unordered_map<std::string, size_t> owner_; ///< project file -> index (from lo_) of its lowest-ranked reader
  // Step 3 (shared by the workers).
  std::vector<size_t> todo_;
  FileClaims claims_;
  PrefixPlan prefixes_;                    ///< precompiled prefixes, by index into todo_
  std::atomic<size_t> prefixed_{0}, misfits_{0};
  std::mutex mu_;                          ///< guards produced_, owner_ while parsing, write_errors_, the counts
  size_t facts_held_ = 0, records_held_ = 0; ///< encoded file facts and records in memory now
  std::map<std::string, Produced> produced_;
  std::array<std::mutex, 64> stripes_;     ///< orders the cache writes of one path
  std::vector<std::string> write_errors_;
  std::atomic<size_t> done_{0};
  // Step 4.
  std::vector<const TuRecord*> records_;
  std::map<std::string, int> source_;      ///< path -> 1 produced, 0 cached
  std::vector<std::string> lost_;
};

} // namespace

std::string tu_key_text(const std::string& root, const std::string& directory,
                        const std::vector<std::string>& arguments) {
  std::string k = "seam-facts/" + std::to_string(kCacheFormat);
  k += '\0';
  // The version seam was built against (a header's macro): a run that
  // parses nothing loads no Clang to ask it (clang_api.h).
  k += "clang " CLANG_VERSION_STRING;
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
  return Scan(opts, out).run(db, error);
}

} // namespace seam
