// The world around a run: an output folder that cannot be written, a disk
// that fills up while the output is written, and a user who presses Ctrl-C
// (or a CI runner that sends SIGTERM) in the middle of a scan. Nothing may be
// left half-written, and an interrupted scan leaves a cache the next run can
// trust.
#include "support/run.h"
#include "support/temp_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace seam {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::RunResult;
using test::slurp;

class Environment : public test::TempTreeTest {
protected:
  Environment() : TempTreeTest("seam-env") {}
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(TempTreeTest::SetUp());
    root_ = base_ / "proj";
    fs::create_directories(root_);
  }
  void TearDown() override {
    for (const fs::path& m : mounts_) ::umount2(m.c_str(), MNT_DETACH);
    TempTreeTest::TearDown();
  }

  /// One database entry per source, in the order given.
  void database(const std::vector<std::string>& sources) {
    nlohmann::json db = nlohmann::json::array();
    for (const std::string& s : sources)
      db.push_back({{"directory", root_.string()}, {"file", s}, {"command", "c++ -std=c++17 -I. -c " + s}});
    std::ofstream(root_ / "compile_commands.json") << db.dump(1);
  }
  /// app -> lib, two TUs.
  void small_project() {
    write("src/lib/lib.h", "#pragma once\nint lib_value();\n");
    write("src/lib/lib.cpp", "#include \"src/lib/lib.h\"\nint lib_value() { return 1; }\n");
    write("src/app/main.cpp", "#include \"src/lib/lib.h\"\nint main() { return lib_value(); }\n");
    database({"src/lib/lib.cpp", "src/app/main.cpp"});
  }
  std::vector<std::string> seam_argv(std::vector<std::string> args) const {
    args.insert(args.begin(), SEAM_EXE);
    args.push_back("-p");
    args.push_back(root_.string());
    return args;
  }
  RunResult seam(std::vector<std::string> args) { return run(seam_argv(std::move(args)), root_.string()); }

  /// Mounts a tmpfs at `dir` (options as mount -o). False when this
  /// environment does not allow mounting (then the caller skips).
  bool mount_tmpfs(const fs::path& dir, unsigned long flags, const std::string& options) {
    fs::create_directories(dir);
    if (::mount("tmpfs", dir.c_str(), "tmpfs", flags, options.c_str()) != 0) return false;
    mounts_.push_back(dir);
    return true;
  }

  /// Names in `dir` that look like seam's temporary files.
  static std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().find(".seam-tmp-") != std::string::npos ||
          e.path().filename().string().find(".tmp.") != std::string::npos)
        out.push_back(e.path().filename().string());
    return out;
  }

  std::vector<fs::path> mounts_;
};

// --- an output that cannot be written ---------------------------------------

TEST_F(Environment, OutputFolderThatDoesNotExist) {
  small_project();
  auto r = seam({"graph", "--format", "json", "-q", "-o", "/nonexistent/x.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write /nonexistent/x.json: No such file or directory\n");
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists("/nonexistent"));
}

TEST_F(Environment, OutputUnderAFileOrOnAFolder) {
  // Tests run as root, which ignores permission bits: a path under a regular
  // file, and a folder in the output's place, fail for everyone.
  small_project();
  write(base_ / "plain", "not a folder\n");
  const std::string under = (base_ / "plain" / "x.json").string();
  auto r = seam({"graph", "--format", "json", "-q", "-o", under});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + under + ": Not a directory\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp((base_ / "plain").string()), "not a folder\n");

  fs::create_directories(base_ / "out" / "report.html");
  const std::string folder = (base_ / "out" / "report.html").string();
  r = seam({"report", "-q", "-o", folder});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + folder + ": Is a directory\n");
  EXPECT_TRUE(fs::is_directory(folder));
  EXPECT_EQ(leftovers(base_ / "out"), std::vector<std::string>{});
}

