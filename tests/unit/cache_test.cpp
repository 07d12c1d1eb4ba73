// The fact cache without Clang: per-file split and assembly, the binary format
// (round trip, corrupt and foreign input rejected cleanly), the store on disk
// (atomic entries, LRU eviction), and the freshness check of TU records.
#include "analyzers/cache/codec.h"
#include "analyzers/cache/fact_store.h"
#include "analyzers/cache/file_stamps.h"
#include "analyzers/cache/file_facts.h"
#include "analyzers/core/output.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/init/infer_config.h"
#include "analyzers/model/model.h"
#include "support/facts_builder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "seam-cache-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const std::string& path, const std::string& text) {
  std::string err;
  fs::create_directories(fs::path(path).parent_path());
  ASSERT_TRUE(write_file_atomic(path, text, err)) << err;
}

void set_mtime(const std::string& path, int64_t seconds) {
  struct timespec ts[2];
  ts[0].tv_sec = ts[1].tv_sec = seconds;
  ts[0].tv_nsec = ts[1].tv_nsec = 0;
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), ts, 0), 0);
}

/// One TU: main.cpp includes a.h (project) and <vector> (external). a.h
/// declares f and class Base; main.cpp defines f, derives from Base, calls f.
TuFacts sample_tu(SplitInfo& info) {
  TuFacts tu;
  tu.main_file = "src/main.cpp";
  tu.files = {{"src/main.cpp", false, 20, 111}, {"src/a.h", false, 10, 222}, {"/usr/include/vector", true, 0, 0}};
  SymbolFact f;
  f.usr = "c:@F@f#";
  f.name = "f";
  f.kind = SymbolKind::Function;
  f.decl = {1, 3, 5};
  f.def = {0, 4, 5};
  f.signature = "int ()";
  f.result.spelling = "int";
  f.result.shape = TypeShape::Int;
  f.result.bits = 32;
  SymbolFact base;
  base.usr = "c:@S@Base";
  base.name = "Base";
  base.kind = SymbolKind::Class;
  base.decl = base.def = {1, 5, 7};
  base.is_polymorphic = true;
  base.is_abstract = true;
  SymbolFact derived;
  derived.usr = "c:@S@Derived";
  derived.name = "Derived";
  derived.kind = SymbolKind::Class;
  derived.decl = derived.def = {0, 8, 7};
  derived.bases = {"c:@S@Base"};
  tu.symbols = {f, base, derived};
  tu.refs = {{{0, 9, 3}, 0, 2, RefKind::Call, true}, {{0, 8, 17}, 1, 2, RefKind::BaseClass, false}};
  tu.includes = {{{0, 1, 1}, 1, "a.h", false}, {{0, 2, 1}, 2, "vector", true}};
  info.indexed = {1, 1, 0};
  info.decl_sites = {{0, {1, 3, 5}}, {0, {0, 4, 5}}, {1, {1, 5, 7}}, {2, {0, 8, 7}}};
  info.decl_from_site = {0, 0, 0};
  return tu;
}

const FileShard& shard_of(const std::vector<FileShard>& shards, const std::string& path) {
  for (const FileShard& s : shards)
    if (s.path() == path) return s;
  throw std::runtime_error("no shard " + path);
}

const SymbolFact* entry(const TuFacts& shard, const std::string& name) {
  for (const SymbolFact& s : shard.symbols)
    if (s.name == name) return &s;
  return nullptr;
}

