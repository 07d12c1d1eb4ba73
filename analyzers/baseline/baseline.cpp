#include "analyzers/baseline/baseline.h"

#include "analyzers/config/jsonc.h"
#include "analyzers/core/output.h"
#include "analyzers/rules/rule_info.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace seam {

namespace {

/// One JSON value on one line. A path or name that is not valid UTF-8 (a
/// Latin-1 file name) gets U+FFFD instead of an exception that ends seam.
template <typename Json>
std::string one_line(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// The key fields of a violation, in a fixed order, as one JSON line.
std::string entry_line(const Violation& v) {
  nlohmann::ordered_json j;
  j["rule"] = v.rule;
  if (v.rule == "cycle") {
    if (!v.cycle.empty())
      j["cycle"] = v.cycle;
    else
      j["members"] = v.members; // an entry read from an older baseline, kept as it was
    return one_line(j);
  }
  if (!v.from.empty()) j["from"] = v.from;
  if (!v.to.empty()) j["to"] = v.to;
  if (v.rule == "unused-allowance") return one_line(j);
  if (!v.file.empty()) j["file"] = v.file;
  if (!v.symbol.empty())
    j["symbol"] = v.symbol;
  else if (!v.header.empty())
    j["header"] = v.header;
  return one_line(j);
}

/// Only the fields the key reads.
Violation key_fields(const Violation& v) {
  Violation k;
  k.rule = v.rule;
  k.members = v.members;
  k.cycle = v.cycle;
  if (v.rule != "cycle") {
    k.from = v.from;
    k.to = v.to;
  }
  if (v.rule != "cycle" && v.rule != "unused-allowance") {
    k.file = v.file;
    k.symbol = v.symbol;
    if (v.symbol.empty()) k.header = v.header;
  }
  if (v.rule == "interface-growth") {
    k.from.clear();
    k.file.clear();
  }
  return k;
}

std::string pos_prefix(const std::string& path, jsonc::Pos p) {
  return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": error: ";
}

} // namespace

Baseline make_baseline(const std::vector<Violation>& violations, const InterfaceRecord& interfaces) {
  Baseline b;
  std::set<std::string> seen;
  for (const Violation& v : violations) {
    if (v.rule == "interface-growth") continue; // the recorded interface covers it
    if (seen.insert(v.key()).second) b.entries.push_back(key_fields(v));
  }
  b.interfaces = interfaces;
  for (auto& [m, names] : b.interfaces) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
  }
  return b;
}

std::string format_baseline(const Baseline& b) {
  std::vector<Violation> entries = b.entries;
  sort_violations(entries);
  std::vector<std::string> lines;
  for (const Violation& v : entries) lines.push_back(entry_line(v));
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string out = "{\n  \"schema\": \"seam.baseline/1\",\n";
  out += "  \"violations\": [";
  for (size_t i = 0; i < lines.size(); ++i) out += std::string(i ? "," : "") + "\n    " + lines[i];
  out += lines.empty() ? "],\n" : "\n  ],\n";
  out += "  \"interfaces\": {";
  size_t mi = 0;
  for (const auto& [module, names] : b.interfaces) {
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    out += std::string(mi++ ? "," : "") + "\n    " + one_line(nlohmann::json(module)) + ": [";
    for (size_t i = 0; i < sorted.size(); ++i)
      out += std::string(i ? "," : "") + "\n      " + one_line(nlohmann::json(sorted[i]));
    out += sorted.empty() ? "]" : "\n    ]";
  }
  out += b.interfaces.empty() ? "}\n" : "\n  }\n";
  out += "}\n";
  return out;
}

