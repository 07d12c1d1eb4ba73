// Lakos components: which files of the project form one physical unit. Every
// component-level graph, cycle and metric groups files by File::component,
// and this is the one place that sets it.
#pragma once

#include "analyzers/model/model.h"

namespace seam {

/// Sets File::component of every project file. Needs files mapped to modules.
///
/// The rule (docs/graphs.md, "Components"):
///  1. A header and a source of the same stem in the same folder are one
///     component, named by the path without extension (src/util/fees.h and
///     src/util/fees.cpp: "src/util/fees"); a file with no such partner is a
///     component alone.
///  2. A source with no header beside it joins a header in another folder
///     (the public-include-tree convention: include/rocksdb/cleanable.h and
///     memory/cleanable.cc) only when that pairing is unambiguous:
///       - the source itself includes a header of its stem, and only one;
///       - that include is spelled relative to an include root (the
///         spelled name is the tail of the resolved path, so the root is
///         the rest: "rocksdb/cleanable.h" found at include/rocksdb/cleanable.h
///         means include/ was on the include path), and the source does not
///         lie under that root, so the header lives in a separate header tree
///         rather than beside other sources (-Isrc reaching src/util/fees.h
///         from src/rpc/fees.cpp is not that convention);
///       - header and source are in the same module;
///       - no other project source has that stem, and the header has no
///         source of its own.
///     Otherwise the files stay separate components.
///  3. A component never spans two modules: when the files of one folder and
///     stem belong to different modules (or some to none), each of them is a
///     component alone, named by its full path.
/// The facts carry no -I list, so rule 2 reads the include root from the
/// spelled name; a header reached relative to the includer ("../x.h") does
/// not qualify.
void assign_components(Project& project);

} // namespace seam
