#include "analyzers/model/model.h"

#include "analyzers/config/module_globs.h"
#include "analyzers/core/paths.h"
#include "analyzers/model/test_files.h"
#include "analyzers/model/components.h"

#include <algorithm>
#include <malloc.h>
#include <new>
#include <sys/mman.h>
#include <type_traits>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace seam {

ModuleId Project::find_module(const std::string& name) const {
  auto it = std::lower_bound(modules.begin(), modules.end(), name,
                             [](const Module& m, const std::string& n) { return m.name < n; });
  if (it == modules.end() || it->name != name) return kNoModule;
  return static_cast<ModuleId>(it - modules.begin());
}

const std::string& Project::module_name(ModuleId m) const {
  static const std::string none = "(none)";
  return m >= 0 && static_cast<size_t>(m) < modules.size() ? modules[m].name : none;
}

std::string Project::where(const Loc& l) const {
  if (!l.valid() || l.file >= files.size()) return "?";
  return files[l.file].path + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

namespace {

bool loc_less(const std::vector<File>& files, const Loc& a, const Loc& b) {
  if (!a.valid()) return false;
  if (!b.valid()) return true;
  return std::tie(files[a.file].path, a.line, a.column) < std::tie(files[b.file].path, b.line, b.column);
}

/// Of two definitions of one symbol, the one that owns it: a header's before a
/// source's, then path order. Two definitions are the same inline code seen in
/// two places, or two programs' classes of one name: leveldb's test
/// db/skiplist_test.cc defines a struct leveldb::Comparator of its own beside
/// the class in include/leveldb/comparator.h, which every other use means.
bool def_less(const std::vector<File>& files, const Loc& a, const Loc& b) {
  if (a.valid() && b.valid() && files[a.file].is_header != files[b.file].is_header) return files[a.file].is_header;
  return loc_less(files, a, b);
}

/// A vector grown in fixed chunks: growing never copies what is there, so the
/// peak while merging is the data plus one chunk, where a std::vector's
/// doubling would hold up to three times the data for a moment (rocksdb: 1.8
/// million references). take() hands the elements over as one vector, freeing
/// each chunk as it goes.
template <typename T>
class Chunked {
public:
  void push_back(T&& v) {
    if (chunks_.empty() || chunks_.back().size() == kChunk) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk);
    }
    chunks_.back().push_back(std::move(v));
    ++size_;
  }
  T& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  size_t size() const { return size_; }
  std::vector<T> take() {
    std::vector<T> out;
    out.reserve(size_);
    for (std::vector<T>& c : chunks_) {
      for (T& x : c) out.push_back(std::move(x));
      std::vector<T>().swap(c);
    }
    chunks_.clear();
    size_ = 0;
    return out;
  }

private:
  static constexpr size_t kChunk = 4096;
  std::vector<std::vector<T>> chunks_;
  size_t size_ = 0;
};

/// Chunked for plain data (references), with each chunk mapped from the
/// system directly: take() gives each chunk back as soon as it is copied, so
/// the peak is the final vector plus one chunk. (With malloc, chunks this size
/// may come from the heap, whose freed middle stays resident: the data twice.)
template <typename T>
class MappedChunks {
  static_assert(std::is_trivially_copyable_v<T>);

public:
  MappedChunks() = default;
  MappedChunks(const MappedChunks&) = delete;
  MappedChunks& operator=(const MappedChunks&) = delete;
  ~MappedChunks() { release(); }

  void push_back(const T& v) {
    if (size_ == chunks_.size() * kChunk) {
      void* p = ::mmap(nullptr, kChunk * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) throw std::bad_alloc();
      chunks_.push_back(static_cast<T*>(p));
    }
    chunks_[size_ / kChunk][size_ % kChunk] = v;
    ++size_;
  }
  size_t size() const { return size_; }
  std::vector<T> take() {
    std::vector<T> out;
    out.reserve(size_);
    for (size_t c = 0; c < chunks_.size(); ++c) {
      const size_t n = std::min(kChunk, size_ - c * kChunk);
      out.insert(out.end(), chunks_[c], chunks_[c] + n);
      ::munmap(chunks_[c], kChunk * sizeof(T));
      chunks_[c] = nullptr;
    }
    chunks_.clear();
    size_ = 0;
    return out;
  }

private:
  void release() {
    for (T* c : chunks_)
      if (c) ::munmap(c, kChunk * sizeof(T));
    chunks_.clear();
  }
  static constexpr size_t kChunk = 1 << 16; // 2 MB of references
  std::vector<T*> chunks_;
  size_t size_ = 0;
};

