#include "schedule/drift.hpp"

#include "base/file_io.hpp"

#include <fmt/format.h>

#include <map>

namespace brief::schedule {

namespace {

// The span of `id` in the spec's text, so the message points where the user wrote it.
Span span_of_id(const SourceFilePtr& spec_file, const std::string& id) {
  if (!spec_file) return {};
  const auto at = spec_file->text.find(id);
  if (at == std::string::npos) return {};
  return Span{spec_file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + id.size())};
}

// Longest excerpt shown of an old or new sentence, in bytes (cut at a character boundary): long
// enough for a sentence of a news report or ministry statement, short enough for a terminal.
constexpr size_t k_max_excerpt_bytes = 400;

bool sentence_end_before(std::string_view text, size_t at) {
  // True when a sentence ends just before `at`: ". ", "? ", "! " (optionally a closing quote).
  if (at < 2 || text[at - 1] != ' ') return false;
  size_t i = at - 2;
  if (i > 0 && (text[i] == '"' || text[i] == ')' || static_cast<unsigned char>(text[i]) >= 0x80)) --i;
  return text[i] == '.' || text[i] == '?' || text[i] == '!';
}

std::string excerpt(std::string_view text, size_t begin, size_t end) {
  std::string out(text.substr(begin, end - begin));
  if (out.size() > k_max_excerpt_bytes) {
    size_t cut = k_max_excerpt_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "\u2026";
  }
  return out;
}

} // namespace

DriftExcerpts changed_sentences(std::string_view before, std::string_view after) {
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  // Widen the differing bytes to whole sentences: back to a sentence start, on to a sentence end.
  size_t begin = prefix;
  while (begin > 0 && !sentence_end_before(before, begin)) --begin;
  auto end_of = [&](std::string_view text) {
    size_t end = text.size() - suffix;
    while (end < text.size() && !sentence_end_before(text, end)) ++end;
    while (end > begin && text[end - 1] == ' ') --end;
    return end;
  };
  return {excerpt(before, begin, std::max(begin, end_of(before))),
      excerpt(after, begin, std::max(begin, end_of(after)))};
}

Diagnostics citation_drift(const OutputJob& job, const Manifest& previous, const BuiltOutput& built,
    Severity severity) {
  Diagnostics diagnostics;
  std::map<std::string, const CitedText*> now;
  for (const auto& cited : built.cited) now[cited.id] = &cited;
  // The user may have removed an id from the spec on purpose; then its absence is not drift.
  const bool spec_changed = previous.inputs.spec_hash != built.inputs.spec_hash;

  SourceFilePtr spec_file;
  bool spec_read = false;
  size_t query_changes = 0;
  for (const auto& before : previous.cited) {
    const auto it = now.find(before.id);
    const bool gone = it == now.end();
    if (!gone && it->second->text_hash == before.text_hash) continue;
    if (!before.explicit_id) {
      ++query_changes;
      continue;
    }
    if (gone && spec_changed) continue;
    if (!spec_read) {
      auto file = read_source_file(job.spec_path);
      if (file.ok()) spec_file = file.value();
      spec_read = true;
    }
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.span = span_of_id(spec_file, before.id);
    diagnostic.message = gone
        ? fmt::format("cited passage `{}` disappeared since the last build", before.id)
        : fmt::format("cited passage `{}` changed since the last build", before.id);
    if (!gone && !before.text.empty()) {
      const auto shown = changed_sentences(before.text, it->second->text);
      diagnostic.hints.push_back(fmt::format("was: \u201C{}\u201D", shown.before));
      diagnostic.hints.push_back(fmt::format("now: \u201C{}\u201D", shown.after));
    } else if (gone && !before.text.empty()) {
      diagnostic.hints.push_back(fmt::format("was: \u201C{}\u201D", excerpt(before.text, 0, before.text.size())));
    }
    diagnostic.hints.push_back(fmt::format("{} ({}) cites it; check the brief still says what the "
                                           "source says",
        job.name, job.spec_path.generic_string()));
    if (severity == Severity::error)
      diagnostic.hints.push_back(fmt::format("the previous {} was kept; build without --strict to "
                                             "accept the change",
          job.name));
    diagnostics.add(std::move(diagnostic));
  }
  if (query_changes > 0)
    diagnostics.note({}, fmt::format("{}: {} passage{} picked by query changed since the last build",
                             job.name, query_changes, query_changes == 1 ? "" : "s"));
  return diagnostics;
}

} // namespace brief::schedule
