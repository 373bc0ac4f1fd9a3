"""Turns bench/out/raw.txt into bench/RESULTS.md (medians over the runs, ratios to nginx, targets)."""
import os
import statistics
import subprocess
import sys
from datetime import datetime, timezone

raw, first_tips_ms, scale_rss_kb, runs, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]


def ms(value):
    value = value.strip()
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


pages, scalars = {}, {}
for line in open(raw):
    parts = line.split()
    if len(parts) == 2:
        scalars.setdefault(parts[0], []).append(float(parts[1]))
    elif len(parts) >= 7:
        name, rps, p50, p99, non2xx, errors, total = parts[:7]
        pages.setdefault(name, []).append((float(rps), ms(p50), ms(p99), int(non2xx), int(errors), int(total)))


def med(name, index):
    return statistics.median(r[index] for r in pages[name])


nginx = med("nginx", 0)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
mem_gb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()

out = []
out.append("# Benchmark results\n")
out.append(f"Written by `bench/run.sh` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit `{commit}`.  ")
out.append(f"Machine: {os.cpu_count()} cores ({cpu}), {mem_gb:.0f} GiB. wrk, 2 threads, {duration} per page, medians of {runs} run(s).  ")
out.append("The app runs published (Release, Production) with demo data: 22 patients, 20 with 60 days of history.\n")
out.append("| page | connections | requests/s | p50 ms | p99 ms | vs nginx | target | met |")
out.append("|---|---|---|---|---|---|---|---|")
targets = {"article": (0.6, 25), "tips": (0.6, 25), "exercise": (0.6, 25), "search": (None, None), "home": (None, None), "my": (0.25, None), "admin": (0.25, None)}
for name, label, conns in [("nginx", "nginx, same article bytes (reference)", 32), ("article", "article page", 32), ("tips", "tips index", 32),
                           ("search", "search", 32), ("exercise", "exercise page", 32), ("home", "home page", 32),
                           ("my", "patient `/my` (signed in)", 32), ("admin", "therapist `/admin` (signed in)", 32), ("log-session", "log a session (POST)", 64)]:
    if name not in pages:
        continue
    rps, p50, p99 = med(name, 0), med(name, 1), med(name, 2)
    ratio = rps / nginx
    target, met = "", ""
    if name in targets and targets[name][0]:
        min_ratio, max_p99 = targets[name]
        target = f">= {min_ratio}x" + (f", p99 < {max_p99} ms" if max_p99 else "")
        ok = ratio >= min_ratio and (max_p99 is None or p99 < max_p99)
        met = "yes" if ok else f"**no** ({ratio:.2f}x" + (f", p99 {p99:.1f} ms" if max_p99 and p99 >= max_p99 else "") + ")"
    if name == "log-session":
        target = ">= 1,000/s, 0 errors"
        errors = med(name, 3) + med(name, 4)
        met = "yes" if rps >= 1000 and errors == 0 else f"**no** ({rps:.0f}/s, {errors:.0f} errors)"
    out.append(f"| {label} | {conns} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {ratio:.2f}x | {target} | {met} |")

if "log-session" in pages:
    successes = [r[5] - r[3] - r[4] for r in pages["log-session"]]
    stored = scalars.get("stored", [])
    out.append("")
    # wrk stops counting while up to 64 posts are in flight; those still commit, so stored may exceed successes by
    # at most the connection count. Fewer stored than acknowledged would be lost writes.
    kept = all(0 <= int(s) - ok <= 64 for s, ok in zip(stored, successes)) and len(stored) == len(successes)
    out.append(f"Session logging: successful responses per run {successes}, sessions stored per run {[int(s) for s in stored]}"
               f" ({'every success stored; the few extra are posts still in flight when wrk stopped counting' if kept else '**lost or unexplained rows**'}).")

peak = max(scalars.get("peak_kb", [0])) / 1024
startup = statistics.median(scalars.get("startup", [0]))
first_visit = scalars.get("first_visit_bytes", [0])[0] / 1024
out.append("")
out.append("| measure | value | target | met |")
out.append("|---|---|---|---|")
out.append(f"| peak memory (VmHWM) under load | {peak:.0f} MB | < 300 MB | {'yes' if peak < 300 else '**no**'} |")
out.append(f"| start-up to first `/health` 200 (fresh database, migrations, seed) | {startup:.0f} ms | | |")
out.append(f"| article page + CSS + JS, first visit, compressed | {first_visit:.1f} KB | < 100 KB | {'yes' if first_visit < 100 else '**no**'} |")
scale_p50 = med("scale-search", 1) if "scale-search" in pages else float("nan")
out.append(f"| 1,000 articles: process start to first `/tips` 200 | {first_tips_ms} ms | < 2,000 ms | {'yes' if first_tips_ms < 2000 else '**no**'} |")
out.append(f"| 1,000 articles: memory after load (RSS) | {scale_rss_kb / 1024:.0f} MB | | |")
out.append(f"| 1,000 articles: search p50 (8 connections) | {scale_p50:.2f} ms | < 5 ms | {'yes' if scale_p50 < 5 else '**no**'} |")
out.append("")
analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ANALYSIS.md")
if os.path.exists(analysis):
    out.append(open(analysis).read().rstrip())
    out.append("")
print("\n".join(out))
