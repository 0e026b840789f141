#!/usr/bin/env bash
# Sets up and runs every test; the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci
npm run typecheck
npm run lint
mkdir -p artifacts
set +e
npx jest --ci --json --outputFile=artifacts/jest-results.json "$@"
status=$?
set -e
node -e '
const r = require("./artifacts/jest-results.json");
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
'
exit $status