TEST(Split, OneShardPerIndexedProjectFileWithTheFactsSitedThere) {
  SplitInfo info;
  TuFacts tu = sample_tu(info);
  auto shards = split_tu(tu, info, TuId{"src/main.cpp", 7});
  ASSERT_EQ(shards.size(), 2u); // no shard for the external <vector>
  const TuFacts& main = shard_of(shards, "src/main.cpp").facts;
  const TuFacts& header = shard_of(shards, "src/a.h").facts;
  EXPECT_EQ(shard_of(shards, "src/a.h").producer, (TuId{"src/main.cpp", 7}));
  EXPECT_EQ(main.files[0].hash, 111u);
  EXPECT_EQ(main.files[0].lines, 20u);
  EXPECT_EQ(main.refs.size(), 2u);
  EXPECT_EQ(main.includes.size(), 2u);
  EXPECT_TRUE(header.refs.empty());
  EXPECT_TRUE(header.includes.empty());

  // The definition of f speaks only in main.cpp's shard; its declaration site
  // (the TU's canonical one, in a.h) is kept by both.
  const SymbolFact* f_main = entry(main, "f");
  const SymbolFact* f_header = entry(header, "f");
  ASSERT_TRUE(f_main && f_header);
  EXPECT_TRUE(f_main->def.valid());
  EXPECT_EQ(main.files[f_main->def.file].path, "src/main.cpp");
  EXPECT_FALSE(f_header->def.valid());
  EXPECT_EQ(header.files[f_header->decl.file].path, "src/a.h");
  EXPECT_EQ(main.files[f_main->decl.file].path, "src/a.h");

  // What only a definition tells (abstract, polymorphic, bases) stays with it.
  const SymbolFact* base_main = entry(main, "Base");
  const SymbolFact* base_header = entry(header, "Base");
  ASSERT_TRUE(base_main && base_header);
  EXPECT_TRUE(base_header->is_abstract);
  EXPECT_FALSE(base_main->is_abstract);
  EXPECT_FALSE(base_main->def.valid());
  const SymbolFact* derived = entry(main, "Derived");
  ASSERT_TRUE(derived);
  EXPECT_EQ(derived->bases, std::vector<std::string>{"c:@S@Base"});
}

TEST(Split, FilesTheTuDidNotIndexGetNoShard) {
  SplitInfo info;
  TuFacts tu = sample_tu(info);
  info.indexed = {1, 0, 0}; // a.h indexed by another TU
  auto shards = split_tu(tu, info, TuId{"src/main.cpp", 7});
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].path(), "src/main.cpp");
}

TEST(Split, ADeclarationOutsideTheProjectIsReplacedByThisFilesSite) {
  SplitInfo info;
  TuFacts tu = sample_tu(info);
  info.decl_from_site = {1, 0, 0}; // f's TU declaration was a stand-in
  tu.symbols[0].decl = {0, 4, 5};
  auto shards = split_tu(tu, info, TuId{"src/main.cpp", 7});
  const SymbolFact* f_header = entry(shard_of(shards, "src/a.h").facts, "f");
  const SymbolFact* f_main = entry(shard_of(shards, "src/main.cpp").facts, "f");
  ASSERT_TRUE(f_header && f_main);
  EXPECT_EQ(f_header->decl.line, 3u);
  EXPECT_EQ(f_main->decl.line, 4u);
}

TEST(Split, ShardsAreCanonicalWhateverTheOrderOfTheFacts) {
  SplitInfo info;
  TuFacts tu = sample_tu(info);
  auto a = split_tu(tu, info, TuId{"src/main.cpp", 7});
  // The same facts in another order: symbols reversed, references swapped.
  TuFacts rev = tu;
  std::reverse(rev.symbols.begin(), rev.symbols.end());
  for (RefFact& r : rev.refs) {
    r.target = 2 - r.target;
    r.from = 2 - r.from;
  }
  std::swap(rev.refs[0], rev.refs[1]);
  SplitInfo rinfo = info;
  for (auto& [s, loc] : rinfo.decl_sites) s = 2 - s;
  auto b = split_tu(rev, rinfo, TuId{"src/main.cpp", 7});
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(encode_shard(a[i]), encode_shard(b[i])) << a[i].path();
}

