"""Turns bench/out/scale-raw.txt into the "Clinic scale" section of bench/RESULTS.md (one run, sizes side by side)."""
import subprocess
import sys
from datetime import datetime, timezone

raw, duration = sys.argv[1], sys.argv[2]


def ms(value):
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


pages, scalars, sizes = {}, {}, []
for line in open(raw):
    parts = line.split()
    if len(parts) == 3:
        scalars[(parts[0], parts[1])] = float(parts[2])
    elif len(parts) >= 8:
        n, name, rps, p50, p99, non2xx, errors, total = parts[:8]
        pages[(n, name)] = (float(rps), ms(p50), ms(p99), int(non2xx), int(errors), int(total))
    if parts and parts[0] != "0" and parts[0] not in sizes:
        sizes.append(parts[0])

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
cores = sum(1 for l in open("/proc/cpuinfo") if l.startswith("processor"))
mem_gb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
nginx = pages.get(("0", "nginx"))


def cell(n, name):
    r = pages.get((n, name))
    if r is None:
        return "–"
    extra = f", {r[3]} non-2xx" if r[3] else ""
    extra += f", {r[4]} socket errors" if r[4] else ""
    return f"{r[1]:.1f} / {r[2]:.1f} ms, {r[0]:,.0f}/s{extra}"


def n_label(n):
    return f"{int(n):,} patients"


out = ["## Clinic scale (`bench/scale.sh`)\n"]
out.append(f"Written by `bench/scale.sh` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit `{commit}`{' (with uncommitted changes)' if dirty else ''}.  ")
load = f"load average {scalars[('0', 'load_start')]:.2f} at the start and {scalars[('0', 'load_end')]:.2f} at the end (`/proc/loadavg`, one minute; the run itself keeps it near 2)" if ('0', 'load_start') in scalars and ('0', 'load_end') in scalars else "load not recorded"
out.append(f"Machine: {cores} cores ({cpu}), {mem_gb:.0f} GiB, {load}. wrk, 2 threads, {duration} per page, one run.  ")
out.append("Each size is a fresh SQLite file: the demo data (22 patients) plus `seed-scale N --fake-patients` (90 days of history, about 5 sessions a week, 5 exercise logs each); the app runs published, in Production.\n")
if nginx:
    out.append(f"Reference: nginx (`worker_processes 1`) serving the article page's exact bytes, 32 connections: {nginx[0]:,.0f} req/s, p50 {nginx[1]:.2f} ms, p99 {nginx[2]:.2f} ms.\n")

out.append("Cells: p50 / p99, requests per second.\n")
out.append("| page (connections) | " + " | ".join(n_label(n) for n in sizes) + " | target |")
out.append("|---|" + "---|" * len(sizes) + "---|")
rows = [
    ("article page, output-cached (32)", "article", ""),
    ("`/admin` dashboard (16)", "admin", "2,000: p50 < 20 ms, >= 300/s, p99 < 100 ms"),
    ("`/admin?q=ada` (16)", "admin-search", ""),
    ("`/my` (32)", "my", ">= 0.2x the article page, p99 < 20 ms"),
    ("log a session, POST (64)", "log-session", ">= 1,000/s, every success stored"),
]
for label, name, target in rows:
    out.append(f"| {label} | " + " | ".join(cell(n, name) for n in sizes) + f" | {target} |")


def scal(label, key, fmt, target=""):
    vals = [scalars.get((n, key)) for n in sizes]
    out.append(f"| {label} | " + " | ".join("–" if v is None else fmt(v) for v in vals) + f" | {target} |")


out.append("| `/my` against the article page | " + " | ".join(
    f"{pages[(n, 'my')][0] / pages[(n, 'article')][0]:.3f}x" if (n, "my") in pages and (n, "article") in pages else "–" for n in sizes) + " | >= 0.2x |")
scal("dashboard HTML, first page", "admin_bytes", lambda v: f"{v / 1024:,.0f} KB", "< 100 KB")
scal("sessions stored during the POST run", "stored", lambda v: f"{v:,.0f}")
scal("sessions in the database", "sessions", lambda v: f"{v:,.0f}")
scal("exercise logs in the database", "exercise_logs", lambda v: f"{v:,.0f}")
scal("seeding (demo + seed-scale), one process", "seed_ms", lambda v: f"{v / 1000:.1f} s")
scal("start-up to first `/health` 200", "startup_ms", lambda v: f"{v:,.0f} ms", "2,000: < 3 s")
scal("peak memory (VmHWM) after the runs", "peak_kb", lambda v: f"{v / 1024:,.0f} MB")
print("\n".join(out))
try:
    print("\n" + open("bench/SCALE-ANALYSIS.md").read().strip())
except FileNotFoundError:
    pass
