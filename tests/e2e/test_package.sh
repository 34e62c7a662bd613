# The Debian package: built by CPack from this build, unpacked into an empty root (dpkg -x), it
# holds the program, templates, man page, completions and examples, depends on the runtime
# libraries, and builds the default brief from its examples with nothing else installed by brief.
# dpkg installs it into an empty root holding only its Depends' records, and every library the
# program loads belongs to the closure of those Depends. Not a clean Debian 12 root: the libraries
# and fonts the program runs with are the host's.
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

# dpkg itself installs the package into an empty root whose dpkg database holds only the host's
# records of the packages named in Depends: dpkg checks every dependency (names and versions)
# against them and refuses the package if one is missing. This is no clean Debian 12 root (the
# files of those packages are the host's), but it is dpkg's own dependency check, not a grep.
admin=$WORK/dpkg-root/var/lib/dpkg
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
: > "$admin/available"
: > "$admin/status"
for alternatives in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | sed 's/([^)]*)//g' | tr ',' ' '); do
  for name in ${alternatives//|/ }; do
    dpkg-query -s "$name" >> "$admin/status" 2>/dev/null && { echo >> "$admin/status"; break; }
  done
done
dpkg --root="$WORK/dpkg-root" --force-not-root -i "$deb" > dpkg-i.log 2>&1 \
  && [[ -x $WORK/dpkg-root/usr/bin/brief ]] \
  && dpkg --root="$WORK/dpkg-root" -s brief 2>/dev/null | grep -q '^Status: install ok installed' \
  && pass "dpkg installs it into an empty root holding only its Depends" || { cat dpkg-i.log; fail "dpkg -i into an empty root"; }
# Without those records, dpkg refuses it (the check above could fail).
mkdir -p "$WORK/bare-root/var/lib/dpkg/info" "$WORK/bare-root/var/lib/dpkg/updates"
: > "$WORK/bare-root/var/lib/dpkg/status"
dpkg --root="$WORK/bare-root" --force-not-root -i "$deb" > dpkg-bare.log 2>&1 \
  && fail "dpkg installed it with no dependency present" \
  || { grep -q 'dependency problems' dpkg-bare.log && pass "dpkg refuses it where its Depends are missing"; } \
  || { cat dpkg-bare.log; fail "unexpected dpkg failure"; }

# Every shared library the program loads belongs to a package in the closure of its Depends (what
# installing it on a clean Debian 12 would bring in), so no library is found only by luck here.
closure=" "
queue=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | sed 's/([^)]*)//g' | tr ',|' '  ')
while [[ -n ${queue// /} ]]; do
  next=""
  for name in $queue; do
    name=${name%%:*}
    [[ $closure == *" $name "* ]] && continue
    closure+="$name "
    next+=" $(dpkg-query -W -f='${Depends},${Pre-Depends}' "$name" 2>/dev/null | tr -d ' ' | sed 's/([^)]*)//g' | tr ',|' '  ')"
  done
  queue=$next
done
# One dpkg -S for every library (each under its own, its resolved and its merged-/usr name).
libs=$(ldd "$WORK/dpkg-root/usr/bin/brief" | awk '/=> \// {print $3}')
names=""
for lib in $libs; do names+=" $lib $(readlink -f "$lib") ${lib#/usr} /usr${lib#/usr}"; done
dpkg -S $names > owners.txt 2>/dev/null || true
unowned=""
for lib in $libs; do
  owner=""
  for candidate in "$lib" "$(readlink -f "$lib")" "${lib#/usr}" "/usr${lib#/usr}"; do
    owner=$(awk -v path="$candidate" '{f = $NF; sub(/:$/, "", $1)} f == path {split($1, p, ":"); print p[1]; exit}' owners.txt)
    [[ -n $owner ]] && break
  done
  [[ -n $owner && $closure == *" $owner "* ]] || unowned+=" $lib(${owner:-no package})"
done
[[ -z $unowned ]] && pass "every library the program loads comes from its Depends ($(wc -w <<< "$closure") packages in the closure)" \
  || fail "libraries outside the Depends closure:$unowned"

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