bool parse_baseline(const std::string& text, const std::string& path, Baseline& out,
                    std::vector<std::string>& errors) {
  out = Baseline{};
  const size_t before = errors.size();
  jsonc::Value top;
  jsonc::SyntaxError syntax;
  if (!jsonc::parse(text, top, syntax)) {
    errors.push_back(pos_prefix(path, syntax.pos) + syntax.message);
    return false;
  }
  auto fail = [&](jsonc::Pos p, const std::string& msg) { errors.push_back(pos_prefix(path, p) + msg); };
  const std::string regenerate = "; `seam check --update-baseline` rewrites the file";
  if (top.kind != jsonc::Kind::Object) {
    fail(top.pos, "a baseline must be an object with \"schema\": \"seam.baseline/1\"" + regenerate);
    return false;
  }
  const jsonc::Member* schema = top.find("schema");
  if (!schema || !schema->value.is_string() || schema->value.text != "seam.baseline/1") {
    fail(schema ? schema->value.pos : top.pos,
         "not a seam baseline: \"schema\" must be \"seam.baseline/1\"" + regenerate);
    return false;
  }
  auto string_of = [&](const jsonc::Value& v, const std::string& what, std::string& dst) {
    if (!v.is_string() || v.text.empty()) {
      fail(v.pos, what + " must be a non-empty string; found " + jsonc::describe(v.kind));
      return false;
    }
    dst = v.text;
    return true;
  };
  for (const jsonc::Member& m : top.members) {
    if (m.key == "schema") continue;
    if (m.key == "violations") {
      if (m.value.kind != jsonc::Kind::Array) {
        fail(m.value.pos, std::string("\"violations\" must be an array; found ") + jsonc::describe(m.value.kind));
        continue;
      }
      for (const jsonc::Value& e : m.value.items) {
        if (e.kind != jsonc::Kind::Object) {
          fail(e.pos, std::string("a baseline entry must be an object; found ") + jsonc::describe(e.kind));
          continue;
        }
        Violation v;
        bool ok = true;
        for (const jsonc::Member& f : e.members) {
          if (f.key == "rule") ok &= string_of(f.value, "\"rule\"", v.rule);
          else if (f.key == "from") ok &= string_of(f.value, "\"from\"", v.from);
          else if (f.key == "to") ok &= string_of(f.value, "\"to\"", v.to);
          else if (f.key == "file") ok &= string_of(f.value, "\"file\"", v.file);
          else if (f.key == "symbol") ok &= string_of(f.value, "\"symbol\"", v.symbol);
          else if (f.key == "header") ok &= string_of(f.value, "\"header\"", v.header);
          else if (f.key == "cycle") {
            if (f.value.kind != jsonc::Kind::Array) {
              fail(f.value.pos, "\"cycle\" must be an array of module names, in the order of the cycle");
              ok = false;
              continue;
            }
            for (const jsonc::Value& item : f.value.items) {
              std::string name;
              if (string_of(item, "a cycle module", name)) v.cycle.push_back(name);
              else ok = false;
            }
            // Written by hand in another rotation, or with the start repeated: the same cycle.
            v.cycle = canonical_cycle(v.cycle);
            v.members = v.cycle;
            std::sort(v.members.begin(), v.members.end());
          } else if (f.key == "members") {
            if (f.value.kind != jsonc::Kind::Array) {
              fail(f.value.pos, "\"members\" must be an array of module names");
              ok = false;
              continue;
            }
            for (const jsonc::Value& item : f.value.items) {
              std::string name;
              if (string_of(item, "a cycle member", name)) v.members.push_back(name);
              else ok = false;
            }
            std::sort(v.members.begin(), v.members.end());
          } else {
            fail(f.key_pos, "unknown key \"" + f.key +
                                "\" in a baseline entry; entries have rule, from, to, file, symbol or header, cycle or members");
            ok = false;
          }
        }
        if (!ok) continue;
        if (v.rule.empty()) {
          fail(e.pos, "a baseline entry without \"rule\"");
          continue;
        }
        if (rule_index(v.rule) == rule_names().size()) {
          fail(e.pos, "unknown rule \"" + v.rule + "\" in the baseline");
          continue;
        }
        if (v.rule == "cycle" ? v.members.size() < 2 : v.to.empty()) {
          fail(e.pos, v.rule == "cycle" ? "a cycle entry needs \"cycle\" (the modules around it, two or more; or "
                                          "\"members\", a whole strongly connected group, as older baselines have)"
                                        : "a \"" + v.rule + "\" entry needs \"to\"");
          continue;
        }
        out.entries.push_back(std::move(v));
      }
    } else if (m.key == "interfaces") {
      if (m.value.kind != jsonc::Kind::Object) {
        fail(m.value.pos, std::string("\"interfaces\" must be an object mapping modules to symbol lists; found ") +
                              jsonc::describe(m.value.kind));
        continue;
      }
      for (const jsonc::Member& mod : m.value.members) {
        std::vector<std::string>& names = out.interfaces[mod.key];
        if (mod.value.kind != jsonc::Kind::Array) {
          fail(mod.value.pos, "the interface of \"" + mod.key + "\" must be an array of symbol names");
          continue;
        }
        for (const jsonc::Value& item : mod.value.items) {
          std::string name;
          if (string_of(item, "an interface symbol", name)) names.push_back(name);
        }
      }
    } else {
      fail(m.key_pos, "unknown key \"" + m.key + "\" in the baseline; expected schema, violations, interfaces");
    }
  }
  return errors.size() == before;
}

