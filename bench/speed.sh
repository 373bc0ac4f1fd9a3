#!/usr/bin/env bash
# The rest of issue 22's targets, one command; prints its figures and keeps them in bench/out/speed-raw.txt:
#   bench/speed.sh                              all steps
#   SPEED_STEPS="audit startup" SPEED_NO_PUBLISH=1 bench/speed.sh
# Steps:
#   audit     the audit page with 1,000,000 audit rows (inserted with one SQL statement), each filter timed (wrk, 1 connection)
#   sessions  logging a session (the real form POST, 64 connections), acknowledged against stored
#   startup   1,000 generated articles (a temp content folder, Articles__Path): process start to the first /tips 200;
#             a database of 2,000 generated patients: process start to the first /health 200; peak memory of each
set -euo pipefail
source "$(dirname "$0")/lib.sh"
STEPS=${SPEED_STEPS:-audit sessions startup}
DURATION=${SPEED_DURATION:-3s}
RAW=$OUT/speed-raw.txt
[ "${SPEED_NO_PUBLISH:-}" = 1 ] || publish
rm -f "$RAW"
record() { echo "$*" >> "$RAW"; echo "    $*"; }
echo "==> $(uptime)"
record load "$(awk '{print $1}' /proc/loadavg)"

# The app is not this shell's child (it starts in a process substitution): wait until it has gone.
stop_app() { kill "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; }

# A migrated, demo-seeded file: the app's own first start, then stopped.
fresh_demo_db() {
    local db=$1
    read -r pid _ < <(start_app "$db")
    stop_app "$pid"
}

latency() { # latency <name> <url> <cookie>: one connection, DURATION; records p50 and p99 in ms
    local text p50 p99
    text=$(wrk -t1 -c1 -d"$([ "$PASS" = measure ] && echo "$DURATION" || echo 1s)" --latency -H "Cookie: $3" "$2" 2>&1)
    p50=$(echo "$text" | awk '$1=="50%" {print $2}'); p99=$(echo "$text" | awk '$1=="99%" {print $2}')
    # Rows shown: the table's rows less its header row.
    [ "$PASS" = measure ] && record "audit $1 p50 $p50 p99 $p99 rows $(( $(curl -s -H "Cookie: $3" "$2" | grep -c '<tr>' || true) - 1 ))"
    return 0
}

if [[ " $STEPS " == *" audit "* ]]; then
    echo "==> Audit page at 1,000,000 rows"
    DB=$OUT/speed-audit.db
    fresh_demo_db "$DB"
    T0=$(ms_now)
    THERAPIST=$(sqlite3 "$DB" "select Id from AspNetUsers where UserName='therapist@demo.test'")
    ADMIN=$(sqlite3 "$DB" "select Id from AspNetUsers where UserName='admin@demo.test'")
    # 70 % the therapist's views, 10 % the admin's, the rest anonymous sign-in events; a third name a patient;
    # 1 in 1,000 an account disabled (target: a patient's account), 1 in 100,000 two-step sign-in turned off (rare).
    sqlite3 "$DB" <<SQL
.timeout 10000
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000),
p AS (SELECT min(Id) AS lo, count(*) AS c FROM Patients)
INSERT INTO AuditEntries (TimestampUtc, ActorUserId, Action, PatientId, TargetUserId, Detail, ClientAddress)
SELECT strftime('%Y-%m-%d %H:%M:%S', '2025-11-01', '+' || (i * 30) || ' seconds'),
       CASE WHEN i % 10 < 7 THEN '$THERAPIST' WHEN i % 10 = 7 THEN '$ADMIN' ELSE NULL END,
       CASE WHEN i % 100000 = 0 THEN 'mfa.disabled' WHEN i % 1000 = 0 THEN 'account.disabled'
            WHEN i % 10 >= 8 THEN 'sign-in.failed' WHEN i % 3 = 0 THEN 'patient.viewed' ELSE 'patient-list.viewed' END,
       CASE WHEN i % 3 = 0 AND i % 10 < 8 THEN p.lo + (i / 3) % p.c ELSE NULL END,
       CASE WHEN i % 1000 = 0 THEN (SELECT UserId FROM Patients WHERE Id = p.lo + (i / 1000) % p.c) ELSE NULL END,
       NULL, '10.0.0.' || (i % 250)
