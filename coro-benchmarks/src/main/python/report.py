#!/usr/bin/env python3
"""Writes docs/benchmarks.md and its chart (an SVG) from what bin/bench collected: JMH's JSON for each
JDK (jmh-jdkNN.json, with every iteration's score; weaver-jdkNN.json for (F), run with its own settings), the
footprint runs (footprint.jsonl), the agent's start-up runs (startup.jsonl), the echo servers (echo.jsonl),
CPython's results (python.json) and the machine's load (load-*.txt, meta.txt). Standard library only.

Medians and the p25-p75 spread are taken over every measured iteration of every fork (for CPython,
over its samples). "x hand-written" divides a row's median by its hand-written baseline's median on
the same JDK (the same depth, for E); "Kotlin best / coro" divides the fastest Kotlin spelling's median
by coro's, so above 1 means coro is faster.
"""
import argparse
import html
import json
import math
import os
import statistics
import sys

PKG = "dev.coro.bench."

# ------------------------------------------------------------------ what the rows are

# (key, label). A key is "Class.method", "Class.method@depth" or "python:name".
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
    ("CreateBench.kotlinSequence", "Kotlin `sequence {}.iterator()`"),
    ("CreateBench.kotlinRaw", "Kotlin `createCoroutineUnintercepted`"),
    ("CreateBench.kilim", "Kilim: `new` generator"),
    ("CreateBench.offbynull", "offbynull: `new` coroutine + `CoroutineRunner`"),
    ("CreateBench.javaflow", "JavaFlow: `Continuation.startSuspendedWith`"),
    ("python:C.create", "CPython: call the generator function"),
    ("CreateBench.coroStarted", "coro: create + first `next()` (suspended, two live longs)"),
    ("CreateBench.handWrittenStarted", "hand-written: create + first `next()` (baseline)"),
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
    ("PipelineBench.kotlin", "Kotlin `sequence {}` source, raw-coroutine filter and sink, generic (as users write it)"),
    ("PipelineBench.kotlinBest", "Kotlin raw coroutines, values through fields"),
    ("python:D.pipeline", "CPython generators, Beazley's `@coroutine`"),
]
E_DEPTHS = ["1", "100", "10000"]
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
          "C": ["CreateBench.kotlinSequence", "CreateBench.kotlinRaw"],
          "CS": ["CreateBench.kotlinSequenceStarted", "CreateBench.kotlinRawStarted"],
          "D": ["PipelineBench.kotlin", "PipelineBench.kotlinBest"]}


# Why a target misses, and what would close it: printed under the targets table for each target (by the
# start of its name) that this run missed on some JDK.
WHY_MISSES = [
    ("(A) coro ≥ 4× faster than Kotlin at its best",
     "The target was set from Kotlin at 9–11 ns per `next()`, measured before coro existed. Kotlin's raw "
     "`createCoroutineUnintercepted` + `resume` with the value in a field runs well below the hand-written "
     "`Iterator<Long>` here (see (A)), because it never boxes: nothing that hands out a boxed `Long` per value, as "
     "`Iterator<Long>` and `Coro<Long, …>` do, can be 4× faster than it. The headline row pays for that box, as the "
     "hand-written baseline does, and sits at the baseline. Closing it would need a primitive path (a `nextLong()` "
     "that never boxes), which the API does not have."),
    ("(A) … with coro's faster spelling",
     "coro with the value in a field is ahead of Kotlin at its best, but not 4×: both are then a field write, a "
     "`switch` and a return, plus the protocol's state checks on coro's side. 4× would put coro under half a "
     "nanosecond per resume."),
    ("(B) coro within 1.3× of hand-written",
     "Every `send` does what Python's does: the `CREATED`/non-null check, the re-entry guard (`label = RUNNING` "
     "before the body runs), the delegation check, `StopIteration` when the body returns. A hand-written consumer "
     "is a field write and a `switch`. That is about 1 ns a call, and it varies between runs (1.02–1.72× over the "
     "runs so far). What would close it: emit that fast path into each frame class, so the JIT sees a small "
     "monomorphic body per coroutine, and fold the delegation check into `label` (one load decides)."),
    ("(B) coro ≥ 1.5× faster than Kotlin at its best",
     "Kotlin's best here is its raw `resume` with the values in fields: no box, no protocol. coro's headline row "
     "boxes the `Long` it is sent and the one it yields, as the API's generic types ask, and does the protocol "
     "checks of `send`. A primitive spelling would be needed to be ahead by 1.5×."),
    ("(C) creation within 2×",
     "Creating is one allocation through an `invokedynamic` linked to the frame's constructor; it is near the "
     "hand-written `new` and allocation-heavy, so its figures move with the GC between runs."),
    ("(C) … create and run to the first suspension",
     "The first `next()` costs a few ns more than the hand-written iterator's. Not explained yet: these machines "
     "report hardware counters as \"not supported\", so JMH's `perfasm` cannot show where the time goes."),
    ("(D) pipeline within 1.5× of hand-written",
     "Three `send`s per item, each paying the protocol's bookkeeping (see (B)); hand-written stages call each "
     "other's methods directly. coro's pipeline has been ahead of Kotlin's best in the runs so far. Emitting the `send` fast path into "
     "each frame class, and one load deciding it, would close most of it."),
    ("(E) depth 10,000 within 2× of depth 1",
     "A resume goes straight to the innermost coroutine of the chain (cached at the root); a miss would be noise or "
     "a regression of that cache."),
    ("(F) agent adds < 5% start-up",
     "A no-op agent (its transformer returns null) already costs about as much as the target, and the spread "
     "between rounds is larger than the target itself. The agent's own work per class that mentions no coroutine "
     "is the constant-pool gate, about 1 µs (the gate rows below): about 10 ms for 10,000 classes, under 1% of the "
     "start-up. An agent jar whose transformer skipped even the gate measured the same as coro's within the noise "
     "(+17.1% against +15.8% over no agent, 10 rounds each, JDK 17, 2 December 2026). A quiet machine and more "
     "rounds would say whether anything is left to close."),
]


def why_misses(rows):
    out = []
    for name, cells in rows:
        if not any(c[1] is False for c in cells.values()):
            continue
        for prefix, why in WHY_MISSES:
            if name.startswith(prefix):
                out.append(f"- **{name}.** {why}")
    if not out:
        return ""
    return "### Why the misses, and what would close them\n\n" + "\n".join(out) + "\n"


