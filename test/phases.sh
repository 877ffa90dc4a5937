#!/usr/bin/env bash
# `npm test`: every check, in phases that overlap where they wait rather than compute, each
# with its time. The integration suite runs on SQLite with this Node and with Node 24, and, when
# STORELINK_TEST_POSTGRES_URL is set (.ci/run sets it), on PostgreSQL with Node 24: every
# integration test runs on both runtimes and on both databases. (With Node 24 the suite costs
# about half the CPU it costs with Node 20. The fuzz suite, the costliest, runs once per runtime:
# on SQLite with this Node, on PostgreSQL with Node 24.)
#
#   STORELINK_SECOND_NODE=off     no second runtime (e.g. offline): everything on this Node
#   STORELINK_SECOND_NODE=/path   use that node binary instead of node@24 from the npm registry
#   STORELINK_INSTALL_SCRIPTS=deferred  `npm ci --ignore-scripts` ran (.ci/run): the packages'
#                                 install scripts (the native modules' compile) run here first,
#                                 beside the type check and the admin build, which need none of them
set -uo pipefail
cd "$(dirname "$0")/.."

JEST=node_modules/jest/bin/jest.js

# The tests' data directories (their SQLite files) and jest's cache live in memory when /dev/shm
# is a tmpfs with room to spare: on a disk every commit waits for an fsync, and the suites commit
# tens of thousands of times. No test checks the disk itself (the crash tests kill processes, not
# the machine).
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt 2000000 ]; then
  export TMPDIR=/dev/shm/storelink-tests-$UID
  mkdir -p "$TMPDIR"
fi
LOGS="$(mktemp -d "${TMPDIR:-/tmp}/storelink-test-XXXXXX")"
SECOND_NODE_SPEC=node@24
declare -A STARTED=() PIDS=()
SUMMARY=()
FAILED=()

now() { date +%s.%N; }
# cpu_seconds FILE: the children's line of bash's `times` ("1m2.500s 0m3.250s": user, system) as whole seconds.
cpu_seconds() {
  awk 'NR == 2 { total = 0; for (i = 1; i <= 2; i++) { split($i, part, "m"); total += part[1] * 60 + part[2] } printf "%.0f", total }' "$1" 2>/dev/null || echo "?"
}
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }

# start NAME COMMAND...: runs a phase in the background, its output in a log of its own.
start() {
  local name="$1"
  shift
  STARTED[$name]="$(now)"
  echo "--- $name: started"
  (
    status=0
    "$@" || status=$?
    now >"$LOGS/$name.end"
    # The CPU time of the phase's processes (user + system, every core): what a phase costs when
    # phases share the cores, which its wall time alone does not say.
    # (`times` itself, not in a pipeline: a pipeline would run it in a subshell with no children.)
    times >"$LOGS/$name.cpu"
    exit "$status"
  ) >"$LOGS/$name.log" 2>&1 &
  PIDS[$name]=$!
}

# finish NAME: waits for the phase, prints its output and its time (start to end, not to this wait).
finish() {
  local name="$1" status=0
  wait "${PIDS[$name]}" || status=$?
  local took cpu
  took="$(seconds "${STARTED[$name]}" "$(cat "$LOGS/$name.end")")"
  cpu="$(cpu_seconds "$LOGS/$name.cpu")"
  echo "=== $name ($([ "$status" = 0 ] && echo passed || echo "FAILED, exit $status")) ==="
  cat "$LOGS/$name.log"
  echo "--- $name: ${took} s (CPU ${cpu} s)"
  SUMMARY+=("$(printf '%-40s %5s s  CPU %5s s  %s' "$name" "$took" "$cpu" "$([ "$status" = 0 ] && echo ok || echo FAILED)")")
  [ "$status" = 0 ] || FAILED+=("$name")
}

# first_ended NAME...: waits until one of these phases has ended.
first_ended() {
  while true; do
    for name in "$@"; do
      if [ -e "$LOGS/$name.end" ] || ! kill -0 "${PIDS[$name]}" 2>/dev/null; then return; fi
    done
    sleep 1
  done
}

begin="$(now)"
echo "Node $(node --version) at $(command -v node); logs in $LOGS"

# The second runtime downloads while the first phases compute.
[ -z "${STORELINK_SECOND_NODE:-}" ] && start "fetch $SECOND_NODE_SPEC" bash -c "npx -y -p $SECOND_NODE_SPEC node -p process.execPath > '$LOGS/second-node-path'"

# Type checking is the only type check (ts-jest only transpiles); the admin build and the unit
# tests do not depend on it, so they run side by side (tsc uses one core).
start typecheck npm run --silent typecheck
start "admin build" npm run --silent build:admin

