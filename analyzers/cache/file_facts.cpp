#include "analyzers/cache/file_facts.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace seam {
namespace {

/// Builds the shard of one file from its TU's facts.
class ShardBuilder {
public:
  ShardBuilder(const TuFacts& tu, const SplitInfo& info, uint32_t file,
               const std::vector<std::vector<std::pair<uint32_t, Loc>>>& sites_by_symbol)
      : tu_(tu), info_(info), file_(file), sites_(sites_by_symbol) {
    out_.files.push_back(tu.files[file]);
    local_file_.emplace(file, 0);
  }

  void add_symbol_if_here(uint32_t s) {
    const SymbolFact& sym = tu_.symbols[s];
    if (sym.def.valid() && sym.def.file == file_) {
      entry(s);
      return;
    }
    for (const auto& [f, loc] : sites_[s])
      if (f == file_) {
        entry(s);
        return;
      }
  }

  void add_ref(const RefFact& r) {
    RefFact out = r;
    out.site.file = 0;
    out.target = entry(r.target);
    out.from = r.from == kNoSymbol ? kNoSymbol : entry(r.from);
    out_.refs.push_back(out);
  }

  void add_include(const IncludeFact& inc) {
    IncludeFact out = inc;
    out.site.file = 0;
    out.included = inc.included == kNoFile ? kNoFile : local_file(inc.included);
    out_.includes.push_back(std::move(out));
  }

  TuFacts take() { return std::move(out_); }

private:
  uint32_t local_file(uint32_t f) {
    auto [it, fresh] = local_file_.emplace(f, static_cast<uint32_t>(out_.files.size()));
    if (fresh) {
      FileFact ff;
      ff.path = tu_.files[f].path;
      ff.external = tu_.files[f].external;
      out_.files.push_back(std::move(ff));
    }
    return it->second;
  }

  Loc map(Loc l) {
    if (l.valid()) l.file = local_file(l.file);
    return l;
  }

  uint32_t entry(uint32_t s) {
    auto [it, fresh] = local_symbol_.emplace(s, static_cast<uint32_t>(out_.symbols.size()));
    if (!fresh) return it->second;
    SymbolFact e = tu_.symbols[s];
    const bool canonical = e.decl.valid() && !(s < info_.decl_from_site.size() && info_.decl_from_site[s]);
    if (!canonical) {
      // The TU's own declaration is outside the project: this file's first
      // declaration site stands in, as every file's would.
      e.decl = Loc{};
      for (const auto& [f, loc] : sites_[s])
        if (f == file_ && (!e.decl.valid() || std::tie(loc.line, loc.column) < std::tie(e.decl.line, e.decl.column)))
          e.decl = loc;
    }
    e.decl = map(e.decl);
    if (e.def.valid() && e.def.file == file_) {
      e.def = map(e.def);
    } else {
      // Only the file holding the definition speaks for it.
      e.def = Loc{};
      e.bases.clear();
      e.is_abstract = e.is_polymorphic = e.is_aggregate = false;
    }
    out_.symbols.push_back(std::move(e));
    return it->second;
  }

  const TuFacts& tu_;
  const SplitInfo& info_;
  uint32_t file_;
  const std::vector<std::vector<std::pair<uint32_t, Loc>>>& sites_;
  TuFacts out_;
  std::unordered_map<uint32_t, uint32_t> local_file_;
  std::unordered_map<uint32_t, uint32_t> local_symbol_;
};

} // namespace

