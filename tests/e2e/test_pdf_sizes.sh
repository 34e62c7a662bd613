#!/usr/bin/env bash
# Size limits per page for every output of the default project, so a change that bloats pages
# (lost compression, repeated resources, duplicated objects) fails here. Font programs are counted
# apart: a document pays for its subsets once, whatever its length.
#
# The limits, measured on the default project at the time they were set (pdfinfo for pages, the
# font descriptors' FontFile streams for font bytes):
#   briefs: 13-16 KB a page besides fonts; decks: about 5 KB a slide; font programs 13-22 KB.
# The aim is about 12 KB a page; the limits sit a quarter or so above what we measured, so they
# catch a regression without failing on ordinary changes of content.
# Tagged PDF adds a structure tree (one indirect object of about 85 bytes per element: libharu
# writes no object streams, and ISO 32000 wants elements indirect), the ParentTree, marked-content
# operators, a space glyph per word and XMP: measured +4.3 KB a page on the executive brief, whose
# pages are the densest in citation links (15.8 KB a page untagged, 20.1 KB tagged, after writing
# elements compactly, without Reference wrappers or Lbl/LBody elements). That leaves no room under
# 20000, so the page limit is 22000: about a tenth above the tagged executive brief.
source "$(dirname "$0")/lib.sh" "$@"
readonly k_page_limit=22000          # bytes a page besides font programs (tagged PDF: see above)
readonly k_font_limit=32000          # bytes of embedded font programs in one PDF
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" build --all -o output -j 2 --quiet > build.log 2>&1 || { cat build.log; fail "build failed"; finish; }
checked=0 within=0
for pdf in output/*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  bytes=$(stat -c %s "$pdf")
  font_bytes=$(qpdf --json --json-stream-data=none "$pdf" | python3 -c '
import json, sys
objects = json.load(sys.stdin)["qpdf"][1]
def value(x):
    return objects["obj:" + x]["value"] if isinstance(x, str) and x.endswith(" R") else x
files = {"obj:" + d[key] for o in objects.values() if isinstance(d := o.get("value"), dict)
         and d.get("/Type") == "/FontDescriptor" for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in d}
print(sum(value(objects[f]["stream"]["dict"]["/Length"]) for f in files))')
  ((font_bytes > 0)) || fail "$pdf: no embedded font program found"
  per_page=$(( (bytes - font_bytes) / pages ))
  echo "$pdf: $pages pages, $bytes bytes, fonts $font_bytes, $per_page bytes a page besides fonts"
  checked=$((checked + 1))
  ((per_page <= k_page_limit)) || { fail "$pdf: $per_page bytes a page besides fonts, over $k_page_limit"; continue; }
  ((font_bytes <= k_font_limit)) || { fail "$pdf: $font_bytes bytes of font programs, over $k_font_limit"; continue; }
  within=$((within + 1))
done
((checked > 0 && within == checked)) && pass "$checked PDFs within $k_page_limit bytes a page and $k_font_limit bytes of fonts" || fail "$within of $checked PDFs within the limits"
finish
