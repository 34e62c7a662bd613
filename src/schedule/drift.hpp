#pragma once
// Citation drift: a passage the spec cites by id whose text changed (or vanished) since the last
// build. The brief may now quote or summarise something the source no longer says, so the user is
// told, and with --strict the old PDF is kept.

#include "schedule/manifest.hpp"

namespace brief::schedule {

// The sentences of a cited text that differ between two versions, for "was: ... now: ...".
struct DriftExcerpts {
  std::string before;
  std::string after;
};

// The span where `before` and `after` differ, widened to whole sentences (and shortened with an
// ellipsis when very long); text both versions share around it is left out.
DriftExcerpts changed_sentences(std::string_view before, std::string_view after);

// Compares the passages `built` cites with those of the previous manifest. Passages named by id
// give a diagnostic of `severity` each (with the old and new sentence when the manifest kept the text), pointing at the id in the spec when it can be found;
// passages picked by a query that changed give one note.
Diagnostics citation_drift(const OutputJob& job, const Manifest& previous, const BuiltOutput& built,
    Severity severity);

} // namespace brief::schedule
