#include "analyzers/cache/codec.h"

#include <cstring>

namespace seam {
namespace {

constexpr char kMagic[4] = {'S', 'E', 'A', 'M'};
constexpr char kFileFactsKind = 'F', kRecordKind = 'T', kBundleKind = 'B';
/// TypeInfo nests (pointer to vector of map ...); the extractor stops at 9 levels.
constexpr int kMaxTypeDepth = 32;

class Writer {
public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void var(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void svar(int64_t v) { var((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void fixed(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void str(std::string_view s) {
    var(s.size());
    out_.append(s);
  }
  void index(uint32_t v) { var(v == UINT32_MAX ? 0 : uint64_t(v) + 1); } // kNoFile/kNoSymbol -> 0
  void header(char kind) {
    out_.append(kMagic, 4);
    out_.push_back(kind);
    var(kCacheFormat);
  }
  std::string finish() {
    fixed(fast_hash(out_));
    return std::move(out_);
  }
  std::string& raw() { return out_; }

private:
  std::string out_;
};

class Reader {
public:
  explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()), begin_(p_) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at byte " + std::to_string(pos());
    return false;
  }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  size_t pos() const { return static_cast<size_t>(p_ - begin_); }
  void set_begin(const char* b) { begin_ = b; }

  bool u8(uint8_t& v) {
    if (p_ >= end_) return fail("truncated");
    v = static_cast<uint8_t>(*p_++);
    return true;
  }
  bool flag(bool& v) {
    uint8_t b;
    if (!u8(b)) return false;
    if (b > 1) return fail("bad boolean");
    v = b;
    return true;
  }
  bool var(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b;
      if (!u8(b)) return false;
      if (shift == 63 && b > 1) return fail("varint overflow");
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return fail("varint too long");
  }
  bool var32(uint32_t& v) {
    uint64_t x;
    if (!var(x)) return false;
    if (x > UINT32_MAX) return fail("number out of range");
    v = static_cast<uint32_t>(x);
    return true;
  }
  bool svar(int64_t& v) {
    uint64_t x;
    if (!var(x)) return false;
    v = static_cast<int64_t>((x >> 1) ^ (~(x & 1) + 1));
    return true;
  }
  bool fixed(uint64_t& v) {
    if (left() < 8) return fail("truncated");
    v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<uint8_t>(p_[i])) << (8 * i);
    p_ += 8;
    return true;
  }
  bool str(std::string& s) {
    uint64_t n;
    if (!var(n)) return false;
    if (n > left()) return fail("string longer than the data");
    s.assign(p_, n);
    p_ += n;
    return true;
  }
  /// A count of elements that each take at least `min_bytes` bytes: a bad
  /// count is caught before it allocates.
  bool count(size_t& n, size_t min_bytes = 1) {
    uint64_t x;
    if (!var(x)) return false;
    if (x > left() / min_bytes) return fail("count larger than the data");
    n = static_cast<size_t>(x);
    return true;
  }
  /// An index written by Writer::index, checked against `limit`.
  bool index(uint32_t& v, size_t limit) {
    uint64_t x;
    if (!var(x)) return false;
    if (x == 0) {
      v = UINT32_MAX;
      return true;
    }
    if (x - 1 >= limit) return fail("index out of range");
    v = static_cast<uint32_t>(x - 1);
    return true;
  }
  template <typename E>
  bool enumeration(E& e, int count) {
    uint8_t b;
    if (!u8(b)) return false;
    if (b >= count) return fail("bad enum value");
    e = static_cast<E>(b);
    return true;
  }
  bool bytes(std::string_view& s, size_t n) {
    if (n > left()) return fail("truncated");
    s = std::string_view(p_, n);
    p_ += n;
    return true;
  }
  bool at_end() { return p_ == end_ || fail("trailing bytes"); }

private:
  const char* p_;
  const char* end_;
  const char* begin_;
  std::string error_;
};

/// Checks magic, kind, version and checksum; leaves `r` positioned at the body.
bool open_document(std::string_view data, char kind, std::string_view& body, std::string& error) {
  if (data.size() < 4 + 1 + 1 + 8) {
    error = "too short to be a seam cache file";
    return false;
  }
  if (std::memcmp(data.data(), kMagic, 4) != 0 || data[4] != kind) {
    error = "not a seam cache file of this kind";
    return false;
  }
  std::string_view payload = data.substr(0, data.size() - 8);
  uint64_t stored = 0;
  for (int i = 0; i < 8; ++i) stored |= uint64_t(static_cast<uint8_t>(data[data.size() - 8 + i])) << (8 * i);
  if (fast_hash(payload) != stored) {
    error = "checksum mismatch (a corrupt or partly written file)";
    return false;
  }
  Reader r(payload.substr(5));
  uint64_t version;
  if (!r.var(version)) {
    error = r.error();
    return false;
  }
  if (version != kCacheFormat) {
    error = "cache format " + std::to_string(version) + ", this seam reads " + std::to_string(kCacheFormat);
    return false;
  }
  body = payload.substr(payload.size() - r.left());
  return true;
}

// ---------------------------------------------------------------------------
// TuFacts.

void put_loc(Writer& w, const Loc& l) {
  w.index(l.file);
  if (l.valid()) {
    w.var(l.line);
    w.var(l.column);
  }
}

bool get_loc(Reader& r, Loc& l, size_t files) {
  l = Loc{};
  if (!r.index(l.file, files)) return false;
  if (l.valid()) return r.var32(l.line) && r.var32(l.column);
  return true;
}

void put_type(Writer& w, const TypeInfo& t) {
  w.str(t.spelling);
  w.u8(static_cast<uint8_t>(t.shape));
  w.u8(uint8_t(t.is_const) | uint8_t(t.is_signed) << 1 | uint8_t(t.polymorphic) << 2 | uint8_t(t.is_template) << 3);
  w.u8(t.bits);
  w.str(t.decl_usr);
  w.var(t.args.size());
  for (const TypeInfo& a : t.args) put_type(w, a);
}

bool get_type(Reader& r, TypeInfo& t, int depth) {
  if (depth > kMaxTypeDepth) return r.fail("types nested too deeply");
  uint8_t flags;
  size_t n;
  if (!r.str(t.spelling) || !r.enumeration(t.shape, int(TypeShape::Other) + 1) || !r.u8(flags) || !r.u8(t.bits) ||
      !r.str(t.decl_usr) || !r.count(n, 6))
    return false;
  if (flags > 0xf) return r.fail("bad type flags");
  t.is_const = flags & 1;
  t.is_signed = flags & 2;
  t.polymorphic = flags & 4;
  t.is_template = flags & 8;
  t.args.resize(n);
  for (TypeInfo& a : t.args)
    if (!get_type(r, a, depth + 1)) return false;
  return true;
}

void put_facts(Writer& w, const TuFacts& f) {
  w.str(f.main_file);
  w.u8(f.ok);
  w.str(f.first_error);
  w.var(f.error_count);
  w.var(f.files.size());
  for (const FileFact& ff : f.files) {
    w.str(ff.path);
    w.u8(ff.external);
    w.var(ff.lines);
    w.fixed(ff.hash);
  }
  w.var(f.symbols.size());
  for (const SymbolFact& s : f.symbols) {
    w.str(s.usr);
    w.str(s.name);
    w.u8(static_cast<uint8_t>(s.kind));
    put_loc(w, s.decl);
    put_loc(w, s.def);
    w.str(s.parent_usr);
    w.u8(uint8_t(s.mutable_global) | uint8_t(s.is_virtual) << 1 | uint8_t(s.is_pure) << 2 |
         uint8_t(s.is_abstract) << 3 | uint8_t(s.is_polymorphic) << 4 | uint8_t(s.is_template) << 5 |
         uint8_t(s.is_aggregate) << 6 | uint8_t(s.is_inline) << 7);
    w.var(s.bases.size());
    for (const std::string& b : s.bases) w.str(b);
    w.str(s.signature);
    put_type(w, s.result);
    w.var(s.params.size());
    for (const Param& p : s.params) {
      w.str(p.name);
      put_type(w, p.type);
    }
    w.svar(s.enum_value);
  }
  w.var(f.refs.size());
  for (const RefFact& ref : f.refs) {
    put_loc(w, ref.site);
    w.index(ref.target);
    w.index(ref.from);
    w.u8(static_cast<uint8_t>(ref.kind));
    w.u8(ref.in_loop);
  }
  w.var(f.includes.size());
  for (const IncludeFact& inc : f.includes) {
    put_loc(w, inc.site);
    w.index(inc.included);
    w.str(inc.spelled);
    w.u8(inc.angled);
  }
}

bool get_facts(Reader& r, TuFacts& f) {
  size_t n;
  if (!r.str(f.main_file) || !r.flag(f.ok) || !r.str(f.first_error) || !r.var32(f.error_count) || !r.count(n, 11))
    return false;
  f.files.resize(n);
  for (FileFact& ff : f.files)
    if (!r.str(ff.path) || !r.flag(ff.external) || !r.var32(ff.lines) || !r.fixed(ff.hash)) return false;
  const size_t files = f.files.size();
  if (!r.count(n, 16)) return false;
  f.symbols.resize(n);
  for (SymbolFact& s : f.symbols) {
    uint8_t flags;
    size_t nb, np;
    if (!r.str(s.usr) || !r.str(s.name) || !r.enumeration(s.kind, int(SymbolKind::Other) + 1) ||
        !get_loc(r, s.decl, files) || !get_loc(r, s.def, files) || !r.str(s.parent_usr) || !r.u8(flags) ||
        !r.count(nb))
      return false;
    s.mutable_global = flags & 1;
    s.is_virtual = flags & 2;
    s.is_pure = flags & 4;
    s.is_abstract = flags & 8;
    s.is_polymorphic = flags & 16;
    s.is_template = flags & 32;
    s.is_aggregate = flags & 64;
    s.is_inline = flags & 128;
    s.bases.resize(nb);
    for (std::string& b : s.bases)
      if (!r.str(b)) return false;
    if (!r.str(s.signature) || !get_type(r, s.result, 0) || !r.count(np, 7)) return false;
    s.params.resize(np);
    for (Param& p : s.params)
      if (!r.str(p.name) || !get_type(r, p.type, 0)) return false;
    if (!r.svar(s.enum_value)) return false;
  }
  const size_t symbols = f.symbols.size();
  if (!r.count(n, 5)) return false;
  f.refs.resize(n);
  for (RefFact& ref : f.refs) {
    if (!get_loc(r, ref.site, files) || !r.index(ref.target, symbols) || !r.index(ref.from, symbols) ||
        !r.enumeration(ref.kind, kRefKindCount) || !r.flag(ref.in_loop))
      return false;
    if (ref.target == kNoSymbol) return r.fail("reference without a target");
  }
  if (!r.count(n)) return false;
  f.includes.resize(n);
  for (IncludeFact& inc : f.includes)
    if (!get_loc(r, inc.site, files) || !r.index(inc.included, files) || !r.str(inc.spelled) || !r.flag(inc.angled))
      return false;
  return true;
}

// ---------------------------------------------------------------------------
// File facts and records.

void put_file_facts_body(Writer& w, const FileFacts& s) {
  w.str(s.producer.main_file);
  w.fixed(s.producer.key);
  put_facts(w, s.facts);
}

bool get_file_facts_body(Reader& r, FileFacts& s) {
  if (!r.str(s.producer.main_file) || !r.fixed(s.producer.key) || !get_facts(r, s.facts)) return false;
  if (s.facts.files.empty()) return r.fail("file facts without their file");
  if (s.facts.files[0].external) return r.fail("file facts of an external file");
  return true;
}

void put_record_body(Writer& w, const TuRecord& t) {
  w.str(t.id.main_file);
  w.fixed(t.id.key);
  w.str(t.key_text);
  w.u8(t.ok);
  w.str(t.first_error);
  w.var(t.error_count);
  w.svar(t.parsed_at_ns);
  w.var(t.files.size());
  for (const FileStamp& st : t.files) {
    w.str(st.path);
    w.u8(st.external);
    w.var(st.lines);
    w.fixed(st.hash);
    w.var(st.size);
    w.svar(st.mtime_ns);
  }
}

bool get_record_body(Reader& r, TuRecord& t) {
  size_t n;
  if (!r.str(t.id.main_file) || !r.fixed(t.id.key) || !r.str(t.key_text) || !r.flag(t.ok) ||
      !r.str(t.first_error) || !r.var32(t.error_count) || !r.svar(t.parsed_at_ns) || !r.count(n, 13))
    return false;
  t.files.resize(n);
  for (FileStamp& st : t.files)
    if (!r.str(st.path) || !r.flag(st.external) || !r.var32(st.lines) || !r.fixed(st.hash) || !r.var(st.size) ||
        !r.svar(st.mtime_ns))
      return false;
  if (fast_hash(t.key_text) != t.id.key) return r.fail("record key does not match its command");
  return true;
}

template <typename T, typename Get>
bool decode_doc(std::string_view data, char kind, T& out, std::string& error, Get get) {
  std::string_view body;
  if (!open_document(data, kind, body, error)) return false;
  Reader r(body);
  r.set_begin(data.data());
  out = T{};
  if (!get(r, out) || !r.at_end()) {
    error = r.error();
    return false;
  }
  return true;
}

} // namespace

uint64_t fast_hash(std::string_view data, uint64_t seed) {
  // Word-at-a-time multiply-xorshift: ~8x the speed of byte-wise FNV-1a, and
  // good enough for keys and corruption checks (not an adversarial setting:
  // every decoded value is validated anyway).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (data.size() * kMul) ^ 0xcbf29ce484222325ull;
  const char* p = data.data();
  size_t n = data.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t(static_cast<uint8_t>(p[i])) << (8 * i);
  h = (h ^ w) * kMul;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

std::string encode_file_facts(const FileFacts& file) {
  Writer w;
  w.header(kFileFactsKind);
  put_file_facts_body(w, file);
  return w.finish();
}

std::string encode_record(const TuRecord& record) {
  Writer w;
  w.header(kRecordKind);
  put_record_body(w, record);
  return w.finish();
}

bool decode_file_facts(std::string_view data, FileFacts& out, std::string& error) {
  return decode_doc(data, kFileFactsKind, out, error, get_file_facts_body);
}

bool decode_record(std::string_view data, TuRecord& out, std::string& error) {
  return decode_doc(data, kRecordKind, out, error, get_record_body);
}

bool peek_file_facts(std::string_view data, TuId& producer, std::string& path, uint64_t& content_hash,
                std::string& error) {
  std::string_view body;
  if (!open_document(data, kFileFactsKind, body, error)) return false;
  Reader r(body);
  r.set_begin(data.data());
  std::string main_file, first_error;
  bool ok = false, external = false;
  uint32_t errors = 0, lines = 0;
  size_t files = 0;
  if (!r.str(producer.main_file) || !r.fixed(producer.key) || !r.str(main_file) || !r.flag(ok) ||
      !r.str(first_error) || !r.var32(errors) || !r.count(files, 11) || (files == 0 && !r.fail("file facts without their file")) ||
      !r.str(path) || !r.flag(external) || !r.var32(lines) || !r.fixed(content_hash) ||
      (external && !r.fail("file facts of an external file"))) {
    error = r.error();
    return false;
  }
  return true;
}

std::string encode_bundle(const Bundle& bundle) {
  Writer w;
  w.header(kBundleKind);
  w.var(bundle.records.size());
  for (const TuRecord& t : bundle.records) put_record_body(w, t);
  w.var(bundle.files.size());
  for (const FileFacts& s : bundle.files) put_file_facts_body(w, s);
  return w.finish();
}

bool decode_bundle(std::string_view data, Bundle& out, std::string& error) {
  return decode_doc(data, kBundleKind, out, error, [](Reader& r, Bundle& b) {
    size_t n;
    if (!r.count(n)) return false;
    b.records.resize(n);
    for (TuRecord& t : b.records)
      if (!get_record_body(r, t)) return false;
    if (!r.count(n)) return false;
    b.files.resize(n);
    for (FileFacts& s : b.files)
      if (!get_file_facts_body(r, s)) return false;
    return true;
  });
}

} // namespace seam
