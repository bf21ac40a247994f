#!/usr/bin/env bash
# Every test and check of the project, in the order a failure is cheapest to find: lint, types,
# unit and component tests, the production builds, then the browser tests in Chromium.
# Ends with one line "N passed, N failed" counting every test and check that ran.
set -u
cd "$(dirname "$0")/.."
out=$(mktemp -d)

# On a fresh clone the README's test command works on its own: install the packages and, as root,
# the browser the browser tests drive (Debian's Chromium; no test tool downloads a browser here).
[ -d node_modules ] || npm ci --no-audit --no-fund
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig poppler-utils >/dev/null
  else
    echo "Chromium or poppler-utils is missing: sudo apt-get install -y chromium fonts-noto-cjk poppler-utils (or set CHROMIUM_PATH)" >&2
  fi
fi
# The server's tests run on PostgreSQL too when it is here (as root: installed and started as .ci/run
# does); without it they run on the embedded database alone, and say so.
if [ -z "${JINDU_TEST_DATABASE_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  command -v pg_lsclusters >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
  if url=$(bash scripts/postgres-for-tests.sh); then export JINDU_TEST_DATABASE_URL=$url; fi
fi
[ -n "${JINDU_TEST_DATABASE_URL:-}" ] || echo "JINDU_TEST_DATABASE_URL is not set: the server's tests run on the embedded database only" >&2
passed=0
failed=0
# How long each stage took, printed before the summary: CI has a 20-minute target to keep.
timings=()
stage_start=$SECONDS
stage() { # name: ends the stage before, starts this one
  [ -n "${stage_name:-}" ] && timings+=("$stage_name $((SECONDS - stage_start))s")
  stage_name=$1
  stage_start=$SECONDS
  [ "$1" = end ] || echo "── $1"
}

check() { # name, command...
  local name=$1
  shift
  stage "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "✗ $name failed"
  fi
}

check lint npx eslint . --max-warnings 0
check typecheck npx tsc -b --noEmit

# The unit and component tests run once, from a lone copy of the repository's files (check-self-contained.sh):
# that run is both the tests and the proof that nothing they read lies outside the repository.
stage "unit and component tests (vitest), from a lone copy of the repository"
bash scripts/check-self-contained.sh --reporter=default --reporter=json --outputFile="$out/vitest.json"
if [ -f "$out/vitest.json" ]; then
  read -r vp vf < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.success || r.numFailedTests ? 0 : 1))' "$out/vitest.json")
  passed=$((passed + vp))
  failed=$((failed + vf))
else
  failed=$((failed + 1))
fi

check build npx vite build --logLevel warn
check build-subpath npx vite build --logLevel warn --base=/jindu/ --outDir dist-subpath
check build-real-api env VITE_API_BASE_URL=/api/v1 npx vite build --logLevel warn --outDir dist-real-api
# What `npm start` serves: the app built for the server and the server's bundle (rebuilt when stale).
check build-server node scripts/server-build.mjs

stage "browser tests (Chromium)"
E2E_TAP_FILE="$out/e2e.tap" node e2e/run.mjs
e2e_status=$?
if [ -f "$out/e2e.tap" ]; then
  # node's TAP summary counts leaf tests, not the describe blocks around them. The file holds one
  # summary per run (the demo builds, then the built server): they add up.
  ep=$(awk '/^# pass /{s+=$3} END{print s+0}' "$out/e2e.tap")
  ef=$(awk '/^# fail /{s+=$3} END{print s+0}' "$out/e2e.tap")
  # A browser run that died before reporting counts as a failure, not as nothing.
  [ $((ep + ef)) -eq 0 ] && ef=1
  # So does a run that failed outside its tests (the server did not start, say).
  [ "$e2e_status" -ne 0 ] && [ "$ef" -eq 0 ] && ef=1
  passed=$((passed + ep))
  failed=$((failed + ef))
else
  failed=$((failed + 1))
fi

# The bench's figures are not tests, but its budgets are: a regression in size, speed or leaks fails here.
check bench node scripts/bench.mjs
check budgets node scripts/check-budgets.mjs

stage end
echo "time per stage: ${timings[*]/%/;} total $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
