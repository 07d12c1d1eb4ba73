// seam-model-bench: the stages after extraction on a synthetic fact set of
// 1 million references and 300 modules (size 1), and 2x and 4x that (sizes 2,
// 4: twice and four times the files, symbols, references and modules), to
// show how each stage grows with the project. No Clang: facts are made here.
//
//   cmake --build build --target seam-model-bench && build/bench/seam-model-bench
//
// Stages: build_project (merge + modules), module graph, interfaces, cycles
// (module, component and file graphs), metrics, rules (check), candidates,
// and the warm-run path of the fact cache (decode every shard, assemble).
#include "analyzers/cache/codec.h"
#include "analyzers/cache/file_facts.h"
#include "analyzers/candidates/candidates.h"
#include "analyzers/graph/cycles.h"
#include "analyzers/graph/module_graph.h"
#include "analyzers/metrics/module_metrics.h"
#include "analyzers/model/interface.h"
#include "analyzers/model/model.h"
#include "analyzers/rules/rules.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>

namespace seam {
namespace {

constexpr int kModules = 300;          // at size 1
constexpr int kUnitsPerModule = 10;    // header + source pairs
constexpr int kSymbolsPerHeader = 20;
constexpr int kRefsPerTu = 1000000 / (kModules * kUnitsPerModule); // 1M references at size 1
constexpr int kLayers = 10;

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
};

std::string module_name(int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "m%04d", m);
  return buf;
}
std::string unit_path(int m, int u, const char* ext) {
  return "src/" + module_name(m) + "/unit" + std::to_string(u) + ext;
}
std::string symbol_usr(int m, int u, int k) {
  return "c:@N@" + module_name(m) + "@F@u" + std::to_string(u) + "_f" + std::to_string(k) + "#I#";
}

/// The facts of every TU of a layered monolith: module m depends on a few
/// modules of lower layers (higher index), and one module in 30 on a higher
/// one (cycles). Each TU (unit source) includes its own header and the headers
/// it calls into, and holds kRefsPerTu references (calls, reads, type uses).
struct Synthetic {
  int modules = 0;
  std::vector<TuFacts> tus;
  Config config;
};

