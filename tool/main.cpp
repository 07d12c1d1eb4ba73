// seam: entry point. Parses the command line (common options of the contract
// and each command's own), prints help, and runs the command.
#include "analyzers/cache/fact_store.h"
#include "analyzers/core/interrupt.h"
#include "tool/heap_return.h"
#include "tool/cli.h"
#include "tool/version.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#ifndef SEAM_VERSION
#define SEAM_VERSION "0.0.0"
#endif

namespace seam::cli {
namespace {

constexpr CommonSpec kCommon[] = {
    {"-p DIR", "build folder holding compile_commands.json (default: ./compile_commands.json, "
               "else ./build/compile_commands.json)"},
    {"--config FILE", "seam.json (default: ./seam.json when present; otherwise modules are inferred)"},
    {"-j N", "parallel parse jobs (default: number of cores)"},
    {"--cache DIR", "fact cache (default: <build dir>/.seam-cache)"},
    {"--no-cache", "parse everything, read and write no cache"},
    {"--no-prefix", "parse every translation unit whole: no precompiled prefix of the external headers TUs share"},
    {"--cache-max-size SIZE", "bound of the cache, least recently used entries go first (default 2G; 0: none)"},
    {"-o FILE", "write the output there instead of standard output (written atomically)"},
    {"--strict", "a translation unit that fails to parse is an error (exit 2)"},
    {"--include-tests", "analyse test modules too (\"role\": \"test\"; left out by default)"},
    {"--progress WHEN", "auto|always|never: progress on standard error (auto: on a terminal)"},
    {"--color WHEN", "auto|always|never (NO_COLOR is honoured)"},
    {"-q, --quiet", "no progress and no notes; warnings and errors only"},
    {"--all-messages", "print every message of a long list (default: the first 20 and a count)"},
};

} // namespace

std::vector<CommonSpec> common_options() { return {std::begin(kCommon), std::end(kCommon)}; }

namespace {

void print_main_help() {
  std::ostringstream o;
  o << "seam " << SEAM_VERSION
    << " - module boundaries, cycles and service extraction for C++ monoliths\n\n"
       "usage: seam <command> [options]\n\ncommands:\n";
  for (const Command& c : commands()) {
    o << "  " << c.name << std::string(c.name.size() < 11 ? 12 - c.name.size() : 2, ' ')
      << c.summary << "\n";
  }
  o << "\ncommon options:\n";
  for (const CommonSpec& s : kCommon)
    o << "  " << s.flags << std::string(std::max<int>(2, 18 - (int)std::strlen(s.flags)), ' ')
      << s.help << "\n";
  o << "\nexit status: 0 success, 1 `check` found new violations, 2 error\n"
       "`seam <command> --help` describes a command. Docs: docs/cli.md\n";
  std::cout << o.str();
}

void print_command_help(const Command& c) {
  std::ostringstream o;
  o << "usage: " << c.usage << "\n\n" << c.description << "\n";
  if (!c.options.empty()) {
    o << "\noptions:\n";
    for (const OptionSpec& s : c.options) {
      std::string flag = "--" + s.name + (s.value_name.empty() ? "" : " " + s.value_name);
      o << "  " << flag << std::string(flag.size() < 21 ? 22 - flag.size() : 2, ' ') << s.help;
      if (!s.choices.empty()) {
        o << " (";
        for (size_t i = 0; i < s.choices.size(); ++i) o << (i ? "|" : "") << s.choices[i];
        o << ")";
      }
      if (!s.default_value.empty()) o << " [default: " << s.default_value << "]";
      o << "\n";
    }
  }
  o << "\ncommon options:\n";
  for (const CommonSpec& s : kCommon)
    o << "  " << s.flags << std::string(std::max<int>(2, 22 - (int)std::strlen(s.flags)), ' ')
      << s.help << "\n";
  std::cout << o.str();
}

const Command* find_command(const std::string& name) {
  for (const Command& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

bool parse_unsigned(const std::string& s, unsigned& out) {
  if (s.empty() || s.size() > 6) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  out = static_cast<unsigned>(std::stoul(s));
  return true;
}

/// Parses argv[2..] into `o`. Returns kOk, or kError after printing the problem.
int parse_options(const Command& cmd, int argc, char** argv, Options& o) {
  auto fail = [&](const std::string& msg) {
    error(msg + "\n       see `seam " + cmd.name + " --help`");
    return kError;
  };
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    std::string inline_value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0) {
      size_t eq = a.find('=');
      if (eq != std::string::npos) {
        inline_value = a.substr(eq + 1);
        a = a.substr(0, eq);
        has_inline = true;
      }
    } else if (a.size() > 2 && a[0] == '-' && (a[1] == 'j' || a[1] == 'p' || a[1] == 'o')) {
      inline_value = a.substr(2);
      a = a.substr(0, 2);
      has_inline = true;
    }
    auto value = [&](std::string& out) -> bool {
      if (has_inline) {
        out = inline_value;
        return true;
      }
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "-p" || a == "--config" || a == "-j" || a == "--cache" || a == "-o" ||
        a == "--progress" || a == "--color") {
      if (!value(v)) return fail(a + " needs a value");
      if (a == "-p") o.p_dir = v;
      else if (a == "--config") o.config = v;
      else if (a == "--cache") o.cache = v;
      else if (a == "-o") o.output = v;
      else if (a == "-j") {
        if (!parse_unsigned(v, o.jobs) || o.jobs == 0) return fail("-j needs a positive number, not '" + v + "'");
      } else {
        if (v != "auto" && v != "always" && v != "never")
          return fail(a + " takes auto, always or never, not '" + v + "'");
        (a == "--progress" ? o.progress : o.color) = v;
      }
      continue;
    }
    if (a == "--no-cache") { o.no_cache = true; continue; }
    if (a == "--no-prefix") { o.no_prefix = true; continue; }
    if (a == "--cache-max-size") {
      if (!value(v)) return fail(a + " needs a value");
      if (!seam::parse_size(v, o.cache_max_bytes))
        return fail("--cache-max-size takes a size such as 500M or 2G, not '" + v + "'");
      continue;
    }
    if (a == "--strict") { o.strict = true; continue; }
    if (a == "--include-tests") { o.include_tests = true; continue; }
    if (a == "-q" || a == "--quiet") { o.quiet = true; continue; }
    if (a == "--all-messages") { o.all_messages = true; continue; }
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      const OptionSpec* spec = nullptr;
      for (const OptionSpec& s : cmd.options)
        if (s.name == name) spec = &s;
      if (!spec) return fail("unknown option '" + a + "' for `seam " + cmd.name + "`");
      if (spec->value_name.empty()) {
        if (has_inline) return fail(a + " takes no value");
        o.values[name] = "1";
        continue;
      }
      if (!value(v)) return fail(a + " needs a value (" + spec->value_name + ")");
      if (!spec->choices.empty()) {
        bool ok = false;
        std::string list;
        for (const std::string& c : spec->choices) {
          ok |= c == v;
          list += (list.empty() ? "" : ", ") + c;
        }
        if (!ok) return fail("--" + name + " takes one of " + list + ", not '" + v + "'");
      }
      o.values[name] = v;
      continue;
    }
    if (a.size() > 1 && a[0] == '-') return fail("unknown option '" + a + "'");
    o.positional.push_back(a);
  }
  for (const OptionSpec& s : cmd.options)
    if (!s.default_value.empty() && !o.values.count(s.name)) o.values[s.name] = s.default_value;
  if (o.positional.size() < cmd.min_positional)
    return fail("missing argument; usage: " + cmd.usage);
  if (o.positional.size() > cmd.max_positional)
    return fail("unexpected argument '" + o.positional[cmd.max_positional] + "'");
  return kOk;
}

} // namespace
} // namespace seam::cli

