"""The tables that are not JMH's: bytes per suspended coroutine (Footprint), the agent's start-up cost
(StartupCost), and Beazley's examples (BusPositionsBench's SAX chain, EchoCompare's echo servers)."""
import html

from fmt import count, kib, mib, millis, ms, ratio, table

FOOTPRINT_LABELS = {"coro": "coro (`fibonacci()` after one `next()`)",
                    "handWritten": "hand-written `FibIterator` after one `next()`",
                    "kotlinSequence": "Kotlin `sequence {}` iterator after one `next()`",
                    "kotlinRaw": "Kotlin raw coroutine + its holder after one `resume`",
                    "kilim": "Kilim `Generator` after one `next()`",
                    "offbynull": "offbynull coroutine + `CoroutineRunner` after one `execute()`",
                    "javaflow": "JavaFlow `Continuation` after one `resume()`"}
ECHO_SERVERS = [("coro", "coro: `EchoServer`, a task per connection on one `Scheduler` thread"),
                ("platform", "a platform thread per connection (256 KiB stacks), blocking I/O"),
                ("virtual", "a virtual thread per connection, blocking I/O")]


def footprint_table(res):
    out = []
    for r in res.footprint:
        if "contender" not in r:
            out.append(f"| (unreadable) | | | | | {html.escape(r.get('error', ''))} | |")
            continue
        if r.get("fits"):
            fits = "yes"
        elif r.get("error"):
            fits = f"**no**: {html.escape(r['error'])}"
        else:
            fits = "**no** (OutOfMemoryError)"
        b, create = r.get("bytesPerCoroutine"), r.get("createNanosPerCoroutine")
        headers = "compact (`-XX:+UseCompactObjectHeaders`)" if r.get("variant") == "compact-headers" else "default"
        out.append([FOOTPRINT_LABELS.get(r["contender"], r["contender"]), str(r.get("jdkMajor", "")), headers,
                    f"{r['count']:,}", "—" if b is None else f"{b:.1f}", fits, "—" if create is None else f"{create:.0f}"])
    for r in (res.python or {}).get("footprint", []):
        out.append(["CPython generator after one `next()` (tracemalloc)", f"CPython {res.python['python']}", "—",
                    f"{r['count']:,}", f"{r['bytesPerCoroutine']:.1f}", "(no heap limit)", f"{r['createNanosPerCoroutine']:.0f}"])
    return table(["contender", "JDK", "object headers", "suspended at once", "bytes each", "fit in `-Xmx1g`",
                  "create (ns each, in bulk)"], ["---", "---", "---", "---:", "---:", "---", "---:"], out)


def footprint_row(res, contender, jdk, count=None):
    """The first default-headers Footprint row of a contender on a JDK (of that count, when given)."""
    for r in res.footprint:
        if (r.get("contender") == contender and str(r.get("jdkMajor")) == jdk and r.get("variant", "default") == "default"
                and (count is None or r.get("count") == count)):
            return r
    return None


def footprint_bytes(res, contender, jdk, count=None):
    for r in res.footprint:
        if (r.get("contender") == contender and str(r.get("jdkMajor")) == jdk and r.get("variant", "default") == "default"
                and (count is None or r.get("count") == count) and r.get("bytesPerCoroutine") is not None):
            return r["bytesPerCoroutine"]
    return None


def startup_row(res, jdk):
    rows = [r for r in res.startup if str(r.get("jdkMajor")) == jdk]
    return rows[-1] if rows else None


