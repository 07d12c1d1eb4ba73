// The sites behind an edge, grouped by what they use: which symbols of the
// other side are referenced, how often and where, and which of its files are
// included. What a developer reads to cut an edge (`seam why`, cycle details).
#pragma once

#include "analyzers/model/model.h"

#include <vector>

namespace seam {

struct SymbolUse {
  SymbolId symbol = kNoSymbol;
  std::vector<uint32_t> refs; ///< indices into Project::refs, in site order
};

struct FileInclusion {
  FileId file = kNoFile;
  std::vector<uint32_t> includes; ///< indices into Project::includes, in site order
};

/// References grouped by referenced symbol, most used first, then by
/// qualified name and USR. Linear in refs (plus sorting the groups).
std::vector<SymbolUse> uses_by_symbol(const Project& project, const std::vector<uint32_t>& refs);

/// Includes grouped by included file, most included first, then by path.
std::vector<FileInclusion> inclusions_by_file(const Project& project, const std::vector<uint32_t>& includes);

/// The qualified name of a reference's enclosing symbol, or "(file scope)".
const std::string& referencing_name(const Project& project, const Reference& r);

} // namespace seam
