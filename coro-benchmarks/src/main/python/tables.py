"""The JMH tables: (A)-(E), (G), (H) and its first-resume order, allocation per operation, (F)'s weaver.
"x hand-written" divides a row's median by its hand-written baseline's median on the same JDK (the same
depth, for E); "Kotlin best ÷ this" divides the fastest Kotlin spelling's median by coro's, so above 1
means coro is faster."""
from fmt import bytes_op, ns, per_class, per_second, ratio, table

# (key, label) of each row; a key is "Class.method", "Class.method@param" or "python:name"
A_ROWS = [
    ("GeneratorBench.coro", "coro: `Yield.value(a)` in `Coro<Long, Void, Void>` (headline)"),
    ("GeneratorBench.coroField", "coro: value through a field, `Yield.await()`"),
    ("GeneratorBench.handWritten", "hand-written `Iterator<Long>`, fields + `switch` (baseline)"),
    ("GeneratorBench.handWrittenPrimitive", "hand-written, primitive `long nextLong()`"),
    ("GeneratorBench.kotlinSequence", "Kotlin `sequence { yield(a) }` (as users write it)"),
    ("GeneratorBench.kotlinBest", "Kotlin `iterator {}`, value through a field"),
    ("GeneratorBench.kotlinRaw", "Kotlin `createCoroutineUnintercepted` + `resume`, field"),
    ("GeneratorBench.kilim", "Kilim `Generator<Long>`, `yield(a)`"),
    ("GeneratorBench.offbynull", "offbynull/coroutines `CoroutineRunner.execute()`, field"),
    ("GeneratorBench.javaflow", "Tascalate JavaFlow `Continuation.suspend(a)` / `resume()`"),
    ("ContinuationBench.generator", "`jdk.internal.vm.Continuation`, field"),
    ("GeneratorBench.virtualThread", "virtual thread + `SynchronousQueue`"),
    ("GeneratorBench.platformThread", "platform thread + `SynchronousQueue`"),
    ("python:A.generator", "CPython generator, `next(g)`"),
]
B_ROWS = [
    ("ConsumerBench.coro", "coro: `Long x = Yield.value(total)` in `Coro<Long, Long, Void>` (headline)"),
    ("ConsumerBench.handWritten", "hand-written class, `Long send(Long)`, fields + `switch` (baseline)"),
    ("ConsumerBench.handWrittenPrimitive", "hand-written, primitive `long sendLong(long)`"),
    ("ConsumerBench.kotlin", "Kotlin raw coroutine, generic `send(x)`/`yieldValue(total)` (as users write it)"),
    ("ConsumerBench.kotlinBest", "Kotlin raw coroutine, values through fields"),
    ("ContinuationBench.consumer", "`jdk.internal.vm.Continuation`, fields"),
    ("ConsumerBench.virtualThread", "virtual thread + two `SynchronousQueue`s"),
    ("ConsumerBench.platformThread", "platform thread + two `SynchronousQueue`s"),
    ("python:B.consumer", "CPython generator, `g.send(x)`"),
]
C_ROWS = [
    ("CreateBench.coro", "coro: call the `@Coroutine` method (created, nothing run)"),
    ("CreateBench.handWritten", "hand-written: `new FibIterator()` (baseline)"),
    ("CreateBench.handWrittenFactory", "hand-written: `FibIterator.fibonacci()`, declared `Iterator<Long>` as coro's is `Coro`"),
    ("CreateBench.kotlinSequence", "Kotlin `sequence {}.iterator()`"),
    ("CreateBench.kotlinRaw", "Kotlin `createCoroutineUnintercepted`"),
    ("CreateBench.kilim", "Kilim: `new` generator"),
    ("CreateBench.offbynull", "offbynull: `new` coroutine + `CoroutineRunner`"),
    ("CreateBench.javaflow", "JavaFlow: `Continuation.startSuspendedWith`"),
    ("python:C.create", "CPython: call the generator function"),
    ("CreateBench.coroStarted", "coro: create + first `next()` (suspended, two live longs)"),
    ("CreateBench.handWrittenStarted", "hand-written: create + first `next()` (baseline)"),
    ("CreateBench.handWrittenFactoryStarted", "hand-written through `FibIterator.fibonacci()`: create + first `next()`"),
    ("CreateBench.kotlinSequenceStarted", "Kotlin `sequence {}`: create + first `next()`"),
    ("CreateBench.kotlinRawStarted", "Kotlin raw: create + first `resume`"),
    ("CreateBench.kilimStarted", "Kilim: create + first `next()`"),
    ("CreateBench.offbynullStarted", "offbynull: create + first `execute()`"),
    ("CreateBench.javaflowStarted", "JavaFlow: create + first `resume()`"),
    ("python:C.createStarted", "CPython: create + first `next(g)`"),
]
D_ROWS = [
    ("PipelineBench.coro", "coro: source generator -> primed filter -> primed sink, `send` (headline)"),
    ("PipelineBench.handWritten", "hand-written classes (baseline)"),
    ("PipelineBench.handWrittenChecked", "hand-written classes making the protocol's checks on every resume"),
    ("PipelineBench.kotlin", "Kotlin `sequence {}` source, raw-coroutine filter and sink, generic (as users write it)"),
    ("PipelineBench.kotlinBest", "Kotlin raw coroutines, values through fields"),
    ("python:D.pipeline", "CPython generators, Beazley's `@coroutine`"),
]
E_DEPTHS = ["1", "100", "10000"]
# The thread-CPU-time pass (bin/bench runs bin/CpuTimeBench.java): (key, label, its baseline)
CPU_ROWS = [
    ("CreateBench.coro", "(C) coro: call the `@Coroutine` method", "CreateBench.handWritten"),
    ("CreateBench.handWritten", "(C) hand-written: `new FibIterator()` (baseline)", "CreateBench.handWritten"),
    ("CreateBench.handWrittenFactory", "(C) hand-written: `FibIterator.fibonacci()`, declared `Iterator<Long>`",
     "CreateBench.handWritten"),
    ("CreateBench.coroStarted", "(C) coro: create + first `next()`", "CreateBench.handWrittenStarted"),
    ("CreateBench.handWrittenStarted", "(C) hand-written: `new FibIterator()` + first `next()` (baseline)",
     "CreateBench.handWrittenStarted"),
    ("CreateBench.handWrittenFactoryStarted", "(C) hand-written: `FibIterator.fibonacci()` + first `next()`",
     "CreateBench.handWrittenStarted"),
    ("PipelineBench.coro", "(D) coro pipeline, per source item", "PipelineBench.handWritten"),
    ("PipelineBench.handWritten", "(D) hand-written pipeline (baseline)", "PipelineBench.handWritten"),
    ("PipelineBench.handWrittenChecked", "(D) hand-written pipeline making the protocol's checks",
     "PipelineBench.handWritten"),
    ("ManyTypesBench.coroOneSite@16", "(H) coro, 16 types, one call site for all", "ManyTypesBench.handOneSite@16"),
    ("ManyTypesBench.handOneSite@16", "(H) hand-written, 16 types, one call site for all (baseline)",
     "ManyTypesBench.handOneSite@16"),
]
G_ROWS = [
    ("ExceptionBench.coroClose", "coro: create, `next()`, `close()` (runs the `finally`)"),
    ("ExceptionBench.handWrittenClose", "hand-written: the same (baseline)"),
    ("ExceptionBench.coroRaise", "coro: create, `next()`, `raise(e)` escaping through the `finally`"),
    ("ExceptionBench.handWrittenRaise", "hand-written: the same (baseline)"),
    ("ExceptionBench.coroRaiseCaught", "coro: `raise(e)` into a generator that catches it and yields"),
    ("ExceptionBench.handWrittenRaiseCaught", "hand-written: the same (baseline)"),
]
KOTLIN = {"A": ["GeneratorBench.kotlinSequence", "GeneratorBench.kotlinBest", "GeneratorBench.kotlinRaw"],
          "B": ["ConsumerBench.kotlin", "ConsumerBench.kotlinBest"],
          "D": ["PipelineBench.kotlin", "PipelineBench.kotlinBest"]}