int main(int argc, char** argv) {
  using namespace seam::cli;
  return_freed_heap_early();
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    if (argc >= 3 && !std::strcmp(argv[1], "help")) {
      if (const Command* c = find_command(argv[2])) {
        print_command_help(*c);
        return kOk;
      }
    }
    print_main_help();
    return argc < 2 ? kError : kOk;
  }
  if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
    std::cout << seam::version_text();
    return kOk;
  }
  // The launcher's arguments are a compiler's, not seam's: no option parsing.
  if (!std::strcmp(argv[1], "cc") && !(argc == 3 && (!std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h"))))
    return run_cc(argc - 2, argv + 2);
  const Command* cmd = find_command(argv[1]);
  if (!cmd) {
    error(std::string("unknown command '") + argv[1] + "'; `seam --help` lists the commands");
    return kError;
  }
  for (int i = 2; i < argc; ++i)
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      print_command_help(*cmd);
      return kOk;
    }
  Options o;
  o.command = cmd->name;
  if (int rc = parse_options(*cmd, argc, argv, o)) return rc;
  seam::install_interrupt_handlers();
  int rc = cmd->run(o);
  // A signal after the scan: the command finished (its output is whole), but
  // the caller asked it to stop and is told so.
  if (rc == kOk && seam::interrupted()) return 128 + seam::interrupt_signal();
  return rc;
}
