#!/usr/bin/env bash
# `npm test`: installs if needed, then runs every check and test; what .ci/run calls.
# Typecheck and lint count as one test each; the last line is the plain total CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-install.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p artifacts
passed=0
failed=0
check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
check typecheck npm run --silent typecheck
check lint npm run --silent lint
echo "== jest"
npx jest --ci --json --outputFile=artifacts/jest-results.json "$@"
jest_status=$?
if [ -f artifacts/jest-results.json ]; then
  read -r jp jf < <(node -e '
    const r = require("./artifacts/jest-results.json");
    console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites);')
  passed=$((passed + jp))
  failed=$((failed + jf))
fi
if [ "$jest_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