TEST(Assemble, TheModelFromShardsEqualsTheModelFromTheTus) {
  // Two TUs sharing a header; each file's shard from its lowest-ranked reader.
  test::TuBuilder t1, t2;
  t1.tu.main_file = "src/a/a.cpp";
  t1.include("src/a/a.cpp", 1, "src/c/c.h");
  t1.ref("src/a/a.cpp", 3, "c::f", "src/c/c.h");
  t1.ref("src/c/c.h", 4, "b::g", "src/b/b.h");
  t2.tu.main_file = "src/b/b.cpp";
  t2.include("src/b/b.cpp", 1, "src/c/c.h");
  t2.ref("src/b/b.cpp", 3, "c::f", "src/c/c.h");
  t2.ref("src/c/c.h", 4, "b::g", "src/b/b.h");
  std::vector<TuFacts> tus{t1.tu, t2.tu};

  std::vector<TuRecord> records(2);
  std::map<std::string, FileShard> shards;
  for (size_t i = 0; i < tus.size(); ++i) {
    records[i].id = TuId{tus[i].main_file, i};
    SplitInfo info;
    info.indexed.assign(tus[i].files.size(), 1);
    info.decl_from_site.assign(tus[i].symbols.size(), 0);
    for (const FileFact& f : tus[i].files)
      records[i].files.push_back(FileStamp{f.path, f.external, f.lines, 0, 0, 0});
    for (FileShard& s : split_tu(tus[i], info, records[i].id)) shards.emplace(s.path(), std::move(s));
  }
  std::map<std::string, const FileShard*> by_path;
  for (const auto& [p, s] : shards) by_path[p] = &s;
  std::vector<const TuRecord*> order{&records[0], &records[1]};
  std::vector<TuFacts> assembled = assemble(order, by_path);
  ASSERT_EQ(assembled.size(), 2u);
  EXPECT_EQ(assembled[0].main_file, "src/a/a.cpp");

  Config cfg = infer_config({"src/a/a.cpp", "src/b/b.cpp", "src/c/c.h"}, "/p");
  Project direct, from_shards;
  std::vector<std::string> errors, warnings;
  ASSERT_TRUE(build_project(std::vector<TuFacts>(tus), cfg, direct, errors, warnings));
  ASSERT_TRUE(build_project(std::move(assembled), cfg, from_shards, errors, warnings));
  ASSERT_EQ(direct.refs.size(), from_shards.refs.size());
  for (size_t i = 0; i < direct.refs.size(); ++i) {
    EXPECT_EQ(direct.where(direct.refs[i].site), from_shards.where(from_shards.refs[i].site));
    EXPECT_EQ(direct.symbols[direct.refs[i].target].usr, from_shards.symbols[from_shards.refs[i].target].usr);
  }
  EXPECT_EQ(direct.includes.size(), from_shards.includes.size());
  EXPECT_EQ(direct.tus.size(), from_shards.tus.size());
  ModuleGraph g1 = build_module_graph(direct), g2 = build_module_graph(from_shards);
  ASSERT_EQ(g1.edges.size(), g2.edges.size());
  for (size_t i = 0; i < g1.edges.size(); ++i) EXPECT_EQ(g1.edges[i].weight, g2.edges[i].weight);
}

// ---------------------------------------------------------------------------
// Format.

FileShard sample_shard() {
  SplitInfo info;
  TuFacts tu = sample_tu(info);
  tu.symbols[0].params = {Param{"v", tu.symbols[0].result}};
  TypeInfo vec;
  vec.spelling = "std::vector<std::map<int, Base*>>";
  vec.shape = TypeShape::Sequence;
  TypeInfo map;
  map.shape = TypeShape::Map;
  TypeInfo pointer;
  pointer.spelling = "Base *";
  pointer.shape = TypeShape::Pointer;
  map.args = {tu.symbols[0].result, pointer};
  vec.args = {map};
  tu.symbols[1].result = vec;
  tu.symbols[2].enum_value = -42;
  return shard_of(split_tu(tu, info, TuId{"src/main.cpp", 0x1234567890abcdefull}), "src/main.cpp");
}

TEST(Format, ShardRecordAndBundleRoundTrip) {
  FileShard s = sample_shard();
  std::string bytes = encode_shard(s), err;
  FileShard back;
  ASSERT_TRUE(decode_shard(bytes, back, err)) << err;
  EXPECT_EQ(encode_shard(back), bytes);
  EXPECT_EQ(back.producer, s.producer);
  EXPECT_EQ(back.facts.symbols.size(), s.facts.symbols.size());

  TuRecord r;
  r.key_text = std::string("key\0with\0nuls", 13);
  r.id = TuId{"src/main.cpp", fast_hash(r.key_text)};
  r.ok = false;
  r.first_error = "src/main.cpp:3:1: error: boom";
  r.error_count = 2;
  r.parsed_at_ns = -5;
  r.files = {{"src/main.cpp", false, 20, 111, 400, 1700000000123456789}, {"/usr/include/vector", true, 0, 9, 7, 1}};
  TuRecord rback;
  ASSERT_TRUE(decode_record(encode_record(r), rback, err)) << err;
  EXPECT_EQ(encode_record(rback), encode_record(r));
  EXPECT_EQ(rback.files[0].mtime_ns, 1700000000123456789);
  EXPECT_EQ(rback.parsed_at_ns, -5);

  Bundle b{{r}, {s, s}};
  Bundle bback;
  ASSERT_TRUE(decode_bundle(encode_bundle(b), bback, err)) << err;
  EXPECT_EQ(encode_bundle(bback), encode_bundle(b));
}

