// `seam candidates` as text and JSON (schema seam.candidates/2, docs/candidates.md):
// the ranking with every module's interface, dependencies, data, blockers,
// chattiness and score components; groups to extract together; what-if sets.
#pragma once

#include "analyzers/candidates/candidates.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace seam {

/// At most `sites` entries in each per-site list (chattiness.loop_sites, each
/// port's remote_calls): the HTML report's copy of the document, which shows
/// the first few sites. The counts beside them (chattiness.loop_calls) stay
/// whole. The default keeps every site, as `seam candidates` prints them.
struct CandidatesJsonLimits {
  size_t sites = SIZE_MAX;
};

/// One assessment as a JSON object. `rank` 0 = not ranked (null); a shared
/// kernel or entry point in a ranking has a null score and no components
/// (`ranked_list` true), a group or what-if set always has its score.
nlohmann::ordered_json assessment_json(const Project& project, const Assessment& a, uint32_t rank, bool ranked_list,
                                       const CandidatesJsonLimits& limits = {});

/// {"schema":"seam.candidates/2","candidates":[...],"groups":[...]}
nlohmann::ordered_json candidates_json(const Project& project, const Ranking& ranking,
                                       const CandidatesJsonLimits& limits = {});

/// {"schema":"seam.candidates/2","what_if":[modules],"candidates":[one entry with "remote_calls"]}
nlohmann::ordered_json what_if_json(const Project& project, const Assessment& a);

/// The ranking table, then each module in rank order, then the groups.
std::string candidates_text(const Project& project, const Ranking& ranking);

/// One set scored as a service, with every call that would become remote.
std::string what_if_text(const Project& project, const Assessment& a);

} // namespace seam