ALLOC_ROWS = [("GeneratorBench.coro", "(A) coro generator, `next()`"),
              ("GeneratorBench.handWritten", "(A) hand-written `Iterator<Long>`"),
              ("GeneratorBench.kotlinBest", "(A) Kotlin at its best"),
              ("ConsumerBench.coro", "(B) coro consumer, `send()`"),
              ("ConsumerBench.handWritten", "(B) hand-written `Long send(Long)`"),
              ("ConsumerBench.kotlinBest", "(B) Kotlin at its best"),
              ("PipelineBench.coro", "(D) coro pipeline, per source item"),
              ("PipelineBench.handWritten", "(D) hand-written pipeline"),
              ("PipelineBench.kotlinBest", "(D) Kotlin at its best")]
F_ROWS = [
    ("WeaverBench.gate", "gate: `Weaver.needsWeaving(bytes)` over every class file of `benchmarks.jar` (the agent's cost per class without coroutines)"),
    ("WeaverBench.weave", "full weave: `new Weaver(hierarchy).weave(bytes)`, output verified (the default)"),
    ("WeaverBench.weaveNoVerify", "full weave, output not verified (the agent's `noverify`)"),
]
PYTHON_BASELINES = {"python:A.generator": "GeneratorBench.handWritten", "python:B.consumer": "ConsumerBench.handWritten",
                    "python:C.create": "CreateBench.handWritten", "python:C.createStarted": "CreateBench.handWrittenStarted",
                    "python:D.pipeline": "PipelineBench.handWritten"}


