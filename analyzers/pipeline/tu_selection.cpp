#include "analyzers/pipeline/tu_selection.h"

#include "analyzers/core/paths.h"
#include "analyzers/init/vendored.h"

#include <filesystem>

namespace seam::pipeline {

TuSelection select_tus(CompileDb db, const std::string& root, const std::vector<std::string>& exclude) {
  TuSelection out;
  std::vector<CompileCommand> keep;
  for (CompileCommand& c : db.commands) {
    std::string rel;
    if (!relative_to(canonical_path(c.file), root, rel)) {
      ++out.outside;
      continue;
    }
    bool skip = false;
    for (const std::string& g : exclude)
      if (glob_match(g, rel)) skip = true;
    if (skip) {
      ++out.excluded;
      continue;
    }
    out.rel_files.push_back(rel);
    keep.push_back(std::move(c));
  }
  db.commands = std::move(keep);
  out.db = std::move(db);
  return out;
}

Outcome<CompileDb> read_compile_db(const Request& request, const Sink& sink) {
  std::string db_path, err;
  CompileDb db;
  std::vector<std::string> ignored;
  if (!find_compile_db(request.compile_db_dir, db_path, err) || !load_compile_db(db_path, db, ignored, err)) {
    sink({Level::Error, err});
    return Outcome<CompileDb>::stopped(kStatusError);
  }
  return db;
}

Outcome<TuSelection> load_tus(const Request& request, const std::string& root, const std::vector<std::string>& exclude,
                              const Sink& sink) {
  std::string db_path, err;
  if (!find_compile_db(request.compile_db_dir, db_path, err)) {
    sink({Level::Error, err});
    return Outcome<TuSelection>::stopped(kStatusError);
  }
  CompileDb db;
  std::vector<std::string> warnings;
  if (!load_compile_db(db_path, db, warnings, err)) {
    sink({Level::Error, err});
    return Outcome<TuSelection>::stopped(kStatusError);
  }
  for (const std::string& w : warnings) sink({Level::Warning, w});
  TuSelection tus = select_tus(std::move(db), root, exclude);
  tus.db_path = db_path;
  if (tus.outside)
    sink({Level::Note, count(tus.outside, "translation unit") + " outside the project root " + root +
                           " skipped (the root is the folder of seam.json, else the current folder)"});
  if (tus.excluded)
    sink({Level::Note, count(tus.excluded, "translation unit") + " excluded by \"exclude\""});
  if (tus.db.commands.empty()) {
    sink({Level::Error, db_path + ": no translation unit of the project root " + root +
                            " in the compile database; run seam from the project's folder or pass --config"});
    return Outcome<TuSelection>::stopped(kStatusError);
  }
  return tus;
}

std::vector<std::pair<std::string, std::string>> leave_out_vendored(TuSelection& tus, const std::string& root, const Sink& sink) {
  const std::vector<std::string> folders = vendored_folders(tus.rel_files, root);
  if (folders.empty()) return {};
  const std::vector<std::string> globs = vendored_globs(folders);
  std::vector<CompileCommand> keep;
  std::vector<std::string> keep_rel;
  for (size_t i = 0; i < tus.rel_files.size(); ++i) {
    bool vendored = false;
    for (const std::string& g : globs) vendored |= glob_match(g, tus.rel_files[i]);
    if (vendored) continue;
    keep.push_back(std::move(tus.db.commands[i]));
    keep_rel.push_back(std::move(tus.rel_files[i]));
  }
  const size_t dropped = tus.rel_files.size() - keep_rel.size();
  tus.db.commands = std::move(keep);
  tus.rel_files = std::move(keep_rel);
  std::vector<std::pair<std::string, std::string>> out;
  std::string list;
  for (size_t i = 0; i < folders.size(); ++i) {
    list += (i ? ", " : "") + folders[i];
    const std::string name = folders[i].substr(folders[i].rfind('/') + 1);
    std::error_code ec;
    std::string why = is_vendor_folder_name(name) ? "vendored: a " + name + "/ folder"
                      : std::filesystem::exists(root + "/" + folders[i] + "/.git", ec)
                          ? "vendored: its own git repository"
                          : "vendored: its own build (a CMakeLists.txt with project())";
    out.push_back({globs[i], why});
  }
  sink({Level::Note, "left out vendored code (" + list + "), " + count(dropped, "translation unit") +
                         ", like system headers; a seam.json module listing it brings it back"});
  return out;
}

} // namespace seam::pipeline
