#!/usr/bin/env bash
# How the test suite's runtime settings change its cost: one command, writes bench/SUITE.md.
#   bench/suite.sh            5 paired runs of each comparison (medians reported)
# Each comparison times one test class as the test projects build it (A) against the same class with one setting
# put back to the runtime's default through its environment variable, which overrides the runtimeconfig (B); A and B
# run in turn, with farm-bench. Nothing else differs between the two commands.
#   1. Tiered PGO (off in tests/Directory.Build.props): SignInTests, one app host per test (22).
#   2. Call-count threshold (300 in tests/Directory.Build.props, 30 by default): SessionLoggingTests (39 hosts).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-5}
dotnet build tests/Breakaway.Tests -c Release -warnaserror >/dev/null
BIN=tests/Breakaway.Tests/bin/Release/net10.0
out=$(mktemp)
compare() { # title, class, setting for B, what A is
    local title=$1 class=$2 env=$3 what=$4
    echo "## $title"
    echo
    echo "A: \`Breakaway.Tests -class $class\` as the test project builds it ($what)."
    echo "B: the same with \`$env\`. farm-bench, $RUNS paired runs, figures are min / median / max."
    echo
    echo '```'
    (cd "$BIN" && farm-bench -n "$RUNS" --timeout 900 --vs "env $env ./Breakaway.Tests -class $class" -- ./Breakaway.Tests -class "$class") 2>&1 | tee /dev/stderr
    echo '```'
    echo
}
{
    echo "# Test suite: what its settings cost"
    echo
    echo "Written by \`bench/suite.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit \`$(git rev-parse --short HEAD)\`."
    echo
    compare "Tiered PGO" '*Accounts.SignInTests' DOTNET_TieredPGO=1 '`TieredPGO` false; 22 tests, one app host each'
    compare "Call-count threshold" '*Patients.SessionLoggingTests' DOTNET_TC_CallCountThreshold=30 \
        'a method is re-compiled optimised after 300 calls; 39 app hosts'
} > "$out"
mv "$out" bench/SUITE.md
echo "Wrote bench/SUITE.md"