if [ "${STORELINK_INSTALL_SCRIPTS:-}" = deferred ]; then
  # The native modules compile for about a minute, mostly on one core (sqlite3 is one large C
  # file; JOBS lets node-gyp compile the rest side by side); the type check and the admin build
  # use the other core meanwhile. argon2 compiles on its own, beside them: its prebuilt linux-x64
  # binary dies of SIGSEGV when loaded on this Debian, so its install script compiles it (a few
  # seconds), and until that build exists node-gyp-build loads the prebuilt one. The unit tests
  # (and every server) load argon2, so they wait for its build: started beside the compile, they
  # crashed on the prebuilt binary when they won the race (CI, exit 139).
  others="$(node -e '
    const lock = require("./package-lock.json");
    const names = Object.entries(lock.packages)
      .filter(([path, entry]) => entry.hasInstallScript && path !== "node_modules/argon2")
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    console.log([...new Set(names)].join(" "));
  ')"
  start "install scripts" env JOBS="${JOBS:-max}" npm rebuild $others # one name per word: unquoted
  start "argon2 compile" npm rebuild argon2
  finish "argon2 compile"
fi

# The unit tests need no other install script (sqlite3, which the integration tests need, is
# not loaded by them).
start unit node "$JEST" --ci --selectProjects unit

# The second runtime, or this one when there is none.
lts=node
case "${STORELINK_SECOND_NODE:-}" in
  off) ;;
  "")
    finish "fetch $SECOND_NODE_SPEC"
    lts="$(cat "$LOGS/second-node-path" 2>/dev/null)"
    ;;
  *) lts="$STORELINK_SECOND_NODE" ;;
esac
if ! [ -x "$(command -v "$lts")" ]; then
  FAILED+=("second runtime: no $SECOND_NODE_SPEC binary")
  lts=node
fi
lts_name="Node $("$lts" --version)"
this_name="Node $(node --version)"

# The fuzz suite on PostgreSQL needs no compiled SQLite driver (the server loads it only for a
# SQLite database): it fills the core the compile leaves idle, at a lower priority than the
# compile, which the rest waits for. (Paths go before --selectProjects, which would take them
# for project names.)
NOT_FUZZ='^(?!.*/fuzz\.test\.ts$)'
postgres_runs=()
if [ -n "${STORELINK_TEST_POSTGRES_URL:-}" ]; then
  postgres_runs=("fuzz on PostgreSQL, $lts_name" "integration PostgreSQL, $lts_name")
  start "${postgres_runs[0]}" nice -n 10 "$lts" "$JEST" test/integration/fuzz.test.ts --ci --selectProjects integration-postgres
fi
[ "${STORELINK_INSTALL_SCRIPTS:-}" = deferred ] && finish "install scripts"
finish typecheck
finish "admin build"

# The integration suite on SQLite and on PostgreSQL at once, two test files at a time in each
# (jest's default on 2 cores is one): much of its time is spent waiting for timeouts, fakes and
# restarts, not computing.
sqlite_run="integration SQLite, $this_name"
start "$sqlite_run" node "$JEST" --ci --maxWorkers=2 --selectProjects integration
[ -n "${postgres_runs[*]}" ] && start "${postgres_runs[1]}" "$lts" "$JEST" "$NOT_FUZZ" --ci --maxWorkers=2 --selectProjects integration-postgres
finish unit
# SQLite on the second runtime and the end-to-end tests (two files at a time: a suite waits for
# its browser about half of the time) start once either run above is done: the other one is
# finishing its last files then, and leaves a core free. (Without PostgreSQL, the fuzz suite runs
# on the second runtime here too.)
first_ended "$sqlite_run" "${postgres_runs[@]:1}"
second_run=""
if [ "$lts" != node ]; then
  second_run="integration SQLite, $lts_name"
  if [ -n "${postgres_runs[*]}" ]; then
    start "$second_run" "$lts" "$JEST" "$NOT_FUZZ" --ci --maxWorkers=2 --selectProjects integration
  else
    start "$second_run" "$lts" "$JEST" --ci --maxWorkers=2 --selectProjects integration
  fi
fi
start e2e node "$JEST" --ci --maxWorkers=2 --selectProjects e2e
finish "$sqlite_run"
for run in "${postgres_runs[@]}"; do finish "$run"; done
[ -n "$second_run" ] && finish "$second_run"
finish e2e

echo
echo "Phase times (phases started together overlap):"
printf '  %s\n' "${SUMMARY[@]}"
echo "  total: $(seconds "$begin" "$(now)") s"
rm -rf "$LOGS"
if [ "${#FAILED[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${FAILED[@]}"
  exit 1
fi