OTHER_WEAVERS = """\
All woven at build time in `coro-benchmarks`, after coro's own plugin, and checked by the self-check before timing.

| weaver | version (Maven Central) | how it is woven here | result |
| --- | --- | --- | --- |
| Kilim (`org.db4j:kilim`) | 2.0.2 (2019) | its own Maven plugin (`kilim:weave`), given ASM 9 as a plugin dependency: with the ASM 7.1 it ships, it fails on the JDK's own class files ("Unsupported class file major version 61") | runs on JDK 17 and 25: (A), (C) |
| offbynull/coroutines (`com.offbynull.coroutines`) | 1.5.3 (2019) | its instrumenter called by `OffbynullWeave` (exec-maven-plugin): its Maven plugin is not on Maven Central, and its class-hierarchy reader expects a JDK 8 `rt.jar`, so `OffbynullWeave` reads the hierarchy from class files, with ASM 9 | runs on JDK 17 and 25: (A), (C) |
| Tascalate JavaFlow (`net.tascalate.javaflow`) | 2.7.6 (2024) | its Maven plugin (`javaflow-enhance`); it resolves every class `target/classes` mentions, so it is given `OffbynullWeave`'s build-time dependencies | runs on JDK 17 and 25: (A), (C) |
| Quasar (`co.paralleluniverse:quasar-core`) | 0.8.0 (2018), the last on Maven Central | its Java agent | **fails**: its shaded ASM (`co.paralleluniverse.asm`) cannot read Java 17's class files ("Unsupported class file major version 61", even for classes compiled with `--release 11`, while it reads the JDK's), so nothing is instrumented and fibers misbehave; its POM also needs an unpublished `co.paralleluniverse:timewarp:0.2.0-SNAPSHOT`. Not in the suite |
"""


def baseline_of(key):
    """The hand-written row a row is compared with."""
    if key.startswith("python:"):
        return {"python:A.generator": "GeneratorBench.handWritten", "python:B.consumer": "ConsumerBench.handWritten",
                "python:C.create": "CreateBench.handWritten", "python:C.createStarted": "CreateBench.handWrittenStarted",
                "python:D.pipeline": "PipelineBench.handWritten"}[key]
    cls, method = key.split(".", 1)
    depth = ""
    if "@" in method:
        method, depth = method.split("@")
        depth = "@" + depth
    if cls == "ContinuationBench":
        return {"generator": "GeneratorBench.handWritten", "consumer": "ConsumerBench.handWritten"}[method]
    if cls == "CreateBench":
        return "CreateBench.handWrittenStarted" if method.endswith("Started") else "CreateBench.handWritten"
    if cls == "ExceptionBench":
        return "ExceptionBench.handWritten" + method[len("coro"):] if method.startswith("coro") else key
    return cls + ".handWritten" + depth


# ------------------------------------------------------------------ loading

def quartiles(samples):
    if len(samples) == 1:
        return samples[0], samples[0], samples[0]
    q = statistics.quantiles(samples, n=4, method="inclusive")
    return q[0], statistics.median(samples), q[2]


