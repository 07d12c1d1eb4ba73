// Diagnostics: count errors, keep the first one (with its file:line:column
// relative to the project root); print nothing. seam reports failures itself.
#include "analyzers/extract/error_collector.h"

#include "analyzers/core/paths.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/SmallString.h>

namespace seam {
namespace {

using namespace clang;

class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(TuFacts& facts, std::string root) : facts_(facts), root_(std::move(root)) {}
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error) return;
    ++facts_.error_count;
    facts_.ok = false;
    if (!facts_.first_error.empty()) return;
    llvm::SmallString<256> msg;
    info.FormatDiagnostic(msg);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) {
        std::string file = normalize_path(p.getFilename());
        std::string rel;
        if (relative_to(file, root_, rel)) file = rel;
        where = file + ":" + std::to_string(p.getLine()) + ":" + std::to_string(p.getColumn()) + ": ";
      }
    }
    facts_.first_error = where + "error: " + msg.str().str();
  }

private:
  TuFacts& facts_;
  std::string root_;
};

} // namespace

std::unique_ptr<clang::DiagnosticConsumer> error_collector(TuFacts& facts, std::string root) {
  return std::make_unique<ErrorCollector>(facts, std::move(root));
}

} // namespace seam
