#!/usr/bin/env bash
# Breakaway benchmark: one command, writes bench/RESULTS.md.
#   bench/run.sh                      3 runs of 10 s per page (medians reported)
#   BENCH_RUNS=1 BENCH_DURATION=5s bench/run.sh   a quick look
# Publishes Release, starts the app in Production with demo data on a fresh SQLite file, and measures with
# wrk at 32 connections against nginx serving the same article bytes on another port (the reference).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
RUNS=${BENCH_RUNS:-3}
DURATION=${BENCH_DURATION:-10s}
APP_PORT=5190
NGINX_PORT=5191
mkdir -p "$OUT"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "==> Publishing Release"
dotnet publish src/Breakaway.Web -c Release -o "$OUT/app" >/dev/null

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT

ms_now() { date +%s%3N; }

# start_app <db file> [extra env...]: starts the published app, waits for /health, prints "pid startup_ms".
start_app() {
    local db=$1; shift
    rm -f "$db" "$db-wal" "$db-shm"
    local t0; t0=$(ms_now)
    (cd "$OUT/app" && exec env ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__Breakaway="Data Source=$db" Demo__Enabled=true Site__BaseUrl=http://127.0.0.1:$APP_PORT \
        Security__SignInPermitsPerMinute=10000 Serilog__MinimumLevel__Default=Warning "$@" \
        dotnet Breakaway.Web.dll >"$OUT/app.log" 2>&1) &
    local pid=$!
    for _ in $(seq 600); do
        curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/health" && break
        kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see $OUT/app.log" >&2; tail -3 "$OUT/app.log" >&2; exit 1; }
        sleep 0.05
    done
    echo "$pid $(( $(ms_now) - t0 ))"
}

# The process id of the dotnet child (the subshell execs, so $! is it).
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

