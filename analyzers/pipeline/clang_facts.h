// The FactSource of the CLI: Clang, through the extractor (analyzers/extract).
// In its own target (seam_pipeline_clang), so the rest of the pipeline, the
// reports and their tests link no Clang.
#pragma once

#include "analyzers/pipeline/fact_stage.h"

#include <memory>

namespace seam::pipeline {

/// Parses with Clang 19 and its resource directory (stddef.h & co.).
std::unique_ptr<FactSource> clang_facts();

} // namespace seam::pipeline
