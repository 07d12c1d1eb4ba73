#include "analyzers/stubs/c_callbacks.h"

namespace seam::stubs {
namespace {

/// "void (*)(void *, const Slice &)" -> true: the pointer's own parameters
/// start with void* (Clang spells function pointer types this way).
bool takes_context_first(const TypeInfo& t) {
  if (t.shape != TypeShape::Function) return false;
  const size_t star = t.spelling.find("(*)(");
  return star != std::string::npos && t.spelling.compare(star + 4, 6, "void *") == 0;
}

bool is_void_pointer(const TypeInfo& t) {
  return t.shape == TypeShape::Pointer && !t.args.empty() && t.args[0].shape == TypeShape::Void;
}

std::string name_of(const std::vector<Param>& params, size_t i) {
  return params[i].name.empty() ? "#" + std::to_string(i + 1) : params[i].name;
}

} // namespace

std::optional<Skip> c_callback_skip(const std::string& function, const std::vector<Param>& params) {
  size_t fn = params.size(), arg = params.size();
  for (size_t i = 0; i < params.size(); ++i) {
    if (fn == params.size() && takes_context_first(params[i].type)) fn = i;
    if (arg == params.size() && is_void_pointer(params[i].type)) arg = i;
  }
  if (fn == params.size() || arg == params.size()) return std::nullopt;
  return Skip{SkipKind::Callback,
              "parameters '" + name_of(params, fn) + "' (" + params[fn].type.spelling + ") and '" +
                  name_of(params, arg) + "' (void *): a C callback, the caller's function called with the caller's "
                  "own context pointer; the service would have to call code in the caller's process with memory only "
                  "the caller can read. Decide: give " + function + " an interface parameter instead of the pair (a "
                  "class with one virtual method: seam serves a caller's object as a callback handle, one round trip "
                  "per call back), return what the callback receives, or move the callback's code into the service"};
}

} // namespace seam::stubs
