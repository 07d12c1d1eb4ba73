#!/usr/bin/env bash
# Writes the man page seam.1 from the built seam's own help: `seam --help`
# (commands, common options, exit status) and `seam COMMAND --help` for every
# command it lists. Nothing is written by hand, so the page cannot drift from
# the CLI. Run by the build (packaging/CMakeLists.txt) for the Debian package.
#
#   packaging/seam-man.sh SEAM OUT.1
set -euo pipefail
seam="$1"
out="$2"

# Roff-safe text: backslashes, hyphens (so they stay ASCII minus), and a
# leading . or ' that roff would take for a request.
esc() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"; }

# "  FLAG  help" lines (two spaces or more between) -> .TP entries; other
# lines are kept as they are (continuations, blank lines).
options() {
  awk '
    /^  [^ ]/ {
      rest = substr($0, 3); gap = index(rest, "  ")
      if (gap > 0) {
        flag = substr(rest, 1, gap - 1); help = substr(rest, gap); sub(/^ +/, "", help)
        print ".TP"; print "\\fB" flag "\\fR"; print help; next
      }
    }
    { print }'
}

# The part of a help text between the line "NAME:" and the next blank line.
section() { awk -v name="$1" '$0 == name { on = 1; next } on && /^$/ { exit } on { print }'; }

main="$("$seam" --help)"
version="$("$seam" --version | head -1 | cut -d' ' -f2)"
tagline="$(head -1 <<<"$main" | sed 's/^seam [^ ]* - //')"
commands="$(section "commands:" <<<"$main" | awk '{ print $1 }')"
[ -n "$commands" ] || { echo "seam-man: \`$seam --help\` lists no commands" >&2; exit 2; }

{
  echo ".TH SEAM 1 \"\" \"seam $version\" \"User Commands\""
  echo ".SH NAME"
  echo "seam \\- $(esc <<<"$tagline")"
  echo ".SH SYNOPSIS"
  echo ".B seam"
  echo "\\fIcommand\\fR [\\fIoptions\\fR]"
  echo ".br"
  echo ".B seam"
  echo "\\fIcommand\\fR \\fB\\-\\-help\\fR"
  echo ".br"
  echo ".B seam \\-\\-version"
  echo ".SH DESCRIPTION"
  echo "seam reads a C++ project's compile_commands.json, parses every translation unit with Clang,"
  echo "and reports the module dependency graph, its cycles, coupling metrics, extraction candidates"
  echo "and the boundary violations against seam.json."
  echo ".SH COMMANDS"
  section "commands:" <<<"$main" | esc | options
  echo ".SH COMMON OPTIONS"
  echo "Every command takes these."
  section "common options:" <<<"$main" | esc | options
  for c in $commands; do
    help="$("$seam" "$c" --help)"
    echo ".SH \"SEAM $(tr '[:lower:]' '[:upper:]' <<<"$c")\""
    echo ".B $(head -1 <<<"$help" | sed 's/^usage: //' | esc)"
    echo ".PP"
    # The description keeps its line breaks: it aligns lists and examples.
    echo ".nf"
    awk 'NR > 2 && /^$/ { exit } NR > 2 { print }' <<<"$help" | esc
    echo ".fi"
    opts="$(section "options:" <<<"$help")"
    if [ -n "$opts" ]; then
      echo ".PP"
      echo "Options:"
      esc <<<"$opts" | options
    fi
  done
  echo ".SH EXIT STATUS"
  grep '^exit status:' <<<"$main" | sed 's/^exit status: //' | esc
  echo ".SH FILES"
  echo ".TP"
  echo ".B seam.json"
  echo "the module declarations, in the project root"
  echo ".SH SEE ALSO"
  echo "The guides in /usr/share/doc/seam (docs/ in the source tree): cli.md, config.md, check.md, ci.md, install.md."
} >"$out.tmp"
mv "$out.tmp" "$out"