def load_jmh(path):
    """{key: {"median", "p25", "p75", "n", "unit"}} from one JMH JSON file."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for b in json.load(f):
            key = b["benchmark"][len(PKG):] if b["benchmark"].startswith(PKG) else b["benchmark"]
            if b.get("params", {}).get("depth"):
                key += "@" + b["params"]["depth"]
            if b.get("params", {}).get("types"):
                key += "@" + b["params"]["types"]
            samples = [s for fork in b["primaryMetric"]["rawData"] for s in fork]
            if not samples:
                continue
            p25, med, p75 = quartiles(samples)
            out[key] = {"median": med, "p25": p25, "p75": p75, "n": len(samples),
                        "unit": b["primaryMetric"]["scoreUnit"], "jdk": b.get("vmVersion", "")}
            alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if alloc is not None:
                out[key]["alloc"] = alloc["score"]
    return out


def load_python(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def load_lines(path):
    rows = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith("{"):
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        rows.append({"error": f"unreadable line ({e}): {line[:120]}"})
    return rows


def read(path):
    return open(path).read().strip() if os.path.exists(path) else ""


# ------------------------------------------------------------------ formatting

def ns(v):
    if v is None:
        return "—"
    if v >= 100_000:
        return f"{v / 1000:,.0f} µs"
    if v >= 10_000:
        return f"{v / 1000:,.1f} µs"
    if v >= 100:
        return f"{v:,.0f} ns"
    if v >= 10:
        return f"{v:.1f} ns"
    return f"{v:.2f} ns"


def ratio(v):
    if v is None or v != v:
        return "—"
    if v >= 100:
        return f"{v:,.0f}×"
    if v >= 10:
        return f"{v:.1f}×"
    return f"{v:.2f}×"


class Results:
    def __init__(self, d):
        self.jmh = {}
        for name in sorted(os.listdir(d)):
            for prefix in ("jmh-jdk", "weaver-jdk"):  # (F)'s WeaverBench runs apart, with its own settings
                if name.startswith(prefix) and name.endswith(".json"):
                    self.jmh.setdefault(name[len(prefix):-len(".json")], {}).update(load_jmh(os.path.join(d, name)))
        self.alloc = {}  # {jdk: {key: bytes per operation}}, from the -prof gc pass (gc-jdkNN.json)
        for name in sorted(os.listdir(d)):
            if name.startswith("gc-jdk") and name.endswith(".json"):
                got = load_jmh(os.path.join(d, name))
                self.alloc[name[len("gc-jdk"):-len(".json")]] = {k: v["alloc"] for k, v in got.items() if "alloc" in v}
        self.startup = load_lines(os.path.join(d, "startup.jsonl"))
        self.echo = load_lines(os.path.join(d, "echo.jsonl"))
        for r in self.startup + self.echo:
            if r.get("jdkMajor") is not None:
                self.jmh.setdefault(str(r["jdkMajor"]), {})
        self.jdks = sorted(self.jmh, key=int)
        self.weaver_logs = {}
        for j in self.jdks:
            p = os.path.join(d, f"weaver-jdk{j}.log")
            if os.path.exists(p):
                lines = set()
                for line in open(p):
                    if "(F) " in line and " corpus: " in line:
                        lines.add(line[line.index("(F) "):].strip())
                self.weaver_logs[j] = sorted(lines)
        self.sax_docs = {}
        for j in self.jdks:
            p = os.path.join(d, f"jmh-jdk{j}.log")
            if os.path.exists(p):
                for line in open(p):
                    if "(SAX) document: " in line:
                        self.sax_docs[j] = line[line.index("(SAX) document: ") + len("(SAX) document: "):].strip()
                        break
        self.python = load_python(os.path.join(d, "python.json"))
        self.py = {}
        if self.python:
            for r in self.python["results"]:
                self.py["python:" + r["benchmark"]] = r
        self.footprint = load_lines(os.path.join(d, "footprint.jsonl"))
        self.dir = d

    def get(self, key, jdk):
        if key.startswith("python:"):
            return self.py.get(key)
        return self.jmh.get(jdk, {}).get(key)

    def median(self, key, jdk):
        r = self.get(key, jdk)
        return r["median"] if r else None

    def vs(self, key, base, jdk):
        a, b = self.median(key, jdk), self.median(base, jdk)
        return a / b if a is not None and b else None

    def kotlin_best(self, group, jdk):
        """(median, key) of the fastest Kotlin spelling of a workload on a JDK."""
        found = [(self.median(k, jdk), k) for k in KOTLIN[group] if self.median(k, jdk) is not None]
        return min(found) if found else (None, None)

    def jdk_label(self, jdk):
        for r in self.jmh.get(jdk, {}).values():
            return f"JDK {jdk} ({r['jdk']})" if r.get("jdk") else f"JDK {jdk}"
        return f"JDK {jdk}"


def timing_table(res, rows, kotlin_group=None):
    """One table: a row per contender and JDK; CPython rows once."""
    out = ["| contender | JDK | median | p25 – p75 | × hand-written | Kotlin best ÷ this |",
           "| --- | --- | ---: | ---: | ---: | ---: |"]
    for key, label in rows:
        jdks = ["py"] if key.startswith("python:") else res.jdks
        for jdk in jdks:
            r = res.get(key, None if jdk == "py" else jdk)
            if r is None:
                continue
            if jdk == "py":
                jdk_name = f"CPython {res.python['python']}"
                base_jdk = res.jdks[0] if res.jdks else None
                vs_hand = res.vs(key, baseline_of(key), base_jdk) if base_jdk else None
                vs_note = f" (JDK {base_jdk})" if vs_hand is not None else ""
            else:
                jdk_name = jdk
                vs_hand = res.vs(key, baseline_of(key), jdk)
                vs_note = ""
            kb = ""
            if kotlin_group and key.split(".", 1)[-1].startswith("coro") and jdk != "py":
                best, _ = res.kotlin_best(kotlin_group, jdk)
                if best is not None:
                    kb = ratio(best / r["median"])
            out.append(f"| {label} | {jdk_name} | {ns(r['median'])} | {ns(r['p25'])} – {ns(r['p75'])} | "
                       f"{ratio(vs_hand)}{vs_note} | {kb} |")
    return "\n".join(out)


H_TYPES = ("1", "4", "16")


def bytes_op(b):
    return "—" if b is None else f"{b:,.0f}" if b >= 1 or b == 0 else f"{b:.2f}"


def many_types_table(res):
    out = ["| call site | types | JDK | coro median | hand-written median | coro ÷ hand-written | coro ×(16 ÷ 1 types) | "
           "hand-written ×(16 ÷ 1) | coro B/op | hand-written B/op |",
           "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for site, label in (("SitePerType", "one per type"), ("OneSite", "one for all")):
        for t in H_TYPES:
            for jdk in res.jdks:
                c, h = f"ManyTypesBench.coro{site}@{t}", f"ManyTypesBench.hand{site}@{t}"
                rc, rh = res.get(c, jdk), res.get(h, jdk)
                if rc is None and rh is None:
                    continue
                al = res.alloc.get(jdk, {})
                sixteen = ""
                hsixteen = ""
                if t == "16":
                    sixteen = ratio(res.vs(c, f"ManyTypesBench.coro{site}@1", jdk))
                    hsixteen = ratio(res.vs(h, f"ManyTypesBench.hand{site}@1", jdk))
                out.append(f"| {label} | {t} | {jdk} | {ns(rc['median']) if rc else '—'} | "
                           f"{ns(rh['median']) if rh else '—'} | {ratio(res.vs(c, h, jdk))} | {sixteen} | {hsixteen} | "
                           f"{bytes_op(al.get(c))} | {bytes_op(al.get(h))} |")
    return "\n".join(out)


ALLOC_ROWS = [("GeneratorBench.coro", "(A) coro generator, `next()`"),
              ("GeneratorBench.handWritten", "(A) hand-written `Iterator<Long>`"),
              ("GeneratorBench.kotlinBest", "(A) Kotlin at its best"),
              ("ConsumerBench.coro", "(B) coro consumer, `send()`"),
              ("ConsumerBench.handWritten", "(B) hand-written `Long send(Long)`"),
              ("ConsumerBench.kotlinBest", "(B) Kotlin at its best"),
              ("PipelineBench.coro", "(D) coro pipeline, per source item"),
              ("PipelineBench.handWritten", "(D) hand-written pipeline"),
              ("PipelineBench.kotlinBest", "(D) Kotlin at its best")]


def alloc_table(res):
    if not res.alloc:
        return None
    out = ["| contender | " + " | ".join(f"JDK {j}: B/op" for j in res.jdks) + " | "
           + " | ".join(f"JDK {j}: time" for j in res.jdks) + " |",
           "| --- | " + " | ".join("---:" for _ in res.jdks) * 2 + " |"]
    out[1] = "| --- |" + "".join(" ---: |" for _ in range(2 * len(res.jdks)))
    for key, label in ALLOC_ROWS:
        cells = [bytes_op(res.alloc.get(j, {}).get(key)) for j in res.jdks]
        if all(c == "—" for c in cells):
            continue
        times = [ns(res.median(key, j)) if res.median(key, j) is not None else "—" for j in res.jdks]
        out.append(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(times) + " |")
    return "\n".join(out)


def delegation_table(res):
    out = ["| contender | depth | JDK | median | p25 – p75 | × depth 1 | × hand-written at that depth |",
           "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    for method, label in (("coro", "coro: chain of `Yield.from`"),
                          ("handWritten", "hand-written: iterators forwarding `next()`")):
        for depth in E_DEPTHS:
            for jdk in res.jdks:
                key = f"DelegationBench.{method}@{depth}"
                r = res.get(key, jdk)
                if r is None:
                    continue
                out.append(f"| {label} | {int(depth):,} | {jdk} | {ns(r['median'])} | {ns(r['p25'])} – {ns(r['p75'])} | "
                           f"{ratio(res.vs(key, f'DelegationBench.{method}@1', jdk))} | "
                           f"{ratio(res.vs(key, f'DelegationBench.handWritten@{depth}', jdk))} |")
    return "\n".join(out)


FOOTPRINT_LABELS = {"coro": "coro (`fibonacci()` after one `next()`)",
                    "handWritten": "hand-written `FibIterator` after one `next()`",
                    "kotlinSequence": "Kotlin `sequence {}` iterator after one `next()`",
                    "kotlinRaw": "Kotlin raw coroutine + its holder after one `resume`",
                    "kilim": "Kilim `Generator` after one `next()`",
                    "offbynull": "offbynull coroutine + `CoroutineRunner` after one `execute()`",
                    "javaflow": "JavaFlow `Continuation` after one `resume()`"}


def footprint_table(res):
    out = ["| contender | JDK | object headers | suspended at once | bytes each | fit in `-Xmx1g` | create (ns each, in bulk) |",
           "| --- | --- | --- | ---: | ---: | --- | ---: |"]
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
        b = r.get("bytesPerCoroutine")
        headers = "compact (`-XX:+UseCompactObjectHeaders`)" if r.get("variant") == "compact-headers" else "default"
        create = r.get("createNanosPerCoroutine")
        out.append(f"| {FOOTPRINT_LABELS.get(r['contender'], r['contender'])} | {r.get('jdkMajor', '')} | {headers} | "
                   f"{r['count']:,} | {'—' if b is None else f'{b:.1f}'} | {fits} | "
                   f"{'—' if create is None else f'{create:.0f}'} |")
    if res.python:
        for r in res.python.get("footprint", []):
            out.append(f"| CPython generator after one `next()` (tracemalloc) | CPython {res.python['python']} | — | "
                       f"{r['count']:,} | {r['bytesPerCoroutine']:.1f} | (no heap limit) | {r['createNanosPerCoroutine']:.0f} |")
    return "\n".join(out)


def footprint_bytes(res, contender, jdk, count=None):
    for r in res.footprint:
        if (r.get("contender") == contender and str(r.get("jdkMajor")) == jdk and r.get("variant", "default") == "default"
                and (count is None or r.get("count") == count) and r.get("bytesPerCoroutine") is not None):
            return r["bytesPerCoroutine"]
    return None


def footprint_fits(res, contender, jdk, count):
    for r in res.footprint:
        if (r.get("contender") == contender and str(r.get("jdkMajor")) == jdk and r.get("variant", "default") == "default"
                and r.get("count") == count):
            return bool(r.get("fits"))
    return None


# ------------------------------------------------------------------ (F) the weaver

F_ROWS = [
    ("WeaverBench.gate", "gate: `Weaver.needsWeaving(bytes)` over every class file of `benchmarks.jar` (the agent's cost per class without coroutines)"),
    ("WeaverBench.weave", "full weave: `new Weaver(hierarchy).weave(bytes)`, output verified (the default)"),
    ("WeaverBench.weaveNoVerify", "full weave, output not verified (the agent's `noverify`)"),
]


def per_second(v):
    if v is None:
        return "—"
    return f"{v:,.0f}" if v >= 100 else f"{v:,.1f}"


def per_class(v):
    """Time per class, from classes per second."""
    if not v:
        return "—"
    return ns(1e9 / v)


def weaver_table(res):
    out = ["| what | JDK | classes per second (median) | p25 – p75 | time per class |",
           "| --- | --- | ---: | ---: | ---: |"]
    for key, label in F_ROWS:
        for j in res.jdks:
            r = res.get(key, j)
            if r is None:
                continue
            out.append(f"| {label} | {j} | {per_second(r['median'])} | {per_second(r['p25'])} – {per_second(r['p75'])} | "
                       f"{per_class(r['median'])} |")
    return "\n".join(out) if len(out) > 2 else ""


def startup_row(res, jdk):
    rows = [r for r in res.startup if str(r.get("jdkMajor")) == jdk]
    return rows[-1] if rows else None


def ms(v):
    return "—" if v is None else f"{v:,.0f} ms"


def startup_table(res):
    out = ["| JDK | without an agent | with a no-op agent | with coro's agent | added by coro's agent | "
           "… median of the rounds' ratios | added by a no-op agent | target < 5% |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
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
        out.append(f"| {j} | {cell('withoutAgent')} | {cell('noopAgent')} | {cell('withAgent')} | {v:+.1f}% | "
                   f"{r['pairedAddedPercent']:+.1f}% | {r['noopAddedPercent']:+.1f}% | {met} |")
    return "\n".join(out) if len(out) > 2 else ""


def startup_detail(res):
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


# ------------------------------------------------------------------ Beazley's examples

def millis(v):
    if v is None:
        return "—"
    return f"{v:,.0f} ms" if v >= 100 else f"{v:,.1f} ms" if v >= 10 else f"{v:.2f} ms"


def sax_table(res):
    out = ["| JDK | coroutines: `BusPositions.withCoroutines` | plain handler: `withPlainHandler` (baseline) | "
           "coroutines ÷ plain handler |",
           "| --- | ---: | ---: | ---: |"]
    for j in res.jdks:
        c, p = res.get("BusPositionsBench.coroutines", j), res.get("BusPositionsBench.plainHandler", j)
        if c is None and p is None:
            continue

        def cell(r):
            if r is None:
                return "—"
            scale = {"ms/op": 1, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}.get(r["unit"], 1)
            return f"{millis(r['median'] * scale)} ({millis(r['p25'] * scale)} – {millis(r['p75'] * scale)})"

        out.append(f"| {j} | {cell(c)} | {cell(p)} | {ratio(res.vs('BusPositionsBench.coroutines', 'BusPositionsBench.plainHandler', j))} |")
    return "\n".join(out) if len(out) > 2 else ""


ECHO_SERVERS = [("coro", "coro: `EchoServer`, a task per connection on one `Scheduler` thread"),
                ("platform", "a platform thread per connection (256 KiB stacks), blocking I/O"),
                ("virtual", "a virtual thread per connection, blocking I/O")]


def mib(v):
    return "—" if v is None or v < 0 else f"{v / 1048576:,.0f} MiB"


def kib(v):
    return "—" if v is None else f"{v / 1024:,.1f} KiB"


def count(v):
    return "—" if v is None or v < 0 else f"{v:,.0f}"


def echo_table(res):
    out = ["| server | connections × bytes | JDK | echoed per second | ÷ coro | heap after GC at peak (per connection) | "
           "RSS at peak (per connection) | native threads | connect / echo / close |",
           "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = [r for r in res.echo if "server" in r]
    for r in res.echo:
        if "server" not in r:
            out.append(f"| (EchoCompare failed) | | {r.get('jdkMajor', '')} | {html.escape(str(r.get('error', '')))} | | | | | |")
    counts = sorted({r["connections"] for r in rows})
    labels = dict(ECHO_SERVERS)
    order = [s for s, _ in ECHO_SERVERS] + sorted({r["server"] for r in rows} - set(labels))
    for n in counts:
        for j in res.jdks:
            for server in order:
                for r in rows:
                    if r["server"] != server or r["connections"] != n or str(r.get("jdkMajor")) != j:
                        continue
                    label = labels.get(server, server)
                    size = f"{n:,} × {r.get('bytesPerConnection', 0):,}"
                    if "skipped" in r:
                        out.append(f"| {label} | {size} | {j} | skipped: {html.escape(r['skipped'])} | | | | | |")
                        continue
                    if r.get("echoBytesPerSecond") is None:
                        out.append(f"| {label} | {size} | {j} | **failed**: {html.escape(str(r.get('error', '?')))} | | | | | |")
                        continue
                    coro = next((c for c in rows if c["server"] == "coro" and c["connections"] == n
                                 and str(c.get("jdkMajor")) == j and c.get("echoBytesPerSecond")), None)
                    vs = r["echoBytesPerSecond"] / coro["echoBytesPerSecond"] if coro else None
                    note = ""
                    runs = r.get("echoBytesPerSecondRuns") or []
                    if len(runs) > 1:
                        note = f" ({min(runs) / 1048576:,.1f} – {max(runs) / 1048576:,.1f} over {len(runs)} runs)"
                    if r.get("error"):
                        note = f" ({r['okRuns']} of {r['runs']} runs; one failed: {html.escape(r['error'][:160])})"
                    out.append(f"| {label} | {size} | {j} | {r['echoBytesPerSecond'] / 1048576:,.1f} MiB/s{note} | {ratio(vs)} | "
                               f"{mib(r.get('heapAfterGcBytes'))} ({kib(r.get('heapPerConnectionBytes'))}) | "
                               f"{mib(r.get('rssBytes'))} ({kib(r.get('rssPerConnectionBytes'))}) | "
                               f"{count(r.get('nativeThreads'))} | "
                               f"{count(r.get('connectMs'))} / {count(r.get('echoMs'))} / {count(r.get('closeMs'))} ms |")
    return "\n".join(out) if len(out) > 2 else ""


def echo_wall(res):
    """How long the echo step took on each JDK."""
    parts = []
    for j in res.jdks:
        secs = [r.get("wallSeconds") for r in res.echo if str(r.get("jdkMajor")) == j and r.get("wallSeconds")]
        if secs:
            parts.append(f"JDK {j}: {sum(secs):,.0f} s")
    return "; ".join(parts)


# ------------------------------------------------------------------ targets

def targets(res):
    """Rows of (target, {jdk: (value text, met)})."""
    rows = []

    def at_most(name, limit, values, unit="×"):
        cells = {}
        for jdk, v in values.items():
            if v is None:
                cells[jdk] = ("not measured", None)
            elif v <= limit:
                cells[jdk] = (f"{v:.2f}{unit}", True)
            else:
                cells[jdk] = (f"{v:.2f}{unit}: misses by {(v / limit - 1) * 100:.0f}%", False)
        rows.append((name, cells))

    def at_least(name, limit, values):
        cells = {}
        for jdk, v in values.items():
            if v is None:
                cells[jdk] = ("not measured", None)
            elif v >= limit:
                cells[jdk] = (f"{v:.2f}×", True)
            else:
                cells[jdk] = (f"{v:.2f}×: misses, {limit / v:.1f}× short", False)
        rows.append((name, cells))

    J = res.jdks
    at_most("(A) coro within 1.3× of hand-written", 1.3,
            {j: res.vs("GeneratorBench.coro", "GeneratorBench.handWritten", j) for j in J})

    def kotlin_over(group, key, j):
        best, _ = res.kotlin_best(group, j)
        c = res.median(key, j)
        return best / c if best is not None and c else None

    at_least("(A) coro ≥ 4× faster than Kotlin at its best", 4, {j: kotlin_over("A", "GeneratorBench.coro", j) for j in J})
    at_least("(A) … with coro's faster spelling (value through a field)", 4,
             {j: kotlin_over("A", "GeneratorBench.coroField", j) for j in J})
    at_most("(B) coro within 1.3× of hand-written", 1.3,
            {j: res.vs("ConsumerBench.coro", "ConsumerBench.handWritten", j) for j in J})
    at_least("(B) coro ≥ 1.5× faster than Kotlin at its best", 1.5, {j: kotlin_over("B", "ConsumerBench.coro", j) for j in J})
    at_most("(C) ≤ 48 bytes per suspended coroutine with two live longs (10,000,000 at once)", 48,
            {j: footprint_bytes(res, "coro", j, 10_000_000) or footprint_bytes(res, "coro", j) for j in J}, unit=" bytes")
    fits = {}
    for j in J:
        f = footprint_fits(res, "coro", j, 10_000_000)
        fits[j] = ("not measured", None) if f is None else (("yes", True) if f else ("no", False))
    rows.append(("(C) 10,000,000 suspended coroutines fit in `-Xmx1g`", fits))
    at_most("(C) creation within 2× of hand-written", 2, {j: res.vs("CreateBench.coro", "CreateBench.handWritten", j) for j in J})
    at_most("(C) … create and run to the first suspension, within 2×", 2,
            {j: res.vs("CreateBench.coroStarted", "CreateBench.handWrittenStarted", j) for j in J})
    at_most("(D) pipeline within 1.5× of hand-written", 1.5,
            {j: res.vs("PipelineBench.coro", "PipelineBench.handWritten", j) for j in J})
    at_most("(E) depth 10,000 within 2× of depth 1", 2,
            {j: res.vs("DelegationBench.coro@10000", "DelegationBench.coro@1", j) for j in J})
    cells = {}
    for j in J:
        r = startup_row(res, j)
        if r is None:
            cells[j] = ("not measured", None)
        elif "error" in r:
            cells[j] = (f"failed: {html.escape(r['error'][:120])}", False)
        else:
            v = r["addedPercent"]
            cells[j] = ((f"{v:+.1f}%", True) if v < 5 else
                        (f"{v:+.1f}%: misses by {v - 5:.1f} percentage points", False))
    rows.append(("(F) agent adds < 5% start-up to an app loading 10,000 classes", cells))
    return rows


# ------------------------------------------------------------------ chart

def chart_rows(res):
    """(label, {jdk: ratio}, target or None): every bar is a ratio to the hand-written baseline."""
    rows = []

    def add(label, key, base, target=None):
        rows.append((label, {j: res.vs(key, base, j) for j in res.jdks}, target))

    add("A  coro (headline)", "GeneratorBench.coro", "GeneratorBench.handWritten", 1.3)
    add("A  coro, value via field", "GeneratorBench.coroField", "GeneratorBench.handWritten")
    rows.append(("A  Kotlin at its best", {j: (lambda b: b / res.median("GeneratorBench.handWritten", j)
                                                if b is not None and res.median("GeneratorBench.handWritten", j) else None)(
        res.kotlin_best("A", j)[0]) for j in res.jdks}, None))
    add("B  coro (headline)", "ConsumerBench.coro", "ConsumerBench.handWritten", 1.3)
    rows.append(("B  Kotlin at its best", {j: (lambda b: b / res.median("ConsumerBench.handWritten", j)
                                                if b is not None and res.median("ConsumerBench.handWritten", j) else None)(
        res.kotlin_best("B", j)[0]) for j in res.jdks}, None))
    add("C  coro create", "CreateBench.coro", "CreateBench.handWritten", 2)
    add("C  coro create + start", "CreateBench.coroStarted", "CreateBench.handWrittenStarted", 2)
    add("C  Kotlin sequence create", "CreateBench.kotlinSequence", "CreateBench.handWritten")
    hand_bytes = {j: footprint_bytes(res, "handWritten", j) for j in res.jdks}
    rows.append(("C  coro bytes", {j: (footprint_bytes(res, "coro", j) / hand_bytes[j]
                                       if footprint_bytes(res, "coro", j) and hand_bytes[j] else None) for j in res.jdks},
                 None))
    add("D  coro pipeline", "PipelineBench.coro", "PipelineBench.handWritten", 1.5)
    rows.append(("D  Kotlin at its best", {j: (lambda b: b / res.median("PipelineBench.handWritten", j)
                                                if b is not None and res.median("PipelineBench.handWritten", j) else None)(
        res.kotlin_best("D", j)[0]) for j in res.jdks}, None))
    for d in E_DEPTHS:
        add(f"E  coro depth {int(d):,} ÷ hand depth 1", f"DelegationBench.coro@{d}", "DelegationBench.handWritten@1",
            None)
    add("G  coro close", "ExceptionBench.coroClose", "ExceptionBench.handWrittenClose")
    add("G  coro raise (escapes)", "ExceptionBench.coroRaise", "ExceptionBench.handWrittenRaise")
    add("G  coro raise (caught)", "ExceptionBench.coroRaiseCaught", "ExceptionBench.handWrittenRaiseCaught")
    startup = {}
    for j in res.jdks:
        r = startup_row(res, j)
        startup[j] = (r["withAgent"]["medianMs"] / r["withoutAgent"]["medianMs"]
                      if r and "withAgent" in r and r["withoutAgent"]["medianMs"] else None)
    rows.append(("F  start-up with the agent ÷ without", startup, 1.05))
    return [r for r in rows if any(v is not None for v in r[1].values())]


COLOURS = ["#4C72B0", "#DD8452", "#55A868", "#C44E52"]


def svg_chart(res):
    rows = chart_rows(res)
    jdks = res.jdks
    values = [v for _, vs, _ in rows for v in vs.values() if v]
    if not values:
        return None
    lo = 10 ** math.floor(math.log10(min(min(values), 1) * 0.9))
    hi = 10 ** math.ceil(math.log10(max(max(values), 1) * 1.1))
    label_w, plot_w, right = 250, 560, 70
    bar_h, gap = 9, 7
    row_h = bar_h * max(1, len(jdks)) + gap
    top = 54
    height = top + row_h * len(rows) + 40
    width = label_w + plot_w + right

    def x(v):
        return label_w + (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * plot_w

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
         f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
         f'<rect width="{width}" height="{height}" fill="white"/>',
         f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">'
         f'Time (or bytes) relative to the hand-written state machine — lower is better, log scale</text>']
    for i, j in enumerate(jdks):
        s.append(f'<rect x="{label_w + i * 110}" y="28" width="12" height="10" fill="{COLOURS[i % 4]}"/>'
                 f'<text x="{label_w + i * 110 + 16}" y="37">JDK {html.escape(j)}</text>')
    s.append(f'<line x1="{label_w + len(jdks) * 110 + 10}" y1="33" x2="{label_w + len(jdks) * 110 + 22}" y2="33" '
             f'stroke="#C00" stroke-width="2"/><text x="{label_w + len(jdks) * 110 + 26}" y="37">target</text>')
    bottom = top + row_h * len(rows)
    t = lo
    while t <= hi * 1.0001:
        for m in (1, 2, 5):
            v = t * m
            if lo <= v <= hi:
                xx = x(v)
                s.append(f'<line x1="{xx:.1f}" y1="{top - 4}" x2="{xx:.1f}" y2="{bottom}" stroke="{"#999" if m == 1 else "#e4e4e4"}" '
                         f'stroke-width="{1.5 if v == 1 else 1}"/>')
                if m == 1 or (hi / lo <= 1000):
                    txt = f"{v:g}×"
                    s.append(f'<text x="{xx:.1f}" y="{bottom + 14}" text-anchor="middle" fill="#444">{txt}</text>')
        t *= 10
    s.append(f'<line x1="{x(1):.1f}" y1="{top - 4}" x2="{x(1):.1f}" y2="{bottom}" stroke="#222" stroke-width="1.5"/>')
    for r, (label, vs, target) in enumerate(rows):
        y0 = top + r * row_h
        s.append(f'<text x="{label_w - 8}" y="{y0 + row_h / 2 + 1}" text-anchor="end">{html.escape(label)}</text>')
        for i, j in enumerate(jdks):
            v = vs.get(j)
            if not v:
                continue
            a, b = sorted((x(1), x(min(max(v, lo), hi))))
            yy = y0 + i * bar_h
            s.append(f'<rect x="{a:.1f}" y="{yy}" width="{max(b - a, 1):.1f}" height="{bar_h - 1}" fill="{COLOURS[i % 4]}">'
                     f'<title>{html.escape(label)}, JDK {html.escape(j)}: {ratio(v)}</title></rect>')
            tx = max(b, x(1), x(target) + 1 if target else 0) + 3
            s.append(f'<text x="{tx:.1f}" y="{yy + bar_h - 1}" font-size="9" fill="#333">{ratio(v)}</text>')
        if target:
            tx = x(target)
            s.append(f'<line x1="{tx:.1f}" y1="{y0 - 1}" x2="{tx:.1f}" y2="{y0 + row_h - gap + 1}" stroke="#C00" stroke-width="2"/>')
    s.append(f'<text x="{label_w}" y="{height - 8}" fill="#666" font-size="10">Bars left of 1× are faster than hand-written. '
             f'E compares each depth with the hand-written chain of depth 1; F, start-up with the agent with start-up without.</text>')
    s.append("</svg>")
    return "\n".join(s)


# ------------------------------------------------------------------ the document

def load_summary(d):
    before, after = read(os.path.join(d, "load-before.txt")), read(os.path.join(d, "load-after.txt"))
    during = []
    p = os.path.join(d, "load-during.txt")
    if os.path.exists(p):
        for line in open(p):
            parts = line.split()
            if len(parts) == 2:
                try:
                    during.append(float(parts[1]))
                except ValueError:
                    pass

    def first(text, prefix):
        for line in text.splitlines():
            if line.startswith(prefix):
                return line[len(prefix):].strip()
        return "?"

    def busiest(text):
        lines, on = [], False
        for line in text.splitlines():
            if line.startswith("busiest:"):
                on = True
            elif on and line.strip():
                parts = line.split(None, 2)
                if len(parts) == 3:
                    lines.append(f"{parts[2]} {parts[0]}%")
        return ", ".join(lines[:4])

    s = (f"load average (1, 5, 15 min) before: {first(before, 'loadavg:').rsplit(' ', 1)[0]}; "
         f"after: {first(after, 'loadavg:').rsplit(' ', 1)[0]}")
    if during:
        s += (f"; during (1-min, sampled every 10 s): median {statistics.median(during):.2f}, "
              f"max {max(during):.2f}")
    s += f". Busiest processes before: {busiest(before)}; after: {busiest(after)}."
    return s


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--results", required=True)
    p.add_argument("--markdown", required=True)
    p.add_argument("--svg", required=True)
    a = p.parse_args()
    res = Results(a.results)
    if not res.jdks:
        sys.exit(f"report.py: no jmh-jdk*.json in {a.results}")
    meta = read(os.path.join(a.results, "meta.txt"))
    metad = dict(line.split(": ", 1) for line in meta.splitlines() if ": " in line)
    try:
        minutes = f"{(int(metad['finished']) - int(metad['started'])) / 60:.1f} minutes"
    except (KeyError, ValueError):
        minutes = "?"
    cpu = metad.get("cpu", "?")
    svg = svg_chart(res)
    svg_rel = os.path.relpath(a.svg, os.path.dirname(os.path.abspath(a.markdown)))
    failures = []
    for j in res.jdks:
        fp = os.path.join(a.results, f"jmh-jdk{j}-failures.txt")
        if os.path.exists(fp) and read(fp):
            failures.append(f"JDK {j}: see `jmh-jdk{j}-failures.txt`:\n\n```\n{read(fp)[:1500]}\n```")

    md = []
    md.append("# Benchmarks\n")
    md.append("Written by `bin/bench` (see [README](../README.md#benchmarks)); do not edit by hand. "
              "The benchmarks are in [`coro-benchmarks`](../coro-benchmarks): JMH, run from `target/benchmarks.jar`, "
              "their coroutines woven at build time by `coro-maven-plugin` (a guard fails every coro benchmark at "
              "setup if they are not woven, and a self-check first makes sure every contender computes the same "
              "values).\n")
    md.append(f"- **Run**: {minutes}, commit {metad.get('commit', '?')}, {metad.get('settings', '?')}; "
              f"every JMH figure is time per operation (`avgt`), except (F)'s classes per second (`thrpt`; "
              f"{metad.get('f-settings', '?')}), its median and p25–p75 taken over all measured "
              f"iterations of all forks.")
    md.append(f"- **Machine**: {cpu}. " + "; ".join(f"{v}" for k, v in metad.items() if k.startswith("jdk ")) + ".")
    md.append(f"- **How busy it was**: {load_summary(a.results)}")
    if res.python:
        md.append(f"- **CPython** {res.python['python']}: the same generators, timed with `time.perf_counter_ns` "
                  f"(median and p25–p75 of samples of {res.python.get('ops', 1_000_000):,} operations each, loop overhead included: "
                  f"{ns(res.py.get('python:loop overhead', {}).get('median'))} per iteration).")
    md.append("")
    if svg:
        md.append(f"![coro, Kotlin and the hand-written limit, as ratios to hand-written]({svg_rel})\n")

    md.append("## Targets\n")
    md.append("| target | " + " | ".join(f"JDK {j}" for j in res.jdks) + " |")
    md.append("| --- | " + " | ".join("---" for _ in res.jdks) + " |")
    target_rows = targets(res)
    for name, cells in target_rows:
        md.append(f"| {name} | " + " | ".join(
            (("✅ " if c[1] else "❌ " if c[1] is False else "") + c[0]) for c in (cells.get(j, ("—", None)) for j in res.jdks)) + " |")
    md.append("")
    md.append(why_misses(target_rows))

    md.append("## (A) Generator: one Fibonacci number (mod 2⁶⁴) per `next()`\n")
    md.append(timing_table(res, A_ROWS, "A"))
    md.append("\n## (B) Consumer: one `send()` per value, keeping a running sum (`x = yield total`)\n")
    md.append(timing_table(res, B_ROWS, "B"))
    md.append("\n## (C) Memory and creation\n")
    md.append("Bytes of heap per suspended Fibonacci generator (holding `a` and `b`), by `Footprint`: N made and kept, "
              "heap in use after full collections (serial GC) before and after, divided by N; each in its own JVM "
              "with `-Xmx1g`. Kilim, offbynull and JavaFlow are not run with 10,000,000: at 190 bytes or more each they cannot "
              "fit in 1 GB.\n")
    md.append(footprint_table(res))
    md.append("\nTime to create one (JMH):\n")
    md.append(timing_table(res, C_ROWS, None))
    md.append("\n## (D) Pipeline: source → filter (drops multiples of 3) → sink (running sum), per source item\n")
    md.append(timing_table(res, D_ROWS, "D"))
    md.append("\n## (E) `Yield.from` chains: one `next()` through a chain of the given depth\n")
    md.append(delegation_table(res))
    md.append("\n## (H) Many coroutine types: one `next()` per operation over 1, 4 or 16 types\n")
    md.append("`ManyTypesBench`: 1, 4 or 16 behaviourally identical Fibonacci generators, each its own coroutine "
              "type (`ManyTypes.gen0` … `gen15`, so each its own frame class), taken in turn, one `next()` per "
              "operation; beside as many hand-written `Iterator<Long>` classes (`ManyIterators.It0` … `It15`). "
              "**One per type**: a `switch` with one `next()` call per type, so each call site sees one class, as "
              "in a program whose call sites each use one coroutine. **One for all**: a single `next()` call over "
              "an array of them, as a scheduler or a `List<Coro<…>>` does. B/op is the allocation per operation "
              "(JMH's `-prof gc`, `gc.alloc.rate.norm`, in a shorter pass of its own).\n")
    mt = many_types_table(res)
    md.append(mt if mt.count("\n") > 1 else "_Not run._")
    md.append("\n## Allocation per operation\n")
    md.append("Bytes allocated per operation (JMH's `-prof gc`, `gc.alloc.rate.norm`; a shorter pass of its own, "
              "after the timing runs), beside the time per operation of the timing run. 0 means every box the "
              "API requires was scalar-replaced (or came from the `Long` cache).\n")
    at = alloc_table(res)
    md.append(at if at else "_Not run._")
    md.append("\n## (G) `raise` and `close` on a suspended coroutine with a `finally`\n")
    md.append("The exception raised is preallocated without a stack trace. The first two pairs include creating the "
              "generator and running it to its first `yield` (see (C), create + first `next()`).\n")
    md.append(timing_table(res, G_ROWS, None))
    md.append("\n## (F) The weaver\n")
    md.append("Throughput, by `WeaverBench` (JMH, one operation = one class file, the corpus cycled through in order). "
              "The gate is what the agent runs on every class it is offered; a full weave is what it (or the Maven plugin) "
              "does to a class with coroutines: here unwoven classes compiled at setup with `javax.tools` from the "
              "sources in `coro-benchmarks/src/main/resources/dev/coro/bench/corpus` (generators, consumers, "
              "try/finally, switches, `Yield.from`, yields in constructor arguments: 5 or 6 coroutine methods each), "
              "with one `ClassHierarchy` shared by every call, as the agent keeps one per class loader.\n")
    for j in res.jdks:
        if res.weaver_logs.get(j):
            for line in res.weaver_logs[j]:
                md.append(f"- {line[len('(F) '):]}")
            md.append("")
            break
    wt = weaver_table(res)
    md.append(wt if wt else "_Not run._")
    md.append("\nStart-up, by `StartupCost`: an application of small classes without coroutines, whose `Main` "
              "loads and initialises each with `Class.forName`, run as `java -cp DIR Main`, with a no-op agent (its "
              "transformer returns null: what the JVM charges any agent) and with `-javaagent:coro-agent.jar`, in "
              "rounds whose order rotates; the wall time of each process, median (p25 – p75). "
              + startup_detail(res) + "\n")
    st = startup_table(res)
    md.append(st if st else "_Not run._")
    md.append("\n## Beazley's examples\n")
    md.append("The benchmark parts of [Beazley's course in Java](beazley.md), run on the examples module's own "
              "(woven) classes.\n")
    md.append("### Event handling: SAX events into a chain of coroutines\n")
    md.append("`BusPositionsBench` (JMH, time per document, parsing included): the JDK's SAX parser reads a "
              "bus-position feed written by `BusXml` at setup (the same bytes on every machine"
              + (f"; {res.sax_docs[next(iter(res.sax_docs))]}" if res.sax_docs else "") + "), and each bus becomes a map, "
              "filtered on route 22 northbound, either by the coroutine chain `busesToDicts → filterOnField → "
              "filterOnField → forEach` (Beazley's `EventHandler`) or by `PlainBusHandler`, a SAX handler keeping "
              "its state in fields. The setup checks that both give the same buses.\n")
    st = sax_table(res)
    md.append(st if st else "_Not run._")
    md.append("\n### Echo server: coro's scheduler against a thread per connection\n")
    md.append("`EchoCompare`: the same echo workload against three servers, each in a JVM of its own (`-Xmx1g "
              "-XX:+UseSerialGC`, an 8 KiB buffer per connection, 127.0.0.1), the client being the examples' "
              "`LoadGenerator` in a third JVM: it opens every connection, then sends each its bytes and checks the "
              "echo, and closes none before all have their echo, so the server holds them all at once. A smaller "
              "load first warms the server up. Settings: " + html.escape(metad.get("echo-settings", "?")) + ". "
              "**Echoed per second** is connections × bytes divided by the load generator's echo phase (from every "
              "connection open to every echo back), the median of the runs (their range in brackets); **÷ coro** "
              "divides it by coro's on the same JDK, so below 1 means slower than coro (coro's server runs on one thread; "
              "the others may use both cores, which the load generator shares with them). Memory is taken by the server once it has echoed every byte, all connections still open (none is "
              "closed until it is done): heap in use after full collections and the resident set (`VmRSS`, which "
              "includes the heap the JVM has touched); per connection, its growth over the same taken after the "
              "warm-up. Connect / echo / close are the load generator's three phases (median). Native threads: the process's, from `/proc/self/status`. "
              + (f"Time taken: {echo_wall(res)}." if echo_wall(res) else "") + "\n")
    et = echo_table(res)
    md.append(et if et else "_Not run._")
    md.append("\n## The other weavers\n")
    md.append(OTHER_WEAVERS)
    md.append("\n## Not measured here\n")
    md.append("- The other weavers in (B), (D), (E), (G): only (A) and (C) are written for them.")
    if failures:
        md.append("\n## Benchmarks that failed in this run\n")
        md.extend(failures)
    md.append("")

    os.makedirs(os.path.dirname(os.path.abspath(a.markdown)), exist_ok=True)
    with open(a.markdown, "w") as f:
        f.write("\n".join(md))
    if svg:
        with open(a.svg, "w") as f:
            f.write(svg)


if __name__ == "__main__":
    main()
