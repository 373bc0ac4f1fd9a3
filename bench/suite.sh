#!/usr/bin/env bash
# How the test suite's settings change its cost: one command, writes bench/SUITE.md.
#   bench/suite.sh            5 paired runs of each (medians reported)
# Times a test class that starts one app host per test (SignInTests: 22 hosts) with tiered PGO off, as the test
# projects set it, against the same class with PGO switched back on (DOTNET_TieredPGO=1 overrides the
# runtimeconfig), A and B in turn, with farm-bench. Nothing else differs between the two commands.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-5}
dotnet build tests/Breakaway.Tests -c Release -warnaserror >/dev/null
BIN=tests/Breakaway.Tests/bin/Release/net10.0
CLASS='*Accounts.SignInTests'
out=$(mktemp)
(cd "$BIN" && farm-bench -n "$RUNS" --timeout 900 --vs "env DOTNET_TieredPGO=1 ./Breakaway.Tests -class $CLASS" -- ./Breakaway.Tests -class "$CLASS") | tee "$out"
{
    echo "# Test suite: what its settings cost"
    echo
    echo "Written by \`bench/suite.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit \`$(git rev-parse --short HEAD)\`."
    echo "A: \`Breakaway.Tests -class $CLASS\` (22 tests, one app host each) as the test project builds it (\`TieredPGO\` false)."
    echo "B: the same with \`DOTNET_TieredPGO=1\`. farm-bench, $RUNS paired runs, figures are min / median / max."
    echo
    echo '```'
    cat "$out"
    echo '```'
} > bench/SUITE.md
rm -f "$out"
echo "Wrote bench/SUITE.md"
