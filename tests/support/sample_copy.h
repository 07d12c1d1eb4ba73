// A private copy of a sample in a temporary folder (outside any git work
// tree), with the samples fixture's compile database moved there, so a test
// can edit sources, make a git repository of it or write outputs beside it
// without touching the source tree or other tests. No CMake run: the
// database's paths are rewritten, which takes milliseconds.
#pragma once

#include "support/run.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace seam::test {

class SampleCopy {
public:
  explicit SampleCopy(const std::string& sample) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / ("seam-" + sample + "-copy-XXXXXX")).string();
    base_ = fs::canonical(mkdtemp(tmpl.data())).string();
    root_ = base_ + "/" + sample;
    fs::copy(sample_dir(sample), root_, fs::copy_options::recursive);
    fs::remove(root_ + "/seam-baseline.json");
    fs::remove_all(root_ + "/build");
    fs::create_directories(root_ + "/build");
    db_ = slurp(sample_build(sample) + "/compile_commands.json");
    from_ = sample_dir(sample);
    write_db();
  }
  ~SampleCopy() { std::filesystem::remove_all(base_); }
  SampleCopy(const SampleCopy&) = delete;
  SampleCopy& operator=(const SampleCopy&) = delete;

  /// The copy's folder, and the folder holding it (for siblings: clones, outputs).
  const std::string& root() const { return root_; }
  const std::string& base() const { return base_; }
  /// False when the samples fixture did not configure the sample.
  bool has_db() const { return !db_.empty(); }

  /// Renames a source in the compile database too (after `git mv` or a move).
  void rename_in_db(const std::string& from_rel, const std::string& to_rel) {
    for (size_t at = db_.find("/" + from_rel); at != std::string::npos; at = db_.find("/" + from_rel, at + 1))
      db_.replace(at + 1, from_rel.size(), to_rel);
    write_db();
  }

  /// seam ARGS -p <copy>/build -j 2, run in the copy.
  RunResult seam(std::vector<std::string> args) const {
    std::vector<std::string> argv{SEAM_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    for (const char* a : {"-p", "build", "-j", "2"}) argv.push_back(a);
    return run(argv, root_);
  }

  /// Replaces the first `from` by `to` in a file of the copy; false when absent.
  bool edit(const std::string& rel, const std::string& from, const std::string& to) const {
    std::string text = slurp(root_ + "/" + rel);
    size_t at = text.find(from);
    if (at == std::string::npos) return false;
    text.replace(at, from.size(), to);
    std::ofstream(root_ + "/" + rel, std::ios::binary) << text;
    return true;
  }

private:
  void write_db() const {
    std::string db = db_;
    for (size_t at = db.find(from_); at != std::string::npos; at = db.find(from_, at + root_.size()))
      db.replace(at, from_.size(), root_);
    std::ofstream(root_ + "/build/compile_commands.json") << db;
  }
  std::string base_, root_, from_, db_;
};

} // namespace seam::test