/// Reorders `v` so that v[i] becomes the old v[order[i]], in place (following
/// the permutation's cycles): no second copy of the symbols.
template <typename T>
void permute(std::vector<T>& v, const std::vector<uint32_t>& order) {
  std::vector<char> done(v.size(), 0);
  for (size_t i = 0; i < v.size(); ++i) {
    if (done[i]) continue;
    T held = std::move(v[i]);
    size_t j = i;
    for (;;) {
      done[j] = 1;
      size_t k = order[j];
      if (k == i) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[k]);
      j = k;
    }
  }
}

} // namespace

/// Accumulates facts of many TUs under global ids before the final sort.
struct FactMerger::Impl {
  std::vector<File> files;
  Chunked<Symbol> symbols;
  MappedChunks<Reference> refs;
  std::vector<Include> includes;
  std::vector<TuStatus> tus;
  std::unordered_map<std::string, FileId> file_ids;
  /// USR -> id, viewing the USR held by the symbol itself (a chunk never
  /// moves its elements), not a second copy of every USR (rocksdb: 76,649).
  std::unordered_map<std::string_view, SymbolId> symbol_ids;

  void add(TuFacts& tu) {
    std::vector<FileId> fmap(tu.files.size());
    for (size_t i = 0; i < tu.files.size(); ++i) fmap[i] = intern_file(tu.files[i]);
    auto map_loc = [&](Loc l) {
      if (l.valid()) l.file = fmap[l.file];
      return l;
    };
    std::vector<SymbolId> smap(tu.symbols.size());
    for (size_t i = 0; i < tu.symbols.size(); ++i) {
      SymbolFact& s = tu.symbols[i];
      s.decl = map_loc(s.decl);
      s.def = map_loc(s.def);
      smap[i] = intern_symbol(std::move(s));
    }
    for (const RefFact& r : tu.refs) {
      if (r.target == kNoSymbol || !r.site.valid()) continue;
      Reference ref;
      ref.site = map_loc(r.site);
      ref.target = smap[r.target];
      ref.set_from(r.from == kNoSymbol ? kNoSymbol : smap[r.from]);
      ref.kind = r.kind;
      ref.in_loop = r.in_loop;
      refs.push_back(ref);
    }
    for (IncludeFact& inc : tu.includes) {
      Include i;
      i.site = map_loc(inc.site);
      i.included = inc.included == kNoFile ? kNoFile : fmap[inc.included];
      i.spelled = std::move(inc.spelled);
      i.angled = inc.angled;
      includes.push_back(std::move(i));
    }
    TuStatus st;
    st.file = tu.main_file;
    st.ok = tu.ok;
    st.first_error = tu.first_error;
    st.error_count = tu.error_count;
    tus.push_back(std::move(st));
    // Free the TU's memory now: the merged copy is all we keep.
    tu = TuFacts{};
  }