TEST_F(Environment, ReadOnlyOutputFolder) {
  small_project();
  const fs::path ro = base_ / "ro";
  if (!mount_tmpfs(ro, MS_RDONLY, "size=64k"))
    GTEST_SKIP() << "cannot mount a read-only tmpfs here: " << std::strerror(errno);
  const std::string out = (ro / "graph.json").string();
  auto r = seam({"graph", "--format", "json", "-q", "-o", out});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + out + ": Read-only file system\n");
  EXPECT_EQ(r.out, "");
  // A fact cache asked for in a read-only place is an error too (the default
  // place falls back to no cache with a note; an explicit one is a mistake).
  const std::string good = (base_ / "graph.json").string();
  r = seam({"graph", "--format", "json", "-q", "--cache", (ro / "cache").string(), "-o", good});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find("seam: error: cannot"), 0u) << r.err;
  EXPECT_NE(r.err.find("Read-only file system; pass another --cache DIR, or --no-cache\n"), std::string::npos)
      << r.err;
}

// --- the disk fills up while the output is written ---------------------------

/// An LD_PRELOAD shim: write() to any file whose path contains DISKFULL
/// writes at most 100 bytes in all, then fails with ENOSPC, as a disk that
/// fills up during the write does.
constexpr const char* kDiskFullShim = R"(
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
ssize_t write(int fd, const void* buf, size_t n) {
  static ssize_t (*real)(int, const void*, size_t);
  if (!real) real = (ssize_t (*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  char link[64], target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t len = readlink(link, target, sizeof target - 1);
  if (len > 0) {
    target[len] = 0;
    if (strstr(target, "DISKFULL")) {
      off_t at = lseek(fd, 0, SEEK_CUR);
      if (at >= 100) { errno = ENOSPC; return -1; }
      if ((off_t)n > 100 - at) n = (size_t)(100 - at);
    }
  }
  return real(fd, buf, n);
}
)";

class DiskFull : public Environment {
protected:
  void SetUp() override {
    Environment::SetUp();
    write(base_ / "shim.c", kDiskFullShim);
    shim_ = (base_ / "diskfull.so").string();
    auto cc = run({"cc", "-shared", "-fPIC", "-O1", "-o", shim_, (base_ / "shim.c").string(), "-ldl"});
    ASSERT_EQ(cc.status, 0) << cc.err;
    small_project();
    full_ = base_ / "DISKFULL";
    fs::create_directories(full_);
  }
  /// seam with the shim preloaded. An ASan build insists on coming first in
  /// the library list; the shim only forwards, so that check is switched off.
  RunResult seam_full(std::vector<std::string> args) {
    std::vector<std::string> argv{"env", "LD_PRELOAD=" + shim_};
    const char* asan = std::getenv("ASAN_OPTIONS");
    argv.push_back(std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") + "verify_asan_link_order=0");
    for (const std::string& a : seam_argv(std::move(args))) argv.push_back(a);
    return run(argv, root_.string());
  }

  std::string shim_;
  fs::path full_;
};

TEST_F(DiskFull, TheShimReallyFillsTheDisk) {
  // Without this the tests below could pass with a shim that does nothing.
  auto r = run({"env", "LD_PRELOAD=" + shim_, "sh", "-c",
                "printf '%0200d' 0 > " + (full_ / "probe").string() + "; echo status $?"});
  EXPECT_EQ(r.out, "status 1\n") << r.err;
  EXPECT_EQ(fs::file_size(full_ / "probe"), 100u);
}

TEST_F(DiskFull, NoPartialOutputAndTheOldFileIsKept) {
  const std::string out = (full_ / "graph.json").string();
  auto r = seam_full({"graph", "--format", "json", "-q", "-o", out});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + out + ": No space left on device\n");
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(leftovers(full_), std::vector<std::string>{});

  // A report from an earlier run stays as it was.
  write(full_ / "report.html", "<p>yesterday's report</p>\n");
  const std::string report = (full_ / "report.html").string();
  r = seam_full({"report", "-q", "-o", report});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + report + ": No space left on device\n");
  EXPECT_EQ(slurp(report), "<p>yesterday's report</p>\n");
  EXPECT_EQ(leftovers(full_), std::vector<std::string>{});
}

