// seam split MODULE -o DIR: the service stubs for one module (proto, client,
// server, CMake, README), from its interface. The output folder is checked
// before anything is parsed, so a mistake costs nothing.
#include "analyzers/candidates/ports.h"
#include "analyzers/pipeline/tu_selection.h"
#include "analyzers/core/output.h"
#include "analyzers/model/interface.h"
#include "analyzers/stubs/build_inputs.h"
#include "analyzers/stubs/contract.h"
#include "analyzers/stubs/ownership_check.h"
#include "analyzers/stubs/service_plan.h"
#include "reports/stubs/stub_files.h"
#include "tool/cli.h"

#include <cctype>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace seam::cli {
namespace {

namespace fs = std::filesystem;

std::string shell_word(const std::string& s) {
  bool plain = !s.empty();
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' || c == '-' || c == '=' ||
          c == ':' || c == '+' || c == ','))
      plain = false;
  if (plain) return s;
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// The command line that regenerates the same files, for their header comments.
std::string regenerate_command(const Options& o, const std::string& module) {
  std::string cmd = "seam split " + shell_word(module);
  if (o.has("contract")) cmd += " --contract " + shell_word(o.get("contract"));
  cmd += " -o " + shell_word(o.output) + " --force";
  if (!o.p_dir.empty()) cmd += " -p " + shell_word(o.p_dir);
  if (!o.config.empty()) cmd += " --config " + shell_word(o.config);
  std::error_code ec;
  std::string cwd = fs::current_path(ec).string();
  return ec ? cmd : "cd " + shell_word(cwd) + " && " + cmd;
}

/// Refuses a DIR that is a file, or a non-empty folder without --force.
bool check_output_dir(const Options& o) {
  std::error_code ec;
  fs::path dir(o.output);
  if (!fs::exists(dir, ec)) return true;
  if (!fs::is_directory(dir, ec)) {
    error(o.output + " exists and is not a folder; `seam split` writes several files into -o DIR");
    return false;
  }
  if (!o.has("force") && !fs::is_empty(dir, ec)) {
    error(o.output + " is not empty; pass --force to write the generated files into it anyway "
                     "(files of the same names are overwritten, others are left alone)");
    return false;
  }
  return true;
}

int run_split(const Options& o) {
  const std::string& module = o.positional.at(0);
  if (o.output.empty() || o.output == "-") {
    error("`seam split` needs -o DIR: the folder to write the service stubs to");
    return kError;
  }
  if (!check_output_dir(o)) return kError;

  Project p;
  ScanStats st;
  if (int rc = load_project(o, p, st)) return rc;
  ModuleId m = p.find_module(module);
  if (m == kNoModule) {
    std::string names;
    for (const Module& mod : p.modules) names += (names.empty() ? "" : ", ") + mod.name;
    error("unknown module '" + module + "'; the modules are: " + (names.empty() ? "(none)" : names));
    return kError;
  }
  // A typo in seam.json's "ownership" would silently leave its function skipped.
  if (auto bad = stubs::check_ownership(p); !bad.empty()) {
    for (const ConfigError& e : bad) std::cerr << e.format() << "\n";
    return kError;
  }
  // The compile database again, for the include paths and macros of the
  // module's translation units (load_project already validated it).
  pipeline::Request request;
  if (!make_request(o, request)) return kError;
  auto db = pipeline::read_compile_db(request, diagnostics(o));
  if (!db) return db.status();

  stubs::ServicePlan plan;
  if (o.has("contract")) {
    // The contract's operations instead of the module's interface.
    Ports ports = find_ports(p);
    stubs::ContractLookup c = stubs::find_contract(p, ports, m, o.get("contract"));
    if (!c.port) {
      error(c.error);
      return kError;
    }
    plan = stubs::plan_contract(p, m, *c.port);
  } else {
    plan = stubs::plan_service(p, m, module_interface(p, m));
  }
  stubs::StubBuildInputs inputs = stubs::stub_build_inputs(p, m, *db);
  stubs::StubOrigin origin{p.root, regenerate_command(o, module)};
  std::vector<stubs::GeneratedFile> files = stubs::generate_stub_files(plan, inputs, origin);

  std::error_code ec;
  fs::create_directories(o.output, ec);
  if (ec) {
    error("cannot create " + o.output + ": " + ec.message());
    return kError;
  }
  std::string err;
  for (const stubs::GeneratedFile& f : files) {
    // Names come from stubs::safe_identifier: never a separator, never "..".
    if (!write_file_atomic((fs::path(o.output) / f.name).string(), f.content, err)) {
      error(err);
      return kError;
    }
  }
  size_t loops = 0;
  for (const stubs::RemoteSite& r : plan.remote_sites) loops += r.in_loop;
  std::ostringstream out;
  out << "wrote " << files.size() << " files to " << o.output << ": service " << plan.package << "."
      << plan.service << " with " << plan.rpcs.size() << " rpc" << (plan.rpcs.size() == 1 ? "" : "s") << ", "
      << plan.messages.size() << " message" << (plan.messages.size() == 1 ? "" : "s") << ", " << plan.enums.size()
      << " enum" << (plan.enums.size() == 1 ? "" : "s") << "; " << plan.skipped.size() << " skipped; "
      << plan.remote_sites.size() << " call site" << (plan.remote_sites.size() == 1 ? "" : "s")
      << " become remote (" << loops << " in loops)\n";
  for (const stubs::SkippedPlan& s : plan.skipped)
    out << "skipped " << s.name << " (" << s.where << "): " << stubs::to_string(s.why.kind) << ": " << s.why.detail
        << "\n";
  std::cout << out.str();
  return kOk;
}

