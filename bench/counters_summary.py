"""Summarises a `dotnet-counters collect --format csv` file: mean, min and max per counter over the samples.

    python3 bench/counters_summary.py <file.csv>
"""
import collections
import csv
import statistics
import sys

WANTED = ("cpu.time", "gc.collections", "gc.pause", "heap.total_allocated", "gc.last_collection.heap.size", "memory.working_set",
          "lock_contentions", "thread_pool.queue", "thread_pool.thread.count", "thread_pool.work_item", "jit.compiled_methods",
          "jit.compilation.time", "active_requests", "request.duration", "entityframeworkcore")

values = collections.defaultdict(list)
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        name = row["Counter Name"]
        if any(w in name for w in WANTED):
            try:
                values[(row["Provider"], name)].append(float(row["Mean/Increment"]))
            except ValueError:
                pass

print(f"{'mean':>12} {'min':>12} {'max':>12}  counter (per-second rates are per 1 s refresh; {max((len(v) for v in values.values()), default=0)} samples)")
for (provider, name), v in sorted(values.items()):
    def fmt(x):
        return f"{x:12.3f}" if abs(x) < 100 else f"{x:12,.0f}"
    print(f"{fmt(statistics.mean(v))} {fmt(min(v))} {fmt(max(v))}  {name}")