TEST(Format, PeekingAShardChecksItWholeAndReadsWhoseFileItIs) {
  FileShard s = sample_shard();
  const std::string bytes = encode_shard(s);
  TuId producer;
  std::string path, err;
  uint64_t hash = 0;
  ASSERT_TRUE(peek_shard(bytes, producer, path, hash, err)) << err;
  EXPECT_EQ(producer, s.producer);
  EXPECT_EQ(path, s.path());
  EXPECT_EQ(hash, s.hash());
  // A byte flipped anywhere, even in the facts it does not decode, is caught.
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] ^= 0x20;
    EXPECT_FALSE(peek_shard(bad, producer, path, hash, err)) << i;
  }
  TuRecord r;
  r.key_text = "k";
  r.id = TuId{"a.cpp", fast_hash(r.key_text)};
  EXPECT_FALSE(peek_shard(encode_record(r), producer, path, hash, err)); // a record is not a shard
}

TEST(Format, EveryTruncationAndEveryFlippedByteIsRejected) {
  std::string bytes = encode_shard(sample_shard()), err;
  FileShard out;
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(decode_shard(bytes.substr(0, n), out, err)) << n;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] ^= 0x20;
    EXPECT_FALSE(decode_shard(bad, out, err)) << i;
  }
  TuRecord not_a_record;
  EXPECT_FALSE(decode_record(bytes, not_a_record, err)); // a shard is not a record
  EXPECT_NE(err.find("not a seam cache file of this kind"), std::string::npos) << err;
}

/// Changes a byte and re-signs the document, so that the decoder's own checks
/// (not the checksum) must catch what is wrong.
std::string resign(std::string doc) {
  std::string body = doc.substr(0, doc.size() - 8);
  uint64_t h = fast_hash(body);
  for (int i = 0; i < 8; ++i) body.push_back(static_cast<char>((h >> (8 * i)) & 0xff));
  return body;
}

TEST(Format, MutatedButResignedInputNeverCrashesAndBadIndicesAreCaught) {
  const std::string bytes = encode_shard(sample_shard());
  std::string err;
  size_t rejected = 0;
  for (size_t i = 5; i + 8 < bytes.size(); ++i)
    for (int v : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(v);
      FileShard out;
      if (!decode_shard(resign(bad), out, err)) {
        ++rejected;
        EXPECT_FALSE(err.empty());
        continue;
      }
      // Whatever decodes is internally consistent: every index is in range.
      for (const RefFact& r : out.facts.refs) {
        ASSERT_LT(r.target, out.facts.symbols.size());
        ASSERT_TRUE(r.from == kNoSymbol || r.from < out.facts.symbols.size());
        ASSERT_TRUE(!r.site.valid() || r.site.file < out.facts.files.size());
      }
    }
  EXPECT_GT(rejected, 0u);
}

TEST(Format, ANewerOrOlderFormatIsNeverRead) {
  std::string bytes = encode_shard(sample_shard()), err;
  ASSERT_EQ(static_cast<uint8_t>(bytes[5]), kCacheFormat);
  bytes[5] = static_cast<char>(kCacheFormat + 1);
  FileShard out;
  EXPECT_FALSE(decode_shard(resign(bytes), out, err));
  EXPECT_NE(err.find("cache format " + std::to_string(kCacheFormat + 1)), std::string::npos) << err;
}

TEST(Format, HugeCountsAreRejectedBeforeAllocating) {
  // "SEAM" 'F' version, producer, then a file count of 2^40.
  std::string doc = std::string("SEAMF") + char(kCacheFormat) + char(0) + std::string(8, '\0') + char(0) + char(0) +
                    char(0) + char(0);
  doc += "\x80\x80\x80\x80\x80\x80\x01";
  doc += std::string(8, '\0');
  std::string err;
  FileShard out;
  EXPECT_FALSE(decode_shard(resign(doc), out, err));
  EXPECT_NE(err.find("count larger than the data"), std::string::npos) << err;
}

// ---------------------------------------------------------------------------
// Store.