void canonicalize(TuFacts& shard) {
  if (shard.files.empty()) return;
  // Symbols by USR; one entry per USR (the one with a definition, else the first).
  std::vector<uint32_t> order(shard.symbols.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return shard.symbols[a].usr < shard.symbols[b].usr; });
  std::vector<uint32_t> snew(shard.symbols.size(), kNoSymbol);
  std::vector<SymbolFact> symbols;
  for (uint32_t old : order) {
    if (!symbols.empty() && symbols.back().usr == shard.symbols[old].usr) {
      if (!symbols.back().def.valid() && shard.symbols[old].def.valid()) symbols.back() = std::move(shard.symbols[old]);
      snew[old] = static_cast<uint32_t>(symbols.size() - 1);
      continue;
    }
    snew[old] = static_cast<uint32_t>(symbols.size());
    symbols.push_back(std::move(shard.symbols[old]));
  }
  shard.symbols = std::move(symbols);
  for (RefFact& r : shard.refs) {
    r.target = snew[r.target];
    if (r.from != kNoSymbol) r.from = snew[r.from];
  }

  // Files: the shard's own first, then the files it names, by path; unused ones dropped.
  std::vector<uint8_t> used(shard.files.size(), 0);
  used[0] = 1;
  for (const SymbolFact& s : shard.symbols) {
    if (s.decl.valid()) used[s.decl.file] = 1;
    if (s.def.valid()) used[s.def.file] = 1;
  }
  for (const RefFact& r : shard.refs) used[r.site.file] = 1;
  for (const IncludeFact& i : shard.includes) {
    used[i.site.file] = 1;
    if (i.included != kNoFile) used[i.included] = 1;
  }
  std::vector<uint32_t> forder;
  for (uint32_t f = 1; f < shard.files.size(); ++f)
    if (used[f]) forder.push_back(f);
  std::sort(forder.begin(), forder.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(shard.files[a].path, shard.files[a].external) < std::tie(shard.files[b].path, shard.files[b].external);
  });
  std::vector<uint32_t> fnew(shard.files.size(), kNoFile);
  std::vector<FileFact> files{std::move(shard.files[0])};
  fnew[0] = 0;
  for (uint32_t f : forder) {
    fnew[f] = static_cast<uint32_t>(files.size());
    files.push_back(std::move(shard.files[f]));
  }
  shard.files = std::move(files);
  auto remap = [&](Loc& l) {
    if (l.valid()) l.file = fnew[l.file];
  };
  for (SymbolFact& s : shard.symbols) {
    remap(s.decl);
    remap(s.def);
  }
  for (RefFact& r : shard.refs) remap(r.site);
  for (IncludeFact& i : shard.includes) {
    remap(i.site);
    if (i.included != kNoFile) i.included = fnew[i.included];
  }

  auto ref_key = [](const RefFact& r) {
    return std::make_tuple(r.site.file, r.site.line, r.site.column, r.target, r.kind, r.from, r.in_loop);
  };
  std::sort(shard.refs.begin(), shard.refs.end(),
            [&](const RefFact& a, const RefFact& b) { return ref_key(a) < ref_key(b); });
  shard.refs.erase(std::unique(shard.refs.begin(), shard.refs.end(),
                               [&](const RefFact& a, const RefFact& b) { return ref_key(a) == ref_key(b); }),
                   shard.refs.end());
  auto inc_key = [](const IncludeFact& i) {
    return std::tie(i.site.file, i.site.line, i.site.column, i.spelled, i.included, i.angled);
  };
  std::sort(shard.includes.begin(), shard.includes.end(),
            [&](const IncludeFact& a, const IncludeFact& b) { return inc_key(a) < inc_key(b); });
  shard.includes.erase(std::unique(shard.includes.begin(), shard.includes.end(),
                                   [&](const IncludeFact& a, const IncludeFact& b) { return inc_key(a) == inc_key(b); }),
                       shard.includes.end());
}

