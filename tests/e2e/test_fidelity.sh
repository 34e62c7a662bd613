# Fidelity and nothing twice, read from the built PDFs with poppler: every citation mark in the
# analyst brief stands after text that the source it names contains (the bibliography entry names
# the document by its title), and no sentence is shown twice in the brief or in the slide deck.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
cd "$WORK/p"

"$BRIEF" build briefs/iraq-ct-overview.yaml -o out --template analyst > build.log 2>&1 || { cat build.log; fail "build failed"; finish; }
"$BRIEF" build briefs/iraq-ct-overview.yaml -o out --format slides --template briefing > slides.log 2>&1 ||
  { cat slides.log; fail "slides build failed"; finish; }
brief_pdf=$(ls out/*analyst*.pdf | head -n 1)
slides_pdf=$(ls out/*slides*.pdf | head -n 1)
pdftotext "$brief_pdf" brief.txt
pdftotext "$slides_pdf" slides.txt

cat > check.py <<'PY'
import re, sys, os, collections
mode, pdftext, corpus_dir = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(pdftext, encoding='utf-8').read()
def squash(s):
    s = s.replace('\u00ad', '').replace('\u00a0', ' ')
    for a, b in (('\u2018', "'"), ('\u2019', "'"), ('\u201c', '"'), ('\u201d', '"'), ('\u2010', '-'), ('\u2011', '-'), ('\u2013', '-'), ('\u2014', '-')):
        s = s.replace(a, b)
    s = s.replace('*', '')
    return re.sub(r'[\s\-]+', '', s)
pages = text.split('\f')
lines = [l.strip() for l in text.replace('\f', '\n').split('\n')]
counts = collections.Counter(l for l in lines if l)
# Page furniture: lines repeated on most pages (banners, running heads, dates) and page numbers.
furniture = {l for l, n in counts.items() if n >= max(2, len(pages) - 2) and len(l) < 80}
kept = [l for l in lines if l not in furniture and not re.fullmatch(r'page \d+ of \d+', l)]
body = '\n'.join(kept)
failures = 0
def fail(msg):
    global failures
    failures += 1
    print('FAIL:', msg)
if mode == 'brief':
    cut = body.find('\nSources\n')
    if cut < 0: fail('no Sources section'); sys.exit(1)
    annex, body = body[cut:], body[:cut]
    docs = {}
    for name in os.listdir(corpus_dir):
        if not name.endswith('.md'): continue
        raw = open(os.path.join(corpus_dir, name), encoding='utf-8').read()
        m = re.search(r'^title:\s*"?(.*?)"?\s*$', raw, re.M)
        docs[name] = (squash(m.group(1)) if m else '', squash(raw))
    entries = {}
    sq_annex = squash(annex)
    for m in re.finditer(r'\[(\d+)\]', sq_annex):
        n = int(m.group(1))
        if n in entries: continue
        rest = sq_annex[m.end():]
        nxt = re.search(r'\[\d+\]', rest)
        entry = rest[:nxt.start()] if nxt else rest
        found = [name for name, (title, _) in docs.items() if title and title in entry]
        if len(found) == 1: entries[n] = found[0]
    checked = 0
    skipped = 0
    previous_end = 0
    for m in re.finditer(r'((?:\[\d+\])+)', body):
        segment = body[previous_end:m.start()]
        previous_end = m.end()
        numbers = [int(x) for x in re.findall(r'\d+', m.group(1))]
        tail = squash(segment).rstrip('"\'')
        tail = re.sub(r'^.*\((?:U|FOUO|OUO|R)\)', '', tail)  # what follows a portion mark
        # A mark after a figure's value and label (its sentence is shown earlier) follows no
        # sentence: only marks after a sentence end are checked.
        if len(tail) < 25 or not re.search(r'[.!?)\]"\']$', tail):
            skipped += 1
            continue
        tail = tail[-60:]
        for n in numbers:
            if n not in entries:
                fail(f'[{n}] has no bibliography entry naming a corpus document'); continue
            checked += 1
            if tail not in docs[entries[n]][1]:
                fail(f'[{n}] ({entries[n]}) stands after text its source does not contain: ...{segment.strip()[-120:]!r}')
    print(f'ok: {checked} citation marks checked against the text of the source they name '
          f'({skipped} after no sentence, not checked)')
    if checked < 10: fail('fewer than 10 citation marks found')
if mode == 'slides':
    # The sources slide and each slide's footer name sources, they state nothing.
    cut = body.rfind('\nSources\n')
    if cut > 0: body = body[:cut]
    body = '\n'.join(l for l in body.split('\n') if not l.startswith('Sources:'))
# Units: what lies between citation marks, bullets and portion marks, split after a sentence end
# or a label's colon.
flat = re.sub(r'(?:\[\d+\])+', ' ', body)
sentences = [re.sub(r'\s+', ' ', u).strip() for u in re.split(
    r'(?:\[\d+\])+|\u2022|\((?:U|FOUO|OUO|R)\)|(?<=[.!?:])["\u201d\u2019)]?\s+(?=[^a-z\s])', body)]
whole = squash(flat)
seen = {squash(s) for s in sentences if len(squash(s)) >= 50}
# A sentence counts twice when its text occurs twice anywhere (also inside a longer passage).
dupes = sorted(s for s in seen if whole.count(s) > 1)
for d in dupes: fail(f'shown {whole.count(d)} times: {d[:100]}')
print(f'ok: {len(seen)} sentences, {len(dupes)} shown twice')
sys.exit(1 if failures else 0)
PY

if python3 check.py brief brief.txt corpus; then pass "analyst brief: marks stand after their sources' text, nothing twice"; else fail "analyst brief"; fi
if python3 check.py slides slides.txt corpus; then pass "slides: nothing twice"; else fail "slides"; fi

# The checker itself fails on a mark moved to a source that does not contain the text, and on a
# sentence shown twice.
python3 - brief.txt <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8').read()
cut = t.find('\nSources\n')
marks = [m for m in re.finditer(r'\[(\d+)\]', t[:cut])]
numbers = sorted({int(m.group(1)) for m in marks})
m = marks[0]
other = next(n for n in numbers if n != int(m.group(1)))
open('moved.txt', 'w', encoding='utf-8').write(t[:m.start()] + f'[{other}]' + t[m.end():])
sentence = next(p for p in t[:cut].split('\n\n') if re.search(r'\[\d+\]', p) and len(p) > 80)
open('twice.txt', 'w', encoding='utf-8').write(t[:cut] + '\n' + sentence + '\n' + t[cut:])
PY
if python3 check.py brief moved.txt corpus > moved.log; then cat moved.log; fail "checker accepts a moved mark"; else pass "checker rejects a moved mark"; fi
if python3 check.py brief twice.txt corpus > twice.log; then cat twice.log; fail "checker accepts a sentence twice"; else pass "checker rejects a sentence twice"; fi
finish
