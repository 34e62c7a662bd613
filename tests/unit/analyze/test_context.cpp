#include "analyze/context.hpp"

#include <catch2/catch.hpp>

using namespace brief::analyze;

TEST_CASE("captions, bylines, questions and fragments are unfit") {
  CHECK(check_sentence("The minister observes the work of analysts in Baghdad. [Photo courtesy of the ministry]").unfit == "photo caption");
  CHECK(check_sentence("Could you tell us whether the arrests were made at your urging?\u00A0").unfit == "question");
  CHECK(check_sentence("By Khalid al-Taie").unfit == "byline");
  CHECK(check_sentence("Do you like this article and its many sections?").unfit == "question");
  CHECK(check_sentence("Leave a Reply").unfit == "fewer than 6 words");
  std::string long_sentence;
  for (int i = 0; i < 90; ++i) long_sentence += "word ";
  CHECK(check_sentence(long_sentence).unfit == "more than 75 words");
  CHECK(check_sentence("Iraq has ramped up its campaign against ISIS in 2024.").unfit.empty());
}

TEST_CASE("sentences leaning on the previous one need a lead-in") {
  CHECK(check_sentence("These efforts have resulted in the capture of dozens of operatives.").lead_in ==
      "starts with 'These'");
  CHECK(check_sentence("He said the coalition would stay until 2026 at the latest.").lead_in ==
      "starts with 'He'");
  CHECK(check_sentence("However, ISIS still refrains from carrying out combined attacks.").lead_in ==
      "starts with 'however'");
  CHECK(check_sentence("In addition, the strikes destroyed several weapons caches.").lead_in ==
      "starts with 'in addition'");
  CHECK(check_sentence("\"The coalition has worked with us and provided support,\" he said.").lead_in ==
      "speaker named as 'he'");
}

TEST_CASE("expletive it and existential there need no lead-in") {
  CHECK(check_sentence("It is important to develop a global system of collaboration.").lead_in.empty());
  CHECK(check_sentence("There are gaps in the political system of the country.").lead_in.empty());
  CHECK(check_sentence("Iraq considers the need to find an international system.").lead_in.empty());
}

TEST_CASE("count_words counts letters and digits runs") {
  CHECK(count_words("About 5,000-6,000 operatives are active.") == 8);
}

TEST_CASE("a person named by surname alone after being named in full leans on that sentence") {
  const std::string before = "Officials met on Monday. National Security Adviser Qasim al-Araji reiterated the aim. ";
  auto found = bare_surname("In November 2024, al-Araji acknowledged the coalition's role.", before);
  REQUIRE(found.has_value());
  CHECK(found->surname == "al-Araji");
  CHECK(before.substr(found->at, 5) == "Qasim");
  // Named in full in the sentence itself, never named in full before, a thing, an acronym.
  CHECK_FALSE(bare_surname("Qasim al-Araji acknowledged the coalition's role.", before).has_value());
  CHECK_FALSE(bare_surname("In 2024, al-Bayati acknowledged the coalition's role.", before).has_value());
  CHECK_FALSE(bare_surname("Later the Coalition announced its plan.", "The US-led Coalition met. ").has_value());
  CHECK_FALSE(bare_surname("Then ISIS claimed the attack.", "The Islamic State ISIS rose. ").has_value());
  // Not the subject of a reported or past verb.
  CHECK_FALSE(bare_surname("A letter to al-Araji went unanswered.", before).has_value());
}