# wrk_run <name> <url> [connections] [extra wrk args...] -> appends "name rps p50 p99 errors" to $OUT/raw.txt
wrk_run() {
    local name=$1 url=$2 conns=${3:-32}; shift 3 || shift $#
    local text
    text=$(wrk -t2 -c"$conns" -d"$DURATION" --latency "$@" "$url" 2>&1)
    local rps p50 p99 non2xx errors total
    total=$(echo "$text" | awk '/requests in/ {print $1}')
    rps=$(echo "$text" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$text" | awk '$1=="50%" {print $2}')
    p99=$(echo "$text" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$text" | awk '/Non-2xx or 3xx responses/ {print $5}')
    errors=$(echo "$text" | awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}')
    echo "$name $rps $p50 $p99 ${non2xx:-0} ${errors:-0} ${total:-0}" >> "$OUT/raw.txt"
    echo "    $name: $rps req/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}, socket errors ${errors:-0}"
}

# sign_in <login> <cookie jar>: the real form, antiforgery token included.
sign_in() {
    local login=$1 jar=$2
    rm -f "$jar"
    local token
    token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$APP_PORT/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$APP_PORT/account/sign-in" \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Login=$login" --data-urlencode "Input.Password=breakaway-demo-2026"
    awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7}' "$jar"
}

rm -f "$OUT/raw.txt" "$OUT/runs.txt"
for run in $(seq "$RUNS"); do
    echo "==> Run $run of $RUNS"
    read -r APP_PID STARTUP < <(start_app "$OUT/bench.db")
    pids+=("$APP_PID")
    echo "    start-up to first /health 200: ${STARTUP} ms"
    echo "startup $STARTUP" >> "$OUT/raw.txt"

    # Reference: nginx serving the exact bytes of the article page.
    ARTICLE=/tips/glutes-and-low-back-pain
    mkdir -p "$OUT/nginx/www/tips"
    curl -s "http://127.0.0.1:$APP_PORT$ARTICLE" > "$OUT/nginx/www/tips/glutes-and-low-back-pain"
    cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    server { listen 127.0.0.1:$NGINX_PORT; root $OUT/nginx/www; }
}
NGINX
    "$NGINX" -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"
    sleep 0.3

    # Warm up every page once.
    for url in / /tips "$ARTICLE" "/tips?q=glutes" /exercises/glute-bridge; do
        wrk -t1 -c4 -d2s "http://127.0.0.1:$APP_PORT$url" >/dev/null 2>&1
    done

    wrk_run nginx "http://127.0.0.1:$NGINX_PORT$ARTICLE" 32
    wrk_run article "http://127.0.0.1:$APP_PORT$ARTICLE" 32
    wrk_run tips "http://127.0.0.1:$APP_PORT/tips" 32
    wrk_run search "http://127.0.0.1:$APP_PORT/tips?q=glutes+pelvic" 32
    wrk_run exercise "http://127.0.0.1:$APP_PORT/exercises/glute-bridge" 32
    wrk_run home "http://127.0.0.1:$APP_PORT/" 32

    PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
    THERAPIST_COOKIE=$(sign_in therapist@demo.test "$OUT/therapist.jar")
    wrk_run my "http://127.0.0.1:$APP_PORT/my" 32 -H "Cookie: $PATIENT_COOKIE"
    wrk_run admin "http://127.0.0.1:$APP_PORT/admin" 32 -H "Cookie: $THERAPIST_COOKIE"

    # Writes: the real session form, with the patient's antiforgery token and a fresh idempotency key per post.
    FORM=$(curl -s -b "$OUT/patient.jar" "http://127.0.0.1:$APP_PORT/my")
    TOKEN=$(echo "$FORM" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    BODY="__RequestVerificationToken=$TOKEN"
    for i in $(echo "$FORM" | grep -o 'name="Input.Exercises\[[0-9]*\].ProgramExerciseId" value="[0-9]*"' | sed 's/.*\[\([0-9]*\)\].*value="\([0-9]*\)"/\1:\2/'); do
        idx=${i%%:*}; id=${i##*:}
        BODY="$BODY&Input.Exercises%5B$idx%5D.ProgramExerciseId=$id&Input.Exercises%5B$idx%5D.SetsCompleted=2&Input.Exercises%5B$idx%5D.RepsPerSet=10&Input.Exercises%5B$idx%5D.Pain=2"
    done
    cat > "$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$PATIENT_COOKIE"
local body = "$BODY"
local counter = 0
local responses = 0
function setup(thread) thread:set("id", math.random(1, 1000000)) end
request = function()
    counter = counter + 1
    local key = string.format("%08x-0000-4000-8000-%012x", id, counter)
    return wrk.format(nil, "/my", nil, body .. "&Input.IdempotencyKey=" .. key)
end
LUA
    BEFORE=$(sqlite3 "$OUT/bench.db" "select count(*) from SessionLogs" 2>/dev/null || echo 0)
    wrk_run log-session "http://127.0.0.1:$APP_PORT/my" 64 -s "$OUT/post.lua"
    AFTER=$(sqlite3 "$OUT/bench.db" "select count(*) from SessionLogs" 2>/dev/null || echo 0)
    echo "stored $((AFTER - BEFORE))" >> "$OUT/raw.txt"
    echo "    sessions stored: $((AFTER - BEFORE))"

    echo "peak_kb $(peak_kb "$APP_PID")" >> "$OUT/raw.txt"
    echo "    peak RSS: $(( $(peak_kb "$APP_PID") / 1024 )) MB"
    kill "$(cat "$OUT/nginx/nginx.pid")"; rm -f "$OUT/nginx/nginx.pid"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
done

echo "==> Content scale: 1,000 generated articles"
SCALE=$OUT/scale-content
rm -rf "$SCALE"; mkdir -p "$SCALE/tips"
python3 - "$SCALE/tips" <<'PY'
import random, sys, datetime
random.seed(7)
words = "glutes pelvis back pain hip walk stand breathe core floor strength balance knee posture stretch rest bridge squat step".split()
for i in range(1000):
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 700)
    body = "\n\n".join(f"## Part {s}\n\n" + " ".join(random.choice(words) for _ in range(120)) for s in range(1, 5))
    open(f"{sys.argv[1]}/generated-{i:04d}.md", "w").write(
        f"---\ntitle: Generated tip {i} about {random.choice(words)}\nsummary: A generated article for the benchmark.\npublished: {day}\ntags: [{random.choice(words)}, bench]\n---\n\n{body}\n")
PY
rm -f "$OUT/scale.db"*
T0=$(ms_now)
(cd "$OUT/app" && exec env ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Breakaway="Data Source=$OUT/scale.db" Articles__Path="$SCALE" Serilog__MinimumLevel__Default=Warning \
    dotnet Breakaway.Web.dll >"$OUT/scale.log" 2>&1) &
SCALE_PID=$!; pids+=("$SCALE_PID")
until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/tips"; do sleep 0.02; done
FIRST_TIPS=$(( $(ms_now) - T0 ))
SCALE_RSS=$(rss_kb "$SCALE_PID")
echo "    first /tips 200 after ${FIRST_TIPS} ms; RSS after load $((SCALE_RSS / 1024)) MB"
wrk_run scale-search "http://127.0.0.1:$APP_PORT/tips?q=glutes+balance" 8
kill "$SCALE_PID"; wait "$SCALE_PID" 2>/dev/null || true

# First visit to the article: HTML, stylesheet and script as a browser would fetch them (Brotli accepted).
size() { curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$1"; }
read -r APP_PID _ < <(start_app "$OUT/bench.db"); pids+=("$APP_PID")
PAGE=$(curl -s "http://127.0.0.1:$APP_PORT/tips/glutes-and-low-back-pain")
CSS=$(echo "$PAGE" | grep -o 'href="/css/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
JS=$(echo "$PAGE" | grep -o 'src="/js/[^"]*"' | head -1 | sed 's/src="//; s/"$//')
FIRST_VISIT=$(( $(size "http://127.0.0.1:$APP_PORT/tips/glutes-and-low-back-pain") + $(size "http://127.0.0.1:$APP_PORT$CSS") + $(size "http://127.0.0.1:$APP_PORT$JS") ))
echo "first_visit_bytes $FIRST_VISIT" >> "$OUT/raw.txt"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

echo "==> Writing bench/RESULTS.md"
python3 bench/report.py "$OUT/raw.txt" "$FIRST_TIPS" "$SCALE_RSS" "$RUNS" "$DURATION" > bench/RESULTS.md
cat bench/RESULTS.md
