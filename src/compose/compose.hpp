#pragma once
// compose: BriefSpec + Digest + Corpus + Theme -> model::Document.
//
// Builds the blocks of a brief (title block data, BLUF, sections, quotes with attributions, key
// judgments, recommendations, key figures, sources summary statement, bibliography), numbers the
// citations in order of first use and links each mark to its bibliography entry. Computes the
// banner from the highest releasability actually included and adds portion marks where the theme
// asks for them.

#include "analyze/digest.hpp"
#include "corpus/corpus.hpp"
#include "model/document.hpp"
#include "briefing/spec.hpp"
#include "theme/theme.hpp"

namespace brief::compose {

model::Document build(const briefing::BriefSpec& spec, const analyze::Digest& digest,
    const corpus::Corpus& corpus, const theme::Theme& theme);

} // namespace brief::compose
