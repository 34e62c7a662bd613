#include "compose/citations.hpp"

#include <catch2/catch.hpp>

using namespace brief;

namespace {

corpus::DocumentMeta meta(const std::string& publisher, int year, int month, const std::string& title) {
  corpus::DocumentMeta m;
  m.publisher = publisher;
  m.published.year = year;
  m.published.month = month;
  m.title = title;
  return m;
}

// Citations of `documents` (ids d1, d2, ...) in a corpus holding them, with compose's short forms.
std::vector<model::Citation> cite_all(const std::vector<corpus::DocumentMeta>& documents, corpus::Corpus& c) {
  std::vector<model::Citation> citations;
  for (size_t i = 0; i < documents.size(); ++i) {
    corpus::Document document;
    document.meta = documents[i];
    document.meta.id = "d" + std::to_string(i + 1);
    c.documents.push_back(document);
    model::Citation citation;
    citation.number = static_cast<int>(i + 1);
    citation.document_id = document.meta.id;
    citation.short_form = compose::short_form(document.meta);
    citations.push_back(citation);
  }
  return citations;
}

} // namespace

TEST_CASE("a short form keeps the publisher, using a parenthesised acronym only") {
  CHECK(compose::short_form(meta("IANS (via MENAFN)", 2025, 0, "t")) == "IANS 2025");
  CHECK(compose::short_form(meta("The Meir Amit Intelligence and Terrorism Information Center (ITIC)", 2020, 9,
            "t")) == "ITIC 2020");
  CHECK(compose::short_form(meta("Iraqi Ministry of Foreign Affairs, Countering Terrorism Division", 2023, 0,
            "t")) == "Iraqi Ministry of Foreign Affairs 2023");
  CHECK(compose::short_form(meta("Ministry of Defence (Iraq)", 2021, 0, "t")) == "Ministry of Defence 2021");
}

TEST_CASE("sources sharing a short form are told apart by month, else by title") {
  corpus::Corpus by_month;
  auto citations = cite_all({meta("The White House", 2024, 3, "Fact Sheet: One"),
      meta("The White House", 2024, 7, "Fact Sheet: Two"), meta("ITIC", 2024, 3, "Other")}, by_month);
  compose::distinguish_short_forms(citations, by_month);
  CHECK(citations[0].short_form == "The White House Mar 2024");
  CHECK(citations[1].short_form == "The White House Jul 2024");
  CHECK(citations[2].short_form == "ITIC 2024");

  corpus::Corpus by_title;
  citations = cite_all({meta("The White House", 2024, 3, "Remarks by the President on Iraq"),
      meta("The White House", 2024, 3, "Remarks by the Vice President"),
      meta("The White House", 2024, 0, "Statement on the coalition")}, by_title);
  compose::distinguish_short_forms(citations, by_title);
  CHECK(citations[0].short_form == "The White House 2024, \u201CRemarks by the President\u2026\u201D");
  CHECK(citations[1].short_form == "The White House 2024, \u201CRemarks by the Vice\u2026\u201D");
  CHECK(citations[2].short_form == "The White House 2024, \u201CStatement on the coalition\u201D");
}
