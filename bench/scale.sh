#!/usr/bin/env bash
# Breakaway at clinic scale: one command, writes the "Clinic scale" section of bench/RESULTS.md.
#   bench/scale.sh                                22, 200 and 2,000 patients, 5 s per page
#   SCALE_SIZES="22 2000" SCALE_DURATION=3s SCALE_NO_PUBLISH=1 bench/scale.sh
# Publishes Release; for each size seeds a fresh SQLite file with the demo data and then
# `seed-scale N --fake-patients` (generated patients, 90 days of history each, through the app's own model; the
# command refuses Production, so it runs as ASPNETCORE_ENVIRONMENT=Benchmark), starts the app in Production on a copy,
# measures start-up and peak memory, signs in through the real form and runs wrk against the pages the issue names,
# with nginx (worker_processes 1) serving the article's exact bytes and the app's own cached article page as references.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZES=${SCALE_SIZES:-22 200 2000}
DURATION=${SCALE_DURATION:-5s}
RAW=$OUT/scale-raw.txt
[ "${SCALE_NO_PUBLISH:-}" = 1 ] || publish
rm -f "$RAW"
echo "0 load_start $(cut -d" " -f1 /proc/loadavg)" >> "$RAW"
ARTICLE=/tips/glutes-and-low-back-pain
NGINX_DONE=

for N in $SIZES; do
    echo "==> $N patients"
    SEED=$OUT/scale-$N.seed.db
    rm -f "$SEED" "$SEED-wal" "$SEED-shm"
    T0=$(ms_now)
    (cd "$OUT/app" && env ASPNETCORE_ENVIRONMENT=Benchmark ConnectionStrings__Breakaway="Data Source=$SEED" Demo__Enabled=true \
        Demo__Password=breakaway-demo-2026 Security__RequireStaffMfa=false Serilog__MinimumLevel__Default=Warning \
        dotnet Breakaway.Web.dll seed-scale "$N" --fake-patients) | sed 's/^/    /'
    echo "$N seed_ms $(( $(ms_now) - T0 ))" >> "$RAW"
    sqlite3 "$SEED" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    echo "$N sessions $(sqlite3 "$SEED" 'select count(*) from SessionLogs')" >> "$RAW"
    echo "$N exercise_logs $(sqlite3 "$SEED" 'select count(*) from ExerciseLogs')" >> "$RAW"

    DB=$OUT/scale-$N.db
    rm -f "$DB" "$DB-wal" "$DB-shm"; cp "$SEED" "$DB"
    read -r APP_PID STARTUP < <(launch_app "$DB")
    pids+=("$APP_PID")
    echo "    start-up to first /health 200: ${STARTUP} ms"
    echo "$N startup_ms $STARTUP" >> "$RAW"

    if [ -z "$NGINX_DONE" ]; then
        mkdir -p "$OUT/nginx/www/tips"
        curl -s "http://127.0.0.1:$APP_PORT$ARTICLE" > "$OUT/nginx/www$ARTICLE"
        cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes 1;
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
        wrk_run nginx "http://127.0.0.1:$NGINX_PORT$ARTICLE" 32
        sed -i '$ s/^/0 /' "$OUT/raw.txt"; tail -1 "$OUT/raw.txt" >> "$RAW"
        kill "$(cat "$OUT/nginx/nginx.pid")"; rm -f "$OUT/nginx/nginx.pid"
        NGINX_DONE=1
    fi

    THERAPIST_COOKIE=$(sign_in therapist@demo.test "$OUT/therapist.jar")
    PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
    echo "$N admin_bytes $(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $THERAPIST_COOKIE" "http://127.0.0.1:$APP_PORT/admin")" >> "$RAW"
    # Warm-up: JIT and caches, as a clinic's long-running process has them.
    for url in "$ARTICLE" /my /admin "/admin?q=ada"; do
        wrk -t1 -c4 -d2s -H "Cookie: $([ "$url" = /my ] && echo "$PATIENT_COOKIE" || echo "$THERAPIST_COOKIE")" "http://127.0.0.1:$APP_PORT$url" >/dev/null 2>&1
    done

    measure() { wrk_run "$@"; sed -i "\$ s/^/$N /" "$OUT/raw.txt"; tail -1 "$OUT/raw.txt" >> "$RAW"; }
    measure article "http://127.0.0.1:$APP_PORT$ARTICLE" 32
    measure admin "http://127.0.0.1:$APP_PORT/admin" 16 -H "Cookie: $THERAPIST_COOKIE"
    measure admin-search "http://127.0.0.1:$APP_PORT/admin?q=ada" 16 -H "Cookie: $THERAPIST_COOKIE"
    measure my "http://127.0.0.1:$APP_PORT/my" 32 -H "Cookie: $PATIENT_COOKIE"
    write_post_lua "$PATIENT_COOKIE" "$OUT/patient.jar"
    BEFORE=$(sqlite3 "$DB" "select count(*) from SessionLogs")
    measure log-session "http://127.0.0.1:$APP_PORT/my" 64 -s "$OUT/post.lua"
    AFTER=$(sqlite3 "$DB" "select count(*) from SessionLogs")
    echo "$N stored $((AFTER - BEFORE))" >> "$RAW"
    echo "$N peak_kb $(peak_kb "$APP_PID")" >> "$RAW"
    echo "    sessions stored $((AFTER - BEFORE)); peak RSS $(( $(peak_kb "$APP_PID") / 1024 )) MB"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
done

echo "0 load_end $(cut -d" " -f1 /proc/loadavg)" >> "$RAW"
echo "==> Writing the clinic-scale section of bench/RESULTS.md"
python3 bench/scale_report.py "$RAW" "$DURATION" > "$OUT/scale-section.md"
python3 - "$OUT/scale-section.md" <<'PY'
import re, sys
section = open(sys.argv[1]).read()
text = open("bench/RESULTS.md").read()
begin, end = "<!-- scale.sh begin -->", "<!-- scale.sh end -->"
block = f"{begin}\n{section.strip()}\n{end}\n"
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end) + "\n?", lambda _: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + block
open("bench/RESULTS.md", "w").write(text)
PY
cat "$OUT/scale-section.md"
