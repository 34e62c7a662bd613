# Paths in specs, templates and on the command line stay inside their roots: the spec's corpus
# inside the project, logos inside the template's folder or the project, template names and
# output ids never paths, symbolic links that leave the roots refused, and every file written
# inside the output folder. Bad logo images are clean errors naming the file. See docs/hardening.md.
source "$(dirname "$0")/lib.sh" "$@"
make_project "$WORK/p"
mkdir -p "$WORK/outside"
cp -r "$WORK/p/corpus" "$WORK/outside/corpus"
cd "$WORK/p"

spec_with_corpus() {
  printf 'id: %s\ntitle: T\ncorpus: %s\nsections:\n  - title: S\n    passages: { documents: [itic-2020-isis-iraq], limit: 2 }\n' "$1" "$2"
}

# --- the spec's corpus folder -------------------------------------------------------------------
spec_with_corpus inside ../corpus > briefs/inside.yaml
"$BRIEF" build briefs/inside.yaml -o out > inside.txt 2>&1 && pass "corpus inside the project builds" \
  || { cat inside.txt; fail "corpus inside the project"; }
spec_with_corpus escape ../../outside/corpus > briefs/escape.yaml
expect_error corpus-dotdot-escape 60 "escape.yaml:3:9: error: corpus folder \`../../outside/corpus\` is outside the project folder" \
  build briefs/escape.yaml -o out
spec_with_corpus absolute "$WORK/outside/corpus" > briefs/absolute.yaml
expect_error corpus-absolute 60 "absolute.yaml:3:9: error: corpus folder \`$WORK/outside/corpus\` is outside the project folder" \
  build briefs/absolute.yaml -o out
ln -s "$WORK/outside/corpus" linked-corpus
spec_with_corpus linked ../linked-corpus > briefs/linked.yaml
expect_error corpus-symlink-escape 60 "linked.yaml:3:9: error: corpus folder \`../linked-corpus\` is outside the project folder" \
  build briefs/linked.yaml -o out
grep -q "pass it on the command line with --corpus" corpus-symlink-escape.txt && pass "hint names --corpus" || fail "no --corpus hint"
"$BRIEF" build briefs/escape.yaml --corpus "$WORK/outside/corpus" -o out > cli-corpus.txt 2>&1 \
  && pass "a corpus outside the project named with --corpus builds" || { cat cli-corpus.txt; fail "--corpus outside"; }

# --- template names and spec ids are never paths -----------------------------------------------
expect_error template-path-on-cli 60 "invalid template name \`../../outside/evil\`" \
  build briefs/iraq-ct-overview.yaml -o out --template ../../outside/evil
sed 's/^template: analyst/template: ..\/..\/outside\/evil/' briefs/iraq-ct-overview.yaml > briefs/template-path.yaml
expect_error template-path-in-spec 60 "template-path.yaml:[0-9]+:[0-9]+: error: invalid template name" check briefs/template-path.yaml
sed 's/^id: iraq-ct-overview/id: ..\/..\/outside\/evil/' briefs/iraq-ct-overview.yaml > briefs/id-path.yaml
expect_error id-is-a-path 60 "id-path.yaml:[0-9]+:[0-9]+: error: .*id" build briefs/id-path.yaml -o out
printf 'extends: ../../outside/evil\n' > templates/extends-path.yaml
expect_error extends-path 60 "extends-path.yaml:1:10: error: invalid template name \`../../outside/evil\`" \
  build briefs/iraq-ct-overview.yaml -o out --template extends-path

# --- logos ---------------------------------------------------------------------------------------
mkdir -p templates/logos
cp "$SRC/tests/data/images/rgb.png" templates/logos/good.png
cp "$SRC/tests/data/images/rgb.png" "$WORK/outside/secret.png"
sleep 1  # file times have a resolution of a second on some file systems
touch "$WORK/stamp"  # everything newer was written by brief
printf 'extends: analyst\nlogo: logos/good.png\nlogo_alt: Unit seal\n' > templates/with-logo.yaml
"$BRIEF" build briefs/iraq-ct-overview.yaml -o out-logo --template with-logo > logo.txt 2>&1 \
  && pass "a template with a good logo builds" || { cat logo.txt; fail "good logo"; }
printf 'extends: analyst\nlogo: logos/good.png\n' > templates/logo-no-alt.yaml
expect_error logo-without-alt-text 60 "logo-no-alt.yaml:2:7: error: the logo has no alternate text" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-no-alt
printf 'extends: analyst\nlogo: ../../outside/secret.png\nlogo_alt: Unit seal\n' > templates/logo-escape.yaml
expect_error logo-dotdot-escape 60 "logo-escape.yaml:2:7: error: logo \`../../outside/secret.png\` is outside the template's folder and the project" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-escape
printf 'extends: analyst\nlogo: %s\nlogo_alt: Unit seal\n' "$WORK/outside/secret.png" > templates/logo-absolute.yaml
expect_error logo-absolute 60 "logo-absolute.yaml:2:7: error: logo .* is outside the template's folder and the project" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-absolute
ln -s "$WORK/outside/secret.png" templates/logos/linked.png
printf 'extends: analyst\nlogo: logos/linked.png\nlogo_alt: Unit seal\n' > templates/logo-link.yaml
expect_error logo-symlink-escape 60 "logo-link.yaml:2:7: error: logo \`logos/linked.png\` is outside the template's folder and the project" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-link
cp "$SRC/tests/data/images/corrupt.png" templates/logos/corrupt.png
printf 'extends: analyst\nlogo: logos/corrupt.png\nlogo_alt: Unit seal\n' > templates/logo-corrupt.yaml
expect_error logo-corrupt-png 60 "error: image \`[^\`]*templates/logos/corrupt.png\` is not a valid PNG" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-corrupt
cp "$SRC/tests/data/images/truncated.png" templates/logos/truncated.png
printf 'extends: analyst\nlogo: logos/truncated.png\nlogo_alt: Unit seal\n' > templates/logo-truncated.yaml
expect_error logo-truncated-png 60 "error: image \`[^\`]*templates/logos/truncated.png\` is not a valid PNG" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-truncated
cp "$SRC/tests/data/images/not-an-image.jpg" templates/logos/fake.jpg
printf 'extends: analyst\nlogo: logos/fake.jpg\nlogo_alt: Unit seal\n' > templates/logo-fake.yaml
expect_error logo-not-a-jpeg 60 "error: image \`[^\`]*templates/logos/fake.jpg\` is neither PNG nor JPEG" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-fake
: > templates/logos/empty.png
printf 'extends: analyst\nlogo: logos/empty.png\nlogo_alt: Unit seal\n' > templates/logo-empty.yaml
expect_error logo-empty 60 "error: (image|file) \`[^\`]*templates/logos/empty.png\` is empty" \
  build briefs/iraq-ct-overview.yaml -o out --template logo-empty

# --- nothing was written outside the output folders -----------------------------------------------
unexpected=$(find "$WORK/outside" -newer "$WORK/stamp" -type f | grep -v '/corpus/.brief-cache/' || true)
[[ -z "$unexpected" ]] && pass "nothing written outside the project" || { echo "$unexpected"; fail "files written outside"; }
written=$(find . -newer "$WORK/stamp" -type f \( -name '*.pdf' -o -name '*.json' -o -name '*.txt' -o -name '*.lock' \) \
  | grep -Ev '^\./(out|out-logo)/|^\./[a-z0-9-]+\.txt$' || true)
[[ -z "$written" ]] && pass "outputs only inside the output folders" || { echo "$written"; fail "outputs elsewhere"; }
finish
