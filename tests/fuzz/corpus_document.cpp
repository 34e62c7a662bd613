// Fuzz target: one corpus document (corpus::parse_document): front matter, cleaning, NFC,
// segmentation into passages and sentences. Accepted documents must have consistent byte ranges.
#include "fuzz_support.hpp"

#include "corpus/corpus.hpp"

using namespace brief;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto file = fuzz::source_file("corpus/fuzz.md", fuzz::as_text(data, size));
  const auto document = corpus::parse_document(file);
  fuzz::check_diagnostics(document.diagnostics());
  if (!document.ok()) return 0;
  const std::string& text = document->text;
  fuzz::require(!utf8::find_invalid(text), "document text is not valid UTF-8");
  uint32_t previous_end = 0;
  for (const corpus::Passage& passage : document->passages) {
    fuzz::require(passage.range.begin <= passage.range.end && passage.range.end <= text.size(),
        "passage range outside the document text");
    fuzz::require(passage.range.begin >= previous_end, "passages overlap or are out of order");
    previous_end = passage.range.end;
    fuzz::require(!utf8::find_invalid(passage.text), "passage text is not valid UTF-8");
    for (const corpus::Sentence& sentence : passage.sentences) {
      fuzz::require(sentence.range.begin <= sentence.range.end && sentence.range.end <= text.size(),
          "sentence range outside the document text");
      fuzz::require(sentence.range.begin >= passage.range.begin && sentence.range.end <= passage.range.end,
          "sentence range outside its passage");
      fuzz::require(sentence.id.rfind(passage.id + ".s", 0) == 0, "sentence id does not extend its passage id");
    }
  }
  return 0;
}
