# Shared by bench/run.sh and bench/profile.sh: paths, ports, publishing, starting the app the same way,
# signing in through the real form, wrk runs, the session POST script and the 1,000 generated articles.
# Source it from a script that has `set -euo pipefail`; it changes to the repo root.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
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

publish() {
    echo "==> Publishing Release"
    sh eng/publish.sh "$OUT/app" >/dev/null # as the Dockerfile and CI publish: one runtime, ReadyToRun
}

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT

ms_now() { date +%s%3N; }

# start_app <db file> [extra env...]: starts the published app, waits for /health, prints "pid startup_ms".
start_app() {
    local db=$1; shift
    rm -f "$db" "$db-wal" "$db-shm"
    launch_app "$db" "$@"
}

# launch_app <db file> [extra env...]: as start_app, on the database file as it is (bench/scale.sh's seeded copies).
launch_app() {
    local db=$1; shift
    local t0; t0=$(ms_now)
    (cd "$OUT/app" && exec env ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__Breakaway="Data Source=$db" Demo__Enabled=true Demo__Password=breakaway-demo-2026 Security__RequireStaffMfa=false Site__BaseUrl=http://127.0.0.1:$APP_PORT \
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

# write_post_lua <patient cookie header> <patient cookie jar>: $OUT/post.lua posts the real session form
# with the patient's antiforgery token and a fresh idempotency key per post.
write_post_lua() {
    local cookie=$1 jar=$2
    local FORM TOKEN BODY
    FORM=$(curl -s -b "$jar" "http://127.0.0.1:$APP_PORT/my")
    TOKEN=$(echo "$FORM" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    # Input.AnotherToday: the demo patient logs many sessions a day here; without it every post after the first only asks "another session today?".
    BODY="__RequestVerificationToken=$TOKEN&Input.AnotherToday=true"
    for i in $(echo "$FORM" | grep -o 'name="Input.Exercises\[[0-9]*\].ProgramExerciseId" value="[0-9]*"' | sed 's/.*\[\([0-9]*\)\].*value="\([0-9]*\)"/\1:\2/'); do
        idx=${i%%:*}; id=${i##*:}
        BODY="$BODY&Input.Exercises%5B$idx%5D.ProgramExerciseId=$id&Input.Exercises%5B$idx%5D.SetsCompleted=2&Input.Exercises%5B$idx%5D.RepsPerSet=10&Input.Exercises%5B$idx%5D.Pain=2"
    done
    cat > "$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
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
}

# generate_articles <dir>: 1,000 generated articles in <dir>/tips (same seed every time).
generate_articles() {
    rm -rf "$1"; mkdir -p "$1/tips"
    python3 - "$1/tips" <<'PY'
import random, sys, datetime
random.seed(7)
words = "glutes pelvis back pain hip walk stand breathe core floor strength balance knee posture stretch rest bridge squat step".split()
for i in range(1000):
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 700)
    body = "\n\n".join(f"## Part {s}\n\n" + " ".join(random.choice(words) for _ in range(120)) for s in range(1, 5))
    open(f"{sys.argv[1]}/generated-{i:04d}.md", "w").write(
        f"---\ntitle: Generated tip {i} about {random.choice(words)}\nsummary: A generated article for the benchmark.\npublished: {day}\ntags: [{random.choice(words)}, bench]\n---\n\n{body}\n")
PY
}
