// C-style callbacks in a signature: a function pointer whose first parameter
// is `void*`, passed with the `void*` it is to be called with
// (`void* arg, void (*handle_result)(void* arg, const Slice& k, const Slice& v)`
// in leveldb's Table::InternalGet). Neither half means anything in another
// process, so `seam split` names the pair and what a person decides, instead
// of calling `arg` a raw pointer and stopping there.
#pragma once

#include "analyzers/core/facts.h"
#include "analyzers/stubs/proto_mapping.h"

#include <optional>
#include <vector>

namespace seam::stubs {

/// The skip for `params` when they hold a C callback (a function pointer
/// whose first parameter is void*, and a void* parameter beside it), or
/// nothing. `function` is the qualified name, for the detail.
std::optional<Skip> c_callback_skip(const std::string& function, const std::vector<Param>& params);

} // namespace seam::stubs
