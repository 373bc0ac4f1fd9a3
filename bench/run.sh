#!/usr/bin/env bash
# Breakaway benchmark: one command, writes bench/RESULTS.md.
#   bench/run.sh                      3 runs of 10 s per page (medians reported)
#   BENCH_RUNS=1 BENCH_DURATION=5s bench/run.sh   a quick look
# Publishes Release, starts the app in Production with demo data on a fresh SQLite file, and measures with
# wrk at 32 connections against nginx serving the same article bytes on another port (the reference).
set -euo pipefail
RUNS=${BENCH_RUNS:-3}
source "$(dirname "$0")/lib.sh"
publish

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
    write_post_lua "$PATIENT_COOKIE" "$OUT/patient.jar"
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
generate_articles "$SCALE"
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
# bench/scale.sh's section (between its markers) is kept.
SCALE_SECTION=$(sed -n '/<!-- scale.sh begin -->/,/<!-- scale.sh end -->/p' bench/RESULTS.md 2>/dev/null || true)
python3 bench/report.py "$OUT/raw.txt" "$FIRST_TIPS" "$SCALE_RSS" "$RUNS" "$DURATION" > bench/RESULTS.md
[ -z "$SCALE_SECTION" ] || printf '\n%s\n' "$SCALE_SECTION" >> bench/RESULTS.md
cat bench/RESULTS.md
