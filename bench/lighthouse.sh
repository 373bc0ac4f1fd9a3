#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, Debian chromium) on the main pages of a published, Production-mode app.
# Usage: bench/lighthouse.sh [page...]   prints one line of category scores per page (default: the main pages)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/lighthouse
port=5091
mkdir -p "$out"
[ -x "$out/node_modules/.bin/lighthouse" ] || npm install --silent --no-audit --no-fund --prefix "$out" lighthouse@12.2.3
sh eng/publish.sh "$out/app" >/dev/null
rm -f "$out"/lh.db*
# Run from the publish folder: the content root (appsettings.json, App_Data) is the working directory.
(cd "$out/app" && ASPNETCORE_URLS=http://127.0.0.1:$port Site__BaseUrl=http://127.0.0.1:$port \
    ConnectionStrings__Breakaway="Data Source=../lh.db" Demo__Enabled=true Demo__Password=breakaway-demo-2026 exec dotnet Breakaway.Web.dll >../app.log 2>&1) &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
# Each page is opened once before it is measured, so the first request's start-up work is not what Lighthouse times.

# The demo patient signs in through the real form (antiforgery token and all); Lighthouse then carries the cookie.
jar=$out/cookies.txt
rm -f "$jar"
token=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Login=patient@demo.test" --data-urlencode "Input.Password=breakaway-demo-2026" "http://127.0.0.1:$port/account/sign-in"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")

measure() { # measure <page> [extra lighthouse args...]
    local page=$1; shift
    local name
    name=$(echo "$page" | tr '/' '_')
    curl -sf -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port$page"
    # Lighthouse 12.2.3 with this Chromium now and then fails to record the trace (NO_NAVSTART): try up to three times.
    local try
    for try in 1 2 3; do
        rm -f "$out/report$name.json"
        CHROME_PATH=/usr/bin/chromium "$out/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" --quiet \
            --output=json --output-path="$out/report$name.json" "$@" \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
            && [ -s "$out/report$name.json" ] && break
        echo "($page: attempt $try failed)"
    done
    node -e "const c=require('./$out/report$name.json').categories;console.log('$page', Object.keys(c).map(k => k + '=' + Math.round(c[k].score * 100)).join(' '))"
}

public=(/ /tips /tips/glutes-and-low-back-pain /exercises /exercises/glute-bridge)
personal=(/my /my/play)
if [ $# -gt 0 ]; then # only the pages named, e.g. bench/lighthouse.sh /my
    public=(); personal=()
    for page in "$@"; do case $page in /my*) personal+=("$page") ;; *) public+=("$page") ;; esac; done
fi
for page in "${public[@]}"; do
    measure "$page"
done
for page in "${personal[@]}"; do
    measure "$page" --extra-headers="{\"Cookie\": \"$cookie\"}"
done
