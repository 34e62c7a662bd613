#include "theme/fonts.hpp"
#include "theme/tree.hpp"
#include "theme/values.hpp"

#include "base/yaml.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace brief;
using namespace brief::theme;

TEST_CASE("colours") {
  CHECK(color_hex(std::get<Rgb>(parse_color("#1f3b6b"))) == "#1f3b6b");
  CHECK(color_hex(std::get<Rgb>(parse_color("#FFF"))) == "#ffffff");
  CHECK(color_hex(std::get<Rgb>(parse_color("navy"))) == "#1f3b6b");
  CHECK(std::holds_alternative<ValueError>(parse_color("#12345")));
  CHECK(std::holds_alternative<ValueError>(parse_color("#gg0000")));
  CHECK(std::get<ValueError>(parse_color("rgb(1,2,3)")).message == "invalid color `rgb(1,2,3)`");
}

TEST_CASE("lengths and units") {
  CHECK(std::get<double>(parse_length("54")) == 54);
  CHECK(std::get<double>(parse_length("54pt")) == 54);
  CHECK(std::get<double>(parse_length("1in")) == 72);
  CHECK(std::abs(std::get<double>(parse_length("25.4mm")) - 72) < 1e-9);
  CHECK(std::abs(std::get<double>(parse_length("2.54 cm")) - 72) < 1e-9);
  CHECK(std::get<double>(parse_length("-2")) == -2);
  CHECK(std::holds_alternative<ValueError>(parse_length("20px")));
  CHECK(std::holds_alternative<ValueError>(parse_length("pt")));
  CHECK(std::holds_alternative<ValueError>(parse_length("1e400")));
  CHECK(std::get<ValueError>(parse_length("wide")).message == "invalid length `wide`");
}

TEST_CASE("numbers are read without the locale") {
  CHECK(parse_number("10.5") == 10.5);
  CHECK_FALSE(parse_number("10,5"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("nan"));
}

TEST_CASE("tree merge: maps merge, lists and scalars replace") {
  Diagnostics diags;
  const auto base_file = std::make_shared<SourceFile>(SourceFile{"base.yaml", "a: {x: 1, y: [1, 2]}\nb: 2\n"});
  const auto child_file = std::make_shared<SourceFile>(SourceFile{"child.yaml", "a: {y: [3]}\nc: 4\n"});
  Node tree = from_yaml(base_file, *yaml::parse(base_file), diags);
  merge_into(tree, from_yaml(child_file, *yaml::parse(child_file), diags));
  REQUIRE(diags.empty());
  CHECK(to_yaml(tree) == "a:\n  x: 1\n  y: [3]\nb: 2\nc: 4\n");
  // Each merged node keeps the file it came from.
  CHECK(tree.find("a")->value.find("x")->value.span.file->path == "base.yaml");
  CHECK(tree.find("a")->value.find("y")->value.span.file->path == "child.yaml");
  CHECK(tree.find("c")->key_span.file->path == "child.yaml");
}

TEST_CASE("font families: lookup and suggestions") {
  const std::vector<std::string> installed{"Charis SIL", "DejaVu Sans", "DejaVu Serif", "Noto Sans", "Noto Sans Arabic"};
  CHECK(find_family("charis sil", installed) == "Charis SIL");
  CHECK_FALSE(find_family("Charis", installed));
  CHECK(similar_families("Charis", installed) == std::vector<std::string>{"Charis SIL"});
  CHECK(similar_families("Noto Sanz", installed).front() == "Noto Sans");
  const auto& real = installed_families();
  CHECK(std::find(real.begin(), real.end(), "Charis SIL") != real.end());
}