const Synthetic& synthetic(int size) {
  static std::map<int, std::unique_ptr<Synthetic>> cache;
  auto& slot = cache[size];
  if (slot) return *slot;
  slot = std::make_unique<Synthetic>();
  Synthetic& syn = *slot;
  const int modules = kModules * size;
  syn.modules = modules;
  Rng rng{static_cast<uint64_t>(size) * 7919};
  std::vector<std::vector<int>> deps(modules);
  for (int m = 0; m < modules; ++m) {
    const int layer = m * kLayers / modules;
    for (int k = 0; k < 4; ++k) {
      int lo = (layer + 1) * modules / kLayers;
      if (lo >= modules) break;
      deps[m].push_back(lo + static_cast<int>(rng.below(static_cast<uint32_t>(modules - lo))));
    }
    if (m % 30 == 29 && m > 0) deps[m].push_back(static_cast<int>(rng.below(static_cast<uint32_t>(m)))); // upward: cycles
    deps[m].push_back(m); // and itself
  }
  const RefKind kinds[] = {RefKind::Call, RefKind::Call, RefKind::TypeUse, RefKind::Read, RefKind::MemberAccess};
  for (int m = 0; m < modules; ++m)
    for (int u = 0; u < kUnitsPerModule; ++u) {
      TuFacts tu;
      tu.main_file = unit_path(m, u, ".cpp");
      std::map<std::string, uint32_t> file_index;
      auto file = [&](const std::string& path) {
        auto [it, fresh] = file_index.emplace(path, static_cast<uint32_t>(tu.files.size()));
        if (fresh) tu.files.push_back(FileFact{path, false, 120, std::hash<std::string>{}(path)});
        return it->second;
      };
      std::map<std::string, uint32_t> symbol_index;
      auto symbol = [&](int sm, int su, int k) {
        std::string usr = symbol_usr(sm, su, k);
        auto [it, fresh] = symbol_index.emplace(usr, static_cast<uint32_t>(tu.symbols.size()));
        if (fresh) {
          SymbolFact s;
          s.usr = usr;
          s.name = module_name(sm) + "::u" + std::to_string(su) + "_f" + std::to_string(k);
          s.kind = SymbolKind::Function;
          s.decl = Loc{file(unit_path(sm, su, ".h")), static_cast<uint32_t>(3 + k), 5};
          if (sm == m && su == u) s.def = Loc{file(unit_path(sm, su, ".cpp")), static_cast<uint32_t>(10 + 5 * k), 5};
          s.signature = "int (int)";
          s.result.spelling = "int";
          s.result.shape = TypeShape::Int;
          s.result.bits = 32;
          s.params = {Param{"v", s.result}};
          tu.symbols.push_back(std::move(s));
        }
        return it->second;
      };
      const uint32_t main = file(tu.main_file);
      const uint32_t own_header = file(unit_path(m, u, ".h"));
      tu.includes.push_back(IncludeFact{Loc{main, 1, 1}, own_header, module_name(m) + "/unit" + std::to_string(u) + ".h", false});
      for (int k = 0; k < kSymbolsPerHeader; ++k) symbol(m, u, k);
      std::map<uint32_t, bool> included;
      for (int r = 0; r < kRefsPerTu; ++r) {
        int dm = deps[m][rng.below(static_cast<uint32_t>(deps[m].size()))];
        int du = static_cast<int>(rng.below(kUnitsPerModule));
        uint32_t target = symbol(dm, du, static_cast<int>(rng.below(kSymbolsPerHeader)));
        uint32_t header = file(unit_path(dm, du, ".h"));
        if (!included[header]) {
          included[header] = true;
          tu.includes.push_back(IncludeFact{Loc{main, static_cast<uint32_t>(2 + included.size()), 1}, header,
                                            module_name(dm) + "/unit" + std::to_string(du) + ".h", false});
        }
        RefFact ref;
        ref.site = Loc{main, static_cast<uint32_t>(40 + r / 4), static_cast<uint32_t>(5 + 10 * (r % 4))};
        ref.target = target;
        ref.from = symbol(m, u, r % kSymbolsPerHeader);
        ref.kind = kinds[r % 5];
        ref.in_loop = r % 7 == 0;
        tu.refs.push_back(ref);
      }
      syn.tus.push_back(std::move(tu));
    }
  syn.config.root = "/synthetic";
  for (int l = 0; l < kLayers; ++l) syn.config.layers.push_back("L" + std::to_string(l));
  for (int m = 0; m < modules; ++m) {
    ModuleDecl d;
    d.name = module_name(m);
    d.paths = {"src/" + d.name + "/**"};
    d.layer = "L" + std::to_string(m * kLayers / modules);
    syn.config.modules.push_back(std::move(d));
  }
  return syn;
}

const Project& project(int size) {
  static std::map<int, std::unique_ptr<Project>> cache;
  auto& slot = cache[size];
  if (!slot) {
    slot = std::make_unique<Project>();
    const Synthetic& syn = synthetic(size);
    std::vector<std::string> errors, warnings;
    build_project(std::vector<TuFacts>(syn.tus), syn.config, *slot, errors, warnings);
  }
  return *slot;
}

void counters(benchmark::State& state, const Project& p) {
  state.counters["refs"] = static_cast<double>(p.refs.size());
  state.counters["modules"] = static_cast<double>(p.modules.size());
  state.counters["files"] = static_cast<double>(p.files.size());
}

void BM_BuildProject(benchmark::State& state) {
  const Synthetic& syn = synthetic(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<TuFacts> tus = syn.tus;
    Project p;
    std::vector<std::string> errors, warnings;
    state.ResumeTiming();
    build_project(std::move(tus), syn.config, p, errors, warnings);
    benchmark::DoNotOptimize(p.refs.data());
    state.PauseTiming();
    counters(state, p);
    { Project drop = std::move(p); }
    state.ResumeTiming();
  }
}