TEST(Store, EntriesRoundTripAndACorruptEntryIsDroppedAndRemoved) {
  TempDir dir;
  FactStore store;
  std::string err;
  ASSERT_TRUE(store.open(dir.path, err)) << err;
  FileShard s = sample_shard();
  ASSERT_TRUE(store.store_shard(s, err)) << err;
  FileShard back;
  ASSERT_TRUE(store.load_shard(s.path(), s.hash(), back));
  EXPECT_EQ(encode_shard(back), encode_shard(s));
  EXPECT_FALSE(store.load_shard(s.path(), s.hash() + 1, back)); // other content: another entry

  // No temporary file is left behind.
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path))
    if (e.is_regular_file()) {
      ++files;
      EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
    }
  EXPECT_EQ(files, 2u); // the shard and CACHEDIR.TAG

  // Truncate the entry on disk: it is rejected and deleted.
  for (const auto& e : fs::recursive_directory_iterator(store.folder()))
    if (e.is_regular_file()) fs::resize_file(e.path(), 10);
  EXPECT_FALSE(store.load_shard(s.path(), s.hash(), back));
  size_t left = 0;
  for (const auto& e : fs::recursive_directory_iterator(store.folder()))
    left += e.is_regular_file();
  EXPECT_EQ(left, 0u);
}

TEST(Store, EvictionRemovesTheLeastRecentlyUsedEntriesFirst) {
  TempDir dir;
  FactStore store;
  std::string err;
  ASSERT_TRUE(store.open(dir.path, err)) << err;
  FileShard s = sample_shard();
  for (int i = 0; i < 10; ++i) {
    s.facts.files[0].path = "src/f" + std::to_string(i) + ".cpp";
    ASSERT_TRUE(store.store_shard(s, err)) << err;
  }
  // Entry i was last used at time 1000+i; reading f7 now makes it the newest.
  for (const auto& e : fs::recursive_directory_iterator(store.folder() + "/files"))
    if (e.is_regular_file()) {
      FileShard x;
      std::string data, why;
      ASSERT_TRUE(read_file(e.path(), data, why));
      ASSERT_TRUE(decode_shard(data, x, why));
      int i = std::stoi(x.path().substr(5));
      set_mtime(e.path(), 1000 + i);
    }
  FileShard x;
  s.facts.files[0].path = "src/f0.cpp";
  ASSERT_TRUE(store.load_shard("src/f0.cpp", s.hash(), x)); // touched: now the most recent
  const uint64_t one = encode_shard(s).size();
  FactStore::Usage u = store.evict(5 * one);
  EXPECT_LE(u.bytes, 5 * one);
  EXPECT_EQ(u.evicted, 10 - u.entries);
  // The survivors are f0 (just used) and the newest others.
  std::set<std::string> kept;
  for (int i = 0; i < 10; ++i)
    if (store.load_shard("src/f" + std::to_string(i) + ".cpp", s.hash(), x)) kept.insert(x.path());
  EXPECT_TRUE(kept.count("src/f0.cpp"));
  EXPECT_TRUE(kept.count("src/f9.cpp"));
  EXPECT_FALSE(kept.count("src/f1.cpp"));
  EXPECT_EQ(kept.size(), u.entries);
}

TEST(Store, TheStoresOfOtherBuildsCountAndGoFirstButNothingElseIsTouched) {
  TempDir dir;
  FactStore store;
  std::string err;
  ASSERT_TRUE(store.open(dir.path, err)) << err;
  FileShard s = sample_shard();
  ASSERT_TRUE(store.store_shard(s, err)) << err;
  const uint64_t one = encode_shard(s).size();
  // Entries an older build of seam wrote (another extractor id), unused since.
  const std::string old_store = dir.path + "/v1-0000000000000000";
  for (int i = 0; i < 4; ++i) {
    std::string path = old_store + "/files/ab/old" + std::to_string(i) + ".facts";
    write(path, std::string(one, 'x'));
    set_mtime(path, 1000 + i);
  }
  write(old_store + "/tu/old.tu", std::string(one, 'x'));
  set_mtime(old_store + "/tu/old.tu", 1000);
  // Not seam's: never deleted, never counted.
  write(dir.path + "/notes.txt", std::string(10 * one, 'n'));
  write(old_store + "/files/ab/README", "mine");

  FactStore::Usage u = store.evict(2 * one);
  EXPECT_EQ(u.evicted, 5u);
  EXPECT_EQ(u.entries, 1u);
  FileShard back;
  EXPECT_TRUE(store.load_shard(s.path(), s.hash(), back)); // this build's entry survives
  EXPECT_FALSE(fs::exists(old_store + "/tu"));               // emptied folders removed
  EXPECT_TRUE(fs::exists(old_store + "/files/ab/README"));
  EXPECT_TRUE(fs::exists(dir.path + "/notes.txt"));
}