std::vector<FileShard> split_tu(const TuFacts& tu, const SplitInfo& info, const TuId& producer) {
  std::vector<int32_t> builder_of(tu.files.size(), -1);
  std::vector<ShardBuilder> builders;
  std::vector<std::vector<std::pair<uint32_t, Loc>>> sites(tu.symbols.size());
  for (const auto& [s, loc] : info.decl_sites)
    if (s < sites.size() && loc.valid() && loc.file < tu.files.size()) sites[s].emplace_back(loc.file, loc);
  for (uint32_t f = 0; f < tu.files.size(); ++f) {
    if (tu.files[f].external || f >= info.indexed.size() || !info.indexed[f]) continue;
    builder_of[f] = static_cast<int32_t>(builders.size());
    builders.emplace_back(tu, info, f, sites);
  }
  auto builder = [&](const Loc& l) -> ShardBuilder* {
    if (!l.valid() || l.file >= builder_of.size() || builder_of[l.file] < 0) return nullptr;
    return &builders[builder_of[l.file]];
  };
  for (uint32_t s = 0; s < tu.symbols.size(); ++s) {
    if (ShardBuilder* b = builder(tu.symbols[s].def)) b->add_symbol_if_here(s);
    for (const auto& [f, loc] : sites[s])
      if (ShardBuilder* b = builder(loc)) b->add_symbol_if_here(s);
  }
  for (const RefFact& r : tu.refs)
    if (r.target != kNoSymbol)
      if (ShardBuilder* b = builder(r.site)) b->add_ref(r);
  for (const IncludeFact& i : tu.includes)
    if (ShardBuilder* b = builder(i.site)) b->add_include(i);

  std::vector<FileShard> out;
  out.reserve(builders.size());
  for (ShardBuilder& b : builders) {
    FileShard s;
    s.producer = producer;
    s.facts = b.take();
    canonicalize(s.facts);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const FileShard& a, const FileShard& b) { return a.path() < b.path(); });
  return out;
}

std::unordered_map<std::string, size_t> file_owners(const std::vector<const TuRecord*>& records) {
  std::unordered_map<std::string, size_t> owner;
  for (size_t i = 0; i < records.size(); ++i)
    for (const FileStamp& st : records[i]->files)
      if (!st.external) owner.emplace(st.path, i);
  return owner;
}

TuAssembler::TuAssembler(const TuRecord& rec) {
  tu_.main_file = rec.id.main_file;
  tu_.ok = rec.ok;
  tu_.first_error = rec.first_error;
  tu_.error_count = rec.error_count;
  for (const FileStamp& st : rec.files) {
    FileFact f;
    f.path = st.path;
    f.external = st.external;
    f.lines = st.external ? 0 : st.lines;
    f.hash = st.external ? 0 : st.hash;
    if (index_.emplace(f.path, static_cast<uint32_t>(tu_.files.size())).second) tu_.files.push_back(std::move(f));
  }
}

void TuAssembler::add(const FileShard& shard) {
  const TuFacts& s = shard.facts;
  std::vector<uint32_t> fmap(s.files.size());
  for (size_t f = 0; f < s.files.size(); ++f) {
    auto [it, fresh] = index_.emplace(s.files[f].path, static_cast<uint32_t>(tu_.files.size()));
    if (fresh) {
      FileFact ff;
      ff.path = s.files[f].path;
      ff.external = s.files[f].external;
      tu_.files.push_back(std::move(ff));
    }
    fmap[f] = it->second;
  }
  auto map = [&](Loc l) {
    if (l.valid()) l.file = fmap[l.file];
    return l;
  };
  const uint32_t base = static_cast<uint32_t>(tu_.symbols.size());
  for (const SymbolFact& sym : s.symbols) {
    tu_.symbols.push_back(sym);
    tu_.symbols.back().decl = map(sym.decl);
    tu_.symbols.back().def = map(sym.def);
  }
  for (const RefFact& r : s.refs) {
    RefFact o = r;
    o.site = map(r.site);
    o.target = base + r.target;
    if (r.from != kNoSymbol) o.from = base + r.from;
    tu_.refs.push_back(o);
  }
  for (const IncludeFact& inc : s.includes) {
    IncludeFact o = inc;
    o.site = map(inc.site);
    if (inc.included != kNoFile) o.included = fmap[inc.included];
    tu_.includes.push_back(std::move(o));
  }
}

std::vector<TuFacts> assemble(const std::vector<const TuRecord*>& records,
                              const std::map<std::string, const FileShard*>& shards) {
  const std::unordered_map<std::string, size_t> owner = file_owners(records);
  std::vector<std::vector<const FileShard*>> owned(records.size());
  for (const auto& [path, shard] : shards) {
    auto it = owner.find(path);
    if (it != owner.end() && shard) owned[it->second].push_back(shard); // path order
  }
  std::vector<TuFacts> out;
  out.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    TuAssembler a(*records[i]);
    for (const FileShard* shard : owned[i]) a.add(*shard);
    out.push_back(a.take());
  }
  return out;
}

} // namespace seam
