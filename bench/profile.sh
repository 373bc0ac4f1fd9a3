#!/usr/bin/env bash
# Breakaway profile: one command that shows where the time goes in the benchmark's misses.
#   bench/profile.sh                      all four: my, admin, log-session, startup
#   bench/profile.sh my log-session       only the named ones
#   PROFILE_SECONDS=8 PROFILE_WARMUP=10 PROFILE_NO_PUBLISH=1 bench/profile.sh ...
#                                         trace length, warm-up per page (s), reuse bench/out/app as published
# Publishes Release and starts the app exactly as bench/run.sh does (Production, demo data, fresh SQLite file),
# signs in through the real form, and for each signed-in load runs wrk while `dotnet-trace collect -p`
# (dotnet-sampled-thread-time, ~100 Hz stacks of every managed thread) and `dotnet-counters collect`
# (System.Runtime, Microsoft.AspNetCore.Hosting, Microsoft.EntityFrameworkCore) record the same seconds.
# Start-up is traced from runtime start (the runtime waits on --diagnostic-port until the trace is on) with the 1,000
# generated articles, until the first /tips 200. Traces and counters go to bench/out/profile/ (not committed);
# each trace is summarised there as <name>.summary.txt: `dotnet-trace report topN` (exclusive and inclusive)
# plus bench/trace_summary.py over the Speedscope export (idle threads split off; busy time by area,
# request phase and app frame; a timeline for start-up) and bench/counters_summary.py.
# bench/PROFILE.md is the written analysis of those summaries.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SECS=${PROFILE_SECONDS:-8}
WARMUP=${PROFILE_WARMUP:-10}
P=$OUT/profile
mkdir -p "$P"
WHAT=("$@"); [ ${#WHAT[@]} -eq 0 ] && WHAT=(my admin log-session startup)
wants() { local w; for w in "${WHAT[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

dotnet tool restore >/dev/null
[ "${PROFILE_NO_PUBLISH:-}" = 1 ] || publish
TRACE="dotnet tool run dotnet-trace"
COUNTERS="dotnet tool run dotnet-counters"

# summarise <name>: topN views from dotnet-trace itself, then the filtered views.
summarise() {
    local name=$1 f=$P/$1.nettrace
    {
        echo "# $name"
        cat "$P/$name.load.txt" 2>/dev/null || true
        echo
        echo "## dotnet-trace report topN (exclusive, all threads including idle ones)"
        $TRACE report "$f" topN -n 25
        echo
        echo "## dotnet-trace report topN --inclusive (all threads)"
        $TRACE report "$f" topN --inclusive -n 60
        echo
        $TRACE convert "$f" --format Speedscope -o "$P/$name" >/dev/null
        python3 bench/trace_summary.py "$P/$name.speedscope.json" --focus Thread.Sleep --focus Monitor.Enter_Slowpath $([ "$name" = startup ] && echo --timeline)
        if [ -f "$P/$name.counters.csv" ]; then
            echo; echo "## counters"; python3 bench/counters_summary.py "$P/$name.counters.csv"
        fi
    } > "$P/$name.summary.txt" 2>&1
    echo "    summary: $P/$name.summary.txt"
}

# profile_load <name> <connections> <url> [wrk args...]: wrk for SECS+4 s; trace and counters the middle SECS s.
profile_load() {
    local name=$1 conns=$2 url=$3; shift 3
    rm -f "$P/$name".*
    echo "==> $name: wrk -c$conns $url, tracing ${SECS}s"
    wrk -t2 -c"$conns" -d"$((SECS + 4))s" --latency "$@" "$url" > "$P/$name.wrk.txt" 2>&1 &
    local wrk_pid=$!
    sleep 1
    $COUNTERS collect -p "$APP_PID" --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.EntityFrameworkCore \
        --refresh-interval 1 --format csv -o "$P/$name.counters.csv" --duration "00:00:00:$(printf %02d "$SECS")" \
        </dev/null >"$P/$name.counters.log" 2>&1 &
    local counters_pid=$!
    $TRACE collect -p "$APP_PID" --profile dotnet-sampled-thread-time -o "$P/$name.nettrace" \
        --duration "00:00:00:$(printf %02d "$SECS")" </dev/null >"$P/$name.trace.log" 2>&1
    wait "$counters_pid" || true
    wait "$wrk_pid" || true
    awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {n=$5}
         END {printf "wrk while tracing (tracer and counters attached, so slower than bench/run.sh): %s req/s, p50 %s, p99 %s, non-2xx %s\n", rps, p50, p99, n+0}' \
        "$P/$name.wrk.txt" | tee "$P/$name.load.txt"
    summarise "$name"
}

if wants my || wants admin || wants log-session; then
    read -r APP_PID STARTUP < <(start_app "$OUT/profile.db")
    pids+=("$APP_PID")
    echo "    app pid $APP_PID, /health after ${STARTUP} ms"
    PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
    THERAPIST_COOKIE=$(sign_in therapist@demo.test "$OUT/therapist.jar")
    # Warm up under the same load, so tiered JIT has promoted the hot code before the trace (the JIT's own
    # thread is native and invisible to the sampler; the counters show how much JIT is still going on).
    wrk -t2 -c32 -d"${WARMUP}s" -H "Cookie: $PATIENT_COOKIE" "http://127.0.0.1:$APP_PORT/my" >/dev/null 2>&1
    wrk -t2 -c32 -d"${WARMUP}s" -H "Cookie: $THERAPIST_COOKIE" "http://127.0.0.1:$APP_PORT/admin" >/dev/null 2>&1

    # Sign in again right before each load: wrk replays one cookie and ignores Set-Cookie, so after a minute
    # every request would run the security-stamp check and re-issue the cookie, which a browser would not do.
    if wants my; then
        PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
        profile_load my 32 "http://127.0.0.1:$APP_PORT/my" -H "Cookie: $PATIENT_COOKIE"
    fi
    if wants admin; then
        THERAPIST_COOKIE=$(sign_in therapist@demo.test "$OUT/therapist.jar")
        profile_load admin 32 "http://127.0.0.1:$APP_PORT/admin" -H "Cookie: $THERAPIST_COOKIE"
    fi
    if wants log-session; then
        PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
        write_post_lua "$PATIENT_COOKIE" "$OUT/patient.jar"
        BEFORE=$(sqlite3 "$OUT/profile.db" "select count(*) from SessionLogs")
        profile_load log-session 64 "http://127.0.0.1:$APP_PORT/my" -s "$OUT/post.lua"
        AFTER=$(sqlite3 "$OUT/profile.db" "select count(*) from SessionLogs")
        echo "sessions stored during the load: $((AFTER - BEFORE))" | tee -a "$P/log-session.load.txt"
    fi
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
fi

if wants startup; then
    echo "==> startup: 1,000 generated articles, traced from process start to the first /tips 200"
    rm -f "$P"/startup.*
    generate_articles "$OUT/scale-content"
    rm -f "$OUT/scale.db"*
    # dotnet-trace listens on a socket; the runtime connects to it at start and waits until the session is on.
    $TRACE collect --diagnostic-port "$P/startup.sock" --profile dotnet-sampled-thread-time -o "$P/startup.nettrace" \
        </dev/null >"$P/startup.trace.log" 2>&1 &
    TRACE_PID=$!; pids+=("$TRACE_PID")
    for _ in $(seq 200); do [ -S "$P/startup.sock" ] && break; sleep 0.05; done
    T0=$(ms_now)
    (cd "$OUT/app" && exec env ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__Breakaway="Data Source=$OUT/scale.db" Articles__Path="$OUT/scale-content" Serilog__MinimumLevel__Default=Warning \
        DOTNET_DiagnosticPorts="$P/startup.sock" \
        dotnet Breakaway.Web.dll >"$OUT/scale.log" 2>&1) &
    SCALE_PID=$!; pids+=("$SCALE_PID")
    until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/tips"; do
        kill -0 "$SCALE_PID" 2>/dev/null || { echo "the app stopped; see $OUT/scale.log" >&2; exit 1; }
        sleep 0.02
    done
    echo "process start to first /tips 200 while traced: $(( $(ms_now) - T0 )) ms (tracing adds overhead)" | tee "$P/startup.load.txt"
    kill "$SCALE_PID"; wait "$SCALE_PID" 2>/dev/null || true
    wait "$TRACE_PID" || true
    summarise startup
fi
