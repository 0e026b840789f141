#!/usr/bin/env bash
# `npm test`: installs if needed, then every check and test — typecheck, lint, the builds (cloud functions,
# weapp with its main-package size, H5), jest (node and client projects), and the browser end-to-end tests
# on the H5 build. Each check counts as one test; the last line is the plain total CI reads.
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
# Runs one jest configuration and adds its counts; a run that fails without failing tests counts once.
jest_run() {
  local name=$1 out=artifacts/jest-$1.json
  shift
  echo "== jest $name"
  rm -f "$out"
  npx jest --ci --json --outputFile="$out" "$@"
  local status=$? jp=0 jf=0
  if [ -f "$out" ]; then
    read -r jp jf < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "./$out")
  fi
  if [ "$status" -ne 0 ] && [ "$jf" -eq 0 ]; then jf=1; fi
  passed=$((passed + jp))
  failed=$((failed + jf))
}
export NODE_ENV=production # Taro builds for development otherwise
check typecheck npm run --silent typecheck
check lint npm run --silent lint
check build-functions npx tsx tools/build-functions.ts
check build-weapp npm run --silent build:weapp
[ -f client/dist/weapp/app.json ] && npx tsx tools/weapp-size.ts
check build-h5 npm run --silent build:h5
unset NODE_ENV
jest_run unit "$@"
export E2E_BUILD_H5=never # built above
jest_run e2e -c tests/e2e/jest.config.js
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
