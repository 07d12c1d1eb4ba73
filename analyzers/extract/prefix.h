// The precompiled prefix: the leading run of external (system, third-party)
// #includes that many TUs of one compile command share, parsed once into a
// PCH and loaded by each of those TUs instead of parsing the same headers
// again. Plain C++ (the Clang side is in prefix_build.cpp and prefix_check.cpp).
//
// Facts stay those of a plain parse: a TU uses the PCH only when everything
// it reads before the last prefix header is that header run (project headers
// holding nothing but #pragma once, an include guard and #includes); the
// external files the PCH read are registered in the TU's file list at the
// #include that reached them, in the order a plain parse registers them; and
// a TU whose parse shows otherwise is parsed again without the PCH.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace seam {

struct ExtractInput;
class FileStamps;

/// One precompiled prefix, shared read-only by the TUs that use it.
struct PrefixPch {
  std::string pch;                            ///< path of the .pch file
  std::vector<std::string> headers;           ///< canonical path of each top-level header, in order
  /// Per header: the files a plain parse first reaches while reading it
  /// (canonical paths, in order; the header itself first unless read before).
  std::vector<std::vector<std::string>> files;

  /// An any-order prefix: every external header the TUs of one compile
  /// command include anywhere (not a run they start with), so a TU reads its
  /// project headers after the whole PCH. Its facts stay those of a plain
  /// parse by the checks of prefix_check.cpp: the files the PCH read are
  /// registered where the TU's own #include reaches them (by `nodes`), and
  /// anything the TU sees from a header it has not yet included (a macro, a
  /// declaration) sends it to a plain parse.
  bool any_order = false;
  /// The PCH build's include tree: one node per entry of a file, with, per
  /// #include it processed, the file and the node of that entry (the file's
  /// first node when a guard skipped it). Node 0 is the prefix header.
  struct Node {
    uint32_t file = 0;                                    ///< index into tree_files
    std::vector<std::pair<uint32_t, uint32_t>> includes;  ///< (file, node)
  };
  std::vector<std::string> tree_files;   ///< canonical paths; 0 is the prefix header
  std::vector<Node> nodes;
  std::vector<uint32_t> first_node;      ///< per tree file
  std::vector<uint8_t> reentered;        ///< per tree file: entered more than once (no guard skips it)
  /// Per tree file, the names it reads that a macro defined before it would
  /// change (identifiers it spells, macros it expands or tests, but those it
  /// defined itself first): indices into `names`, sorted.
  std::vector<std::vector<uint32_t>> uses;
  std::vector<std::string> names;

  /// A build that failed: the line of the synthesised header whose #include
  /// led to the first error (1-based; 0: none known). An any-order prefix is
  /// built again without that header (plan_prefixes).
  unsigned failed_line = 0;
};

/// Which prefixes plan_prefixes makes.
enum class PrefixMode {
  Run,      ///< the leading run of external #includes many TUs share (up to 32 per command)
  AnyOrder, ///< one PCH per command of every external header its TUs include
};

/// The prefixes of one scan and which TU uses which.
struct PrefixPlan {
  std::vector<std::unique_ptr<PrefixPch>> pchs;
  std::vector<const PrefixPch*> of_tu;        ///< per input given to plan_prefixes; null: plain parse
  size_t built = 0, reused = 0;               ///< PCHs built by this scan, reused from the cache
  /// Why the TUs given no prefix have none, so a user can see what keeps
  /// theirs from sharing one (`seam scan` prints these counts).
  size_t forced = 0;   ///< -include or -imacros: something comes before any prefix
  size_t alone = 0;    ///< no other TU of this scan has the same compile command
  size_t no_run = 0;   ///< its first lines reach no external #include <...> (textual scan)
  size_t no_include = 0; ///< any-order: no external #include <...> outside an #if (textual scan)
  size_t unshared = 0; ///< its run starts with none of the prefixes chosen for its command
  size_t unbuilt = 0;  ///< its prefix's PCH could not be built
  /// Header files the TUs given a prefix would otherwise parse themselves,
  /// less the one parse that built each PCH (when a TU misfits, fewer).
  size_t saved = 0;
  std::vector<std::string> warnings;
  std::string temp_dir;                       ///< removed by ~PrefixPlan (no cache folder)
  PrefixPlan() = default;
  PrefixPlan(const PrefixPlan&) = delete;
  PrefixPlan& operator=(const PrefixPlan&) = delete;
  ~PrefixPlan();
};

/// Plans and builds the prefixes for `tus` (the TUs this scan parses): groups
/// them by compile command (directory and arguments but the source file),
/// reads each TU's leading run of #includes (a textual scan: following project
/// headers, stopping at the first line that is not an #include, #pragma once or
/// include guard), and for each group picks the run prefix that saves the most
/// header parses, shared by at least two TUs; then, among the TUs without one,
/// the next best shared by at least four, up to 32 per group. The PCHs go to
/// `dir` (the fact cache's prefix/ folder, kept across scans and rebuilt when a
/// header it read changed); an empty `dir` means a temporary folder for this
/// scan only.
void plan_prefixes(const std::vector<const ExtractInput*>& tus, const std::string& root, const std::string& dir,
                   unsigned jobs, PrefixPlan& out, PrefixMode mode = PrefixMode::AnyOrder);

/// Builds one PCH (prefix_build.cpp): `arguments` are a TU's, with the
/// synthesised prefix header in place of its source file. False with `why`.
bool build_prefix_pch(const std::vector<std::string>& arguments, const std::string& directory,
                      const std::string& header, const std::string& root, PrefixPch& out, std::string& why);

} // namespace seam