FROM n, p;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    record "audit_rows $(sqlite3 "$DB" 'select count(*) from AuditEntries')"
    record "audit_seed_ms $(( $(ms_now) - T0 ))"
    PATIENT=$(sqlite3 "$DB" "select min(Id) from Patients")
    read -r APP_PID _ < <(launch_app "$DB"); pids+=("$APP_PID")
    COOKIE=$(sign_in admin@demo.test "$OUT/admin.jar")
    BASE="http://127.0.0.1:$APP_PORT/admin/audit"
    OLDER=$(curl -s -H "Cookie: $COOKIE" "$BASE?action=account.disabled" | grep -o 'before=[0-9]*' | head -1)
    DEEP=$(sqlite3 "$DB" "select Id from AuditEntries order by Id limit 1 offset 1000")
    # Twice: the first pass warms the JIT (tiered compilation) on every query shape; the second is recorded.
    for PASS in warm measure; do
        latency none "$BASE" "$COOKIE"
        latency action-common "$BASE?action=patient.viewed" "$COOKIE"
        latency action-rare "$BASE?action=mfa.disabled" "$COOKIE"
        latency patient "$BASE?patient=$PATIENT" "$COOKIE"
        latency action+patient "$BASE?action=patient.viewed&patient=$PATIENT" "$COOKIE"
        latency user-therapist "$BASE?user=therapist" "$COOKIE"
        latency user-patient "$BASE?user=patient%40demo" "$COOKIE"
        latency user-demo "$BASE?user=demo" "$COOKIE"
        latency user-many "$BASE?user=a" "$COOKIE"
        latency user-nobody "$BASE?user=nobody-here" "$COOKIE"
        latency action-page2 "$BASE?action=account.disabled&$OLDER" "$COOKIE"
        latency none-deep-page "$BASE?before=$DEEP" "$COOKIE"
    done
    stop_app "$APP_PID"
fi

if [[ " $STEPS " == *" sessions "* ]]; then
    echo "==> Session logging"
    DB=$OUT/speed-sessions.db
    fresh_demo_db "$DB"
    read -r APP_PID _ < <(launch_app "$DB"); pids+=("$APP_PID")
    PATIENT_COOKIE=$(sign_in patient@demo.test "$OUT/patient.jar")
    record "synchronous $(sqlite3 "$DB" 'pragma journal_mode') $(grep -o 'synchronous=[A-Za-z]*' -r src/Breakaway.Web --include=*.cs | head -1 || echo default)"
    write_post_lua "$PATIENT_COOKIE" "$OUT/patient.jar"
    wrk -t1 -c4 -d2s -s "$OUT/post.lua" "http://127.0.0.1:$APP_PORT/my" >/dev/null 2>&1 # warm-up
    BEFORE=$(sqlite3 "$DB" "select count(*) from SessionLogs")
    TEXT=$(wrk -t2 -c64 -d"$DURATION" --latency -s "$OUT/post.lua" "http://127.0.0.1:$APP_PORT/my" 2>&1)
    sleep 1
    AFTER=$(sqlite3 "$DB" "select count(*) from SessionLogs")
    record "sessions rps $(echo "$TEXT" | awk '/Requests\/sec/ {print $2}') p50 $(echo "$TEXT" | awk '$1=="50%" {print $2}') p99 $(echo "$TEXT" | awk '$1=="99%" {print $2}') acknowledged $(echo "$TEXT" | awk '/requests in/ {print $1}') non2xx $(echo "$TEXT" | awk '/Non-2xx/ {print $5}') stored $((AFTER - BEFORE))"
    stop_app "$APP_PID"
fi

if [[ " $STEPS " == *" startup "* ]]; then
    echo "==> Start-up: 1,000 articles"
    CONTENT=$OUT/speed-content
    generate_articles "$CONTENT"
    for run in fresh-db migrated-db; do
        DB=$OUT/speed-articles.db
        [ $run = fresh-db ] && rm -f "$DB" "$DB-wal" "$DB-shm"
        T0=$(ms_now)
        (cd "$OUT/app" && exec env ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production \
            ConnectionStrings__Breakaway="Data Source=$DB" Articles__Path="$CONTENT" Serilog__MinimumLevel__Default=Warning \
            dotnet Breakaway.Web.dll >"$OUT/speed-articles.log" 2>&1) &
        PID=$!; pids+=("$PID")
        until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/tips"; do sleep 0.02; done
        record "articles_first_tips_ms $run $(( $(ms_now) - T0 )) peak_kb $(peak_kb "$PID")"
        stop_app "$PID"
    done

    echo "==> Start-up: 2,000 patients"
    SEED=$OUT/speed-2000.db
    if [ ! -f "$SEED" ] || [ "${SPEED_RESEED:-}" = 1 ]; then
        rm -f "$SEED" "$SEED-wal" "$SEED-shm"
        (cd "$OUT/app" && env ASPNETCORE_ENVIRONMENT=Benchmark ConnectionStrings__Breakaway="Data Source=$SEED" Demo__Enabled=true \
            Demo__Password=breakaway-demo-2026 Security__RequireStaffMfa=false Serilog__MinimumLevel__Default=Warning \
            dotnet Breakaway.Web.dll seed-scale 2000 --fake-patients) | sed 's/^/    /'
    fi
    record "patients $(sqlite3 "$SEED" 'select count(*) from Patients') sessions $(sqlite3 "$SEED" 'select count(*) from SessionLogs')"
    for run in first second; do
        read -r PID STARTUP < <(launch_app "$SEED"); pids+=("$PID")
        T1=$(ms_now); COOKIE=$(sign_in therapist@demo.test "$OUT/therapist.jar")
        curl -sf -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$APP_PORT/admin"
        record "patients_startup_ms $run $STARTUP first_admin_ms_after $(( $(ms_now) - T1 )) peak_kb $(peak_kb "$PID")"
        stop_app "$PID"
    done
fi
echo "==> Figures in $RAW"