Registrar reg({
    "split",
    "service stubs for one module          seam split MODULE -o DIR",
    "seam split MODULE -o DIR [--contract CLASS] [--force] [options]",
    "Writes a first draft of MODULE as a gRPC service into DIR, from its interface (the\n"
    "symbols other modules use): MODULE.proto (one rpc per interface function, messages and\n"
    "enums for the value types), MODULE_convert.h, MODULE_client.cpp (the interface\n"
    "functions with their original signatures, forwarding over gRPC to the address in\n"
    "SEAM_<MODULE>_ADDR: link it instead of the module), MODULE_server.h/.cpp (the service\n"
    "over the module's real code, with a main), CMakeLists.txt (include paths and macros\n"
    "from the compile database) and README.md (what was skipped and why, and every call\n"
    "site that becomes remote, loop sites first). File names use the module name reduced\n"
    "to [A-Za-z0-9_]. DIR must be empty or absent unless --force.\n"
    "\n"
    "Classes of MODULE whose members other modules call become remote objects: the server\n"
    "keeps each object in a registry under a handle id (constructors return it, methods and\n"
    "the destructor take it, objects passed back travel as it); the client defines the\n"
    "class's member functions, so callers compile unchanged. Objects of a client that has\n"
    "not called for SEAM_<MODULE>_LEASE_SECONDS (server side, default 600) are released.\n"
    "A class with virtual methods that MODULE returns as T* (a factory: Iterator*\n"
    "NewIterator()) is a remote interface: every virtual method is an rpc on the handle and\n"
    "the client returns a proxy deriving from the class (iterators stay iterators, not\n"
    "streams, so callers' loops are unchanged); the virtual methods it inherits are\n"
    "forwarded too. An array of such objects (T** items, int n) travels as handles once\n"
    "seam.json \"ownership\" says whether the function takes them over or borrows them.\n"
    "Classes with private data cross by value when they have a constructor taking every\n"
    "field and a const getter per field (and a default constructor), or through seam.json\n"
    "\"conversions\".\n"
    "\n"
    "An object the caller owns and passes in (OrderObserver&, const Comparator*, or an\n"
    "Inventory& of another module that a constructor binds) is a callback: it stays in the\n"
    "caller's process, travels as a callback handle, and the client serves the reverse\n"
    "service <Module>Callbacks (one rpc per method) at SEAM_<MODULE>_CALLBACK_ADDR (default\n"
    "127.0.0.1:0); the server calls back through a proxy deriving from the class, or, for a\n"
    "concrete class, through member definitions of its own (the class's sources are left\n"
    "out of the server). Each callback is a round trip while the original call waits.\n"
    "A concrete class whose data members MODULE reads directly is never a callback (its\n"
    "stand-in would hold defaults): a struct of values and pointers to polymorphic classes\n"
    "(leveldb's const Options&) travels by value, its pointers as callback handles; any\n"
    "other such class is skipped, naming the members read.\n"
    "\n"
    "With --contract CLASS, the service is an existing interface instead: CLASS must be a\n"
    "port (an abstract class with only pure virtual methods and no data, see `seam\n"
    "candidates`) that MODULE implements and another module calls. One rpc per pure virtual\n"
    "method; files are named after the class (OrderObserver -> order_observer.proto ...);\n"
    "the client is a proxy class CLASSClient in CLASS's namespace deriving from CLASS\n"
    "(order_observer_client.h), so code holding a CLASS& takes it unchanged; the server is\n"
    "a library whose service holds a CLASS& to the real implementation (no main: the\n"
    "serving process builds its implementation). See docs/split.md.",
    {{"force", "", "write into a DIR that is not empty, overwriting files of the same names", {}, ""},
     {"contract", "CLASS", "generate from the pure virtual methods of CLASS, a port MODULE implements", {}, ""}},
    1,
    1,
    run_split,
});

} // namespace
} // namespace seam::cli
