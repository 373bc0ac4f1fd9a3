#!/usr/bin/env bash
# Crash safety: bench/crash.sh [runs=20]. Publishes Release, then bench/crash.py kills the site with SIGKILL during a
# burst of session logs, restarts it, and checks integrity and every acknowledged session. Writes bench/CRASH.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> Publishing Release"
sh eng/publish.sh bench/out/crash-app >/dev/null
exec python3 bench/crash.py "${1:-20}"
