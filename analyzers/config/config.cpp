// seam.json: parsed with positions (jsonc.h), then validated in one pass that
// collects every problem, so a user fixes the file in one round trip.
#include "analyzers/config/config.h"

#include "analyzers/config/jsonc.h"
#include "analyzers/core/output.h"
#include "analyzers/core/paths.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace seam {

const char* to_string(Severity s) {
  switch (s) {
  case Severity::Off: return "off";
  case Severity::Info: return "info";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "off";
}

const std::vector<std::string>& conversion_wire_types() {
  static const std::vector<std::string> wires = {"string", "bytes",  "bool",   "int32",
                                                 "int64",  "uint32", "uint64", "double"};
  return wires;
}

const std::vector<std::string>& rule_names() {
  static const std::vector<std::string> names = {"cycle",           "layer",
                                                 "undeclared",      "private-header",
                                                 "interface-growth", "unused-allowance"};
  return names;
}

Severity default_severity(std::string_view rule) {
  if (rule == "unused-allowance") return Severity::Info;
  for (const std::string& r : rule_names())
    if (r == rule) return Severity::Error;
  return Severity::Off;
}

const char* to_string(ModuleRole r) {
  switch (r) {
  case ModuleRole::Service: return "service";
  case ModuleRole::Library: return "library";
  case ModuleRole::Test: return "test";
  }
  return "service";
}

std::optional<ModuleRole> parse_role(std::string_view text) {
  if (text == "service") return ModuleRole::Service;
  if (text == "library") return ModuleRole::Library;
  if (text == "test") return ModuleRole::Test;
  return std::nullopt;
}

ModuleRole Config::role_of(const ModuleDecl& m) const {
  if (m.role) return *m.role;
  int l = m.layer.empty() ? -1 : layer_index(m.layer);
  if (l >= 0 && static_cast<size_t>(l) < layer_roles.size() && layer_roles[static_cast<size_t>(l)])
    return *layer_roles[static_cast<size_t>(l)];
  return ModuleRole::Service;
}

bool rule_takes_edges(std::string_view rule) {
  return rule == "cycle" || rule == "layer" || rule == "undeclared" || rule == "unused-allowance";
}

EdgeKinds Config::edges(const std::string& rule) const {
  auto it = rule_edges.find(rule);
  return it != rule_edges.end() ? it->second : EdgeKinds::All;
}

int Config::layer_index(const std::string& layer) const {
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i] == layer) return static_cast<int>(i);
  return -1;
}

const ModuleDecl* Config::find_module(const std::string& name) const {
  for (const ModuleDecl& m : modules)
    if (m.name == name) return &m;
  return nullptr;
}

Severity Config::severity(const std::string& rule) const {
  auto it = rules.find(rule);
  return it != rules.end() ? it->second : default_severity(rule);
}

std::string ConfigError::format() const {
  std::string out = file;
  if (pos.line) {
    out += ':' + std::to_string(pos.line);
    if (pos.column) out += ':' + std::to_string(pos.column);
  }
  out += ": error: ";
  out += message;
  return out;
}