def baseline_of(key):
    """The hand-written row a row is compared with."""
    if key.startswith("python:"):
        return PYTHON_BASELINES[key]
    cls, method = key.split(".", 1)
    method, _, depth = method.partition("@")
    if cls == "ContinuationBench":
        return {"generator": "GeneratorBench.handWritten", "consumer": "ConsumerBench.handWritten"}[method]
    if cls == "CreateBench":
        return "CreateBench.handWrittenStarted" if method.endswith("Started") else "CreateBench.handWritten"
    if cls == "ExceptionBench":
        return "ExceptionBench.handWritten" + method[len("coro"):] if method.startswith("coro") else key
    return cls + ".handWritten" + ("@" + depth if depth else "")


def kotlin_best(res, group, jdk):
    """The median of the fastest Kotlin spelling of a workload on a JDK, or None."""
    found = [res.median(k, jdk) for k in KOTLIN[group] if res.median(k, jdk) is not None]
    return min(found) if found else None


def timing_table(res, rows, kotlin_group=None):
    """A row per contender and JDK; CPython's rows once, compared with the first JDK's baseline."""
    out = []
    for key, label in rows:
        for jdk in ["py"] if key.startswith("python:") else res.jdks:
            r = res.get(key, None if jdk == "py" else jdk)
            if r is None:
                continue
            if jdk == "py":
                jdk_name = f"CPython {res.python['python']}"
                base_jdk = res.jdks[0] if res.jdks else None
                vs_hand = res.vs(key, baseline_of(key), base_jdk) if base_jdk else None
                vs_note = f" (JDK {base_jdk})" if vs_hand is not None else ""
            else:
                jdk_name, vs_hand, vs_note = jdk, res.vs(key, baseline_of(key), jdk), ""
            kb = ""
            if kotlin_group and key.split(".", 1)[-1].startswith("coro") and jdk != "py":
                best = kotlin_best(res, kotlin_group, jdk)
                kb = ratio(best / r["median"]) if best is not None else ""
            out.append([label, jdk_name, ns(r["median"]), f"{ns(r['p25'])} – {ns(r['p75'])}", ratio(vs_hand) + vs_note, kb])
    return table(["contender", "JDK", "median", "p25 – p75", "× hand-written", "Kotlin best ÷ this"],
                 ["---", "---", "---:", "---:", "---:", "---:"], out)


def delegation_table(res):
    out = []
    for method, label in (("coro", "coro: chain of `Yield.from`"),
                          ("handWritten", "hand-written: iterators forwarding `next()`")):
        for depth in E_DEPTHS:
            for jdk in res.jdks:
                key = f"DelegationBench.{method}@{depth}"
                r = res.get(key, jdk)
                if r is not None:
                    out.append([label, f"{int(depth):,}", jdk, ns(r["median"]), f"{ns(r['p25'])} – {ns(r['p75'])}",
                                ratio(res.vs(key, f"DelegationBench.{method}@1", jdk)),
                                ratio(res.vs(key, f"DelegationBench.handWritten@{depth}", jdk))])
    return table(["contender", "depth", "JDK", "median", "p25 – p75", "× depth 1", "× hand-written at that depth"],
                 ["---", "---:", "---", "---:", "---:", "---:", "---:"], out)