  /// Moves everything into `p`: sorts files and symbols, remaps every id,
  /// sorts and de-duplicates sites.
  void finish(Project& p) {
    std::unordered_map<std::string, FileId>().swap(file_ids);
    std::unordered_map<std::string_view, SymbolId>().swap(symbol_ids);
    // Every shard decoded for the merge is freed by now, but its memory sits
    // in the middle of the heap between the strings the project keeps: give
    // those free pages back before the sorted copies below are allocated.
    malloc_trim(0);
    // Files by path.
    std::vector<FileId> order(files.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](FileId a, FileId b) { return files[a].path < files[b].path; });
    std::vector<FileId> fnew(order.size());
    p.files.assign(order.size(), File{});
    for (size_t i = 0; i < order.size(); ++i) {
      fnew[order[i]] = static_cast<FileId>(i);
      p.files[i] = std::move(files[order[i]]);
    }
    std::vector<File>().swap(files);
    auto remap = [&](Loc& l) {
      if (l.valid()) l.file = fnew[l.file];
    };
    // Symbols by USR.
    p.symbols = symbols.take();
    std::vector<SymbolId> sorder(p.symbols.size());
    std::iota(sorder.begin(), sorder.end(), 0);
    std::sort(sorder.begin(), sorder.end(),
              [&](SymbolId a, SymbolId b) { return p.symbols[a].usr < p.symbols[b].usr; });
    std::vector<SymbolId> snew(sorder.size());
    for (size_t i = 0; i < sorder.size(); ++i) snew[sorder[i]] = static_cast<SymbolId>(i);
    permute(p.symbols, sorder);
    std::vector<SymbolId>().swap(sorder);
    p.symbol_index.clear();
    p.symbol_index.reserve(p.symbols.size());
    for (SymbolId i = 0; i < p.symbols.size(); ++i) {
      Symbol& s = p.symbols[i];
      remap(s.decl);
      remap(s.def);
      s.owner = s.def.valid() ? s.def.file : s.decl.file;
      p.symbol_index.emplace(s.usr, i);
    }
    // Resolved USRs are dropped: they repeat other symbols' USRs (model.h).
    for (Symbol& s : p.symbols) {
      if (!s.parent_usr.empty()) {
        auto it = p.symbol_index.find(s.parent_usr);
        if (it != p.symbol_index.end()) s.parent = it->second;
        std::string().swap(s.parent_usr);
      }
      if (s.bases.empty()) continue;
      std::vector<std::string> unresolved;
      for (std::string& b : s.bases) {
        auto it = p.symbol_index.find(b);
        if (it != p.symbol_index.end()) s.base_ids.push_back(it->second);
        else unresolved.push_back(std::move(b));
      }
      s.bases = std::move(unresolved);
    }
    p.refs = refs.take();
    for (Reference& r : p.refs) {
      remap(r.site);
      r.target = snew[r.target];
      if (r.from() != kNoSymbol) r.set_from(snew[r.from()]);
    }
    // File ids now follow path order, so comparing ids compares paths.
    std::sort(p.refs.begin(), p.refs.end(), [](const Reference& a, const Reference& b) {
      return std::make_tuple(a.site.file, a.site.line, a.site.column, a.target, a.kind, a.from()) <
             std::make_tuple(b.site.file, b.site.line, b.site.column, b.target, b.kind, b.from());
    });
    p.refs.erase(std::unique(p.refs.begin(), p.refs.end(),
                             [](const Reference& a, const Reference& b) {
                               return a.site == b.site && a.target == b.target && a.kind == b.kind;
                             }),
                 p.refs.end()); // no shrink_to_fit: that would copy them all once more
    p.includes = std::move(includes);
    for (Include& i : p.includes) {
      remap(i.site);
      if (i.included != kNoFile) i.included = fnew[i.included];
    }
    std::sort(p.includes.begin(), p.includes.end(), [](const Include& a, const Include& b) {
      return std::tie(a.site.file, a.site.line, a.included, a.spelled) <
             std::tie(b.site.file, b.site.line, b.included, b.spelled);
    });
    p.includes.erase(std::unique(p.includes.begin(), p.includes.end(),
                                 [](const Include& a, const Include& b) {
                                   return a.site == b.site && a.included == b.included;
                                 }),
                     p.includes.end());
    p.tus = std::move(tus);
    std::sort(p.tus.begin(), p.tus.end(), [](const TuStatus& a, const TuStatus& b) { return a.file < b.file; });
    p.file_index.clear();
    for (FileId i = 0; i < p.files.size(); ++i) p.file_index.emplace(p.files[i].path, i);
  }

  FileId intern_file(const FileFact& f) {
    auto [it, inserted] = file_ids.emplace(f.path, static_cast<FileId>(files.size()));
    if (inserted) {
      File file;
      file.path = f.path;
      file.external = f.external;
      file.is_header = is_header_path(f.path);
      file.lines = f.lines;
      file.hash = f.hash;
      files.push_back(std::move(file));
    } else {
      File& file = files[it->second];
      if (!file.lines) file.lines = f.lines;
      if (!file.hash) file.hash = f.hash;
    }
    return it->second;
  }

  SymbolId intern_symbol(SymbolFact&& s) {
    auto it = symbol_ids.find(s.usr);
    if (it == symbol_ids.end()) {
      SymbolId id = static_cast<SymbolId>(symbols.size());
      Symbol sym;
      static_cast<SymbolFact&>(sym) = std::move(s);
      symbols.push_back(std::move(sym));
      symbol_ids.emplace(std::string_view(symbols[id].usr), id);
      return id;
    }
    Symbol& cur = symbols[it->second];
    // The earliest declaration (by path, line, column) is the declaration.
    if (s.decl.valid() && loc_less(files, s.decl, cur.decl)) cur.decl = s.decl;
    const bool header_over_source = s.def.valid() && cur.def.valid() && files[s.def.file].is_header &&
                                    !files[cur.def.file].is_header;
    if (s.def.valid() && (!cur.def.valid() || header_over_source)) {
      // What a definition tells wins over what a declaration tells (and a
      // header's definition over a source's: def_less).
      cur.def = s.def;
      cur.bases = std::move(s.bases);
      cur.is_abstract = s.is_abstract;
      cur.is_polymorphic = s.is_polymorphic;
      cur.is_aggregate = s.is_aggregate;
      if (!s.signature.empty()) {
        cur.signature = std::move(s.signature);
        cur.result = std::move(s.result);
        cur.params = std::move(s.params);
      }
    } else if (s.def.valid() && def_less(files, s.def, cur.def)) {
      cur.def = s.def; // a definition in two places (inline in a header): keep one stably
    }
    if (cur.signature.empty() && !s.signature.empty()) {
      cur.signature = std::move(s.signature);
      cur.result = std::move(s.result);
      cur.params = std::move(s.params);
    }
    if (cur.result.spelling.empty() && !s.result.spelling.empty()) cur.result = std::move(s.result);
    cur.mutable_global |= s.mutable_global;
    cur.is_virtual |= s.is_virtual;
    cur.is_pure |= s.is_pure;
    cur.is_template |= s.is_template;
    cur.is_inline |= s.is_inline;
    if (cur.parent_usr.empty()) cur.parent_usr = std::move(s.parent_usr);
    return it->second;
  }
};

