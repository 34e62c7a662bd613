#pragma once
// The sources annex: a sources summary statement and one bibliography entry per cited source.

#include "compose/citations.hpp"
#include "model/document.hpp"

namespace brief::compose {

// "This brief draws on 5 sources: ..., published between October 2020 and December 2024."
// plus any single-source dependency of the key judgments (`judgments` lists, for each judgment,
// the number of distinct documents supporting it).
model::Paragraph sources_summary(const std::vector<const corpus::Document*>& documents,
    const std::vector<size_t>& judgment_support);

// One entry per citation, in citation order, anchored for the citation links.
model::List bibliography(const std::vector<model::Citation>& citations, const corpus::Corpus& corpus,
    const theme::Theme& theme);

} // namespace brief::compose