def many_types_table(res):
    """(H): coro and hand-written side by side, per kind of call site, number of types and JDK."""
    out = []
    for site, label in (("SitePerType", "one per type"), ("OneSite", "one for all")):
        for t in ("1", "4", "16"):
            for jdk in res.jdks:
                c, h = f"ManyTypesBench.coro{site}@{t}", f"ManyTypesBench.hand{site}@{t}"
                rc, rh = res.get(c, jdk), res.get(h, jdk)
                if rc is None and rh is None:
                    continue
                al = res.alloc.get(jdk, {})
                sixteen = ratio(res.vs(c, f"ManyTypesBench.coro{site}@1", jdk)) if t == "16" else ""
                hsixteen = ratio(res.vs(h, f"ManyTypesBench.hand{site}@1", jdk)) if t == "16" else ""
                out.append([label, t, jdk, ns(rc["median"]) if rc else "—", ns(rh["median"]) if rh else "—",
                            ratio(res.vs(c, h, jdk)), sixteen, hsixteen, bytes_op(al.get(c)), bytes_op(al.get(h))])
    return table(["call site", "types", "JDK", "coro median", "hand-written median", "coro ÷ hand-written",
                  "coro ×(16 ÷ 1 types)", "hand-written ×(16 ÷ 1)", "coro B/op", "hand-written B/op"],
                 ["---", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"], out)


FIRST_RESUME_ORDERS = [("alone", "alone: no other type ever runs"),
                       ("first", "first: resumed before the 15 others are warmed up"),
                       ("late", "late: first resumed after the 15 others are warmed up")]


def first_resume_table(res):
    """(H), the first-resume order: the 16th type measured alone, first or late, at its own call site and at
    the call site shared with the 15 others; "÷ alone" divides by the same call site's time in the order alone."""
    out = []
    for site, label in (("", "its own"), ("SharedSite", "shared with the 15 others")):
        for order, order_label in FIRST_RESUME_ORDERS:
            for jdk in res.jdks:
                c, h = f"FirstResumeBench.coro{site}@{order}", f"FirstResumeBench.hand{site}@{order}"
                rc, rh = res.get(c, jdk), res.get(h, jdk)
                if rc is None and rh is None:
                    continue
                al = res.alloc.get(jdk, {})
                out.append([label, order_label, jdk, ns(rc["median"]) if rc else "—", ns(rh["median"]) if rh else "—",
                            ratio(res.vs(c, h, jdk)), ratio(res.vs(c, f"FirstResumeBench.coro{site}@alone", jdk)),
                            ratio(res.vs(h, f"FirstResumeBench.hand{site}@alone", jdk)),
                            bytes_op(al.get(c)), bytes_op(al.get(h))])
    return table(["call site", "the measured type's first resume", "JDK", "coro median", "hand-written median",
                  "coro ÷ hand-written", "coro ÷ alone", "hand-written ÷ alone", "coro B/op", "hand-written B/op"],
                 ["---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"], out)


def cpu_table(res):
    """The thread-CPU-time pass: a row per benchmark and JDK, the median over its rounds and their p25-p75."""
    out = []
    for key, label, base in CPU_ROWS:
        for j in res.jdks:
            r = res.cpu_row(key, j)
            if r is not None:
                out.append([label, j, ns(r["median"]), f"{ns(r['p25'])} – {ns(r['p75'])}", str(r["n"]),
                            ratio(res.cpu_vs(key, base, j))])
    return table(["benchmark", "JDK", "median (CPU time)", "p25 – p75 of the rounds", "rounds", "× hand-written"],
                 ["---", "---", "---:", "---:", "---:", "---:"], out)


def alloc_table(res):
    out = []
    for key, label in ALLOC_ROWS:
        cells = [bytes_op(res.alloc.get(j, {}).get(key)) for j in res.jdks]
        if any(c != "—" for c in cells):
            out.append([label] + cells + [ns(res.median(key, j)) for j in res.jdks])
    return table(["contender"] + [f"JDK {j}: B/op" for j in res.jdks] + [f"JDK {j}: time" for j in res.jdks],
                 ["---"] + ["---:"] * (2 * len(res.jdks)), out)


def weaver_table(res):
    out = []
    for key, label in F_ROWS:
        for j in res.jdks:
            r = res.get(key, j)
            if r is not None:
                out.append([label, j, per_second(r["median"]), f"{per_second(r['p25'])} – {per_second(r['p75'])}",
                            per_class(r["median"])])
    return table(["what", "JDK", "classes per second (median)", "p25 – p75", "time per class"],
                 ["---", "---", "---:", "---:", "---:"], out)
