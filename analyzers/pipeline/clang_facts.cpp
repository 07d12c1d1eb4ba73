#include "analyzers/pipeline/clang_facts.h"

namespace seam::pipeline {
namespace {

class ClangFacts : public FactSource {
public:
  bool prepare(ScanOptions& options, std::string& problem) override {
    options.adjust.resource_dir = default_resource_dir(problem);
    return !options.adjust.resource_dir.empty();
  }
  bool scan(const CompileDb& db, const ScanOptions& options, ScanResult& out, std::string& error) override {
    return scan_facts(db, options, out, error);
  }
};

} // namespace

std::unique_ptr<FactSource> clang_facts() { return std::make_unique<ClangFacts>(); }

} // namespace seam::pipeline