TEST(Store, StaleTemporaryFilesOfAnInterruptedRunAreCleanedUp) {
  TempDir dir;
  FactStore store;
  std::string err;
  ASSERT_TRUE(store.open(dir.path, err)) << err;
  std::string old_tmp = store.folder() + "/tu/0123.tu.tmp.999.0", new_tmp = store.folder() + "/tu/4567.tu.tmp.999.1";
  write(old_tmp, "half");
  write(new_tmp, "half");
  set_mtime(old_tmp, 1000);
  store.evict(0);
  EXPECT_FALSE(fs::exists(old_tmp));
  EXPECT_TRUE(fs::exists(new_tmp)); // may belong to a live writer
}

TEST(Store, SizesParse) {
  uint64_t b = 0;
  EXPECT_TRUE(parse_size("123", b));
  EXPECT_EQ(b, 123u);
  EXPECT_TRUE(parse_size("500M", b));
  EXPECT_EQ(b, 500ull << 20);
  EXPECT_TRUE(parse_size("2G", b));
  EXPECT_EQ(b, 2ull << 30);
  EXPECT_TRUE(parse_size("64kB", b));
  EXPECT_EQ(b, 64ull << 10);
  EXPECT_TRUE(parse_size("0", b));
  EXPECT_EQ(b, 0u);
  for (const char* bad : {"", "M", "12Q", "1.5G", "-3", "99999999999999999999", "20000000000000T"})
    EXPECT_FALSE(parse_size(bad, b)) << bad;
}

TEST(Store, AnUnwritableFolderIsAClearError) {
  FactStore store;
  std::string err;
  EXPECT_FALSE(store.open("/proc/seam-cannot-be-here", err));
  EXPECT_NE(err.find("/proc/seam-cannot-be-here"), std::string::npos) << err;
}

// ---------------------------------------------------------------------------
// Freshness.

TEST(Freshness, SizeAndTimeFirstTheHashOnlyWhenTheyChanged) {
  TempDir dir;
  write(dir.path + "/src/a.h", "int a;\n");
  set_mtime(dir.path + "/src/a.h", 1000);
  TuRecord rec;
  rec.parsed_at_ns = 5000ll * 1000000000;
  {
    FileStamps stamps;
    uint64_t h = 0;
    ASSERT_TRUE(stamps.hash(dir.path + "/src/a.h", h));
    EXPECT_EQ(h, hash_bytes("int a;\n", 7));
    rec.files = {{"src/a.h", false, 1, h, 7, 1000ll * 1000000000}};
  }
  bool rehashed = false;
  {
    FileStamps stamps;
    EXPECT_TRUE(record_is_fresh(rec, dir.path, stamps, rehashed));
    EXPECT_FALSE(rehashed);
    EXPECT_EQ(stamps.files_hashed(), 0u); // size and time matched: not read
  }
  set_mtime(dir.path + "/src/a.h", 2000); // touched, same content
  {
    FileStamps stamps;
    EXPECT_TRUE(record_is_fresh(rec, dir.path, stamps, rehashed));
    EXPECT_TRUE(rehashed);
    EXPECT_EQ(stamps.files_hashed(), 1u);
  }
  write(dir.path + "/src/a.h", "int b;\n"); // same size, new content
  set_mtime(dir.path + "/src/a.h", 1000);   // even with the old time back ...
  rec.parsed_at_ns = 1000ll * 1000000000;   // ... a time as late as the parse is racy: hashed
  {
    FileStamps stamps;
    EXPECT_FALSE(record_is_fresh(rec, dir.path, stamps, rehashed));
  }
  fs::remove(dir.path + "/src/a.h");
  {
    FileStamps stamps;
    EXPECT_FALSE(record_is_fresh(rec, dir.path, stamps, rehashed));
  }
}

} // namespace
} // namespace seam
