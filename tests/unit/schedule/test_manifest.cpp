#include "schedule/manifest.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace brief::schedule;

TEST_CASE("the manifest records version, job, inputs, citations and the output") {
  fake::Project project("manifest");
  project.add_spec("alpha", "documents: b.md a.md\ncite: a#p1\nquery: b#p2\ntemplate: executive\n");
  brief::schedule::Reporter silent;
  REQUIRE(run(project.plan(), silent, project.hooks()).ok());
  const auto text = fake::slurp(project.output() / "alpha.pdf.manifest.json");
  const auto json = nlohmann::json::parse(text);
  CHECK(json["brief_version"] == BRIEF_VERSION);
  CHECK(json["job"]["name"] == "alpha.pdf");
  CHECK(json["job"]["format"] == "brief");
  CHECK(json["job"]["template"] == "executive");
  CHECK(json["inputs"]["spec"]["hash"].get<std::string>().size() == 64);
  REQUIRE(json["inputs"]["documents"].size() == 2);
  // Sorted by path whatever order the pipeline read them in.
  CHECK_THAT(json["inputs"]["documents"][0]["path"].get<std::string>(), Catch::EndsWith("a.md"));
  CHECK_THAT(json["inputs"]["templates"][0]["path"].get<std::string>(), Catch::EndsWith("executive.yaml"));
  CHECK(json["inputs"]["whole_corpus"] == false);
  REQUIRE(json["cited"].size() == 2);
  CHECK(json["cited"][0]["id"] == "a#p1");
  CHECK(json["cited"][0]["explicit"] == true);
  CHECK(json["cited"][1]["explicit"] == false);
  const auto pdf = fake::slurp(project.output() / "alpha.pdf");
  CHECK(json["output"]["sha256"] == brief::sha256_hex(pdf));
  CHECK(json["output"]["bytes"] == pdf.size());
  CHECK(json["output"]["pages"] == 3);
  CHECK(json["output"]["banner"] == "UNCLASSIFIED");
  CHECK(json["key"].get<std::string>().size() == 64);
  // No clock: nothing that looks like a time.
  CHECK(text.find("time") == std::string::npos);
  CHECK(text.find("date") == std::string::npos);
}

TEST_CASE("manifests round-trip and reject what they cannot read") {
  Manifest manifest;
  manifest.brief_version = "1.2.3";
  manifest.job = {"briefs/x.yaml", "x.pdf", "slides", "public", "", true};
  manifest.inputs.spec_path = "briefs/x.yaml";
  manifest.inputs.spec_hash = "aa";
  manifest.inputs.templates = {{"templates/public.yaml", "bb"}, {"templates/base.yaml", "cc"}};
  manifest.inputs.fonts = {{"/usr/share/fonts/x.ttf", "dd"}};
  manifest.inputs.corpus_dir = "corpus";
  manifest.corpus = {{"corpus/a.md", "ee"}};
  manifest.cited = {{"a#p1", "ff", true, "Alpha one."}};
  manifest.sha256 = "00";
  manifest.bytes = 10;
  manifest.pages = 2;
  manifest.key = compute_key(manifest);
  const auto text = manifest_json(manifest);
  const auto parsed = parse_manifest(text);
  REQUIRE(parsed);
  CHECK(manifest_json(*parsed) == text);
  CHECK(parsed->job == manifest.job);
  CHECK(parsed->inputs.templates == manifest.inputs.templates);
  REQUIRE(parsed->cited.size() == 1);
  CHECK(parsed->cited[0].text == "Alpha one.");  // kept for drift messages

  // The key covers every input.
  auto changed = manifest;
  changed.inputs.fonts[0].second = "de";
  CHECK(compute_key(changed) != manifest.key);
  changed = manifest;
  changed.job.template_name = "analyst";
  CHECK(compute_key(changed) != manifest.key);

  CHECK_FALSE(parse_manifest("{"));
  CHECK_FALSE(parse_manifest("[]"));
  CHECK_FALSE(parse_manifest(R"({"schema": 1})"));
  CHECK_FALSE(parse_manifest(text.substr(0, text.size() / 2)));
}
