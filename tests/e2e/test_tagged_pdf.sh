# Tagged PDF, checked by readers that are not brief: every shipped template's output (briefs,
# decks, handouts) is tagged with a language (pdfinfo), its structure text (pdfinfo -struct-text)
# has the content in reading order without banners, running heads or page numbers, and its
# structure tree passes check_tagged.py (qpdf --json: every marked-content sequence owned by one
# element or an artifact, Figures with Alt, headings without skipped levels, tables with TH, every
# Link annotation under a Link element). Links keep the reader's zoom.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"
command -v qpdf > /dev/null && command -v pdfinfo > /dev/null && command -v python3 > /dev/null ||
  { echo "qpdf, pdfinfo or python3 missing"; exit 125; }
CHECK="$SRC/tests/e2e/check_tagged.py"

# The banner as the brief prints it (the marking of the most restricted source).
for file in templates/*.yaml; do
  name=$(basename "$file" .yaml)
  [[ "$name" == base ]] && continue
  formats=(brief)
  merged=$("$BRIEF" templates show "$name" 2>/dev/null || true)
  grep -q '^format: *slides' <<< "$merged" && formats=(slides slides-handout)
  for format in "${formats[@]}"; do
    out="out-$name-$format"
    if ! "$BRIEF" build briefs/iraq-ct-overview.yaml -o "$out" --template "$name" --format "$format" > "$out.log" 2>&1; then
      cat "$out.log"
      fail "$name ($format) did not build"
      continue
    fi
    for pdf in "$out"/*.pdf; do
      pdfinfo "$pdf" > info.txt 2>&1
      grep -q '^Tagged: *yes' info.txt && pass "$name ($format): Tagged: yes" || fail "$name ($format): not tagged"
      grep -q '^PDF version: *1.7' info.txt && pass "$name ($format): PDF 1.7" || fail "$name ($format): not PDF 1.7"
      if python3 "$CHECK" "$pdf" > check.txt 2>&1; then
        pass "$name ($format): structure tree ($(tail -n 1 check.txt))"
      else
        head -n 20 check.txt
        fail "$name ($format): structure tree"
      fi
      pdfinfo -struct-text "$pdf" > struct.all 2> struct.err || fail "$name ($format): pdfinfo -struct-text failed"
      sed -n 's/^ *"\(.*\)"$/\1/p' struct.all > struct.txt  # the text, without element names
      pdftotext "$pdf" plain.txt 2>/dev/null
      # Reading order holds all the text: every word of the title is in the structure text.
      title=$(pdfinfo "$pdf" | sed -n 's/^Title: *//p')
      squash < struct.txt > struct.squashed
      [[ -n "$title" ]] && printf '%s' "$title" | squash | grep -qF -f - struct.squashed &&
        pass "$name ($format): the title is in the structure text" || fail "$name ($format): title missing from structure text"
      [[ $(wc -w < struct.txt) -gt $(( $(wc -w < plain.txt) / 2 )) ]] &&
        pass "$name ($format): structure text holds the text ($(wc -w < struct.txt) of $(wc -w < plain.txt) words)" ||
        fail "$name ($format): structure text has $(wc -w < struct.txt) of $(wc -w < plain.txt) words"
      # No page furniture in it: page numbers, running heads and banners are artifacts.
      if grep -Eq 'Handout page [0-9]+ of [0-9]+|^[0-9]+ / [0-9]+$|UNCLASSIFIED' struct.txt; then
        grep -En 'Handout page [0-9]+ of [0-9]+|^[0-9]+ / [0-9]+$|UNCLASSIFIED' struct.txt | head -n 3
        fail "$name ($format): page furniture in the structure text"
      else
        pass "$name ($format): no page furniture in the structure text"
      fi
    done
  done
done

