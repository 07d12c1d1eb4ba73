// The extraction shortcuts: a header indexed by one TU only, and function
// bodies no fact needs skipped by the parser. They must change no fact: the
// facts of every file are byte-for-byte the one a plain run (every TU indexes
// every file, every body parsed) keeps.
#include "analyzers/cache/codec.h"
#include "analyzers/core/output.h"
#include "analyzers/extract/extract.h"
#include "support/annotated.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace seam {
namespace {

const std::string kRoot = "/virtual/proj";
const std::string kExternal = "/virtual/external";

std::string resource_dir() {
  std::string problem;
  return default_resource_dir(problem);
}

/// Headers shared by the TUs: a project header with inline code (loops,
/// calls, a macro, a template, a class) and an external library header.
const std::map<std::string, std::string> kHeaders = {
    {kRoot + "/lib/shared.h", R"cpp(#pragma once
#include <ext.h>
#define SQUARE(x) ((x) * (x))
namespace lib {
int helper(int v);
struct Shape { virtual ~Shape(); virtual int area() const = 0; };
struct Box : Shape {
  int w = 1, h = 2;
  int area() const override { return w * h; }
  int sum(int n) const { int s = 0; for (int i = 0; i < n; ++i) s += helper(i) + SQUARE(w); return s; }
};
template <typename T> T twice(T v) { while (v < 0) v = helper(v); return v + v; }
inline int counter = 0;
inline int bump() { return ++counter + ext::library_call(); }
}
)cpp"},
    {kRoot + "/lib/other.h", R"cpp(#pragma once
#include "lib/shared.h"
namespace lib { inline int other() { int t = 0; do { t += bump(); } while (t < 3); return t; } }
)cpp"},
    {kExternal + "/ext.h", R"cpp(#pragma once
namespace ext { inline int library_call() { int x = 0; for (int i = 0; i < 3; ++i) x += i; return x; } }
)cpp"},
};

const std::map<std::string, std::string> kMains = {
    {kRoot + "/a.cpp", R"cpp(#include "lib/other.h"
namespace lib { int helper(int v) { return v + 1; } }
int run_a() { lib::Box b; int t = 0; for (int i = 0; i < 2; ++i) t += b.sum(i) + lib::twice(i); return t + lib::other(); }
)cpp"},
    {kRoot + "/b.cpp", R"cpp(#include "lib/shared.h"
#include "lib/other.h"
int run_b() { lib::Box b; while (lib::counter < 5) lib::bump(); return b.area() + SQUARE(3) + lib::twice(2L); }
)cpp"},
};

ExtractInput input(const std::string& main, int64_t rank, FileClaims* claims, FileStamps* stamps,
                   const std::map<std::string, std::string>& headers = kHeaders) {
  ExtractInput in;
  in.directory = kRoot;
  in.main_file = main;
  in.arguments = {"clang++", "-std=c++17", "-fsyntax-only", "-resource-dir", resource_dir(),
                  "-I" + kRoot, "-isystem", kExternal, main};
  in.overlay = headers;
  for (const auto& [path, text] : kMains) in.overlay[path] = text;
  in.rank = rank;
  in.claims = claims;
  in.stamps = stamps;
  return in;
}

/// Each file's encoded facts, from the lowest-ranked TU that indexed it,
/// running the TUs in the given order.
std::map<std::string, std::string> run_file_facts(const std::vector<std::string>& order, bool shortcuts,
                                              std::map<std::string, size_t>* indexed_by = nullptr) {
  FileClaims claims;
  FileStamps stamps;
  std::map<std::string, std::pair<int64_t, std::string>> best;
  for (const std::string& main : order) {
    int64_t rank = main == kRoot + "/a.cpp" ? 0 : 1;
    TuExtras ex;
    TuFacts f = extract_tu(input(main, rank, shortcuts ? &claims : nullptr, &stamps), kRoot, &ex);
    EXPECT_TRUE(f.ok) << main << ": " << f.first_error;
    for (const FileFacts& s : split_tu(f, ex.split, TuId{f.main_file, static_cast<uint64_t>(rank)})) {
      if (indexed_by) ++(*indexed_by)[s.path()];
      auto it = best.find(s.path());
      if (it == best.end() || rank < it->second.first) best[s.path()] = {rank, encode_file_facts(s)};
    }
  }
  std::map<std::string, std::string> out;
  for (auto& [path, b] : best) out[path] = b.second;
  return out;
}

TEST(ExtractShortcuts, EveryFilesFactsAreTheSameBytesAsInAPlainRun) {
  std::map<std::string, size_t> plain_count, fast_count;
  auto plain = run_file_facts({kRoot + "/a.cpp", kRoot + "/b.cpp"}, false, &plain_count);
  auto fast = run_file_facts({kRoot + "/a.cpp", kRoot + "/b.cpp"}, true, &fast_count);
  ASSERT_EQ(plain.size(), 4u); // a.cpp, b.cpp, lib/shared.h, lib/other.h; ext.h is external
  EXPECT_EQ(plain, fast);
  // The plain run indexed the shared headers in both TUs, the fast one once.
  EXPECT_EQ(plain_count["lib/shared.h"], 2u);
  EXPECT_EQ(fast_count["lib/shared.h"], 1u);
  EXPECT_EQ(fast_count["lib/other.h"], 1u);
}

TEST(ExtractShortcuts, WhicheverTuComesFirstTheLowerRankedOnesFactsAreKept) {
  // b (rank 1) reaches the headers first and indexes them; a (rank 0) comes
  // second, indexes them again, and its facts win: the same as in rank order.
  std::map<std::string, size_t> count;
  auto reversed = run_file_facts({kRoot + "/b.cpp", kRoot + "/a.cpp"}, true, &count);
  EXPECT_EQ(reversed, run_file_facts({kRoot + "/a.cpp", kRoot + "/b.cpp"}, true));
  EXPECT_EQ(count["lib/shared.h"], 2u);
}

TEST(ExtractShortcuts, ReferencesInLoopsOfHeadersKeepTheirFlag) {
  FileClaims claims;
  TuExtras ex;
  TuFacts f = extract_tu(input(kRoot + "/b.cpp", 1, &claims, nullptr), kRoot, &ex);
  ASSERT_TRUE(f.ok) << f.first_error;
  size_t in_loop = 0, helper_calls = 0;
  for (const RefFact& r : f.refs) {
    if (f.files[r.site.file].path != "lib/shared.h") continue;
    if (f.symbols[r.target].name == "lib::helper" && r.kind == RefKind::Call) {
      ++helper_calls;
      EXPECT_TRUE(r.in_loop) << "line " << r.site.line;
    }
    in_loop += r.in_loop;
  }
  EXPECT_EQ(helper_calls, 2u); // in Box::sum's for and twice's while
  EXPECT_GE(in_loop, 3u);      // and SQUARE in the for
}

TEST(ExtractShortcuts, WhetherAClassIsPolymorphicDoesNotDependOnWhichTuIndexedTheHeader) {
  // window.h only declares Clock; w.cpp includes Clock's definition after it
  // and uses the member. Whether w.cpp indexes window.h itself or another TU
  // got there first (thread timing), w.cpp's facts say the same of the
  // member's type: rocksdb's histogram_windowing.cc differed in this bit.
  const std::map<std::string, std::string> files = {
      {kRoot + "/lib/clock.h",
       "#pragma once\nnamespace lib { struct Clock { virtual ~Clock(); virtual long now(); }; }\n"},
      {kRoot + "/lib/window.h",
       "#pragma once\nnamespace lib { struct Clock;\nstruct Window { Clock* clock_ = nullptr; void tick(); }; }\n"},
      {kRoot + "/w.cpp", "#include \"lib/window.h\"\n#include \"lib/clock.h\"\n"
                         "void lib::Window::tick() { clock_ = nullptr; }\n"},
      {kRoot + "/first.cpp", "#include \"lib/window.h\"\nint first() { return sizeof(lib::Window); }\n"},
  };
  auto facts_of_w = [&](bool other_tu_first, size_t& clock_polymorphic) {
    FileClaims claims;
    if (other_tu_first) {
      EXPECT_TRUE(extract_tu(input(kRoot + "/first.cpp", 0, &claims, nullptr, files), kRoot).ok);
    }
    TuExtras ex;
    TuFacts f = extract_tu(input(kRoot + "/w.cpp", 1, &claims, nullptr, files), kRoot, &ex);
    EXPECT_TRUE(f.ok) << f.first_error;
    clock_polymorphic = 0;
    for (const SymbolFact& s : f.symbols)
      if (s.name == "lib::Window::clock_" && s.result.args.size() == 1 && s.result.args[0].polymorphic)
        ++clock_polymorphic;
    for (const FileFacts& s : split_tu(f, ex.split, TuId{f.main_file, 1}))
      if (s.path() == "w.cpp") return encode_file_facts(s);
    return std::string();
  };
  size_t alone = 0, second = 0;
  std::string w_alone = facts_of_w(false, alone);
  std::string w_second = facts_of_w(true, second);
  ASSERT_FALSE(w_alone.empty());
  EXPECT_EQ(w_alone, w_second);
  // Clock is defined by the end of w.cpp: polymorphic, in either order.
  EXPECT_EQ(alone, 1u);
  EXPECT_EQ(second, 1u);
}

/// A header whose inline function has an error in its body.
std::map<std::string, std::string> with_broken_body(const std::string& path) {
  auto headers = kHeaders;
  headers[path] += "\ninline int broken() { return undeclared_name; }\n";
  return headers;
}

TEST(ExtractShortcuts, BodiesOfHeadersAnotherTuIndexesAreNotParsed) {
  auto headers = with_broken_body(kRoot + "/lib/shared.h");
  FileClaims claims;
  TuFacts a = extract_tu(input(kRoot + "/a.cpp", 0, &claims, nullptr, headers), kRoot);
  TuFacts b = extract_tu(input(kRoot + "/b.cpp", 1, &claims, nullptr, headers), kRoot);
  EXPECT_FALSE(a.ok); // a indexes shared.h: it parses the body and sees the error
  EXPECT_NE(a.first_error.find("undeclared_name"), std::string::npos) << a.first_error;
  EXPECT_TRUE(b.ok) << b.first_error; // b skips it
  // Without shortcuts both parse it.
  TuFacts plain = extract_tu(input(kRoot + "/b.cpp", 1, nullptr, nullptr, headers), kRoot);
  EXPECT_FALSE(plain.ok);
}

TEST(ExtractShortcuts, BodiesInExternalHeadersAreNotParsed) {
  auto headers = with_broken_body(kExternal + "/ext.h");
  FileClaims claims;
  TuFacts fast = extract_tu(input(kRoot + "/a.cpp", 0, &claims, nullptr, headers), kRoot);
  EXPECT_TRUE(fast.ok) << fast.first_error;
  TuFacts plain = extract_tu(input(kRoot + "/a.cpp", 0, nullptr, nullptr, headers), kRoot);
  EXPECT_FALSE(plain.ok);
}

TEST(ExtractShortcuts, HeadersHaveLinesAndHashesAndEachFileIsHashedOncePerRun) {
  FileClaims claims;
  FileStamps stamps;
  TuExtras ea, eb;
  TuFacts a = extract_tu(input(kRoot + "/a.cpp", 0, &claims, &stamps), kRoot, &ea);
  const size_t after_a = stamps.files_hashed();
  TuFacts b = extract_tu(input(kRoot + "/b.cpp", 1, &claims, &stamps), kRoot, &eb);
  // b read one file a had not (b.cpp itself); the shared headers were not hashed again.
  EXPECT_EQ(stamps.files_hashed(), after_a + 1);
  for (const TuFacts* f : {&a, &b})
    for (size_t i = 0; i < f->files.size(); ++i) {
      const FileFact& file = f->files[i];
      if (file.path != "lib/shared.h") continue;
      const std::string& text = kHeaders.at(kRoot + "/lib/shared.h");
      EXPECT_EQ(file.lines, static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n')));
      EXPECT_EQ(file.hash, hash_bytes(text.data(), text.size()));
    }
  ASSERT_EQ(ea.stamps.size(), a.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) EXPECT_NE(ea.stamps[i].hash, 0u) << a.files[i].path;
}

TEST(ExtractShortcuts, AMissingIncludeMarksTheIncludeStackIncomplete) {
  auto headers = kHeaders;
  headers[kRoot + "/lib/other.h"] = "#pragma once\n#include \"lib/nowhere.h\"\nint after();\n";
  TuExtras ex;
  TuFacts f = extract_tu(input(kRoot + "/a.cpp", 0, nullptr, nullptr, headers), kRoot, &ex);
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(ex.missing_include);
  std::vector<std::string> incomplete;
  for (uint32_t i : ex.incomplete) incomplete.push_back(f.files[i].path);
  std::sort(incomplete.begin(), incomplete.end());
  EXPECT_EQ(incomplete, (std::vector<std::string>{"a.cpp", "lib/other.h"}));
}

TEST(ExtractShortcuts, FilePathsAreResolvedThroughSymlinksBeforeDotDot) {
  // An include folder spelled through a symlink and "..": physically
  // link/.. is real/, lexically it would be the folder above link. The cache
  // stats every file by its path, so the path must be the real one.
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "seam-symlink-XXXXXX").string();
  const std::string base = fs::canonical(mkdtemp(tmpl.data())).string();
  fs::create_directories(base + "/real/deep");
  fs::create_directories(base + "/real/inc");
  fs::create_directories(base + "/proj");
  fs::create_directory_symlink(base + "/real/deep", base + "/link");
  std::ofstream(base + "/real/inc/lib.h") << "#pragma once\ninline int lib() { return 1; }\n";
  std::ofstream(base + "/proj/main.cpp") << "#include <lib.h>\nint m() { return lib(); }\n";
  ExtractInput in;
  in.directory = base + "/proj";
  in.main_file = base + "/proj/main.cpp";
  in.arguments = {"clang++", "-fsyntax-only", "-resource-dir", resource_dir(), "-I", base + "/link/../inc", in.main_file};
  TuFacts f = extract_tu(in, base + "/proj");
  fs::remove_all(base);
  ASSERT_TRUE(f.ok) << f.first_error;
  std::vector<std::string> paths;
  for (const FileFact& file : f.files)
    if (file.path.find("lib.h") != std::string::npos) paths.push_back(file.path);
  EXPECT_EQ(paths, std::vector<std::string>{base + "/real/inc/lib.h"});
}

} // namespace
} // namespace seam
