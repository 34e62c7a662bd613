#pragma once
// Web furniture: text that belongs to the page a source was captured from, not to the source
// (comment forms, share prompts, photo credits, bylines, datelines). Every rule and every tunable
// of the converters is declared in furniture.cpp with its reason; converters of text captures and
// saved web pages ask these functions, so a rule means the same thing for every format.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace brief::corpus::furniture {

// Word counts and widths the converters use to tell body text from page chrome.
struct Tunables {
  // A block of at least this many words that ends like a sentence is body text; shorter lines
  // at the top of a capture (site name, section, title, byline, affiliations) are its masthead.
  size_t body_min_words;
  // A block this long is body text whatever its last character.
  size_t body_long_words;
  // The masthead is looked for among this many leading blocks; past them, nothing is masthead.
  size_t masthead_max_blocks;
  // A heading in a capture: at most this many words, no sentence punctuation at its end.
  size_t heading_max_words;
  // A text capture whose lines mostly stay within this many bytes is hard-wrapped: its paragraphs
  // are separated by blank lines. Otherwise every line is a paragraph (web captures).
  size_t wrap_width;
  // ... "mostly": at most this share of its lines is wider.
  double wrap_exceptions;
  // ... and at most this share of the lines another line continues ends a sentence.
  double wrap_sentence_ends;
  // A transcript needs at least this many speaker turns (`NAME:`) by at least two speakers.
  size_t min_speaker_turns;
};
const Tunables& tunables();

// Number of words (runs of non-space bytes) in `text`.
size_t word_count(std::string_view text);

// True when `text` ends like a sentence (., !, ?, …), closing quotes and brackets ignored.
bool ends_sentence(std::string_view text);

// The rule name when a whole block is a share prompt, a counter, a subscription or cookie notice
// ("Share this:", "Do you like this article?", "Print", "Accept cookies"); nullopt otherwise.
std::optional<std::string_view> prompt_rule(std::string_view text);

// True when a block opens the comment section of a page ("Leave a Reply", "3 Comments",
// "Your email address will not be published"): it and everything after it are not the source.
bool opens_comment_section(std::string_view text);

// True when a block is a photo caption or credit ("... [Photo courtesy of X]", "Photo: AFP",
// "(Getty Images)"): captions describe the page's pictures and are not passages.
bool is_caption(std::string_view text);

// The byte length of a dateline opening the first paragraph of a story ("Shafaq News/ ",
// "BAGHDAD (Reuters) - ", "CAIRO, Aug. 16 (Xinhua) -- "), 0 when there is none; `source`
// receives the agency or outlet it names.
size_t dateline_length(std::string_view text, std::string* source = nullptr);

// "By Khalid al-Taie" -> "Khalid al-Taie" (a byline of one to five capitalised names); nullopt
// otherwise.
std::optional<std::string> byline(std::string_view text);

// A speaker label opening a transcript turn ("Q:", "MODERATOR:", "MR. KIRBY:", "SENIOR
// ADMINISTRATION OFFICIAL:"): the length through the colon and spaces, 0 when there is none;
// `speaker` receives the label without the colon.
size_t speaker_label(std::string_view text, std::string* speaker = nullptr);

// Splits a page title "Headline – Site Name" / "Headline | Site" into the headline and the site
// when the part after the separator is short; nullopt when the title has no such part.
std::optional<std::pair<std::string, std::string>> split_site_title(std::string_view title);

} // namespace brief::corpus::furniture