# The language comes from the template.
printf 'extends: analyst\nlanguage: en-GB\n' > templates/british.yaml
"$BRIEF" build briefs/iraq-ct-overview.yaml -o out-british --template british > british.log 2>&1 || { cat british.log; fail "british did not build"; }
qpdf --json=2 --json-key=trailer out-british/*.pdf | grep -q . && true
python3 - out-british/*.pdf <<'PY' && pass "the template's language is the PDF's /Lang" || fail "/Lang is not en-GB"
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, check=True).stdout)
objects = doc["qpdf"][1]
root = objects["trailer"]["value"]["/Root"]
lang = objects["obj:" + root]["value"]["/Lang"]
sys.exit(0 if lang in ("u:en-GB", "b:656e2d4742") else 1)
PY
printf 'extends: analyst\nlanguage: "en GB!"\n' > templates/bad-language.yaml
expect_error bad-language 60 "bad-language.yaml:2:11: error: \`language\` is not a BCP 47 language tag" \
  build briefs/iraq-ct-overview.yaml -o out --template bad-language

# Links to bibliography entries keep the reader's zoom: /XYZ left top null.
pdf=$(ls out-analyst-brief/*.pdf | head -n 1)
python3 - "$pdf" <<'PY' && pass "link destinations are /XYZ left top null" || fail "a link destination sets a zoom"
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, check=True).stdout)
objects = doc["qpdf"][1]
def value(o):
    while isinstance(o, str) and o.endswith(" R"):
        o = objects["obj:" + o]["value"]
    return o
checked = 0
for key, obj in objects.items():
    v = obj.get("value") if isinstance(obj, dict) else None
    if isinstance(v, dict) and v.get("/Subtype") == "/Link" and "/Dest" in v:
        dest = value(v["/Dest"])
        if dest[1] != "/XYZ" or dest[4] is not None:
            sys.exit(1)
        checked += 1
sys.exit(0 if checked else 1)
PY
# PDF/A-2b from a template: sRGB output intent, XMP pdfaid, a file identifier, qpdf --check clean,
# still tagged, and the same bytes on a rebuild. (veraPDF, the reference validator, is not in
# Debian; these are the parts checkable with poppler and qpdf.)
printf 'extends: analyst\npdf_standard: pdfa-2b\n' > templates/archive.yaml
for run in 1 2; do
  "$BRIEF" build briefs/iraq-ct-overview.yaml -o "out-archive-$run" --template archive > archive.log 2>&1 ||
    { cat archive.log; fail "pdfa-2b did not build"; }
done
pdf=$(ls out-archive-1/*.pdf | head -n 1)
qpdf --check "$pdf" > qpdf.txt 2>&1 && pass "pdfa-2b: qpdf --check clean" || { tail -n 5 qpdf.txt; fail "pdfa-2b: qpdf --check"; }
pdfinfo -meta "$pdf" > meta.txt
grep -q '<pdfaid:part>2</pdfaid:part>' meta.txt && grep -q '<pdfaid:conformance>B</pdfaid:conformance>' meta.txt &&
  pass "pdfa-2b: XMP pdfaid part 2 conformance B" || fail "pdfa-2b: no XMP pdfaid"
python3 - "$pdf" <<'PY' && pass "pdfa-2b: sRGB output intent with an ICC profile, and a file identifier" || fail "pdfa-2b: output intent or /ID missing"
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", sys.argv[1]], capture_output=True, check=True).stdout)
objects = doc["qpdf"][1]
def value(o):
    while isinstance(o, str) and o.endswith(" R"):
        entry = objects["obj:" + o]
        o = entry["value"] if "value" in entry else entry["stream"]["dict"]
    return o
trailer = objects["trailer"]["value"]
catalog = value(trailer["/Root"])
intent = value(value(catalog["/OutputIntents"])[0])
profile = value(intent["/DestOutputProfile"])
ok = intent["/S"] == "/GTS_PDFA1" and profile["/N"] == 3 and len(value(trailer["/ID"])) == 2
sys.exit(0 if ok else 1)
PY
cmp -s "$pdf" out-archive-2/$(basename "$pdf") && pass "pdfa-2b: byte-identical rebuild" || fail "pdfa-2b: rebuilds differ"
python3 "$CHECK" "$pdf" > check.txt 2>&1 && pass "pdfa-2b: still tagged" || { head check.txt; fail "pdfa-2b: tagging"; }

finish