TEST_F(DiskFull, AFullCacheCostsOnlyTheNextRunsTime) {
  // The cache on the full disk: the facts of this run are complete, so the
  // output is right and whole; the warning says what it costs.
  const std::string out = (base_ / "graph.json").string();
  auto r = seam_full({"graph", "--format", "json", "-q", "--cache", (full_ / "cache").string(), "-o", out});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("seam: warning: cannot write to the cache ("), 0u) << r.err;
  EXPECT_NE(r.err.find("No space left on device (and "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" more cache write errors); the facts of this run are complete, but the next run parses again\n"),
            std::string::npos)
      << r.err;
  auto plain = seam({"graph", "--format", "json", "-q", "--no-cache"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(slurp(out), plain.out);
}

TEST_F(Environment, ATinyDiskFillsUpForReal) {
  small_project();
  const fs::path tiny = base_ / "tiny";
  if (!mount_tmpfs(tiny, 0, "size=16k"))
    GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
  const std::string out = (tiny / "report.html").string();
  auto r = seam({"report", "-q", "-o", out});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "seam: error: cannot write " + out + ": No space left on device\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(leftovers(tiny), std::vector<std::string>{});
}

// --- interrupted scans --------------------------------------------------------

/// How a child ended: its exit status, or the signal that killed it.
struct Ended {
  bool exited = false;
  int code = -1, signal = 0;
};

/// A scan that can be interrupted at a known point. The project has five
/// TUs before src/b/slow.cpp and five after (parse order is by path); slow.cpp
/// includes a FIFO, so with -j1 the scan is provably inside slow.cpp, with the
/// five before it done and the five after not started, when the FIFO is
/// opened for reading. The test then signals, and only then serves the header.
class Interrupt : public Environment {
protected:
  void SetUp() override {
    Environment::SetUp();
    std::vector<std::string> sources;
    write("src/lib/lib.h", "#pragma once\nint lib_value();\n");
    for (const char* dir : {"a", "c"})
      for (int i = 0; i < 5; ++i) {
        std::string rel = std::string("src/") + dir + "/f" + std::to_string(i) + ".cpp";
        write(rel, "#include \"src/lib/lib.h\"\nint " + std::string(dir) + std::to_string(i) +
                       "() { return lib_value(); }\n");
        sources.push_back(rel);
      }
    write("src/lib/lib.cpp", "#include \"src/lib/lib.h\"\nint lib_value() { return 1; }\n");
    sources.push_back("src/lib/lib.cpp");
    write("src/b/slow.cpp", "#include \"src/b/fifo.h\"\n#include \"src/lib/lib.h\"\nint slow() { return "
                            "slow_value() + lib_value(); }\n");
    sources.push_back("src/b/slow.cpp");
    database(sources);
    fifo_ = (root_ / "src" / "b" / "fifo.h").string();
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0644), 0) << std::strerror(errno);
    cache_ = (base_ / "cache").string();
  }

  pid_t spawn(const std::vector<std::string>& args) {
    pid_t pid = ::fork();
    if (pid == 0) {
      if (::chdir(root_.c_str()) != 0) ::_exit(120);
      int out = ::open((base_ / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = ::open((base_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      std::vector<char*> argv;
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(121);
    }
    return pid;
  }

  static bool finished(pid_t pid, Ended& how) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) != pid) return false;
    how.exited = WIFEXITED(status);
    how.code = how.exited ? WEXITSTATUS(status) : -1;
    how.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return true;
  }

  /// Runs `seam scan -j1` and sends `signals` (in order) once the scan is
  /// inside slow.cpp (Clang has opened the FIFO and waits for its content);
  /// then writes the header once, and waits for seam to end. The FIFO is
  /// opened exactly once by a parse, so it is served exactly once (opening it
  /// again could race with the parser closing it). With `hold`, the FIFO is
  /// held open and never written: the parse of slow.cpp never ends, so only an
  /// immediate exit ends the run.
  Ended scan_and_signal(const std::vector<int>& signals, bool hold = false) {
    pid_t pid = spawn(seam_argv({"scan", "-j", "1", "-q", "--progress", "never", "--cache", cache_}));
    Ended how;
    bool signalled = false;
    int held = -1;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    for (;;) {
      if (finished(pid, how)) break;
      if (std::chrono::steady_clock::now() > give_up) {
        // Not a timing assertion: a guard so that a regression fails instead of hanging ctest.
        ADD_FAILURE() << "seam did not end after the signals";
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        break;
      }
      if (signalled) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      int fd = ::open(fifo_.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd < 0) {
        EXPECT_EQ(errno, ENXIO) << std::strerror(errno); // no reader yet
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      for (int s : signals) ::kill(pid, s);
      signalled = true;
      if (hold) {
        held = fd;
        continue;
      }
      const std::string header = "#pragma once\nint slow_value();\n";
      EXPECT_EQ(::write(fd, header.data(), header.size()), static_cast<ssize_t>(header.size()))
          << std::strerror(errno);
      ::close(fd);
    }
    if (held >= 0) ::close(held);
    EXPECT_TRUE(signalled) << "the scan never reached slow.cpp";
    return how;
  }

  /// The FIFO becomes a regular header (with one more declaration, so the
  /// TU that read the FIFO is certainly parsed again).
  void replace_fifo() {
    fs::remove(fifo_);
    write(fifo_, "#pragma once\nint slow_value();\nint slow_other();\n");
  }

  /// After the interrupt: the cache holds the five TUs finished before the
  /// signal, and what it gives is what a run without any cache gives.
  void expect_cache_valid() {
    replace_fifo();
    auto again = seam({"scan", "-j", "2", "-q", "--cache", cache_});
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.out.find("translation units  12 ok, 0 failed (7 parsed, 5 from cache)\n"), std::string::npos)
        << again.out;
    auto cached = seam({"graph", "--format", "json", "-q", "--cache", cache_});
    auto fresh = seam({"graph", "--format", "json", "-q", "--no-cache"});
    ASSERT_EQ(cached.status, 0) << cached.err;
    ASSERT_EQ(fresh.status, 0) << fresh.err;
    EXPECT_EQ(cached.out, fresh.out);
    auto g = nlohmann::json::parse(fresh.out);
    EXPECT_EQ(g["edges"].size(), 3u) << g.dump(); // a, b and c all call lib
  }

  std::string fifo_, cache_;
};

