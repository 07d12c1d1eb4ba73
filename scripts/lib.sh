# Shared by scripts/build, scripts/test and scripts/demo: install what is
# missing (Debian 12, apt), nothing when everything is there.
set -euo pipefail

SEAM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEAM_BUILD="${SEAM_BUILD:-$SEAM_ROOT/build}"
SEAM_JOBS="${SEAM_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# What building seam needs.
SEAM_BUILD_PACKAGES=(
  cmake ninja-build ccache g++ pkg-config
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19
  nlohmann-json3-dev libgraphviz-dev libgtest-dev libgmock-dev
  libbenchmark-dev
)

# What the test suite needs beyond the build: the samples are built with
# clang-19, generated service stubs are compiled with protoc and gRPC, the
# report is driven in Chromium, and the fuzzers link clang's libFuzzer and
# sanitizer runtimes (libclang-rt-19-dev: without it fuzz.build cannot link;
# a fresh machine failed exactly there). xmllint checks the SVG drawings
# (the e2e test skipped itself where it was missing). git: seam reads history
# and changed files through the git command line, and the tests build small
# repositories with it. python3-yaml: the CI test parses ci/'s GitHub action and
# GitLab template as YAML (Debian's /usr/bin/python3, not a pip module).
# eslint and node-css-tree lint the report's script and stylesheet
# (reports/html/assets/, ctest lint.report_assets).
# clangd-19 is bench/run's peer (docs/performance.md), timed beside seam.
# scripts/check-packages (run by .ci/run) fails when a package is missing here.
SEAM_TEST_PACKAGES=(
  chromium protobuf-compiler protobuf-compiler-grpc libgrpc++-dev libprotobuf-dev
  libclang-rt-19-dev libxml2-utils git python3-yaml eslint node-css-tree clangd-19
)

# What scripts/package needs: dpkg-shlibdeps (dpkg-dev) computes the package's
# library dependencies (CPack writes the archive itself, owned by root).
# The package test (tests/package) runs it too, and renders the man page with
# man-db (priority important, but a minimal root such as debootstrap's minbase
# has none). CPack's DEB generator refuses to compute the dependencies without the
# `file` program (priority standard: also missing from a minbase root; found by
# running scripts/test in one).
SEAM_PACKAGE_PACKAGES=(dpkg-dev man-db file)

# Installs the Debian packages given that are not installed yet.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "seam: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/seam-apt.log 2>&1; then
    $sudo apt-get update -q >/tmp/seam-apt.log 2>&1 || true
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/seam-apt.log 2>&1 || {
      echo "seam: apt-get install failed; see /tmp/seam-apt.log" >&2
      tail -20 /tmp/seam-apt.log >&2
      exit 2
    }
  fi
}

# Configures (once) and builds seam into $SEAM_BUILD; leaves the CLI at $SEAM_BUILD/seam.
# The compiler's output goes to $SEAM_BUILD/build.log; it is shown when the build fails.
build_seam() {
  ensure_packages "${SEAM_BUILD_PACKAGES[@]}"
  mkdir -p "$SEAM_BUILD"
  local log="$SEAM_BUILD/build.log"
  if [ ! -f "$SEAM_BUILD/build.ninja" ]; then
    echo "seam: configuring $SEAM_BUILD" >&2
    if ! cmake -S "$SEAM_ROOT" -B "$SEAM_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$log.cmake" 2>&1; then
      tail -40 "$log.cmake" >&2
      echo "seam: configuring failed; the whole log is $log.cmake" >&2
      exit 2
    fi
  fi
  if ninja -C "$SEAM_BUILD" -n 2>/dev/null | grep -q '^\['; then
    echo "seam: building with $SEAM_JOBS jobs (log: $log)" >&2
  fi
  if ! ninja -C "$SEAM_BUILD" -j "$SEAM_JOBS" >"$log" 2>&1; then
    grep -E -A8 'error|FAILED' "$log" | tail -60 >&2
    echo "seam: the build failed; the whole log is $log" >&2
    exit 2
  fi
  test -x "$SEAM_BUILD/seam"
}
