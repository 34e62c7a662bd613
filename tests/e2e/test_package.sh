# The Debian package: built by CPack from this build, unpacked into an empty root (dpkg -x), it
# holds the program, templates, man page, completions and examples, depends on the runtime
# libraries, and builds the default brief from its examples with nothing else installed by brief.
source "$(dirname "$0")/lib.sh" "$@"
BUILD=$(dirname "$BRIEF")
[[ -f $BUILD/CPackConfig.cmake ]] || { echo "no CPackConfig.cmake in $BUILD"; exit 125; }
command -v dpkg-deb > /dev/null || { echo "dpkg-deb missing"; exit 125; }

(cd "$WORK" && cpack --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" > cpack.log 2>&1) \
  || { cat "$WORK/cpack.log"; fail "cpack failed"; finish; }
deb=$(ls "$WORK"/pkg/*.deb)
version=$("$BRIEF" --version | awk '{print $2}')
[[ $(basename "$deb") == "brief_${version}_amd64.deb" ]] && pass "named $(basename "$deb")" || fail "package named $deb"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libhpdf libharfbuzz libicu libsqlite3 libyaml-cpp fonts-noto-core; do
  [[ $depends == *"$lib"* ]] && pass "depends on $lib" || fail "no dependency on $lib: $depends"
done

root=$WORK/root
dpkg -x "$deb" "$root"
for file in usr/bin/brief usr/share/brief/templates/analyst.yaml usr/share/brief/templates/executive.yaml \
    usr/share/man/man1/brief.1 usr/share/bash-completion/completions/brief \
    usr/share/zsh/vendor-completions/_brief usr/share/doc/brief/examples/briefs/iraq-ct-overview.yaml \
    usr/share/doc/brief/examples/systemd/brief-build.service usr/share/doc/brief/examples/systemd/brief-build.timer; do
  [[ -f $root/$file ]] && pass "has /$file" || fail "no /$file"
done
man -l "$root/usr/share/man/man1/brief.1" 2>/dev/null | grep -q -- "--template" && pass "the man page lists the options" \
  || fail "man page"
bash -n "$root/usr/share/bash-completion/completions/brief" && pass "bash completion parses" || fail "bash completion"
grep -q 'ExecStart=' "$root/usr/share/doc/brief/examples/systemd/brief-build.service" && pass "the service is the documented one" \
  || fail "service"

# The examples copied to a new folder build with the installed program and its shipped templates.
cp -r "$root/usr/share/doc/brief/examples" "$WORK/project"
cd "$WORK/project"
[[ ! -d templates ]] || fail "examples carry templates"
HOME=$WORK BRIEF_TEMPLATE_PATH= "$root/usr/bin/brief" templates > templates.txt 2>&1
grep -q "^executive" templates.txt && grep -q "$root/usr/share/brief/templates" templates.txt \
  && pass "the shipped templates are found beside the installed program" || { cat templates.txt; fail "templates"; }
HOME=$WORK BRIEF_TEMPLATE_PATH= "$root/usr/bin/brief" build briefs/iraq-ct-overview.yaml --template executive \
  > build.log 2>&1 || { cat build.log; fail "build with the installed program"; }
pdfinfo output/iraq-ct-overview-executive.pdf > info.txt 2>&1 && pass "the default brief builds: $(grep Pages info.txt)" \
  || { cat info.txt; fail "no PDF"; }

# A new project made by the installed program builds with the shipped template it extends.
cd "$WORK"
HOME=$WORK BRIEF_TEMPLATE_PATH= "$root/usr/bin/brief" init fresh > init.log 2>&1 || { cat init.log; fail "init"; }
(cd fresh && HOME=$WORK BRIEF_TEMPLATE_PATH= "$root/usr/bin/brief" build --all > build.log 2>&1) \
  || { cat fresh/build.log; fail "build --all in a project made by init"; }
pdftotext fresh/output/first-brief.pdf - 2>/dev/null | grep -q . && pass "brief init, then build --all, with the installed program" \
  || fail "no readable PDF from the new project"
finish
