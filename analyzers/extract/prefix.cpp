// Planning the precompiled prefixes of a scan (see prefix.h): the textual
// scan of each TU's leading #includes, the choice of one prefix per compile
// command, and the PCH files kept in the fact cache across scans.
#include "analyzers/extract/prefix.h"

#include "analyzers/cache/codec.h"
#include "analyzers/core/output.h"
#include "analyzers/core/parallel.h"
#include "analyzers/core/paths.h"
#include "analyzers/extract/extract.h"


#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace seam {

PrefixPlan::~PrefixPlan() {
  if (temp_dir.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(temp_dir, ec);
}

namespace {

/// An #include as written: what identifies a prefix header before any parse.
struct Spelled {
  bool angled = false;
  std::string name;
  bool operator<(const Spelled& o) const { return std::tie(angled, name) < std::tie(o.angled, o.name); }
  bool operator==(const Spelled& o) const { return angled == o.angled && name == o.name; }
};

struct SearchDirs {
  std::vector<std::string> quoted, angled;   ///< -iquote; then -I, -isystem, -idirafter
};

SearchDirs search_dirs(const ExtractInput& in) {
  SearchDirs d;
  auto abs = [&](const std::string& p) { return p.empty() || p[0] == '/' ? p : in.directory + "/" + p; };
  std::vector<std::string> i, sys, after;
  const auto& a = in.arguments;
  for (size_t k = 1; k + 1 < a.size(); ++k) { // the last argument is the source
    const std::string& s = a[k];
    auto take = [&](const std::string& flag, std::vector<std::string>& list) {
      if (s == flag) {
        if (k + 2 < a.size()) list.push_back(abs(a[++k]));
        return true;
      }
      if (s.compare(0, flag.size(), flag) != 0) return false;
      list.push_back(abs(s.substr(flag.size())));
      return true;
    };
    if (take("-iquote", d.quoted) || take("-isystem", sys) || take("-idirafter", after) || take("-I", i)) continue;
  }
  d.angled = i;
  d.angled.insert(d.angled.end(), sys.begin(), sys.end());
  d.angled.insert(d.angled.end(), after.begin(), after.end());
  return d;
}

bool read_text(const ExtractInput& in, const std::string& path, std::string& out) {
  if (auto it = in.overlay.find(path); it != in.overlay.end()) {
    out = it->second;
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

bool exists(const ExtractInput& in, const std::string& path) {
  if (in.overlay.count(path)) return true;
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// The leading run of one TU: the external headers it includes before
/// anything else reaches the parser. Conservative: it stops at anything it
/// does not understand (the parse checks the run again: prefix_check.cpp).
class RunScanner {
public:
  /// `whole`: every external #include <...> of the TU's project files that no
  /// #if encloses, wherever it is (an any-order prefix), not the leading run.
  RunScanner(const ExtractInput& in, const std::string& root, bool whole = false)
      : in_(in), root_(root), dirs_(search_dirs(in)), whole_(whole) {}

  std::vector<Spelled> run() {
    scan(canonical_path(in_.main_file[0] == '/' ? in_.main_file : in_.directory + "/" + in_.main_file), 0);
    return run_;
  }

private:
  /// False when the run ends inside this file.
  bool scan(const std::string& path, int depth) {
    if (depth > 32 || !visited_.insert(path).second) return depth <= 32;
    std::string text;
    if (!read_text(in_, path, text)) return false;
    // Lines without comments (a block comment may span lines).
    std::vector<std::string> lines;
    {
      std::string cur;
      bool block = false;
      for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (block) {
          if (c == '*' && i + 1 < text.size() && text[i + 1] == '/') {
            block = false;
            ++i;
            cur += ' ';
          } else if (c == '\n') {
            lines.push_back(cur);
            cur.clear();
          }
          continue;
        }
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
          block = true;
          ++i;
          continue;
        }
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
          while (i < text.size() && text[i] != '\n') ++i;
          lines.push_back(cur);
          cur.clear();
          continue;
        }
        if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\n') { // continued line
          if (!whole_) return false;
          ++i;
          continue;
        }
        if (c == '\n') {
          lines.push_back(cur);
          cur.clear();
          continue;
        }
        cur += c;
      }
      if (block) return false;
      lines.push_back(cur);
    }
    if (whole_) return scan_whole(path, lines, depth);
    std::string guard;
    bool first_directive = true;
    for (size_t l = 0; l < lines.size(); ++l) {
      std::string s = trim(lines[l]);
      if (s.empty()) continue;
      if (s[0] != '#') return false;
      s = trim(s.substr(1));
      std::string word = s.substr(0, s.find_first_of(" \t<\""));
      std::string rest = trim(s.substr(word.size()));
      const bool was_first = first_directive;
      first_directive = false;
      if (word == "pragma" && rest == "once") continue;
      if (word == "ifndef" && was_first && guard_name(rest)) {
        guard = rest;
        continue;
      }
      if (word == "define" && !guard.empty() && rest == guard) {
        guard = "-"; // the guard is complete; another #define ends the run
        continue;
      }
      if (word != "include" || rest.size() < 2) return false;
      const bool angled = rest[0] == '<';
      const char close = angled ? '>' : '"';
      if (rest[0] != '<' && rest[0] != '"') return false;
      size_t end = rest.find(close, 1);
      if (end == std::string::npos || !trim(rest.substr(end + 1)).empty()) return false;
      Spelled inc{angled, rest.substr(1, end - 1)};
      std::string found = resolve(inc, path);
      std::string rel;
      if (!found.empty() && relative_to(found, root_, rel)) {
        if (!scan(found, depth + 1)) return false;
        continue;
      }
      // An external header by quotes may resolve beside its includer in a
      // parse and elsewhere in the prefix header: not part of a prefix.
      if (!angled) return false;
      if (std::find(run_.begin(), run_.end(), inc) == run_.end()) run_.push_back(inc);
    }
    return true;
  }

  /// The whole-file scan: #includes outside any #if (an include guard's
  /// #ifndef does not count), project headers followed.
  bool scan_whole(const std::string& path, const std::vector<std::string>& lines, int depth) {
    int level = 0;
    bool first_directive = true, guarded = false;
    for (const std::string& line : lines) {
      std::string s = trim(line);
      if (s.empty() || s[0] != '#') {
        if (!s.empty()) first_directive = false;
        continue;
      }
      s = trim(s.substr(1));
      std::string word = s.substr(0, s.find_first_of(" \t<\"("));
      std::string rest = trim(s.substr(word.size()));
      const bool was_first = first_directive;
      first_directive = false;
      if (word == "if" || word == "ifdef" || word == "ifndef") {
        if (word == "ifndef" && was_first && guard_name(rest)) guarded = true; // the guard: level 0 inside
        else ++level;
        continue;
      }
      if (word == "endif") {
        if (level > 0) --level;
        continue;
      }
      if (word != "include" || level > 0 || rest.size() < 2) continue;
      if (rest[0] != '<' && rest[0] != '"') continue;
      const bool angled = rest[0] == '<';
      size_t end = rest.find(angled ? '>' : '"', 1);
      if (end == std::string::npos) continue;
      Spelled inc{angled, rest.substr(1, end - 1)};
      std::string found = resolve(inc, path);
      std::string rel;
      if (!found.empty() && relative_to(found, root_, rel)) {
        if (!visited_.count(found) && depth < 32) scan(found, depth + 1);
        continue;
      }
      // Quoted externals resolve beside their includer: left to the parse.
      if (angled && std::find(run_.begin(), run_.end(), inc) == run_.end()) run_.push_back(inc);
    }
    (void)guarded;
    return true;
  }

  /// An include guard's name: not one that could steer a system header
  /// (reserved names such as _GNU_SOURCE, or NDEBUG).
  static bool guard_name(const std::string& n) {
    if (n.empty() || n[0] == '_' || n == "NDEBUG") return false;
    return std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  }

  std::string resolve(const Spelled& inc, const std::string& includer) {
    if (!inc.name.empty() && inc.name[0] == '/') return exists(in_, inc.name) ? canonical_path(inc.name) : "";
    std::vector<std::string> dirs;
    if (!inc.angled) {
      dirs.push_back(includer.substr(0, includer.rfind('/')));
      dirs.insert(dirs.end(), dirs_.quoted.begin(), dirs_.quoted.end());
    }
    dirs.insert(dirs.end(), dirs_.angled.begin(), dirs_.angled.end());
    for (const std::string& d : dirs) {
      std::string p = d + "/" + inc.name;
      if (exists(in_, p)) return canonical_path(p);
    }
    return "";
  }

  const ExtractInput& in_;
  const std::string& root_;
  SearchDirs dirs_;
  std::set<std::string> visited_;
  std::vector<Spelled> run_;
  bool whole_ = false;
};

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

/// The manifest beside a cached PCH: what it holds and the size and time of
/// every file it read when it was built (a changed header means a rebuild).
bool write_manifest(const std::string& path, const PrefixPch& p) {
  std::string text = "seam-prefix 2\n";
  for (size_t h = 0; h < p.headers.size(); ++h) {
    text += "H " + p.headers[h] + "\n";
    for (const std::string& file : p.files[h]) {
      struct stat st;
      if (::stat(file.c_str(), &st) != 0) return false;
      text += "F " + std::to_string(st.st_size) + " " +
              std::to_string(int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec) + " " + file + "\n";
    }
  }
  // The include tree (an any-order prefix replays it): files, then nodes.
  if (p.any_order) text += "A\n";
  for (size_t f = 0; f < p.tree_files.size(); ++f)
    text += "T " + std::to_string(p.first_node[f]) + " " + std::to_string(p.reentered[f]) + " " + p.tree_files[f] + "\n";
  for (const std::string& n : p.names) text += "W " + n + "\n";
  for (size_t f = 0; f < p.uses.size(); ++f) {
    if (p.uses[f].empty()) continue;
    text += "U " + std::to_string(f);
    for (uint32_t u : p.uses[f]) text += " " + std::to_string(u);
    text += "\n";
  }
  for (const PrefixPch::Node& n : p.nodes) {
    text += "N " + std::to_string(n.file) + " " + std::to_string(n.includes.size());
    for (const auto& [f, node] : n.includes) text += " " + std::to_string(f) + " " + std::to_string(node);
    text += "\n";
  }
  return replace_file(path, text, {.temp = "", .sync = false}) == 0; // a torn manifest only means a rebuild
}

bool read_fresh_manifest(const std::string& path, PrefixPch& p) {
  std::ifstream f(path, std::ios::binary);
  std::string line;
  if (!std::getline(f, line) || line != "seam-prefix 2") return false;
  while (std::getline(f, line)) {
    if (line == "A") {
      p.any_order = true;
      continue;
    }
    if (line.rfind("T ", 0) == 0) {
      std::istringstream s(line.substr(2));
      uint32_t first = 0;
      int re = 0;
      std::string file;
      if (!(s >> first >> re)) return false;
      std::getline(s, file);
      p.first_node.push_back(first);
      p.reentered.push_back(static_cast<uint8_t>(re));
      p.tree_files.push_back(file.empty() ? file : file.substr(1));
      continue;
    }
    if (line.rfind("W ", 0) == 0) {
      p.names.push_back(line.substr(2));
      continue;
    }
    if (line.rfind("U ", 0) == 0) {
      std::istringstream s(line.substr(2));
      size_t f = 0;
      if (!(s >> f) || f >= p.tree_files.size()) return false;
      p.uses.resize(p.tree_files.size());
      for (uint32_t u = 0; s >> u;) {
        if (u >= p.names.size()) return false;
        p.uses[f].push_back(u);
      }
      continue;
    }
    if (line.rfind("N ", 0) == 0) {
      std::istringstream s(line.substr(2));
      PrefixPch::Node n;
      size_t count = 0;
      if (!(s >> n.file >> count) || n.file >= p.tree_files.size()) return false;
      for (size_t k = 0; k < count; ++k) {
        uint32_t f = 0, node = 0;
        if (!(s >> f >> node) || f >= p.tree_files.size()) return false;
        n.includes.emplace_back(f, node);
      }
      p.nodes.push_back(std::move(n));
      continue;
    }
    if (line.rfind("H ", 0) == 0) {
      p.headers.push_back(line.substr(2));
      p.files.emplace_back();
      continue;
    }
    std::istringstream s(line);
    std::string tag, file;
    long long size = 0, mtime = 0;
    if (!(s >> tag >> size >> mtime) || tag != "F" || p.files.empty()) return false;
    std::getline(s, file);
    file = file.empty() ? file : file.substr(1);
    struct stat st;
    if (::stat(file.c_str(), &st) != 0 || st.st_size != size ||
        int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec != mtime)
      return false;
    p.files.back().push_back(file);
  }
  for (const PrefixPch::Node& n : p.nodes)
    for (const auto& inc : n.includes)
      if (inc.second >= p.nodes.size()) return false;
  for (uint32_t first : p.first_node)
    if (first >= p.nodes.size()) return false;
  p.uses.resize(p.tree_files.size());
  return !p.headers.empty() && !p.nodes.empty();
}

} // namespace