def startup_table(res):
    out = []
    for j in res.jdks:
        r = startup_row(res, j)
        if r is None:
            continue
        if "error" in r:
            out.append(f"| {j} | failed: {html.escape(r['error'])} | | | | | | |")
            continue

        def cell(k):
            x = r[k]
            return f"{ms(x['medianMs'])} ({x['p25Ms']:,.0f} – {x['p75Ms']:,.0f})"

        v = r["addedPercent"]
        met = "✅ met" if v < 5 else f"❌ missed by {v - 5:.1f} percentage points"
        out.append([j, cell("withoutAgent"), cell("noopAgent"), cell("withAgent"), f"{v:+.1f}%",
                    f"{r['pairedAddedPercent']:+.1f}%", f"{r['noopAddedPercent']:+.1f}%", met])
    return table(["JDK", "without an agent", "with a no-op agent", "with coro's agent", "added by coro's agent",
                  "… median of the rounds' ratios", "added by a no-op agent", "target < 5%"],
                 ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---"], out)


def startup_detail(res):
    """The start-up application and `Main`'s own time to load it, from the first JDK's run that worked."""
    ok = [(j, startup_row(res, j)) for j in res.jdks]
    ok = [(j, r) for j, r in ok if r and "error" not in r]
    if not ok:
        return ""
    r0 = ok[0][1]
    return (f"{r0['classes']:,} classes ({r0['classBytes'] / r0['classes']:,.0f} bytes each on average), "
            f"{r0['runs']} timed rounds after {r0['warmups']} untimed. `Main`'s own time to load them all (median): "
            + "; ".join(f"JDK {j}: {ms(r['withoutAgent']['loadMedianMs'])} without an agent, "
                        f"{ms(r['noopAgent']['loadMedianMs'])} with the no-op one, "
                        f"{ms(r['withAgent']['loadMedianMs'])} with coro's" for j, r in ok) + ".")


def sax_table(res):
    out = []
    for j in res.jdks:
        c, p = res.get("BusPositionsBench.coroutines", j), res.get("BusPositionsBench.plainHandler", j)
        if c is None and p is None:
            continue

        def cell(r):
            if r is None:
                return "—"
            scale = {"ms/op": 1, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}.get(r["unit"], 1)
            return f"{millis(r['median'] * scale)} ({millis(r['p25'] * scale)} – {millis(r['p75'] * scale)})"

        out.append([j, cell(c), cell(p), ratio(res.vs("BusPositionsBench.coroutines", "BusPositionsBench.plainHandler", j))])
    return table(["JDK", "coroutines: `BusPositions.withCoroutines`", "plain handler: `withPlainHandler` (baseline)",
                  "coroutines ÷ plain handler"], ["---", "---:", "---:", "---:"], out)


def echo_row(r, label, size, j, coro):
    """One server's row of the echo table; coro: coro's row of the same workload and JDK, or None."""
    if "skipped" in r:
        return f"| {label} | {size} | {j} | skipped: {html.escape(r['skipped'])} | | | | | |"
    if r.get("echoBytesPerSecond") is None:
        return f"| {label} | {size} | {j} | **failed**: {html.escape(str(r.get('error', '?')))} | | | | | |"
    vs = r["echoBytesPerSecond"] / coro["echoBytesPerSecond"] if coro else None
    note = ""
    runs = r.get("echoBytesPerSecondRuns") or []
    if len(runs) > 1:
        note = f" ({min(runs) / 1048576:,.1f} – {max(runs) / 1048576:,.1f} over {len(runs)} runs)"
    if r.get("error"):
        note = f" ({r['okRuns']} of {r['runs']} runs; one failed: {html.escape(r['error'][:160])})"
    return [label, size, j, f"{r['echoBytesPerSecond'] / 1048576:,.1f} MiB/s{note}", ratio(vs),
            f"{mib(r.get('heapAfterGcBytes'))} ({kib(r.get('heapPerConnectionBytes'))})",
            f"{mib(r.get('rssBytes'))} ({kib(r.get('rssPerConnectionBytes'))})", count(r.get("nativeThreads")),
            f"{count(r.get('connectMs'))} / {count(r.get('echoMs'))} / {count(r.get('closeMs'))} ms"]


def echo_table(res):
    rows = [r for r in res.echo if "server" in r]
    out = [f"| (EchoCompare failed) | | {r.get('jdkMajor', '')} | {html.escape(str(r.get('error', '')))} | | | | | |"
           for r in res.echo if "server" not in r]
    labels = dict(ECHO_SERVERS)
    order = [s for s, _ in ECHO_SERVERS] + sorted({r["server"] for r in rows} - set(labels))
    for n in sorted({r["connections"] for r in rows}):
        for j in res.jdks:
            here = [r for r in rows if r["connections"] == n and str(r.get("jdkMajor")) == j]
            coro = next((c for c in here if c["server"] == "coro" and c.get("echoBytesPerSecond")), None)
            for server in order:
                for r in (r for r in here if r["server"] == server):
                    size = f"{n:,} × {r.get('bytesPerConnection', 0):,}"
                    out.append(echo_row(r, labels.get(server, server), size, j, coro))
    return table(["server", "connections × bytes", "JDK", "echoed per second", "÷ coro",
                  "heap after GC at peak (per connection)", "RSS at peak (per connection)", "native threads",
                  "connect / echo / close"], ["---", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:"], out)


def echo_wall(res):
    """How long the echo step took on each JDK."""
    parts = []
    for j in res.jdks:
        secs = [r.get("wallSeconds") for r in res.echo if str(r.get("jdkMajor")) == j and r.get("wallSeconds")]
        if secs:
            parts.append(f"JDK {j}: {sum(secs):,.0f} s")
    return "; ".join(parts)
