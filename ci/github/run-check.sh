#!/usr/bin/env bash
# The seam GitHub action's work (ci/github/action.yml), as a script a test can
# run (tests/e2e/ci_action_test.cpp): `seam check` three times over one parse
# (the fact cache makes the second and third cost a fraction of a second):
#   1. GitHub annotations on standard output: the gate, its exit status is ours;
#   2. SARIF to $SEAM_SARIF for github/codeql-action/upload-sarif;
#   3. the Markdown summary appended to $GITHUB_STEP_SUMMARY.
# Inputs (environment; the action maps its inputs onto these):
#   SEAM              the seam binary (default: seam on PATH)
#   SEAM_BUILD_DIR    folder holding compile_commands.json (default: build)
#   SEAM_CONFIG       seam.json (default: seam's own default)
#   SEAM_BASELINE     baseline file (default: seam.json's "baseline")
#   SEAM_FAIL_ON      error | warning | info | never (default: error)
#   SEAM_AFFECTED     "" or false: the whole project; true: the pull request's base
#                     (origin/$GITHUB_BASE_REF, fetched when missing; the whole project on
#                     a push); anything else: that revision
#   SEAM_SARIF        where to write SARIF (default: seam.sarif; "" to skip). Best outside
#                     the work tree: with --affected an untracked file counts as changed
#   SEAM_WORKING_DIRECTORY  the folder of seam.json, relative to $GITHUB_WORKSPACE
# Writes to $GITHUB_OUTPUT: sarif=<path>, exit-code=<seam check's status>.
# Exit status: seam check's (0 passed, 1 new violations, 2 error).
set -uo pipefail

seam="${SEAM:-seam}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
cd "$workspace/${SEAM_WORKING_DIRECTORY:-.}" || { echo "::error::seam: no folder ${SEAM_WORKING_DIRECTORY:-.} in $workspace"; exit 2; }

args=(-p "${SEAM_BUILD_DIR:-build}" --fail-on "${SEAM_FAIL_ON:-error}")
[ -n "${SEAM_CONFIG:-}" ] && args+=(--config "$SEAM_CONFIG")
[ -n "${SEAM_BASELINE:-}" ] && args+=(--baseline "$SEAM_BASELINE")

# Paths in annotations and SARIF are relative to the repository, not to seam.json's folder.
prefix="$(realpath --relative-to="$workspace" "$PWD")"
[ "$prefix" != "." ] && args+=(--path-prefix "$prefix")

affected="${SEAM_AFFECTED:-}"
if [ "$affected" = true ]; then
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    affected="origin/$GITHUB_BASE_REF"
    # actions/checkout fetches one commit by default: bring the base branch, with the
    # history back to the merge base (seam says fetch-depth: 0 if that is not enough).
    if ! git rev-parse --verify --quiet "$affected^{commit}" >/dev/null; then
      git fetch --no-tags --quiet origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" ||
        echo "::warning::seam: could not fetch $GITHUB_BASE_REF from origin"
      if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
        git fetch --no-tags --quiet --unshallow origin || true
      fi
    fi
  else
    echo "seam: not a pull request (no GITHUB_BASE_REF): checking the whole project"
    affected=""
  fi
elif [ "$affected" = false ]; then
  affected=""
fi
[ -n "$affected" ] && args+=(--affected "$affected")

# 1. The gate and the annotations.
"$seam" check "${args[@]}" --format github
status=$?

# 2. and 3. The same check from the fact cache; exit 1 (violations) is expected, 2 is not.
sarif="${SEAM_SARIF-seam.sarif}"
if [ -n "$sarif" ] && [ "$status" -ne 2 ]; then
  "$seam" check "${args[@]}" -q --format sarif -o "$sarif"
  s=$?
  [ "$s" -le 1 ] || status=2
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$status" -ne 2 ]; then
  "$seam" check "${args[@]}" -q --format markdown >>"$GITHUB_STEP_SUMMARY"
  s=$?
  [ "$s" -le 1 ] || status=2
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  [ -n "$sarif" ] && [ -f "$sarif" ] && echo "sarif=$(realpath "$sarif")" >>"$GITHUB_OUTPUT"
  echo "exit-code=$status" >>"$GITHUB_OUTPUT"
fi
exit "$status"
