// The precompiled prefix (analyzers/extract/prefix.h) changes no fact: every
// TU's facts (its file list with the external headers it read, includes,
// symbols, references) are byte for byte those of a plain parse, on a
// generated monolith, whatever -j (the shop sample: e2e/shop_prefix_test.cpp);
// the TUs do use the prefix;
// and a TU that does not start with the prefix is parsed again whole.
#include "analyzers/cache/codec.h"
#include "analyzers/compdb/compile_db.h"
#include "analyzers/core/paths.h"
#include "analyzers/extract/fact_scan.h"
#include "support/run.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace seam {
namespace {

namespace fs = std::filesystem;

struct Scanned {
  std::vector<std::string> tus; ///< per TU in rank order: main file and the encoded facts
  ScanResult result;
};

Scanned scan(const std::string& db_path, const std::string& root, bool prefix, unsigned jobs,
             PrefixMode mode = PrefixMode::AnyOrder) {
  CompileDb db;
  std::vector<std::string> warnings;
  std::string error;
  EXPECT_TRUE(load_compile_db(db_path, db, warnings, error)) << error;
  ScanOptions so;
  so.root = canonical_path(root);
  so.adjust.root = so.root;
  so.jobs = jobs;
  so.prefix = prefix;
  so.prefix_mode = mode;
  std::string problem;
  so.adjust.resource_dir = default_resource_dir(problem);
  EXPECT_FALSE(so.adjust.resource_dir.empty()) << problem;
  Scanned s;
  EXPECT_TRUE(scan_facts(db, so, s.result, error)) << error;
  for (TuFacts& tu : s.result.tus) {
    FileFacts whole; // the codec's exact bytes for the whole TU
    whole.facts = tu;
    s.tus.push_back(tu.main_file + "\n" + encode_file_facts(whole));
  }
  return s;
}

size_t external_files(const ScanResult& r) {
  size_t n = 0;
  for (const TuFacts& tu : r.tus)
    for (const FileFact& f : tu.files) n += f.external;
  return n;
}

/// A bench/gen monolith in a temporary folder.
class Monolith {
public:
  Monolith() {
    std::string tmpl = (fs::temp_directory_path() / "seam-prefix-gen-XXXXXX").string();
    root_ = mkdtemp(tmpl.data());
    test::RunResult r = test::run({SEAM_BENCH_GEN, "--modules", "4", "--files", "12", "--seed", "3", "-o", root_}, root_);
    EXPECT_EQ(r.status, 0) << r.err;
  }
  ~Monolith() { fs::remove_all(root_); }
  const std::string& root() const { return root_; }
  std::string db() const { return root_ + "/compile_commands.json"; }

private:
  std::string root_;
};

TEST(ExtractPrefix, GeneratedMonolithFactsAreThoseOfAPlainParseWhateverJ) {
  Monolith m;
  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned prefixed1 = scan(m.db(), m.root(), true, 1);
  Scanned prefixed2 = scan(m.db(), m.root(), true, 2);
  ASSERT_EQ(plain.tus.size(), 12u);
  // Every generated TU starts with the same standard headers: all use the prefix.
  EXPECT_EQ(prefixed2.result.prefixed, 12u);
  EXPECT_EQ(prefixed2.result.prefix_misfits, 0u);
  EXPECT_EQ(prefixed2.result.prefix_built, 1u);
  // The external headers the PCH read are in each TU's file list, as in a plain parse.
  EXPECT_GT(external_files(prefixed2.result), 12u * 20);
  EXPECT_EQ(plain.tus, prefixed1.tus);
  EXPECT_EQ(plain.tus, prefixed2.tus);
}

/// Adds a TU to the monolith's database, with the monolith's flags and `extra` ones.
void add_tu(const Monolith& m, const std::string& file, const std::string& extra) {
  std::string text = test::slurp(m.db());
  const size_t end = text.rfind(']');
  ASSERT_NE(end, std::string::npos);
  const size_t last = text.rfind('}', end);
  text.insert(last + 1, ",\n{\n  \"directory\": \"" + m.root() + "\",\n  \"command\": \"c++ -std=c++17 -O2 -Wall " + extra +
                            "-I" + m.root() + "/src -c " + file + "\",\n  \"file\": \"" + file + "\"\n}");
  std::ofstream(m.db()) << text;
}

TEST(ExtractPrefix, RealCodeShapesGetTheirOwnPrefixesWithThePlainFacts) {
  // As in leveldb or rocksdb: each TU starts with its own header, whose
  // external #includes come first and are interleaved with project headers,
  // and some TUs are compiled with one more -D. The monolith's 12 TUs share
  // one run; four more share another (their own headers: <cstdio>, then the
  // project's core/config.h with <cstdint> and <string>); two more share the
  // first run but with -DSEAM_VARIANT=1, a command of their own.
  Monolith m;
  fs::create_directories(m.root() + "/src/extra");
  for (int k = 0; k < 4; ++k) {
    const std::string n = std::to_string(k);
    std::ofstream(m.root() + "/src/extra/own" + n + ".h")
        << "// own header " << n << "\n#ifndef EXTRA_OWN" << n << "_H\n#define EXTRA_OWN" << n
        << "_H\n#include <cstdio>\n#include \"core/config.h\"\n#include <cstdlib>\n\nint extra" << n
        << "(const std::string& s);\n#endif\n";
    const std::string cpp = m.root() + "/src/extra/own" + n + ".cpp";
    std::ofstream(cpp) << "#include \"own" << n << ".h\"\n\n#include <cstring>\n#include \"core/config.h\"\n\nint extra" << n
                       << "(const std::string& s) { return core::checked(int(std::strlen(s.c_str()))) + " << n << "; }\n";
    add_tu(m, cpp, "");
  }
  std::string first_unit;
  for (const auto& e : fs::recursive_directory_iterator(m.root() + "/src"))
    if (e.path().filename() == "unit0.cpp") {
      first_unit = e.path().string();
      break;
    }
  ASSERT_FALSE(first_unit.empty());
  for (int k = 0; k < 2; ++k) {
    // A unit's header first (by the -I path), then code that reads the -D.
    const std::string cpp = m.root() + "/src/extra/variant" + std::to_string(k) + ".cpp";
    std::ofstream(cpp) << "#include \"" << fs::relative(first_unit, m.root() + "/src").parent_path().string() << "/unit0.h\"\n"
                       << "#ifdef SEAM_VARIANT\nint variant_flag" << k << " = SEAM_VARIANT;\n#endif\n";
    add_tu(m, cpp, "-DSEAM_VARIANT=1 ");
  }

  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned prefixed = scan(m.db(), m.root(), true, 2, PrefixMode::Run);
  ASSERT_EQ(plain.tus.size(), 18u);
  for (const TuFacts& tu : plain.result.tus) EXPECT_TRUE(tu.ok) << tu.main_file << ": " << tu.first_error;
  // Three PCHs: the monolith's run, the own headers' run, the -D command's,
  // and every TU uses its own. The own-header TUs' run starts with <cstdio>,
  // whose guard comes after `#pragma GCC system_header` and two #includes:
  // the guard optimisation does not skip it, so after the PCH their parse
  // enters it again (as a plain parse does on a second #include). Its guard
  // then skips its body, which is no reason to parse them whole (they were
  // 4 misfits until the checker let such a header pass).
  EXPECT_EQ(prefixed.result.prefix_built, 3u) << prefixed.result.prefix_summary;
  EXPECT_EQ(prefixed.result.prefixed, 18u) << prefixed.result.prefix_summary;
  EXPECT_EQ(prefixed.result.prefix_misfits, 0u) << prefixed.result.prefix_summary;
  EXPECT_EQ(prefixed.result.prefix_summary.rfind("18 of 18 parsed TUs used one of 3 (3 built, 0 from the cache)", 0), 0u)
      << prefixed.result.prefix_summary;
  EXPECT_EQ(plain.tus, prefixed.tus);

  // Any order: one PCH per command (two commands), every TU fits, and the
  // files the PCH read are registered as a plain parse registers them, the
  // own headers' <cstdlib> (first reached after the PCH read it whole, then
  // only up to its guard from <string>) included.
  Scanned any = scan(m.db(), m.root(), true, 2);
  EXPECT_EQ(any.result.prefix_built, 2u) << any.result.prefix_summary;
  EXPECT_EQ(any.result.prefixed, 18u) << any.result.prefix_summary;
  EXPECT_EQ(any.result.prefix_misfits, 0u) << any.result.prefix_summary;
  EXPECT_EQ(plain.tus, any.tus);
}

TEST(ExtractPrefix, AnExternalHeaderThatDoesSomethingWhenEnteredAgainMakesAMisfit) {
  // A third-party header (-isystem) whose guard is not its first line, and
  // which defines a macro before the guard: after the PCH, a TU entering it
  // again would define that macro a second time, which a plain parse (first
  // entry) does once. The checker cannot tell that apart from a changed
  // preprocessing, so those TUs are parsed whole, with the plain facts.
  Monolith m;
  const std::string vendor = m.root() + "-vendor";
  fs::create_directories(vendor);
  std::ofstream(vendor + "/wrap.h") << "#define WRAP_SEEN 1\n#include <cstdint>\n#ifndef WRAP_H\n#define WRAP_H\nnamespace wrap { inline int one() { return WRAP_SEEN; } }\n#endif\n";
  fs::create_directories(m.root() + "/src/extra");
  for (int k = 0; k < 3; ++k) {
    const std::string cpp = m.root() + "/src/extra/wrapped" + std::to_string(k) + ".cpp";
    std::ofstream(cpp) << "#include <wrap.h>\n#include <string>\n\nint wrapped" << k << "() { return wrap::one(); }\n";
    add_tu(m, cpp, "-isystem " + vendor + " ");
  }
  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned prefixed = scan(m.db(), m.root(), true, 2, PrefixMode::Run);
  // Any order: the TU enters wrap.h again as a plain parse does (its guard
  // is not its first line), defining the macro the same way: no misfit.
  Scanned any = scan(m.db(), m.root(), true, 2);
  fs::remove_all(vendor);
  ASSERT_EQ(plain.tus.size(), 15u);
  for (const TuFacts& tu : plain.result.tus) EXPECT_TRUE(tu.ok) << tu.main_file << ": " << tu.first_error;
  EXPECT_EQ(prefixed.result.prefix_built, 2u) << prefixed.result.prefix_summary;
  EXPECT_EQ(prefixed.result.prefixed, 12u) << prefixed.result.prefix_summary;
  EXPECT_EQ(prefixed.result.prefix_misfits, 3u) << prefixed.result.prefix_summary;
  EXPECT_EQ(plain.tus, prefixed.tus);
  EXPECT_EQ(any.result.prefixed, 15u) << any.result.prefix_summary;
  EXPECT_EQ(plain.tus, any.tus);
}

/// A vendor header (-isystem) whose macros depend on one a project may
/// define first, and TUs of one command that include it.
void add_feature_tus(Monolith& m, const std::string& vendor, const std::vector<std::string>& sources) {
  fs::create_directories(vendor);
  std::ofstream(vendor + "/feature.h") << "#ifndef FEATURE_H\n#define FEATURE_H\n#ifdef FEATURE_ON\n#define FEATURE_LEVEL 2\n"
                                          "#else\n#define FEATURE_LEVEL 1\n#endif\n#endif\n";
  fs::create_directories(m.root() + "/src/extra");
  for (size_t k = 0; k < sources.size(); ++k) {
    const std::string cpp = m.root() + "/src/extra/feature" + std::to_string(k) + ".cpp";
    std::ofstream(cpp) << sources[k];
    add_tu(m, cpp, "-isystem " + vendor + " ");
  }
}

TEST(ExtractPrefix, AnyOrderAProjectMacroAHeaderReadsLaterMakesAMisfit) {
  // feature0 defines FEATURE_ON before <feature.h>: a plain parse reads the
  // header with it (FEATURE_LEVEL 2, level_two), the PCH read it without
  // (FEATURE_LEVEL 1). feature1 tests FEATURE_LEVEL before it includes the
  // header: a plain parse has no such macro yet. Both are parsed whole; the
  // one that includes it plainly fits.
  Monolith m;
  const std::string vendor = m.root() + "-vendor";
  add_feature_tus(m, vendor,
                  {"#define FEATURE_ON 1\n#include <feature.h>\n#include <string>\n#if FEATURE_LEVEL == 2\n"
                   "int level_two();\n#else\nint level_one();\n#endif\n",
                   "#ifdef FEATURE_LEVEL\nint early();\n#endif\n#include <feature.h>\n#include <string>\nint late();\n",
                   "#include <feature.h>\n#include <string>\nint plain_level() { return FEATURE_LEVEL; }\n"});
  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned any = scan(m.db(), m.root(), true, 2);
  fs::remove_all(vendor);
  ASSERT_EQ(plain.tus.size(), 15u);
  for (const TuFacts& tu : plain.result.tus) EXPECT_TRUE(tu.ok) << tu.main_file << ": " << tu.first_error;
  EXPECT_EQ(any.result.prefix_misfits, 2u) << any.result.prefix_summary;
  EXPECT_EQ(any.result.prefixed, 13u) << any.result.prefix_summary;
  EXPECT_EQ(plain.tus, any.tus);
  bool two = false;
  for (const TuFacts& tu : any.result.tus)
    for (const SymbolFact& s : tu.symbols) two |= s.name == "level_two";
  EXPECT_TRUE(two) << "feature0.cpp was not parsed with FEATURE_ON";
}

TEST(ExtractPrefix, AnyOrderAHeaderThatDoesNotBuildAloneIsLeftOutOfThePch) {
  // <needs_size.h> compiles only after the project's own typedef, and
  // <missing.h> does not exist: a PCH of every vendor header the TUs include
  // fails with either. Both are left out of it; the other headers are still
  // shared, and the TUs that read those two parse them themselves.
  Monolith m;
  const std::string vendor = m.root() + "-vendor";
  add_feature_tus(m, vendor,
                  {"typedef unsigned long my_size_t;\n#include <needs_size.h>\n#include <string>\n"
                   "my_size_t four() { return twice(2); }\n",
                   "#include <feature.h>\n#include <missing.h>\nint lost();\n",
                   "#include <feature.h>\n#include <string>\nint plain_level() { return FEATURE_LEVEL; }\n",
                   "#ifdef NEVER_SET\n#include <string>\n#endif\nint nothing();\n"});
  std::ofstream(vendor + "/needs_size.h") << "#pragma once\ninline my_size_t twice(my_size_t n) { return n * 2; }\n";
  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned any = scan(m.db(), m.root(), true, 2);
  fs::remove_all(vendor);
  ASSERT_EQ(plain.tus.size(), 16u);
  size_t failed = 0;
  for (const TuFacts& tu : plain.result.tus) failed += !tu.ok;
  EXPECT_EQ(failed, 1u) << "only feature1.cpp, which includes <missing.h>, fails";
  // One PCH for the generated TUs, one for these three (their -isystem).
  EXPECT_EQ(any.result.prefix_summary.rfind("14 of 16 parsed TUs used one of 2 (2 built, 0 from the cache)", 0), 0u)
      << any.result.prefix_summary;
  // feature3.cpp includes nothing outside its #ifdef: no prefix, and `seam scan` says why.
  EXPECT_NE(any.result.prefix_summary.find("; none for 1 with no external #include <...> outside an #if, 1 misfits"),
            std::string::npos)
      << any.result.prefix_summary;
  // feature1.cpp fails with the PCH as without it, and is parsed again whole.
  EXPECT_EQ(any.result.prefix_misfits, 1u) << any.result.prefix_summary;
  EXPECT_EQ(plain.tus, any.tus);
}

TEST(ExtractPrefix, AnyOrderAHeaderWithoutAGuardSeesOnlyTheMacrosOfHeadersReached) {
  // <probe.h> has no guard (as glibc's <assert.h>, Clang's <stddef.h>) and
  // tests VENDOR_CONFIG, which <config.h> defines before it includes
  // <probe.h>. The PCH read <config.h> first (probe0). probe1 includes
  // <probe.h> first: a plain parse reads it without VENDOR_CONFIG
  // (PROBE_LEVEL 1: level_one). With the PCH, VENDOR_CONFIG is hidden for
  // that entry and given back at <config.h>: probe1 fits, with the plain
  // facts. Without the hiding it would be a misfit.
  Monolith m;
  const std::string vendor = m.root() + "-vendor";
  fs::create_directories(vendor);
  std::ofstream(vendor + "/config.h") << "#ifndef CONFIG_H\n#define CONFIG_H\n#define VENDOR_CONFIG 1\n#include <probe.h>\n"
                                         "namespace vendor { inline int configured() { return VENDOR_CONFIG; } }\n#endif\n";
  std::ofstream(vendor + "/probe.h") << "#undef PROBE_LEVEL\n#ifdef VENDOR_CONFIG\n#define PROBE_LEVEL 2\n#else\n"
                                        "#define PROBE_LEVEL 1\n#endif\n";
  fs::create_directories(m.root() + "/src/extra");
  const std::vector<std::string> sources = {
      "#include <config.h>\n#include <probe.h>\n#include <string>\nint configured_level() { return PROBE_LEVEL; }\n",
      "#include <probe.h>\n#if PROBE_LEVEL == 2\nint level_two();\n#else\nint level_one();\n#endif\n"
      "#include <config.h>\n#include <string>\nint after() { return VENDOR_CONFIG + PROBE_LEVEL + vendor::configured(); }\n"};
  for (size_t k = 0; k < sources.size(); ++k) {
    const std::string cpp = m.root() + "/src/extra/probe" + std::to_string(k) + ".cpp";
    std::ofstream(cpp) << sources[k];
    add_tu(m, cpp, "-isystem " + vendor + " ");
  }
  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned any = scan(m.db(), m.root(), true, 2);
  fs::remove_all(vendor);
  ASSERT_EQ(plain.tus.size(), 14u);
  for (const TuFacts& tu : plain.result.tus) EXPECT_TRUE(tu.ok) << tu.main_file << ": " << tu.first_error;
  EXPECT_EQ(any.result.prefix_misfits, 0u) << any.result.prefix_summary;
  EXPECT_EQ(any.result.prefixed, 14u) << any.result.prefix_summary;
  EXPECT_EQ(plain.tus, any.tus);
  bool one = false;
  for (const TuFacts& tu : any.result.tus)
    for (const SymbolFact& s : tu.symbols) one |= s.name == "level_one";
  EXPECT_TRUE(one) << "probe1.cpp read <probe.h> with VENDOR_CONFIG";
}

TEST(ExtractPrefix, ATuThatDoesNotStartWithThePrefixIsParsedWhole) {
  Monolith m;
  // A project macro before the first header: no prefix may be loaded before it.
  const std::string odd = m.root() + "/src/odd.cpp";
  std::string first_header;
  for (const auto& e : fs::recursive_directory_iterator(m.root() + "/src"))
    if (e.path().extension() == ".h" && e.path().filename() != "api.h") {
      first_header = fs::relative(e.path(), m.root() + "/src").string();
      break;
    }
  ASSERT_FALSE(first_header.empty());
  std::ofstream(odd) << "#define ODD_BEFORE 1\n#include \"" << first_header << "\"\nint odd() { return ODD_BEFORE; }\n";
  // The odd TU joins the database with the same flags as the others.
  std::string text = test::slurp(m.db());
  size_t open = text.find('{');
  size_t close = text.find('}', open);
  std::string entry = text.substr(open, close - open + 1);
  const std::string file = entry.substr(entry.find("\"file\""));
  std::string src = file.substr(file.find(": \"") + 3);
  src = src.substr(0, src.find('"'));
  for (size_t at = entry.find(src); at != std::string::npos; at = entry.find(src, at + odd.size()))
    entry.replace(at, src.size(), odd);
  text.insert(open, entry + ",\n");
  std::ofstream(m.db()) << text;

  Scanned plain = scan(m.db(), m.root(), false, 2);
  Scanned prefixed = scan(m.db(), m.root(), true, 2, PrefixMode::Run);
  ASSERT_EQ(plain.tus.size(), 13u);
  // The textual scan leaves the odd TU out (it does not start with an #include).
  EXPECT_EQ(prefixed.result.prefixed, 12u);
  EXPECT_EQ(plain.tus, prefixed.tus);
  // `seam scan` tells the user how far the prefix reached and why the odd TU has none.
  EXPECT_EQ(prefixed.result.prefix_summary.rfind("12 of 13 parsed TUs used one of 1 (1 built, 0 from the cache), about ",
                                                  0),
            0u)
      << prefixed.result.prefix_summary;
  EXPECT_NE(prefixed.result.prefix_summary.find("; none for 1 not starting with an external #include <...>"),
            std::string::npos)
      << prefixed.result.prefix_summary;
  EXPECT_EQ(plain.result.prefix_summary, "not used (--no-prefix)");

  // Forced onto it anyway, the parse notices and parses it again whole.
  CompileDb db;
  std::vector<std::string> warnings;
  std::string error;
  ASSERT_TRUE(load_compile_db(m.db(), db, warnings, error)) << error;
  std::vector<ExtractInput> inputs;
  std::string problem;
  AdjustOptions adjust;
  adjust.root = canonical_path(m.root());
  adjust.resource_dir = default_resource_dir(problem);
  for (const CompileCommand& c : db.commands) {
    ExtractInput in;
    in.arguments = prepare_command(c, adjust, warnings);
    in.directory = c.directory;
    in.main_file = c.file;
    inputs.push_back(std::move(in));
  }
  std::vector<const ExtractInput*> ptrs;
  for (const ExtractInput& in : inputs) ptrs.push_back(&in);
  PrefixPlan plan;
  plan_prefixes(ptrs, adjust.root, "", 1, plan, PrefixMode::Run);
  ASSERT_EQ(plan.pchs.size(), 1u);
  size_t odd_at = 0;
  for (size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].main_file == odd) odd_at = i;
  EXPECT_EQ(plan.of_tu[odd_at], nullptr);
  auto facts_of = [&](const PrefixPch* prefix, int& used) {
    FileClaims claims;
    FileStamps stamps;
    ExtractInput in = inputs[odd_at];
    in.claims = &claims;
    in.stamps = &stamps;
    in.prefix = prefix;
    TuExtras ex;
    TuFacts f = extract_tu(in, adjust.root, &ex);
    used = ex.prefix;
    FileFacts whole;
    whole.facts = f;
    return encode_file_facts(whole);
  };
  int used_plain = -1, used_forced = -1;
  const std::string whole = facts_of(nullptr, used_plain);
  const std::string forced = facts_of(plan.pchs[0].get(), used_forced);
  EXPECT_EQ(used_plain, 0);
  EXPECT_EQ(used_forced, 2) << "the misfit went unnoticed";
  EXPECT_EQ(whole, forced);
}

