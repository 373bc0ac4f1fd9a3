"""Summarises a dotnet-trace Speedscope export (dotnet-sampled-thread-time) into where the time goes.

    python3 bench/trace_summary.py <file.speedscope.json> [--focus TEXT]...

The sampled-thread-time profile samples every managed thread ~100 times a second, idle or not, and ends
each stack with CPU_TIME (running managed code) or UNMANAGED_CODE_TIME (in native code: either working,
e.g. SQLite or OpenSSL, or blocked in a wait). `dotnet-trace report topN` counts all of it, so idle
thread-pool threads and watchers dominate. This script splits the thread time into busy and waiting,
then reports the busy part: by area (leaf upward, first match), by request phase, exclusive and inclusive
frames. --focus TEXT prints the heaviest busy and waiting call paths through frames containing TEXT.
"""
import collections
import json
import re
import sys

# Native waits: the managed frame just above UNMANAGED_CODE_TIME says what the thread waits for.
WAITS = [
    ("waiting: lock contention (Monitor/Lock slow path)", ("Monitor.Enter_Slowpath", "Threading.Lock.Enter", "Lock.TryEnterSlow", "Monitor.ReliableEnter")),
    ("waiting: SQLite busy (Thread.Sleep in Microsoft.Data.Sqlite)", ()),  # decided by stack, see classify()
    ("idle: thread-pool worker with no work", ("LowLevelLifoSemaphore",)),
    ("idle: socket epoll, timers, finalizer, watchers, other waits", ("WaitHandle.Wait", "Monitor.Wait", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait",
                                                                   "Thread.Sleep", "WaitSubsystem", "Interop+Sys.Read", "WaitForSocketEvents", "Interop+Sys.Poll",
                                                                   "Thread.Join", "Task.Wait", "Console", "WaitOne", "BlockingCollection", "Interop+Sys.WaitPid",
                                                                   "Sys.ReadLink", "Interop+Sys.Select", "Interop+Sys.Accept")),
]

