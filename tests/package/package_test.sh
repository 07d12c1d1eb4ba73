#!/usr/bin/env bash
# The Debian package as a user gets it: scripts/package builds it from this
# build folder (reused, nothing rebuilt), dpkg-deb -x unpacks it into a
# temporary root, and that root's seam must give byte-identical scan, graph,
# check and candidates output on samples/shop to build/seam; its --version,
# man page and completions must work; and its dependencies must be run-time
# libraries only, with Clang's builtin headers carried in the package.
#
#   package_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src="$1"
build="$2"
if ! command -v dpkg-deb >/dev/null; then
  echo "SKIP: dpkg-deb is missing (not a Debian system); the package cannot be built or read"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

SEAM_BUILD="$build" "$src/scripts/package" "$work/out" || { echo "FAIL: scripts/package"; exit 1; }
version="$(sed -nE 's/^project\(seam VERSION ([0-9.]+).*/\1/p' "$src/CMakeLists.txt")"
deb="$work/out/seam_${version}_amd64.deb"
[ -f "$deb" ] || { echo "FAIL: no $deb"; ls "$work/out"; exit 1; }

# (b) Dependencies: run-time libraries only, no -dev package. Clang's builtin
# headers (stddef.h...), which the parser needs at run time (-resource-dir) and
# Debian ships only in libclang-common-19-dev, travel in the package itself.
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libclang-cpp19 libllvm19 libgvc6 libcgraph6; do
  grep -q "\b$lib\b" <<<"$depends" || bad "Depends lacks $lib"
done
dev="$(tr ',' '\n' <<<"$depends" | sed -E 's/^ +//; s/ .*//' | grep -- '-dev$' || true)"
[ -z "$dev" ] || bad "-dev dependencies: $dev"
listing="$(dpkg-deb -c "$deb")" # whole: grep -q would close the pipe early
grep -q '/usr/lib/seam/clang/include/stddef.h$' <<<"$listing" ||
  bad "the package lacks Clang's builtin headers (usr/lib/seam/clang/include/stddef.h)"
# The parser, loaded by usr/bin/seam from ../lib/seam when a run parses (the
# scan below parses the sample with it).
grep -q '/usr/lib/seam/libseam-clang.so$' <<<"$listing" ||
  bad "the package lacks the parser library (usr/lib/seam/libseam-clang.so)"

# (a) The unpacked package.
root="$work/root"
dpkg-deb -x "$deb" "$root"
pseam="$root/usr/bin/seam"
[ -x "$pseam" ] || { echo "FAIL: no usr/bin/seam in the package"; exit 1; }
"$pseam" --version >"$work/v.pkg" || bad "packaged seam --version failed"
"$build/seam" --version >"$work/v.build"
grep -qx "seam $version" "$work/v.pkg" || bad "--version: $(cat "$work/v.pkg")"
cmp -s "$work/v.pkg" "$work/v.build" || bad "--version differs from build/seam's"

shop="$src/samples/shop"
shop_build="$build/samples/shop"
for cmd in "scan" "graph --format json" "check --format json" "candidates --format json"; do
  name="${cmd%% *}"
  # shellcheck disable=SC2086
  (cd "$shop" && "$build/seam" $cmd -p "$shop_build" -q -j 2 >"$work/$name.build" 2>/dev/null)
  rc_build=$?
  # Its own fact cache, empty at first: the packaged seam parses the sample
  # itself (with the packaged resource-dir setting) in `scan`, then reuses it.
  # shellcheck disable=SC2086
  (cd "$shop" && "$pseam" $cmd -p "$shop_build" --cache "$work/cache" -q -j 2 >"$work/$name.pkg" 2>"$work/$name.err")
  rc_pkg=$?
  [ "$rc_pkg" = "$rc_build" ] || bad "seam $cmd: exit $rc_pkg from the package, $rc_build from build/seam: $(head -5 "$work/$name.err")"
  if [ "$name" = scan ]; then
    grep -q '^translation units  17 ok, 0 failed' "$work/scan.pkg" || bad "the packaged seam did not parse the 17 TUs: $(cat "$work/scan.pkg" "$work/scan.err")"
    # The wall time, how many TUs came from a cache and the precompiled prefix's
    # use (only TUs parsed in this run use one) differ by run.
    sed -i -e '/^time /d' -e '/^precompiled prefix /d' -e 's/ ([0-9]* parsed, [0-9]* from cache)//' "$work/$name.build" "$work/$name.pkg"
  fi
  [ -s "$work/$name.build" ] || bad "build/seam $cmd printed nothing"
  cmp -s "$work/$name.build" "$work/$name.pkg" || { bad "seam $cmd output differs"; diff "$work/$name.build" "$work/$name.pkg" | head -10; }
done
grep -q '"orders"' "$work/graph.pkg" || bad "the packaged graph has no orders module"

# Man page: present, covers every command, renders without warnings.
man1="$root/usr/share/man/man1/seam.1"
[ -f "$man1" ] || bad "no usr/share/man/man1/seam.1"
if [ -f "$man1" ]; then
  MANWIDTH=80 man --warnings -l "$man1" >"$work/man.txt" 2>"$work/man.err" || bad "man -l failed"
  [ ! -s "$work/man.err" ] || bad "man warnings: $(head -5 "$work/man.err")"
  for c in $("$pseam" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'); do
    grep -q "^SEAM ${c^^}" "$work/man.txt" || bad "the man page has no section for seam $c"
  done
  grep -q -- "--all-messages" "$work/man.txt" || bad "the man page lacks the common options"
fi

# Completions: present; bash's completes commands and a command's flags.
bc="$root/usr/share/bash-completion/completions/seam"
[ -f "$root/usr/share/zsh/vendor-completions/_seam" ] || bad "no zsh completion"
[ -f "$bc" ] || bad "no bash completion"
got="$(bash -c 'set -e; source "$1"
  COMP_WORDS=(seam cyc); COMP_CWORD=1; _seam; echo "${COMPREPLY[*]}"
  COMP_WORDS=(seam graph --le); COMP_CWORD=2; _seam; echo "${COMPREPLY[*]}"
  COMP_WORDS=(seam check --format s); COMP_CWORD=3; _seam; echo "${COMPREPLY[*]}"' _ "$bc" 2>&1)"
expected=$'cycles\n--level\nsarif'
[ "$got" = "$expected" ] || bad "bash completion gave: $got"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_seam" || bad "zsh completion does not parse"; fi

[ -f "$root/usr/share/doc/seam/docs/install.md" ] || bad "docs missing from usr/share/doc/seam"
[ "$fail" = 0 ] && echo "package $deb: all checks passed"
exit "$fail"