FactMerger::FactMerger() : impl_(std::make_unique<Impl>()) {}
FactMerger::~FactMerger() = default;
FactMerger::FactMerger(FactMerger&&) noexcept = default;
FactMerger& FactMerger::operator=(FactMerger&&) noexcept = default;

void FactMerger::add(TuFacts&& tu) { impl_->add(tu); }
size_t FactMerger::tu_count() const { return impl_->tus.size(); }
const std::vector<TuStatus>& FactMerger::statuses() const { return impl_->tus; }

std::vector<std::string> FactMerger::project_files() const {
  std::vector<std::string> out;
  for (const File& f : impl_->files)
    if (!f.external) out.push_back(f.path);
  std::sort(out.begin(), out.end());
  return out;
}

bool build_project(std::vector<TuFacts>&& tus, const Config& config, Project& project,
                   std::vector<std::string>& errors, std::vector<std::string>& warnings) {
  FactMerger merged;
  for (TuFacts& tu : tus) merged.add(std::move(tu));
  tus.clear();
  return build_project(std::move(merged), config, project, errors, warnings);
}

bool build_project(FactMerger&& merged, const Config& config, Project& project,
                   std::vector<std::string>& errors, std::vector<std::string>& warnings) {
  project.config = config;
  project.root = config.root;
  if (merged.impl_->symbols.size() >= Reference::kMaxSymbols) {
    errors.push_back("the project has " + std::to_string(merged.impl_->symbols.size()) +
                     " symbols; seam holds at most " + std::to_string(Reference::kMaxSymbols - 1) +
                     ": analyse it in parts (one compile database per part)");
    return false;
  }
  merged.impl_->finish(project);
  merged.impl_.reset();
  const Config& cfg = project.config;

  // Modules, sorted by name so ModuleId order is name order.
  std::vector<const ModuleDecl*> decls;
  for (const ModuleDecl& d : cfg.modules) decls.push_back(&d);
  std::sort(decls.begin(), decls.end(),
            [](const ModuleDecl* a, const ModuleDecl* b) { return a->name < b->name; });
  project.modules.clear();
  const bool infer_roles = !cfg.roles_declared;
  for (const ModuleDecl* d : decls) {
    Module m;
    m.name = d->name;
    m.decl = d;
    m.layer = d->layer.empty() ? -1 : cfg.layer_index(d->layer);
    m.role = cfg.role_of(*d);
    if (d->role)
      m.role_reason = std::string("seam.json: \"role\": \"") + to_string(m.role) + "\"";
    else if (m.role != ModuleRole::Service)
      m.role_reason = "layer \"" + d->layer + "\" gives its modules the role " + to_string(m.role);
    m.role_inferred = infer_roles;
    project.modules.push_back(std::move(m));
  }
  // Inferring roles: test files of other modules gather in one test module,
  // so a module's own code is not counted with its tests (leveldb's db/*_test.cc).
  ModuleId gathered = kNoModule;
  if (infer_roles) {
    std::string name = kInferredTestModule;
    for (const ModuleDecl* d : decls)
      if (d->name == name) name = std::string("inferred-") + kInferredTestModule;
    Module t;
    t.name = name;
    t.role = ModuleRole::Test;
    t.role_inferred = true;
    t.role_reason = "test files (in test/ or tests/ folders, or named *_test, *_tests or test_*) found inside other "
                    "modules' folders";
    auto at = std::lower_bound(project.modules.begin(), project.modules.end(), name,
                               [](const Module& m, const std::string& n) { return m.name < n; });
    gathered = static_cast<ModuleId>(at - project.modules.begin());
    project.modules.insert(at, std::move(t));
  }
  // Module id of decls[m] (the gathered test module may sit between them).
  auto id_of = [&](size_t m) { return static_cast<ModuleId>(gathered != kNoModule && static_cast<ModuleId>(m) >= gathered ? m + 1 : m); };

  // Files to modules (config/module_globs.h, the rule `seam check` applies to
  // the files on disk): a file in two modules is a config error naming both,
  // except that a test module's globs win over another module's.
  const std::string config_name = cfg.path.empty() ? std::string("seam.json") : cfg.path;
  std::vector<size_t> decl_of(cfg.modules.size()); // config order -> index into decls (name order)
  for (size_t m = 0; m < decls.size(); ++m) decl_of[static_cast<size_t>(decls[m] - cfg.modules.data())] = m;
  auto is_test = [&](size_t m) { return project.modules[id_of(m)].role == ModuleRole::Test; };
  std::vector<FileId> project_files;
  std::vector<std::string_view> paths;
  for (FileId f = 0; f < project.files.size(); ++f)
    if (!project.files[f].external) {
      project_files.push_back(f);
      paths.push_back(project.files[f].path);
    }
  // Per module (decls order): files matched, and how many of them are test files.
  std::vector<size_t> matched(decls.size(), 0), matched_tests(decls.size(), 0);
  const FileOwners owners = assign_files(cfg, paths, [&](size_t i, size_t m) {
    ++matched[decl_of[m]];
    matched_tests[decl_of[m]] += infer_roles && is_test_path(paths[i]);
  });
  bool ok = owners.shared.empty();
  for (const FileOwners::Shared& sh : owners.shared) errors.push_back(shared_files_error(cfg, sh, config_name).format());
  std::vector<char> excluded(project.files.size(), 0);
  std::vector<size_t> owner_of(project.files.size(), SIZE_MAX); // index into decls
  for (size_t i = 0; i < project_files.size(); ++i) {
    excluded[project_files[i]] = owners.excluded[i];
    if (owners.owner[i] != FileOwners::kNone) owner_of[project_files[i]] = decl_of[owners.owner[i]];
  }
  for (const ModuleDecl* decl : decls) { // in name order, as the modules are
    const ModuleDecl& d = *decl;
    const size_t m = static_cast<size_t>(decl - cfg.modules.data());
    for (size_t g = 0; g < d.paths.size(); ++g)
      if (owners.path_hits[m][g] == 0) {
        ConfigPos pos = g < d.path_pos.size() ? d.path_pos[g] : d.pos;
        warnings.push_back(config_name + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                           ": warning: glob \"" + d.paths[g] + "\" of module '" + d.name +
                           "' matches no file the compile database reaches");
      }
  }

  // Inferring roles: a module whose files are all test files is a test module.
  if (infer_roles)
    for (size_t m = 0; m < decls.size(); ++m)
      if (matched[m] && matched[m] == matched_tests[m]) {
        Module& mod = project.modules[id_of(m)];
        mod.role = ModuleRole::Test;
        mod.role_reason = "all its files are test files (in test/ or tests/ folders, or named *_test, *_tests or "
                          "test_*)";
      }
  // Then the test files of the other modules join the gathered test module,
  // or the module named like it when that is a test module itself.
  ModuleId gather_into = gathered;
  for (size_t m = 0; m < decls.size(); ++m)
    if (infer_roles && decls[m]->name == kInferredTestModule && is_test(m)) gather_into = id_of(m);
  for (FileId f = 0; f < project.files.size(); ++f) {
    File& file = project.files[f];
    if (file.external || excluded[f]) continue;
    const size_t owner = owner_of[f];
    file.module = owner == SIZE_MAX ? kNoModule : id_of(owner);
    if (infer_roles && (owner == SIZE_MAX || !is_test(owner)) && is_test_path(file.path)) file.module = gather_into;
  }

  // Test modules left out: their files belong to no module (and are not
  // unowned), so nothing downstream sees them. The gathered test module
  // exists only when it holds a file. Module ids are renumbered.
  std::vector<size_t> file_count(project.modules.size(), 0);
  for (const File& file : project.files)
    if (!file.external && file.module != kNoModule) ++file_count[file.module];
  std::vector<ModuleId> renumber(project.modules.size(), kNoModule);
  {
    std::vector<Module> kept;
    for (size_t m = 0; m < project.modules.size(); ++m) {
      Module& mod = project.modules[m];
      if (!project.modules[m].decl && file_count[m] == 0) continue; // the gathered module, unused
      if (mod.role == ModuleRole::Test && !cfg.include_tests) {
        project.tests_left_out.push_back(mod.name);
        project.test_files_left_out += file_count[m];
        continue;
      }
      renumber[m] = static_cast<ModuleId>(kept.size());
      kept.push_back(std::move(mod));
    }
    project.modules = std::move(kept);
  }
  for (FileId f = 0; f < project.files.size(); ++f) {
    File& file = project.files[f];
    if (file.external) continue;
    if (file.module == kNoModule) {
      if (!excluded[f]) project.unowned.push_back(f);
      continue;
    }
    file.module = renumber[file.module];
    if (file.module != kNoModule) project.modules[file.module].files.push_back(f);
  }

  assign_symbols_and_refs(project);
  assign_components(project); // needs the modules: a component never spans two
  return ok;
}

void assign_symbols_and_refs(Project& project) {
  for (Symbol& s : project.symbols)
    s.module = s.owner == kNoFile ? kNoModule : project.files[s.owner].module;
}

std::string signature_params(const std::string& signature) {
  // The first '(' outside template arguments opens the parameters
  // ("std::function<void (int)> (bool)" -> "(bool)").
  int angle = 0;
  for (size_t i = 0; i < signature.size(); ++i) {
    char c = signature[i];
    if (c == '<') ++angle;
    if (c == '>' && angle > 0) --angle;
    if (c == '(' && angle == 0) return signature.substr(i);
  }
  return {};
}

} // namespace seam