bool read_baseline(const std::string& path, Baseline& out, std::vector<std::string>& errors) {
  std::string text, err;
  if (!read_file(path, text, err)) {
    errors.push_back(path + ": error: " + err);
    return false;
  }
  return parse_baseline(text, path, out, errors);
}

std::vector<Violation> apply_baseline(std::vector<Violation>& violations, const Baseline& baseline,
                                      const InterfaceRecord& current_interfaces, const Config& config) {
  std::unordered_map<std::string, const Violation*> entries;
  // Cycle entries of baselines written before elementary cycles: a whole
  // strongly connected group (sorted members). Each accepts every elementary
  // cycle whose modules all lie in it, so upgrading seam fails no build; the
  // group is fixed once no cycle inside it is left.
  std::vector<const Violation*> groups;
  for (const Violation& e : baseline.entries) {
    if (rule_severity(config, e.rule) == Severity::Off) continue;
    if (e.rule == "cycle" && e.cycle.empty())
      groups.push_back(&e);
    else
      entries.emplace(e.key(), &e);
  }
  std::unordered_set<std::string> found;
  std::set<const Violation*> groups_found;
  for (Violation& v : violations) {
    std::string k = v.key();
    if (entries.count(k)) {
      v.baselined = true;
      found.insert(k);
      continue;
    }
    if (v.rule != "cycle") continue;
    for (const Violation* g : groups)
      if (std::includes(g->members.begin(), g->members.end(), v.members.begin(), v.members.end())) {
        v.baselined = true;
        groups_found.insert(g);
      }
  }
  std::vector<Violation> fixed;
  for (const auto& [k, e] : entries)
    if (!found.count(k)) fixed.push_back(*e);
  for (const Violation* g : groups)
    if (!groups_found.count(g)) fixed.push_back(*g);
  if (rule_severity(config, "interface-growth") != Severity::Off) {
    for (const auto& [module, recorded] : baseline.interfaces) {
      auto cur = current_interfaces.find(module);
      if (cur == current_interfaces.end()) continue; // no longer extracted: its record says nothing now
      std::set<std::string> now(cur->second.begin(), cur->second.end());
      std::set<std::string> was(recorded.begin(), recorded.end());
      for (const std::string& name : was)
        if (!now.count(name)) {
          Violation v;
          v.rule = "interface-growth";
          v.to = module;
          v.symbol = name;
          fixed.push_back(std::move(v));
        }
    }
  }
  sort_violations(fixed);
  return fixed;
}

} // namespace seam
