#include "analyzers/compdb/arguments.h"

#include "analyzers/core/paths.h"

#include <algorithm>
#include <array>

namespace seam {
namespace {

/// `path` for messages: relative to `base` when inside it, else as is.
std::string shown(const std::string& path, const std::string& base) {
  std::string rel;
  if (!base.empty() && relative_to(path, base, rel)) return rel;
  return path;
}

/// "compile_commands.json entry 12 (src/a.cpp): dropped ": every warning about a flag starts so.
std::string dropped_prefix(const CompileCommand& cmd, const AdjustOptions& opts) {
  return "compile_commands.json entry " + std::to_string(cmd.entry) + " (" +
         shown(cmd.file, opts.root.empty() ? cmd.directory : opts.root) + "): dropped ";
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// Driver flags whose value is the next argument: copied (or dropped) as a pair,
/// so the value is never mistaken for an input file or a flag.
bool takes_separate_value(std::string_view a) {
  static constexpr std::array<std::string_view, 48> kNames = {
      "-o", "-MF", "-MT", "-MQ", "-MJ", "-I", "-D", "-U", "-include", "-imacros", "-isystem",
      "-iquote", "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot",
      "-iframework", "-isystem-after", "-iwithsysroot", "-cxx-isystem", "-F", "-L", "-x",
      "-target", "-arch", "-Xpreprocessor", "-Xassembler", "-Xlinker", "-Xanalyzer",
      "-Xcuda-ptxas", "-Xcuda-fatbinary", "-resource-dir", "-include-pch", "-ivfsoverlay",
      "--sysroot", "-B", "-A", "-z", "-u", "-T", "-mllvm", "--param", "--serialize-diagnostics",
      "-working-directory", "-dependency-file", "-dependency-dot", "--output"};
  return std::find(kNames.begin(), kNames.end(), a) != kNames.end();
}

/// Flags that pass their value on to another stage: `-Xclang V`, `-Xclang=V`,
/// `-Xarch_* V`, `-Xopenmp-target[=T] V`. `joined`: the value is inside `a` (-Xclang=V).
bool is_wrapper(const std::string& a, bool& joined) {
  joined = false;
  if (a == "-Xclang" || a == "-Xopenmp-target" || starts_with(a, "-Xarch_") ||
      starts_with(a, "-Xopenmp-target="))
    return true;
  if (starts_with(a, "-Xclang=")) {
    joined = true;
    return true;
  }
  return false;
}

/// A flag (possibly given to cc1 through a wrapper) that makes the compiler
/// load a shared object, or names one to run.
bool loads_code(std::string_view v) {
  return starts_with(v, "-fplugin=") || starts_with(v, "-fpass-plugin=") ||
         starts_with(v, "--hipspv-pass-plugin=");
}
/// cc1 options that load or run a plugin and take the next (wrapped) argument.
bool loads_code_with_value(std::string_view v) {
  return v == "-load" || v == "-plugin" || v == "-add-plugin" || starts_with(v, "-plugin-arg-") ||
         v == "-fplugin" || v == "-fpass-plugin";
}

/// Flags that choose the output, write dependency files or other side files,
/// or pick an action other than a syntax-only parse. Separate values are
/// handled by the caller.
bool output_or_action(std::string_view a) {
  static constexpr std::array<std::string_view, 20> kExact = {
      "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-fsyntax-only", "-Winvalid-pch",
      "-save-temps", "-ftime-trace", "--write-dependencies", "--write-user-dependencies",
      "--dependencies", "--user-dependencies", "--preprocess", "--compile", "--assemble"};
  if (std::find(kExact.begin(), kExact.end(), a) != kExact.end()) return true;
  return starts_with(a, "-save-temps=") || starts_with(a, "-ftime-trace=") ||
         starts_with(a, "-Wp,-MD,") || starts_with(a, "-Wp,-MMD,") || starts_with(a, "--output=");
}

/// `-oFILE`, `-MFFILE`, `-MTtarget`, `-MQtarget`, `-MJFILE` (joined forms).
bool joined_output_or_dependency(std::string_view a) {
  if (starts_with(a, "-o") && a.size() > 2 && !starts_with(a, "-objc") &&
      !starts_with(a, "-object"))
    return true;
  for (std::string_view p : {"-MF", "-MT", "-MQ", "-MJ"})
    if (starts_with(a, p) && a.size() > 3) return true;
  return false;
}

bool has_source_extension(std::string_view a) {
  size_t dot = a.rfind('.');
  size_t slash = a.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return false;
  static constexpr std::array<std::string_view, 17> kExt = {
      "c", "cc", "cpp", "cxx", "c++", "cp", "C", "CPP", "CC", "m", "mm", "M", "cu", "hip", "i",
      "ii", "cppm"};
  std::string_view ext = a.substr(dot + 1);
  return std::find(kExt.begin(), kExt.end(), ext) != kExt.end();
}

bool is_launcher(std::string_view argv0) {
  size_t slash = argv0.rfind('/');
  std::string_view base = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  return base == "ccache" || base == "sccache" || base == "distcc" || base == "icecc" ||
         base == "buildcache";
}

} // namespace

// GCC flags Clang 19 rejects ("unknown argument"), each checked with
// `clang-19 -fsyntax-only FLAG x.cpp`. None of them changes how code parses.
bool gcc_only_flag(std::string_view a) {
  static constexpr std::array<std::string_view, 52> kExact = {
      "-fno-extended-identifiers", "-fconserve-stack", "-fno-var-tracking-assignments",
      "-fvar-tracking-assignments", "-fvar-tracking", "-fno-canonical-system-headers",
      "-fno-allow-store-data-races", "-fcompare-debug-second", "-fno-lifetime-dse",
      "-fno-peephole2", "-fno-code-hoisting", "-fno-partial-inlining",
      "-fno-reorder-blocks-and-partition", "-fno-guess-branch-probability", "-fno-shrink-wrap",
      "-fno-early-inlining", "-fno-printf-return-value", "-fharden-compares", "-mrecord-mcount",
      "-mindirect-branch-register", "-fno-toplevel-reorder", "-fno-gnu-unique",
      "-fsched-pressure", "-fno-keep-inline-dllexport", "-fext-numeric-literals", "-fconcepts",
      "-fmodules-ts", "-fno-diagnostics-show-caret", "-fno-aggressive-loop-optimizations",
      "-fopt-info", "-freorder-functions", "-fno-crossjumping", "-fno-if-conversion",
      "-fpredictive-commoning", "-fno-store-merging", "-fno-function-cse",
      "-fno-var-tracking-uninit", "-fno-loop-interchange", "-fno-move-loop-invariants",
      "-fno-ssa-phiopt", "-fno-stack-protector-all", "-fdiagnostics-plain-output",
      "-fno-diagnostics-show-labels", "-fnothrow-opt", "-fno-optional-diags",
      "-fstrong-eval-order", "-fno-enforce-eh-specs", "-fcallgraph-info", "-fno-inline-atomics",
      "-fprofile-abs-path", "-fsplit-paths", "-fno-strict-volatile-bitfields"};
  // Families: GCC middle-end optimiser flags (-f[no-]ipa-*, -f[no-]tree-*,
  // register allocator and scheduler) and GCC-only diagnostics options.
  // Clang rejects most members and ignores the rest (-ftree-vectorize,
  // -fno-ipa-cp); none of them affects a syntax-only parse.
  static constexpr std::array<std::string_view, 20> kPrefix = {
      "-fipa-", "-fno-ipa-", "-ftree-", "-fno-tree-", "-fstack-reuse=", "-fira-", "-fno-ira-",
      "-fsched-", "-fno-sched-", "-fdump-", "-fconcepts-diagnostics-depth=",
      "-fmin-function-alignment=", "-fabi-version=", "-fvtable-verify=", "-fdiagnostics-urls=",
      "-fdiagnostics-path-format=", "-fdiagnostics-column-unit=", "-flto-partition=",
      "-mindirect-branch=", "-fno-isolate-erroneous-paths-"};
  if (std::find(kExact.begin(), kExact.end(), a) != kExact.end()) return true;
  for (std::string_view p : kPrefix)
    if (starts_with(a, p)) return true;
  // -flto=N (a job count): Clang takes only -flto=auto|jobserver|full|thin.
  if (starts_with(a, "-flto=") && a.size() > 6 &&
      std::all_of(a.begin() + 6, a.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  // -fdiagnostics-format=json*: GCC's; Clang knows clang|msvc|vi|sarif.
  if (starts_with(a, "-fdiagnostics-format=json")) return true;
  return false;
}

std::vector<std::string> adjust_arguments(const CompileCommand& cmd, const AdjustOptions& opts,
                                          std::vector<std::string>& warnings) {
  const std::vector<std::string>& in = cmd.arguments;
  const std::string where = dropped_prefix(cmd, opts);
  auto drop_code = [&](const std::string& what) {
    warnings.push_back(where + what + ": flags that load code are never honoured");
  };

  std::vector<std::string> out;
  out.reserve(in.size() + 4);
  size_t i = 0;
  // A compiler launcher (ccache g++ ...) is not the compiler.
  while (i + 1 < in.size() && is_launcher(in[i]) && !in[i + 1].empty() && in[i + 1][0] != '-')
    ++i;
  out.push_back(i < in.size() ? in[i] : std::string("clang++"));
  ++i;

  auto is_input = [&](const std::string& a) {
    return a == "-" || has_source_extension(a) || absolute_path(a, cmd.directory) == cmd.file;
  };

  bool after_dashdash = false;
  for (; i < in.size(); ++i) {
    const std::string& a = in[i];
    const bool has_next = i + 1 < in.size();
    if (after_dashdash || a.empty() || a[0] != '-' || a == "-") {
      if (after_dashdash || a.empty() || is_input(a)) continue;
      if (a[0] == '@') {
        warnings.push_back(where + a + ": response files are expanded when the database is "
                                       "read, and this one could not be");
        continue;
      }
      out.push_back(a);
      continue;
    }
    if (a == "--") {
      after_dashdash = true; // everything after it is an input
      continue;
    }

    // Wrapped flags: inspect what they hand to cc1 (or another toolchain).
    bool joined;
    if (is_wrapper(a, joined)) {
      if (!joined && !has_next) continue; // a dangling wrapper: nothing to pass on
      const std::string value = joined ? a.substr(8) : in[i + 1];
      const std::string unit = joined ? a : a + " " + value;
      const size_t unit_end = joined ? i : i + 1;
      if (loads_code(value)) {
        drop_code(unit);
        i = unit_end;
        continue;
      }
      if (loads_code_with_value(value) || value == "-include-pch") {
        // The option's own value comes through the next wrapper.
        size_t j = unit_end + 1;
        std::string whole = unit;
        bool next_joined;
        if (j < in.size() && is_wrapper(in[j], next_joined)) {
          if (next_joined) {
            whole += " " + in[j];
            i = j;
          } else if (j + 1 < in.size()) {
            whole += " " + in[j] + " " + in[j + 1];
            i = j + 1;
          } else {
            i = j;
          }
        } else {
          i = unit_end;
        }
        if (value != "-include-pch") drop_code(whole);
        continue;
      }
      if (starts_with(value, "-emit-") || value == "-fsyntax-only") {
        // A cc1 action would replace the syntax-only parse (-emit-pch writes a PCH).
        i = unit_end;
        continue;
      }
      out.push_back(a);
      if (!joined) out.push_back(value);
      i = unit_end;
      continue;
    }

    // Code loading at the driver level.
    if (loads_code(a)) {
      drop_code(a);
      continue;
    }
    if (a == "-fplugin" || a == "-fpass-plugin") {
      drop_code(has_next ? a + " " + in[i + 1] : a);
      if (has_next) ++i;
      continue;
    }
    if (starts_with(a, "-fplugin-arg-")) continue; // an argument for a plugin not loaded
    // Configuration files can hold any flag, -fplugin= among them.
    if (starts_with(a, "--config=") || starts_with(a, "--config-system-dir=") ||
        starts_with(a, "--config-user-dir=")) {
      warnings.push_back(where + a + ": configuration files can name flags that load code "
                                     "and are never honoured");
      continue;
    }
    if (a == "--config") {
      warnings.push_back(where + (has_next ? a + " " + in[i + 1] : a) +
                         ": configuration files can name flags that load code and are never "
                         "honoured");
      if (has_next) ++i;
      continue;
    }

    // Outputs, dependency files, actions, precompiled headers.
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ" || a == "-MJ" || a == "--output" ||
        a == "-include-pch" || a == "--serialize-diagnostics" || a == "-dependency-file" ||
        a == "-dependency-dot") {
      if (has_next) ++i;
      continue;
    }
    if (output_or_action(a) || joined_output_or_dependency(a)) continue;

    if (!opts.resource_dir.empty() && (a == "-resource-dir" || starts_with(a, "-resource-dir="))) {
      if (a == "-resource-dir" && has_next) ++i;
      continue;
    }

    out.push_back(a);
    if (takes_separate_value(a) && has_next) out.push_back(in[++i]);
  }

  out.push_back("-fsyntax-only");
  // Clang reads default configuration files found beside argv[0], a path the
  // database chooses; they could carry -fplugin=.
  out.push_back("--no-default-config");
  if (!opts.resource_dir.empty()) {
    out.push_back("-resource-dir");
    out.push_back(opts.resource_dir);
  }
  out.push_back(cmd.file);
  return out;
}

std::vector<std::string> drop_gcc_only_flags(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  out.reserve(args.size());
  if (!args.empty()) out.push_back(args[0]);
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool joined = false;
    if (takes_separate_value(a) || (is_wrapper(a, joined) && !joined)) {
      // The value is not a flag of this command, whatever it looks like.
      out.push_back(a);
      if (i + 1 < args.size()) out.push_back(args[++i]);
      continue;
    }
    if (!gcc_only_flag(a)) out.push_back(a);
  }
  return out;
}

std::vector<std::string> prepare_arguments(const CompileCommand& cmd, const AdjustOptions& opts,
                                           DropUnknownFlags drop, std::vector<std::string>& warnings) {
  std::vector<std::string> removed;
  std::vector<std::string> out = drop(drop_gcc_only_flags(adjust_arguments(cmd, opts, warnings)), removed);
  for (const std::string& r : removed) warnings.push_back(unknown_flag_warning(cmd, opts, r));
  return out;
}

std::string unknown_flag_warning(const CompileCommand& cmd, const AdjustOptions& opts, const std::string& flag) {
  return dropped_prefix(cmd, opts) + flag + ": not a flag clang knows";
}

std::vector<std::string> keep_every_flag(const std::vector<std::string>& args, std::vector<std::string>&) {
  return args;
}

} // namespace seam