TEST_F(Interrupt, SigintStopsTheScanWith130AndTheCacheStaysValid) {
  Ended how = scan_and_signal({SIGINT});
  EXPECT_TRUE(how.exited) << "killed by signal " << how.signal;
  EXPECT_EQ(how.code, 130);
  EXPECT_EQ(slurp((base_ / "out").string()), "");
  EXPECT_EQ(slurp((base_ / "err").string()),
            "seam: error: interrupted by SIGINT; the translation units parsed so far are in the fact cache, the next "
            "run parses only the rest\n");
  expect_cache_valid();
}

TEST_F(Interrupt, SigtermStopsTheScanWith143AndTheCacheStaysValid) {
  Ended how = scan_and_signal({SIGTERM});
  EXPECT_TRUE(how.exited) << "killed by signal " << how.signal;
  EXPECT_EQ(how.code, 143);
  EXPECT_EQ(slurp((base_ / "out").string()), "");
  EXPECT_EQ(slurp((base_ / "err").string()),
            "seam: error: interrupted by SIGTERM; the translation units parsed so far are in the fact cache, the next "
            "run parses only the rest\n");
  expect_cache_valid();
}

TEST_F(Interrupt, ASecondSignalExitsAtOnce) {
  // The first signal asks to stop after slow.cpp, which never ends; only the
  // second can end the run. Two different signals, so they cannot merge while
  // pending; on two threads they may be handled in either order, and the
  // status is 128 + the one handled second.
  Ended how = scan_and_signal({SIGINT, SIGTERM}, /*hold=*/true);
  EXPECT_TRUE(how.exited) << "killed by signal " << how.signal;
  EXPECT_TRUE(how.code == 130 || how.code == 143) << how.code;
  EXPECT_EQ(slurp((base_ / "out").string()), "");
  EXPECT_EQ(slurp((base_ / "err").string()), ""); // no orderly "interrupted" message: it exited at once
  expect_cache_valid();
}

} // namespace
} // namespace seam
