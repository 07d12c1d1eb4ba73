// The history laid over the project's modules and files: what changed
// together (co-change coupling, with hidden coupling: pairs that change
// together but have no static dependency), hotspots (change frequency x size)
// and ownership (authors). Numbers are defined in docs/history.md; every one
// is a count of commits, so it can be checked with `git log`.
#pragma once

#include "analyzers/history/read_history.h"
#include "analyzers/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace seam::history {

/// When a pair counts as coupled and as hidden coupling (docs/history.md).
struct CouplingThresholds {
  uint32_t min_shared = 2;          ///< commits touching both, to list a pair at all
  uint32_t hidden_min_shared = 5;   ///< ... to call it hidden coupling
  double hidden_min_confidence = 0.3; ///< max of the two confidences, to call it hidden coupling
};

/// Who changed a module or file.
struct Ownership {
  uint32_t authors = 0;        ///< distinct authors (by .mailmap'd email)
  std::string main_author;     ///< the one with most commits (ties: first by email), by name
  uint32_t main_commits = 0;   ///< their commits
};

struct Activity {
  uint32_t commits = 0;        ///< analysed commits touching it
  uint64_t added = 0, removed = 0; ///< lines, from git's numstat
  uint64_t lines = 0;          ///< current size: lines of its files seam parsed
  uint64_t hotspot = 0;        ///< commits x lines
  int64_t last_time = 0;       ///< newest commit touching it
  Ownership owners;
};

struct ModuleHistory : Activity {
  ModuleId module = kNoModule;
  uint32_t with_others = 0;    ///< of `commits`, those that also touched another module
};

struct FileHistory : Activity {
  FileId file = kNoFile;       ///< a file of the project (parsed, in a module)
};

/// Two modules (or two files) and the commits that touched both. a < b.
struct CoChange {
  uint32_t a = 0, b = 0;       ///< ModuleId, or FileId for file pairs
  uint32_t both = 0;           ///< commits touching both
  double support = 0;          ///< both / analysed commits touching any module
  double confidence_ab = 0;    ///< both / commits(a): how often a change to a also changed b
  double confidence_ba = 0;    ///< both / commits(b)
  bool static_dependency = false; ///< a static edge either way (modules: the module graph; files: includes or references)
  bool hidden = false;         ///< no static dependency, and above the hidden thresholds
};

struct ChangeModel {
  bool available = false;      ///< false: no history (why in `why`); everything else empty
  std::string why;
  History history;             ///< the commits read (paths current, project-relative)
  CouplingThresholds thresholds;
  uint32_t module_commits = 0; ///< analysed commits touching at least one module file
  uint32_t outside_commits = 0;///< analysed commits touching no module file
  uint32_t outside_paths = 0;  ///< distinct paths changed that belong to no module (ignored)
  std::vector<ModuleHistory> modules;   ///< indexed by ModuleId
  std::vector<FileHistory> files;       ///< project files with commits, by path
  std::vector<CoChange> module_pairs;   ///< both >= min_shared; most shared first, then by names
  std::vector<CoChange> file_pairs;     ///< the same for files
  /// Per analysed commit touching a module: the modules it touched, sorted
  /// (for sets of modules: co_change_of).
  std::vector<std::vector<ModuleId>> commit_modules;
};

/// Maps the history onto the project: a path is in the module the model gives
/// it (build_project's rule: the config's globs, exclusions, test modules);
/// paths the parse never reached (deleted files, build files) go through the
/// same rule with the same config. Paths in no module are counted and ignored.
ChangeModel build_change_model(const Project& project, History&& history, const CouplingThresholds& thresholds);

/// The co-change between a set of modules and the rest.
struct SetCoChange {
  uint32_t commits = 0;        ///< analysed commits touching the set
  uint32_t with_outside = 0;   ///< of which also touched a module outside it (not taken along)
  struct Partner {
    ModuleId module = kNoModule;
    uint32_t both = 0;
  };
  std::vector<Partner> partners; ///< outside modules by commits shared, most first, then id
};

/// `taken_along[m]`: module m moves with any service (a library, a shared
/// kernel), so changing it with the set is not a coordinated release; it is
/// not counted as outside. May be empty.
SetCoChange co_change_of(const ChangeModel& model, const std::vector<ModuleId>& set,
                         const std::vector<bool>& taken_along);

/// Round to 3 decimals (shares and confidences in outputs), half away from zero.
double round3(double v);

} // namespace seam::history