void plan_prefixes(const std::vector<const ExtractInput*>& tus, const std::string& root, const std::string& dir_in,
                   unsigned jobs, PrefixPlan& out, PrefixMode mode) {
  const bool any_order = mode == PrefixMode::AnyOrder;
  out.of_tu.assign(tus.size(), nullptr);
  // 1. Group by command: the arguments but the source file (the last one).
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < tus.size(); ++i) {
    const ExtractInput& in = *tus[i];
    if (in.arguments.size() < 2) {
      ++out.alone;
      continue;
    }
    // A forced include (-include, -imacros) comes before any prefix.
    if (std::any_of(in.arguments.begin(), in.arguments.end(), [](const std::string& a) {
          return a.rfind("-include", 0) == 0 || a.rfind("-imacros", 0) == 0;
        })) {
      ++out.forced;
      continue;
    }
    std::string key = in.directory;
    for (size_t a = 0; a + 1 < in.arguments.size(); ++a) key += '\0' + in.arguments[a];
    groups[key].push_back(i);
  }
  // 2. Each TU's run; per group the prefix of a run that most TUs share,
  // weighed by its length (header parses saved); then, among the TUs left,
  // the next one, while two TUs share one. Real projects start each TU with
  // its own header, whose external #includes differ from one to the next:
  // one prefix per command would leave most of them without.
  struct Choice {
    std::string key;
    size_t example = 0;                ///< a TU of the group (its arguments build the PCH)
    std::vector<Spelled> prefix;
    std::vector<size_t> users;
  };
  std::vector<Choice> choices;
  for (auto& [key, members] : groups) {
    if (members.size() < 2) {
      ++out.alone;
      continue;
    }
    std::vector<std::vector<Spelled>> runs;
    for (size_t i : members) runs.push_back(RunScanner(*tus[i], root, any_order).run());
    if (any_order) {
      // One PCH of every external header the command's TUs include, in the
      // order they first appear; a TU reads them in its own order after it.
      Choice ch;
      ch.key = key;
      std::set<Spelled> seen;
      for (size_t m = 0; m < members.size(); ++m) {
        if (runs[m].empty()) {
          ++out.no_include;
          continue;
        }
        for (const Spelled& sp : runs[m])
          if (seen.insert(sp).second) ch.prefix.push_back(sp);
        ch.users.push_back(members[m]);
      }
      if (ch.users.size() < 2) {
        out.unshared += ch.users.size();
        continue;
      }
      ch.example = ch.users.front();
      choices.push_back(std::move(ch));
      continue;
    }
    std::vector<uint8_t> taken(members.size(), 0);
    for (size_t m = 0; m < members.size(); ++m)
      if (runs[m].empty()) {
        ++out.no_run;
        taken[m] = 1;
      }
    // A PCH costs one parse of its headers and its size on disk (MBs): the
    // first needs two TUs, the next ones four, and a command gets at most
    // kMaxPerCommand.
    constexpr size_t kMaxPerCommand = 32;
    for (size_t made = 0; made < kMaxPerCommand; ++made) {
      const size_t min_users = made == 0 ? 2 : 4;
      std::map<std::vector<Spelled>, size_t> count;
      for (size_t m = 0; m < members.size(); ++m)
        if (!taken[m])
          for (size_t n = 1; n <= runs[m].size(); ++n) ++count[std::vector<Spelled>(runs[m].begin(), runs[m].begin() + n)];
      const std::vector<Spelled>* best = nullptr;
      size_t best_score = 0;
      for (const auto& [p, c] : count)
        if (c >= min_users && p.size() * c > best_score) {
          best_score = p.size() * c;
          best = &p;
        }
      if (!best) break;
      Choice ch;
      ch.key = key;
      ch.prefix = *best;
      for (size_t m = 0; m < members.size(); ++m)
        if (!taken[m] && runs[m].size() >= best->size() && std::equal(best->begin(), best->end(), runs[m].begin())) {
          ch.users.push_back(members[m]);
          taken[m] = 1;
        }
      ch.example = ch.users.front();
      choices.push_back(std::move(ch));
    }
    for (size_t m = 0; m < members.size(); ++m) out.unshared += !taken[m];
  }
  if (choices.empty()) return;

  // 3. The PCHs: from the cache when every header they read is unchanged,
  // else built (in parallel, one per job).
  std::string dir = dir_in;
  if (dir.empty()) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "seam-prefix-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      out.warnings.push_back("cannot create a temporary folder for precompiled prefixes; every TU is parsed whole");
      return;
    }
    dir = out.temp_dir = tmpl;
  } else {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
  }
  std::vector<std::unique_ptr<PrefixPch>> pchs(choices.size());
  std::vector<std::string> why(choices.size());
  std::vector<uint8_t> reused(choices.size(), 0);
  // One PCH per job at a time, on the one thread pool.
  parallel_for(choices.size(), jobs, [&](size_t c) {
    const Choice& ch = choices[c];
    std::string id = ch.key;
    id += '\0' + clang_full_version();
    if (any_order) id += std::string("\0any-order", 10);
    for (const Spelled& s : ch.prefix) id += std::string("\0", 1) + (s.angled ? "<" : "\"") + s.name;
    const std::string base = dir + "/" + hex(fast_hash(id));
    auto p = std::make_unique<PrefixPch>();
    p->pch = base + ".pch";
    if (read_fresh_manifest(base + ".list", *p) && p->any_order == any_order && exists(*tus[ch.example], p->pch)) {
      reused[c] = 1;
      pchs[c] = std::move(p);
      return;
    }
    // Written under a temporary name, renamed when whole: a concurrent
    // scan never loads half a PCH.
    const std::string tmp_pch = base + ".pch.tmp." + std::to_string(::getpid()) + "." + std::to_string(c);
    const std::string header = base + ".prefix.cpp";
    std::vector<Spelled> prefix = ch.prefix;
    // An any-order prefix holds headers some TU includes where a plain parse
    // may never go (under an #if the textual scan cannot evaluate, from a
    // header only such a TU reads): one that fails to build is left out, and
    // the TUs that do read it parse it themselves. Up to 8 are left out.
    for (int attempt = 0;; ++attempt) {
      p = std::make_unique<PrefixPch>();
      std::string header_text = "// seam: the precompiled prefix of " + std::to_string(ch.users.size()) + " TUs\n";
      for (const Spelled& s : prefix)
        header_text += "#include " + (s.angled ? "<" + s.name + ">" : "\"" + s.name + "\"") + "\n";
      if (replace_file(header, header_text, {.temp = "", .sync = false}) != 0) {
        why[c] = "cannot write " + header;
        return;
      }
      std::vector<std::string> args = tus[ch.example]->arguments;
      args.back() = header;
      p->pch = tmp_pch;
      std::string failed;
      if (build_prefix_pch(args, tus[ch.example]->directory, header, root, *p, failed)) break;
      std::remove(tmp_pch.c_str());
      // Line 1 is the comment, line 2 the first #include.
      const size_t drop = p->failed_line >= 2 ? p->failed_line - 2 : prefix.size();
      if (!any_order || attempt == 8 || drop >= prefix.size() || prefix.size() == 1) {
        why[c] = failed;
        return;
      }
      prefix.erase(prefix.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    if (p->headers.size() != prefix.size()) {
      why[c] = "the prefix header read " + std::to_string(p->headers.size()) + " headers, not " +
               std::to_string(prefix.size());
      std::remove(tmp_pch.c_str());
      return;
    }
    p->any_order = any_order;
    p->pch = base + ".pch";
    if (std::rename(tmp_pch.c_str(), p->pch.c_str()) != 0 || !write_manifest(base + ".list", *p)) {
      why[c] = "cannot write " + p->pch;
      return;
    }
    pchs[c] = std::move(p);
  });
  for (size_t c = 0; c < choices.size(); ++c) {
    if (!pchs[c]) {
      // Not an error: those TUs are parsed whole, as without a prefix.
      if (!why[c].empty()) out.warnings.push_back("precompiled prefix not built (" + why[c] + "); its TUs are parsed whole");
      out.unbuilt += choices[c].users.size();
      continue;
    }
    (reused[c] ? out.reused : out.built) += 1;
    size_t files = 0;
    for (const auto& f : pchs[c]->files) files += f.size();
    out.saved += files * (choices[c].users.size() - (reused[c] ? 0 : 1));
    for (size_t u : choices[c].users) out.of_tu[u] = pchs[c].get();
    out.pchs.push_back(std::move(pchs[c]));
  }
}

} // namespace seam
