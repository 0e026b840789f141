#!/usr/bin/env bash
# `npm run bench`: runs every bench/*.bench.ts in turn, each comparing itself with bench/baselines/, goes on
# past a failing one, then prints one line per bench and exits non-zero if any failed. Arguments go to every
# bench (`npm run bench -- --write-baseline`). Not part of `npm test`: benches are run on demand, because
# speed on these shared machines is a figure to read against a baseline, not a test to pass.
set -uo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
log=$(mktemp)
trap 'rm -f "$log"' EXIT
summary=()
failed=0
for bench in bench/*.bench.ts; do
  echo "== $bench"
  started=$SECONDS
  npx tsx "$bench" "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then
    verdict=ok
  elif grep -q ': WORSE: more than' "$log"; then
    verdict=WORSE
  else
    verdict="FAILED (exit $status)"
  fi
  [ "$status" -eq 0 ] || failed=$((failed + 1))
  summary+=("$(printf '%-36s %s (%d s)' "$bench" "$verdict" $((SECONDS - started)))")
done
echo "== summary"
printf '%s\n' "${summary[@]}"
if [ "$failed" -gt 0 ]; then
  echo "$failed of ${#summary[@]} benches failed; a WORSE under heavy load may be the neighbours: re-run it alone (npx tsx <bench>)"
fi
[ "$failed" -eq 0 ]
