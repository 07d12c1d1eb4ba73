// A pipeline FactSource without Clang: hands over facts written by hand (one
// TuFacts per compile command, by its main file), and can refuse a cache
// folder the way scan_facts does when the folder is read-only. Records what
// it was asked, so a test sees the options the pipeline chose.
#pragma once

#include "analyzers/pipeline/fact_stage.h"

#include <map>
#include <string>
#include <vector>

namespace seam::test {

class FakeFacts : public pipeline::FactSource {
public:
  /// Facts by the TU's project-relative main file; a TU without an entry gets
  /// empty facts (it read only its own file).
  std::map<std::string, TuFacts> facts;
  /// A cache folder scan() refuses, as a read-only one is refused.
  std::string unusable_cache;
  /// What prepare() says when it cannot produce facts ("" = it can).
  std::string problem;
  /// The cache folders of every scan() call, in order.
  std::vector<std::string> scanned_with_cache;
  /// The options and compile commands of the last scan() call.
  ScanOptions last_options;
  std::vector<CompileCommand> last_commands;

  bool prepare(ScanOptions& options, std::string& why) override {
    why = problem;
    return problem.empty();
  }

  bool scan(const CompileDb& db, const ScanOptions& options, ScanResult& out, std::string& error) override {
    scanned_with_cache.push_back(options.cache_dir);
    last_options = options;
    last_commands = db.commands;
    if (!options.cache_dir.empty() && options.cache_dir == unusable_cache) {
      error = "cannot create the fact cache " + options.cache_dir + ": Read-only file system";
      return false;
    }
    for (const CompileCommand& c : db.commands) {
      std::string rel = c.file.substr(options.root.size() + 1);
      auto it = facts.find(rel);
      TuFacts t;
      if (it != facts.end()) {
        t = it->second;
      } else {
        t.main_file = rel;
        FileFact f;
        f.path = rel;
        f.lines = 1;
        t.files.push_back(f);
      }
      // scan_facts()'s contract: with on_tu, each TU is handed over as it is
      // assembled (the pipeline's streaming merge) instead of kept in out.tus.
      if (options.on_tu)
        options.on_tu(std::move(t));
      else
        out.tus.push_back(std::move(t));
    }
    out.parsed = db.commands.size();
    out.total = db.commands.size();
    return true;
  }
};

} // namespace seam::test
