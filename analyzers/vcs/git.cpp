#include "analyzers/vcs/git.h"

#include "analyzers/core/process.h"

namespace seam::vcs {
namespace {

std::string first_line(const std::string& text) {
  size_t end = text.find('\n');
  std::string line = text.substr(0, end);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) s += (s.empty() ? "" : " ") + a;
  return s;
}

} // namespace

GitOutput run_git(const std::string& repo, const std::vector<std::string>& args) {
  // -c options beat the user's and the repository's config, so the output
  // parsed below does not depend on who runs seam.
  std::vector<std::string> argv = {"git",
                                   "-C",
                                   repo.empty() ? "." : repo,
                                   "-c",
                                   "core.quotePath=false",
                                   "-c",
                                   "color.ui=false",
                                   "-c",
                                   "log.showSignature=false",
                                   "--no-pager"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv);
  GitOutput result;
  if (!r.started) {
    result.error = "git " + joined(args) + ": " + r.error + " (is git installed?)";
    return result;
  }
  if (r.exit_status != 0) {
    std::string why = first_line(r.err);
    if (why.empty()) why = "exit status " + std::to_string(r.exit_status);
    result.error = "git " + joined(args) + ": " + why;
    return result;
  }
  result.ok = true;
  result.out = std::move(r.out);
  return result;
}

std::string work_tree_root(const std::string& path, std::string& error) {
  GitOutput r = run_git(path, {"rev-parse", "--show-toplevel"});
  if (!r.ok) {
    error = path + " is not inside a git work tree (" + r.error + ")";
    return {};
  }
  return first_line(r.out);
}

} // namespace seam::vcs