void BM_ModuleGraph(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(build_module_graph(p).edges.size());
  counters(state, p);
}

void BM_Interfaces(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(all_interfaces(p).size());
  counters(state, p);
}

void BM_Cycles(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(find_project_cycles(p).module_cycles.size());
  counters(state, p);
}

void BM_Metrics(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  ModuleGraph g = build_module_graph(p);
  for (auto _ : state) benchmark::DoNotOptimize(compute_metrics(p, g));
  counters(state, p);
}

void BM_Check(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  ModuleGraph g = build_module_graph(p);
  for (auto _ : state) benchmark::DoNotOptimize(evaluate_rules(p, g, RuleInputs{}).violations.size());
  counters(state, p);
}

void BM_Candidates(benchmark::State& state) {
  const Project& p = project(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    CandidateContext ctx(p);
    benchmark::DoNotOptimize(rank_modules(ctx).modules.size());
  }
  counters(state, p);
}

/// A warm run after the cache look-up: decode every file shard and every TU
/// record, assemble the facts, build the project.
void BM_CacheWarmAssemble(benchmark::State& state) {
  const Synthetic& syn = synthetic(static_cast<int>(state.range(0)));
  std::vector<std::string> shard_bytes, record_bytes;
  std::map<std::string, bool> seen;
  for (size_t i = 0; i < syn.tus.size(); ++i) {
    const TuFacts& tu = syn.tus[i];
    SplitInfo info;
    info.indexed.assign(tu.files.size(), 0);
    info.indexed[0] = 1; // the source; headers hold no sites here
    info.decl_from_site.assign(tu.symbols.size(), 0);
    for (const FileShard& s : split_tu(tu, info, TuId{tu.main_file, i})) shard_bytes.push_back(encode_shard(s));
    TuRecord r;
    r.id = TuId{tu.main_file, i};
    for (const FileFact& f : tu.files) r.files.push_back(FileStamp{f.path, false, f.lines, f.hash, 100, 1});
    r.key_text = "k" + std::to_string(i);
    r.id.key = fast_hash(r.key_text);
    record_bytes.push_back(encode_record(r));
  }
  size_t bytes = 0;
  for (const std::string& b : shard_bytes) bytes += b.size();
  for (const std::string& b : record_bytes) bytes += b.size();
  for (auto _ : state) {
    std::vector<FileShard> shards(shard_bytes.size());
    std::vector<TuRecord> records(record_bytes.size());
    std::string err;
    for (size_t i = 0; i < shard_bytes.size(); ++i) decode_shard(shard_bytes[i], shards[i], err);
    for (size_t i = 0; i < record_bytes.size(); ++i) decode_record(record_bytes[i], records[i], err);
    std::map<std::string, const FileShard*> by_path;
    for (const FileShard& s : shards) by_path[s.path()] = &s;
    std::vector<const TuRecord*> order;
    for (const TuRecord& r : records) order.push_back(&r);
    std::vector<TuFacts> tus = assemble(order, by_path);
    Project p;
    std::vector<std::string> errors, warnings;
    build_project(std::move(tus), syn.config, p, errors, warnings);
    benchmark::DoNotOptimize(p.refs.size());
    state.counters["refs"] = static_cast<double>(p.refs.size());
  }
  state.counters["cache_MB"] = static_cast<double>(bytes) / (1 << 20);
}

#define SIZES ->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(BM_BuildProject) SIZES->Iterations(2);
BENCHMARK(BM_ModuleGraph) SIZES;
BENCHMARK(BM_Interfaces) SIZES;
BENCHMARK(BM_Cycles) SIZES;
BENCHMARK(BM_Metrics) SIZES;
BENCHMARK(BM_Check) SIZES;
BENCHMARK(BM_Candidates) SIZES->Iterations(1);
BENCHMARK(BM_CacheWarmAssemble) SIZES->Iterations(1);

} // namespace
} // namespace seam

BENCHMARK_MAIN();