namespace {

using jsonc::Kind;
using jsonc::Member;
using jsonc::Value;

ConfigPos to_pos(jsonc::Pos p) { return {p.line, p.column}; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions),
/// ignoring case: "modulse" is one edit from "modules", "Layers" one from "layers".
size_t edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

/// The candidate closest to `word`, or "" when none is close: within a third
/// of its length (at least one edit, at most three), or a prefix of it ("warn").
std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const std::string& c : candidates) {
    if (c == word) continue;
    size_t d = edit_distance(word, c);
    size_t limit = std::clamp<size_t>(c.size() / 3, 1, 3);
    bool prefix = word.size() >= 3 && (starts_with_ci(c, word) || starts_with_ci(word, c));
    // Never suggest a word that shares nothing with what was written ("q" -> "a").
    bool related = prefix || (d < c.size() && d < word.size());
    if ((d <= limit || prefix) && related && d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\0') {
      out += "\\u0000";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string pos_text(ConfigPos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

const std::vector<std::string> kTopKeys = {"layers",   "modules",     "rules",    "exclude",
                                           "baseline", "conversions", "ownership"};
const std::vector<std::string> kConversionKeys = {"wire", "to", "from", "include"};
const std::vector<std::string> kModuleKeys = {"name",          "paths",   "public", "layer",
                                              "may_depend_on", "extract", "role"};
const std::vector<std::string> kLayerKeys = {"name", "role"};
const std::vector<std::string> kRoles = {"service", "library", "test"};
const std::vector<std::string> kSeverities = {"error", "warning", "info", "off"};
const std::vector<std::string> kRuleKeys = {"severity", "edges"};
const std::vector<std::string> kEdgeKinds = {"include", "symbol", "all"};

class Validator {
public:
  Validator(std::string file, Config& out, std::vector<ConfigError>& errors)
      : file_(std::move(file)), out_(out), errors_(errors) {}

  void run(const Value& top) {
    if (top.kind != Kind::Object) {
      error(top.pos, std::string("seam.json must be an object such as {\"modules\": [...]}; "
                                 "found ") +
                         jsonc::describe(top.kind));
      return;
    }
    for (const Member& m : top.members) {
      if (m.key == "layers")
        layers(m.value);
      else if (m.key == "modules")
        modules(m.value);
      else if (m.key == "rules")
        rules(m.value);
      else if (m.key == "exclude")
        string_array(m.value, "\"exclude\"", out_.exclude, out_.exclude_pos);
      else if (m.key == "baseline")
        baseline(m.value);
      else if (m.key == "conversions")
        conversions(m.value);
      else if (m.key == "ownership")
        ownership(m.value);
      else
        unknown_key(m, kTopKeys, "");
    }
    cross_check();
  }

private:
  std::string file_;
  Config& out_;
  std::vector<ConfigError>& errors_;
  // Per module in out_.modules: whether it has a usable name (messages about
  // the others say "modules[N]", and no reference can resolve to them).
  std::vector<bool> named_;

  void error(jsonc::Pos p, std::string message) { error(to_pos(p), std::move(message)); }
  void error(ConfigPos p, std::string message) {
    errors_.push_back({file_, p, std::move(message)});
  }

  void unknown_key(const Member& m, const std::vector<std::string>& keys,
                   const std::string& where) {
    std::string msg = "unknown key " + quote(m.key) + where;
    std::string best = closest(m.key, keys);
    if (!best.empty())
      msg += "; did you mean " + quote(best) + "?";
    else
      msg += "; expected one of: " + join(keys, ", ");
    error(m.key_pos, msg);
  }

  /// Reads an array of strings into `values`/`pos`; one error per offending value.
  bool string_array(const Value& v, const std::string& what, std::vector<std::string>& values,
                    std::vector<ConfigPos>& pos) {
    const std::string expected = what + " must be an array of strings";
    if (v.kind != Kind::Array) {
      error(v.pos, expected + "; found " + jsonc::describe(v.kind));
      return false;
    }
    bool ok = true;
    for (const Value& item : v.items) {
      if (!item.is_string()) {
        error(item.pos, expected + "; found " + jsonc::describe(item.kind));
        ok = false;
        continue;
      }
      values.push_back(item.text);
      pos.push_back(to_pos(item.pos));
    }
    return ok;
  }

  /// "role": a string naming a role; nullopt (after an error) otherwise.
  std::optional<ModuleRole> role(const Value& v, const std::string& in) {
    if (!v.is_string()) {
      error(v.pos, "\"role\"" + in + " must be a string: service, library or test; found " +
                       jsonc::describe(v.kind));
      return std::nullopt;
    }
    std::optional<ModuleRole> r = parse_role(v.text);
    if (!r) {
      std::string msg = "unknown role " + quote(v.text) + in;
      std::string best = closest(v.text, kRoles);
      if (!best.empty()) msg += "; did you mean " + quote(best) + "?";
      else msg += "; use service, library or test";
      error(v.pos, msg);
    }
    out_.roles_declared = true;
    return r;
  }

  /// "layers": names top first; an entry may be {"name": "base", "role": "library"}
  /// to give the layer's modules a role.
  void layers(const Value& v) {
    const std::string expected = "\"layers\" must be an array of layer names (or {\"name\", \"role\"} objects)";
    if (v.kind != Kind::Array) {
      error(v.pos, expected + "; found " + jsonc::describe(v.kind));
      return;
    }
    for (const Value& item : v.items) {
      std::string name;
      ConfigPos pos = to_pos(item.pos);
      std::optional<ModuleRole> given;
      if (item.is_string()) {
        name = item.text;
      } else if (item.kind == Kind::Object) {
        const Member* n = item.find("name");
        if (!n) {
          error(item.pos, "a layer object has no \"name\"; write {\"name\": \"base\", \"role\": \"library\"}");
          continue;
        }
        if (!n->value.is_string()) {
          error(n->value.pos, std::string("\"name\" of a layer must be a string; found ") + jsonc::describe(n->value.kind));
          continue;
        }
        name = n->value.text;
        pos = to_pos(n->value.pos);
        for (const Member& m : item.members) {
          if (m.key == "name") continue;
          if (m.key == "role")
            given = role(m.value, " of layer " + quote(name));
          else
            unknown_key(m, kLayerKeys, " in layer " + quote(name));
        }
      } else {
        error(item.pos, expected + "; found " + jsonc::describe(item.kind));
        continue;
      }
      if (name.empty()) {
        error(pos, "a layer name must not be empty");
        continue;
      }
      int first = out_.layer_index(name);
      if (first >= 0) {
        error(pos, "duplicate layer " + quote(name) + " (first at " +
                       pos_text(out_.layer_pos[static_cast<size_t>(first)]) + ")");
        continue;
      }
      out_.layers.push_back(name);
      out_.layer_pos.push_back(pos);
      out_.layer_roles.push_back(given);
    }
  }

  void baseline(const Value& v) {
    if (!v.is_string()) {
      error(v.pos, std::string("\"baseline\" must be a string (a file name); found ") +
                       jsonc::describe(v.kind));
    } else if (v.text.empty()) {
      error(v.pos, "\"baseline\" must not be empty");
    } else {
      out_.baseline = v.text;
    }
  }

  /// "conversions": {"ns::Class": {"wire": "string", "to": "expr($)", "from": "expr($)", "include": "h.h"}}.
  void conversions(const Value& v) {
    const std::string example =
        "such as {\"leveldb::Status\": {\"wire\": \"string\", \"to\": \"status_to_wire($)\", \"from\": "
        "\"status_from_wire($)\"}}";
    if (v.kind != Kind::Object) {
      error(v.pos, "\"conversions\" must be an object mapping class names to conversions, " + example + "; found " +
                       jsonc::describe(v.kind));
      return;
    }
    for (const Member& m : v.members) {
      ConversionDecl d;
      d.cpp = m.key.rfind("::", 0) == 0 ? m.key.substr(2) : m.key;
      d.pos = to_pos(m.key_pos);
      const std::string in = " in conversion " + quote(m.key);
      if (d.cpp.empty()) {
        error(m.key_pos, "a conversion needs a class name, " + example);
        continue;
      }
      if (m.value.kind != Kind::Object) {
        error(m.value.pos, "conversion " + quote(m.key) + " must be an object with \"wire\", \"to\" and \"from\"; found " +
                               jsonc::describe(m.value.kind));
        continue;
      }
      bool ok = true;
      for (const Member& f : m.value.members) {
        if (std::find(kConversionKeys.begin(), kConversionKeys.end(), f.key) == kConversionKeys.end()) {
          unknown_key(f, kConversionKeys, in);
          ok = false;
          continue;
        }
        if (!f.value.is_string()) {
          error(f.value.pos, quote(f.key) + in + " must be a string; found " + jsonc::describe(f.value.kind));
          ok = false;
          continue;
        }
        const std::string& text = f.value.text;
        if (f.key == "wire") {
          const auto& wires = conversion_wire_types();
          if (std::find(wires.begin(), wires.end(), text) == wires.end()) {
            error(f.value.pos, "unknown wire type " + quote(text) + in + "; use one of: " + join(wires, ", "));
            ok = false;
          }
          d.wire = text;
        } else if (f.key == "to" || f.key == "from") {
          if (text.find('$') == std::string::npos) {
            error(f.value.pos, quote(f.key) + in + " must be a C++ expression with $ standing for the " +
                                   (f.key == "to" ? "object" : "wire value") + ", e.g. " +
                                   (f.key == "to" ? "\"$.ToString()\"" : "\"" + d.cpp + "($)\""));
            ok = false;
          }
          (f.key == "to" ? d.to : d.from) = text;
        } else {
          d.include = text;
        }
      }
      for (const char* need : {"wire", "to", "from"})
        if (!m.value.find(need)) {
          error(m.value.pos, "conversion " + quote(m.key) + " needs " + quote(need));
          ok = false;
        }
      for (const ConversionDecl& other : out_.conversions)
        if (other.cpp == d.cpp) {
          error(m.key_pos, "class " + quote(d.cpp) + " has two conversions (the first at line " +
                               std::to_string(other.pos.line) + ")");
          ok = false;
        }
      if (ok) out_.conversions.push_back(std::move(d));
    }
  }

  /// "ownership": {"ns::function": {"param": "takes" | "borrows"}}.
  void ownership(const Value& v) {
    const std::string example = "such as {\"leveldb::NewMergingIterator\": {\"children\": \"takes\"}}";
    if (v.kind != Kind::Object) {
      error(v.pos, "\"ownership\" must be an object mapping function names to their parameters, " + example +
                       "; found " + jsonc::describe(v.kind));
      return;
    }
    for (const Member& m : v.members) {
      const std::string function = m.key.rfind("::", 0) == 0 ? m.key.substr(2) : m.key;
      if (function.empty()) {
        error(m.key_pos, "an ownership entry needs a function name, " + example);
        continue;
      }
      if (m.value.kind != Kind::Object) {
        error(m.value.pos, "ownership of " + quote(m.key) +
                               " must map parameter names to \"takes\" or \"borrows\", " + example + "; found " +
                               jsonc::describe(m.value.kind));
        continue;
      }
      for (const Member& f : m.value.members) {
        if (!f.value.is_string() || (f.value.text != "takes" && f.value.text != "borrows")) {
          error(f.value.pos, "parameter " + quote(f.key) + " of " + quote(m.key) +
                                 ": use \"takes\" (the function owns the objects after the call) or \"borrows\" (it "
                                 "only uses them during the call)");
          continue;
        }
        bool twice = false;
        for (const OwnershipDecl& other : out_.ownership)
          if (other.function == function && other.param == f.key) {
            error(f.key_pos, "parameter " + quote(f.key) + " of " + quote(m.key) + " is declared twice (the first at line " +
                                 std::to_string(other.pos.line) + ")");
            twice = true;
          }
        if (!twice) out_.ownership.push_back(OwnershipDecl{function, f.key, f.value.text == "takes", to_pos(f.key_pos)});
      }
    }
  }

  void rules(const Value& v) {
    if (v.kind != Kind::Object) {
      error(v.pos, std::string("\"rules\" must be an object mapping rule names to "
                               "severities, such as {\"layer\": \"warning\"} or {\"cycle\": {\"severity\": "
                               "\"error\", \"edges\": \"include\"}}; found ") +
                       jsonc::describe(v.kind));
      return;
    }
    for (const Member& m : v.members) {
      const auto& names = rule_names();
      if (std::find(names.begin(), names.end(), m.key) == names.end()) {
        std::string msg = "unknown rule " + quote(m.key);
        std::string best = closest(m.key, names);
        if (!best.empty())
          msg += "; did you mean " + quote(best) + "?";
        else
          msg += "; the rules are: " + join(names, ", ");
        error(m.key_pos, msg);
        continue;
      }
      if (m.value.kind == Kind::Object) {
        rule_object(m.key, m.value);
        continue;
      }
      if (!m.value.is_string()) {
        error(m.value.pos, "the severity of rule " + quote(m.key) +
                               " must be a string: error, warning, info or off (or an object such as "
                               "{\"severity\": \"error\", \"edges\": \"include\"}); found " +
                               jsonc::describe(m.value.kind));
        continue;
      }
      severity(m.key, m.value);
    }
  }

  /// {"severity": ..., "edges": ...}: both optional.
  void rule_object(const std::string& rule, const Value& v) {
    for (const Member& m : v.members) {
      if (m.key == "severity") {
        if (!m.value.is_string())
          error(m.value.pos, "the severity of rule " + quote(rule) +
                                 " must be a string: error, warning, info or off; found " +
                                 jsonc::describe(m.value.kind));
        else
          severity(rule, m.value);
      } else if (m.key == "edges") {
        edges(rule, m.value);
      } else {
        unknown_key(m, kRuleKeys, " in rule " + quote(rule));
      }
    }
  }

  void edges(const std::string& rule, const Value& v) {
    if (!rule_takes_edges(rule)) {
      error(v.pos, "rule " + quote(rule) + " takes no \"edges\" (" +
                       (rule == "private-header" ? "it is about #include directives"
                                                 : "it is about references to symbols") +
                       "); \"edges\" applies to cycle, layer, undeclared and unused-allowance");
      return;
    }
    EdgeKinds k;
    if (!v.is_string() || !parse_edge_kinds(v.text, k)) {
      std::string msg = "the \"edges\" of rule " + quote(rule) + " must be include, symbol or all; found " +
                        (v.is_string() ? quote(v.text) : std::string(jsonc::describe(v.kind)));
      if (v.is_string()) {
        std::string best = closest(v.text, kEdgeKinds);
        if (!best.empty()) msg += "; did you mean " + quote(best) + "?";
      }
      error(v.pos, msg);
      return;
    }
    out_.rule_edges[rule] = k;
    out_.rule_edges_pos[rule] = to_pos(v.pos);
  }

  void severity(const std::string& rule, const Value& v) {
    const std::string& s = v.text;
    Severity sev;
    if (s == "error")
      sev = Severity::Error;
    else if (s == "warning")
      sev = Severity::Warning;
    else if (s == "info")
      sev = Severity::Info;
    else if (s == "off")
      sev = Severity::Off;
    else {
      std::string msg = "unknown severity " + quote(s) + " for rule " + quote(rule);
      std::string best = closest(s, kSeverities);
      if (!best.empty())
        msg += "; did you mean " + quote(best) + "?";
      else
        msg += "; use error, warning, info or off";
      error(v.pos, msg);
      return;
    }
    out_.rules[rule] = sev;
    out_.rule_pos[rule] = to_pos(v.pos);
  }

  void modules(const Value& v) {
    if (v.kind != Kind::Array) {
      error(v.pos, std::string("\"modules\" must be an array of module objects; found ") +
                       jsonc::describe(v.kind));
      return;
    }
    for (size_t i = 0; i < v.items.size(); ++i) module(v.items[i], i);
  }

  void module(const Value& v, size_t index) {
    const std::string at = "modules[" + std::to_string(index) + "]";
    if (v.kind != Kind::Object) {
      error(v.pos, at + " must be an object such as {\"name\": \"billing\", \"paths\": "
                        "[\"src/billing/**\"]}; found " +
                       jsonc::describe(v.kind));
      return;
    }
    ModuleDecl d;
    d.pos = to_pos(v.pos);
    // The name first, so every later message can say which module it is about.
    bool named = false;
    if (const Member* m = v.find("name")) {
      d.name_pos = to_pos(m->value.pos);
      if (!m->value.is_string()) {
        error(m->value.pos, "\"name\" in " + at + " must be a string; found " +
                                jsonc::describe(m->value.kind));
      } else if (m->value.text.empty()) {
        error(m->value.pos, "\"name\" in " + at + " must not be empty");
      } else {
        d.name = m->value.text;
        named = true;
        if (const ModuleDecl* first = out_.find_module(d.name))
          error(m->value.pos, "duplicate module name " + quote(d.name) + " (first at " +
                                  pos_text(first->name_pos) + ")");
      }
    } else {
      error(v.pos, at + " has no \"name\"");
    }
    const std::string who = named ? "module " + quote(d.name) : at;
    const std::string in = " in " + who;

    bool has_paths = false;
    for (const Member& m : v.members) {
      if (m.key == "name") continue;
      if (m.key == "paths") {
        has_paths = true;
        if (string_array(m.value, "\"paths\"" + in, d.paths, d.path_pos) && d.paths.empty())
          error(m.value.pos, "\"paths\"" + in + " is empty; list at least one glob");
        for (size_t k = 0; k < d.paths.size(); ++k)
          if (d.paths[k].empty()) error(d.path_pos[k], "empty glob in \"paths\"" + in);
      } else if (m.key == "public") {
        std::vector<std::string> globs;
        string_array(m.value, "\"public\"" + in, globs, d.public_pos);
        for (size_t k = 0; k < globs.size(); ++k)
          if (globs[k].empty()) error(d.public_pos[k], "empty glob in \"public\"" + in);
        d.public_headers = std::move(globs);
      } else if (m.key == "layer") {
        if (!m.value.is_string())
          error(m.value.pos, "\"layer\"" + in + " must be a string; found " +
                                 jsonc::describe(m.value.kind));
        else if (m.value.text.empty())
          error(m.value.pos, "\"layer\"" + in + " must not be empty; leave it out for none");
        else {
          d.layer = m.value.text;
          d.layer_pos = to_pos(m.value.pos);
        }
      } else if (m.key == "may_depend_on") {
        std::vector<std::string> names;
        string_array(m.value, "\"may_depend_on\"" + in, names, d.may_depend_on_pos);
        d.may_depend_on = std::move(names);
      } else if (m.key == "extract") {
        if (m.value.kind != Kind::Bool)
          error(m.value.pos, "\"extract\"" + in + " must be true or false; found " +
                                 jsonc::describe(m.value.kind));
        else
          d.extract = m.value.boolean;
        d.extract_pos = to_pos(m.value.pos);
      } else if (m.key == "role") {
        d.role = role(m.value, in);
        d.role_pos = to_pos(m.value.pos);
      } else {
        unknown_key(m, kModuleKeys, in);
      }
    }
    if (!has_paths) {
      std::string example = named ? "src/" + d.name + "/**" : "src/NAME/**";
      error(v.pos, who + " has no \"paths\"; add globs such as \"paths\": [" + quote(example) +
                       "]");
    }
    out_.modules.push_back(std::move(d));
    named_.push_back(named);
  }

  /// Checks that need every module and layer: may_depend_on targets, layers.
  void cross_check() {
    std::vector<std::string> names;
    for (size_t i = 0; i < out_.modules.size(); ++i)
      if (named_[i]) names.push_back(out_.modules[i].name);
    for (size_t i = 0; i < out_.modules.size(); ++i) {
      const ModuleDecl& d = out_.modules[i];
      const std::string who = named_[i] ? "module " + quote(d.name)
                                        : "modules[" + std::to_string(i) + "]";
      if (!d.layer.empty() && out_.layer_index(d.layer) < 0) {
        std::string msg = "layer " + quote(d.layer) + " of " + who;
        if (out_.layers.empty()) {
          msg += " is not declared; add a top-level \"layers\": [...] listing it";
        } else {
          std::vector<std::string> quoted;
          for (const std::string& l : out_.layers) quoted.push_back(quote(l));
          msg += " is not in \"layers\" (" + join(quoted, ", ") + ")";
          std::string best = closest(d.layer, out_.layers);
          if (!best.empty()) msg += "; did you mean " + quote(best) + "?";
        }
        error(d.layer_pos, msg);
      }
      if (!d.may_depend_on) continue;
      for (size_t k = 0; k < d.may_depend_on->size(); ++k) {
        const std::string& target = (*d.may_depend_on)[k];
        if (named_[i] && target == d.name) {
          error(d.may_depend_on_pos[k], who + " lists itself in \"may_depend_on\"");
        } else if (std::find(names.begin(), names.end(), target) == names.end()) {
          std::string msg = "\"may_depend_on\" in " + who + " names unknown module " +
                            quote(target);
          std::string best = closest(target, names);
          if (!best.empty()) msg += "; did you mean " + quote(best) + "?";
          error(d.may_depend_on_pos[k], msg);
        }
      }
    }
  }
};

/// Absolute path of `path` against the current folder.
std::string absolute_from_cwd(const std::string& path) {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  return absolute_path(path, ec ? "/" : cwd);
}

std::string parent_folder(const std::string& abs) {
  size_t slash = abs.rfind('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return abs.substr(0, slash);
}

} // namespace

bool parse_config(const std::string& text, const std::string& path, Config& out,
                  std::vector<ConfigError>& errors) {
  out = Config{};
  const std::string shown = path.empty() ? std::string("seam.json") : path;
  out.path = absolute_from_cwd(shown);
  out.root = parent_folder(out.path);
  const size_t before = errors.size();

  jsonc::Value top;
  jsonc::SyntaxError syntax;
  if (!jsonc::parse(text, top, syntax)) {
    errors.push_back({shown, to_pos(syntax.pos), syntax.message});
    return false;
  }
  Validator(shown, out, errors).run(top);
  // Reported in the order of the file, whichever check found them; ties keep
  // the order found. (std::sort on an index, not std::stable_sort, whose
  // libstdc++ implementation trips clang's deprecation warnings.)
  std::vector<size_t> order(errors.size() - before);
  for (size_t k = 0; k < order.size(); ++k) order[k] = before + k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ConfigPos& pa = errors[a].pos;
    const ConfigPos& pb = errors[b].pos;
    return std::tie(pa.line, pa.column, a) < std::tie(pb.line, pb.column, b);
  });
  std::vector<ConfigError> sorted;
  sorted.reserve(order.size());
  for (size_t k : order) sorted.push_back(std::move(errors[k]));
  std::move(sorted.begin(), sorted.end(), errors.begin() + static_cast<std::ptrdiff_t>(before));
  return errors.size() == before;
}

bool load_config(const std::string& path, Config& out, std::vector<ConfigError>& errors) {
  std::string text, err;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    errors.push_back({path, {}, "is a folder; pass the seam.json file inside it"});
    return false;
  }
  if (!read_file(path, text, err)) {
    // read_file says "cannot read PATH: reason"; the file is already named.
    std::string prefix = "cannot read " + path + ": ";
    if (err.compare(0, prefix.size(), prefix) == 0) err = "cannot read: " + err.substr(prefix.size());
    errors.push_back({path, {}, err});
    return false;
  }
  return parse_config(text, path, out, errors);
}

} // namespace seam
