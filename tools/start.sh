#!/usr/bin/env bash
# `npm start`: installs if needed, then runs the whole system locally (see tools/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-install.sh
exec npx tsx tools/start.ts "$@"