# What code is executing (library), checked from the leaf upward; the first frame that matches decides.
AREAS = [
    ("JIT / expression compilation / dynamic code", ("DynamicMethod.", "ILGenerator", "LambdaCompiler", "Expression.Compile", "RuntimeMethodHandle", "JIT_")),
    ("SQLite (Microsoft.Data.Sqlite + native engine)", ("Microsoft.Data.Sqlite!", "SQLitePCL")),
    ("EF Core (query pipeline, materialisation, change tracking)", ("Microsoft.EntityFrameworkCore", "Anonymously Hosted DynamicMethods")),
    ("Antiforgery", ("Microsoft.AspNetCore.Antiforgery!",)),
    ("Data protection / crypto (cookie and token decrypt/encrypt)", ("Microsoft.AspNetCore.DataProtection!", "System.Security.Cryptography!", "Microsoft.AspNetCore.Cryptography")),
    ("Identity (UserManager, security stamp, claims)", ("Microsoft.AspNetCore.Identity!", "Microsoft.Extensions.Identity", "System.Security.Claims!")),
    ("Razor rendering / tag helpers / HTML encoding", ("Microsoft.AspNetCore.Mvc.Razor!", "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.Mvc.TagHelpers!",
                                                      "Microsoft.AspNetCore.Mvc.ViewFeatures!", "System.Text.Encodings.Web!", "AspNetCoreGeneratedDocument")),
    ("Model binding / validation", ("ModelBinding", "Validation", "System.ComponentModel")),
    ("Logging / diagnostics / metrics", ("Serilog", "Microsoft.Extensions.Logging", "System.Diagnostics.DiagnosticSource!", "EventPipe", "EventSource")),
    ("Kestrel / sockets / pipelines (HTTP I/O)", ("Microsoft.AspNetCore.Server.Kestrel", "System.Net.Sockets!", "System.IO.Pipelines!", "Microsoft.AspNetCore.WebUtilities!")),
    ("Breakaway.Web (app code)", ("Breakaway.Web!",)),
    ("Markdown / YAML (articles)", ("Markdig", "YamlDotNet")),
    ("ASP.NET Core middleware, MVC plumbing, DI", ("Microsoft.AspNetCore", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions")),
    ("BCL: collections, LINQ, strings, async machinery", ("System.",)),
]

# Which part of the request (or start-up) the time belongs to, checked from the leaf upward.
PHASES = [
    ("antiforgery (token validation on POST, token generation in the form)", ("Microsoft.AspNetCore.Antiforgery!", "AntiforgeryExtensions.GetHtml")),
    ("Identity security-stamp validation (OnValidatePrincipal)", ("SecurityStampValidator", "<AddBreakawayIdentity>b__")),
    ("cookie authentication (ticket decrypt, claims principal)", ("CookieAuthenticationHandler",)),
    ("start-up: EF migrations", ("Migrator", "Migrate")),
    ("start-up: seeding", ("Breakaway.Web.Data.Seed",)),
    ("start-up: articles (load, parse, render Markdown)", ("Breakaway.Web.Articles.ArticleLoader", "Breakaway.Web.Articles.ArticleStore", "ArticleParser", "MarkdownRenderer")),
    ("start-up: EF model building", ("ModelBuilder", "ModelRuntimeInitializer", "ConventionSet", "ModelSource")),
    ("audit log write", ("AuditLog",)),
    ("page handler: SaveChanges", ("SaveChanges",)),
    ("page handler: OnGet/OnPost (queries, app logic)", ("IndexModel+<On", "IndexModel.On", "IndexModel+<Load", "IndexModel.Load", "PatientActivityQuery", "PatientProgram",
                                                       "Attention.", "Adherence", "PageActionInvoker.InvokeHandlerMethod")),
    ("model binding and validation", ("ModelBinding", "ParameterBinder", "ObjectModelValidator", "FormFeature", "FormReader")),
    ("Razor page rendering (result execution)", ("InvokeResultAsync", "ResultNext", "RazorView", "PageResultExecutor", "RazorPageBase", "ViewBuffer")),
    ("request logging / diagnostics", ("RequestLoggingMiddleware+<Invoke>", "HostingApplicationDiagnostics")),
    ("other request pipeline (middleware, routing, auth plumbing)", ("Microsoft.AspNetCore.Http!", "Middleware", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Mvc")),
    ("Kestrel HTTP parsing and socket I/O", ("Kestrel", "System.Net.Sockets", "System.IO.Pipelines")),
    ("start-up: host, DI, configuration", ("Program.<Main>", "Microsoft.Extensions.Hosting", "WebApplication")),
]

BORING = re.compile(r"^(\(Non-Activities\)|Threads|Thread \(\d+\)|Process64 .*|CPU_TIME|UNMANAGED_CODE_TIME)$|"
                    r"ExecutionContext\.|AsyncMethodBuilderCore\.Start|AsyncTaskMethodBuilder|AsyncStateMachineBox|ThreadPoolWorkQueue|"
                    r"PortableThreadPool|Thread\.StartCallback|__Canon\]\.(Start|MoveNext)|TaskAwaiter|ValueTaskAwaiter|Task\.|ThreadPoolTypedWorkItemQueue|"
                    r"IThreadPoolWorkItem|AwaitTaskContinuation|ContinuationWrapper|ManualResetValueTaskSourceCore|TaskCompletionSource")


def short(name, width=110):
    name = name.split("!", 1)[-1]
    name = re.sub(r"\(.*", "()", name)
    name = re.sub(r"^(System|Microsoft)\.[A-Za-z.]+\.(?=[A-Z][A-Za-z0-9`]*[.+<])", "", name) if len(name) > width else name
    return name if len(name) <= width else name[: width - 1] + "…"


def first_match(stack, names, table):
    for i in range(len(stack) - 1, -1, -1):
        frame = names[stack[i]]
        for label, patterns in table:
            if any(p in frame for p in patterns):
                return label
    return None


def main():
    path = sys.argv[1]
    focus = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--focus"]
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    cpu_frame = names.index("CPU_TIME") if "CPU_TIME" in names else -1
    native_frame = names.index("UNMANAGED_CODE_TIME") if "UNMANAGED_CODE_TIME" in names else -1

    timeline = "--timeline" in sys.argv
    stacks = collections.Counter()
    spans = []  # (start ms, duration ms, stack) for --timeline
    start, end = float("inf"), 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for ev in profile["events"]:
            if last is not None and stack and ev["at"] > last:
                stacks[tuple(stack)] += ev["at"] - last
                if timeline:
                    spans.append((last, ev["at"] - last, tuple(stack)))
            last = ev["at"]
            if ev["type"] == "O":
                stack.append(ev["frame"])
            else:
                # Close the frame (normally the top one).
                for j in range(len(stack) - 1, -1, -1):
                    if stack[j] == ev["frame"]:
                        del stack[j:]
                        break
        start, end = min(start, profile["startValue"]), max(end, profile["endValue"])
    seconds = (end - start) / 1000

    def classify(stack):
        leaf = stack[-1]
        above = names[stack[-2]] if len(stack) >= 2 else ""
        # Threads parked at a GC poll are stopped for a collection or for the sampler's own stop-the-world.
        if "PollGC" in above:
            return "waiting: stopped at a GC poll (garbage collection or the sampler's stop-the-world)"
        if any(p in above for p in WAITS[0][1]):
            return WAITS[0][0]
        if len(stack) < 2:
            return "busy"
        # Thread.Sleep / waits under Microsoft.Data.Sqlite is its busy-retry loop on a locked database.
        if any(w in above for w in ("Thread.Sleep", "WaitHandle", "SpinWait", "Wait")) and any("Microsoft.Data.Sqlite!" in names[f] for f in stack):
            return "waiting: SQLite busy (Thread.Sleep in Microsoft.Data.Sqlite)"
        # A wait is a wait whether the sample was tagged managed or native.
        for label, patterns in WAITS:
            if patterns and any(p in above for p in patterns):
                return label
        if "GC.RunFinalizers" in above:
            return "idle: socket epoll, timers, finalizer, watchers, other waits"
        if leaf == native_frame and above == "?!?" and any("SocketAsyncEngine" in names[f] for f in stack):
            return "idle: socket epoll, timers, finalizer, watchers, other waits"
        return "busy"

    kinds = collections.Counter()
    busy = collections.Counter()
    for stack, ms in stacks.items():
        kind = classify(stack)
        kinds["busy: native code (SQLite engine, OpenSSL, syscalls)" if kind == "busy" and stack[-1] == native_frame else
              "busy: managed code" if kind == "busy" else kind] += ms
        if kind == "busy":
            busy[stack] += ms
    total = sum(kinds.values())
    busy_total = sum(busy.values()) or 1

    print("## thread time, all threads (from the Speedscope export)")
    print(f"trace {seconds:.1f} s, {len(data['profiles'])} threads, {total / 1000:.1f} thread-seconds sampled; busy = {busy_total / 1000 / seconds:.2f} cores on average")
    for kind, ms in kinds.most_common():
        print(f"  {ms / total * 100:5.1f}%  {ms / 1000 / seconds:5.2f} threads  {kind}")

    def table(title, counter, n):
        print(f"\n## {title}")
        for key, ms in counter.most_common(n):
            print(f"  {ms / busy_total * 100:5.1f}%  {key}")

    areas, phases = collections.Counter(), collections.Counter()
    for stack, ms in busy.items():
        areas[first_match(stack, names, AREAS) or "other"] += ms
        phases[first_match(stack, names, PHASES) or "other / not under a request"] += ms
    table("busy time by area (what code runs: leaf upward, first match), % of busy time", areas, 20)
    table("busy time by request phase (leaf upward, first match), % of busy time", phases, 20)

    app = collections.Counter()
    for stack, ms in busy.items():
        inner = next((names[f] for f in reversed(stack) if names[f].startswith("Breakaway.Web!") and "lambda_method" not in names[f]), None)
        app[short(inner) if inner else "(no Breakaway.Web frame: server, middleware, idle-thread work)"] += ms
    table("busy time by innermost Breakaway.Web frame (which app code caused it), % of busy time", app, 25)

    exclusive = collections.Counter()
    for stack, ms in busy.items():
        frames = [f for f in stack if f not in (cpu_frame, native_frame)]
        leaf = short(names[frames[-1]]) if frames else "?"
        exclusive[("[native] " if stack[-1] == native_frame else "") + leaf] += ms
    table("exclusive (busy stacks only; [native] = time in native code called from that frame)", exclusive, 30)

    inclusive = collections.Counter()
    for stack, ms in busy.items():
        # Once per stack by displayed name, so overloads and recursion are not counted twice.
        for label in {short(names[f]) for f in stack if not BORING.search(names[f])}:
            inclusive[label] += ms
    table("inclusive (busy stacks only; async/thread-pool plumbing frames left out)", inclusive, 60)

    if timeline:
        # Wall-clock view: for each half second, busy threads and the phases they were in.
        print("\n## timeline (half-second buckets from the first sample): busy threads, top phases")
        buckets = collections.defaultdict(collections.Counter)
        for at, ms, stack in spans:
            if classify(stack) == "busy":
                buckets[int((at - start) / 500)][first_match(stack, names, PHASES) or "other / not under a request"] += ms
        for b in sorted(buckets):
            total_b = sum(buckets[b].values())
            top = ", ".join(f"{k.split(' (')[0]} {v / total_b * 100:.0f}%" for k, v in buckets[b].most_common(3))
            print(f"  {b * 0.5:5.1f}s  {total_b / 500:4.2f}  {top}")

    for text in focus:
        paths = collections.Counter()
        for stack, ms in stacks.items():
            if any(text in names[f] for f in stack):
                kind = classify(stack)
                useful = [short(names[f], 80) for f in stack if not BORING.search(names[f])]
                paths[(kind, " <- ".join(reversed(useful[-8:])))] += ms
        print(f"\n## focus '{text}': heaviest stacks (leaf first, last 8 useful frames), % of busy time (waits: % of all thread time)")
        for (kind, path_text), ms in paths.most_common(8):
            share = ms / busy_total * 100 if kind == "busy" else ms / total * 100
            print(f"  {share:5.1f}%  {ms / 1000 / seconds:5.2f} threads  [{kind}] {path_text}")


if __name__ == "__main__":
    main()
