#include "cli/terminal.hpp"

#include <catch2/catch.hpp>

using namespace brief::cli;

TEST_CASE("colour on a terminal only, unless NO_COLOR or --color says otherwise") {
  CHECK(use_color(ColorChoice::automatic, true, nullptr));
  CHECK_FALSE(use_color(ColorChoice::automatic, false, nullptr));
  // no-color.org: any non-empty value disables colour; an empty one does not.
  CHECK_FALSE(use_color(ColorChoice::automatic, true, "1"));
  CHECK_FALSE(use_color(ColorChoice::automatic, true, "0"));
  CHECK(use_color(ColorChoice::automatic, true, ""));
  // A choice on the command line outranks the environment and the terminal test.
  CHECK(use_color(ColorChoice::always, false, "1"));
  CHECK_FALSE(use_color(ColorChoice::never, true, nullptr));
}

TEST_CASE("the colour option takes auto, always or never") {
  CHECK(parse_color_choice("auto") == ColorChoice::automatic);
  CHECK(parse_color_choice("always") == ColorChoice::always);
  CHECK(parse_color_choice("never") == ColorChoice::never);
  CHECK_FALSE(parse_color_choice("yes").has_value());
  CHECK_FALSE(parse_color_choice("").has_value());
}

TEST_CASE("search hits: matched terms highlighted with colour, bracketed without") {
  const std::string snippet = "the [sleeper] [cells] in Kirkuk";
  CHECK(highlight_matches(snippet, false) == snippet);
  CHECK(highlight_matches(snippet, true) ==
        "the \033[1;31msleeper\033[0m \033[1;31mcells\033[0m in Kirkuk");
  // A marked term at either end, and a multi-word match.
  CHECK(highlight_matches("[ISIS] fighters [rebuild networks]", true) ==
        "\033[1;31mISIS\033[0m fighters \033[1;31mrebuild networks\033[0m");
}

TEST_CASE("a bracket without its partner is left as text") {
  // A snippet cut short inside a match, a stray closing bracket, an empty pair.
  CHECK(highlight_matches("attacks on [conv…", true) == "attacks on [conv…");
  CHECK(highlight_matches("a ] b [c] d", true) == "a ] b \033[1;31mc\033[0m d");
  CHECK(highlight_matches("x [] y", true) == "x [] y");
  CHECK(highlight_matches("[a [b] c", true) == "[a \033[1;31mb\033[0m c");
  CHECK(highlight_matches("", true).empty());
}