/// Scans `m` on a thread of its own, which then ends the process: status 0
/// when it holds LLVM's alternate signal stack after (MINSIGSTKSZ + 64 KiB),
/// not the one it had before (none, or ASan's smaller one). The thread never
/// exits: ASan would abort on LLVM's stack, which is why the scan's thread
/// must be one that lasts.
[[noreturn]] void scan_on_a_thread_and_exit(const Monolith& m) {
  std::thread scanner([&] {
    stack_t before{}, after{};
    sigaltstack(nullptr, &before);
    const size_t tus = scan(m.db(), m.root(), false, 2).tus.size();
    sigaltstack(nullptr, &after);
    const bool installed = after.ss_sp && after.ss_sp != before.ss_sp && after.ss_size >= 64 * 1024;
    std::fprintf(stderr, "tus %zu, LLVM's stack %s (%zu bytes)\n", tus, installed ? "installed" : "missing",
                 after.ss_sp ? size_t(after.ss_size) : size_t(0));
    std::_Exit(tus == 12 && installed ? 0 : 1);
  });
  scanner.join();
  std::abort(); // not reached: the scanner ends the process
}

TEST(ExtractPrefix, AScanThatParsesInstallsLlvmsSignalStackOnItsOwnThread) {
  // LLVM installs its signal handlers once per process, with an alternate
  // signal stack it mallocs for the thread doing it: the first thread to
  // write an output file, a PCH, often a worker that then exits. ASan unmaps
  // an exiting thread's alternate stack and aborts on one it did not map
  // (.ci/run's sanitizer pass, one run in two). A scan that parses installs
  // them on its own thread first (extract.h: prepare_clang_threads). Without
  // the prefix no output file is written, so only that call can install them.
  // In a process of its own (gtest re-runs this test alone): once per process.
  Monolith m;
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(scan_on_a_thread_and_exit(m), ::testing::ExitedWithCode(0), "tus 12, LLVM's stack installed");
}

} // namespace
} // namespace seam
