#!/usr/bin/env python3
"""CPython's side of workloads A-D: the same generators as coro-benchmarks' CoroContenders, as
Python generators. Standard library only. Writes one JSON file (see --out) that bin/bench's report
generator reads next to JMH's.

Each timed workload runs REPEATS samples of N operations (after a warm-up sample); a sample's score is
its time divided by N, in nanoseconds per operation, and the report takes the median and the p25-p75 of
the samples, as it does of JMH's iterations.
"""
import argparse
import gc
import json
import platform
import statistics
import sys
import time
import tracemalloc


# (A), (C)
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) & 0xFFFFFFFFFFFFFFFF  # mod 2^64, as Java's long wraps


# (B)
def running_sum():
    total = 0
    while True:
        x = yield total
        total += x


# (D), Beazley's pipeline: a source generator, a filter and a sink fed with send
def count():
    i = 0
    while True:
        yield i
        i += 1


def coroutine(func):
    """Beazley's decorator: primes the generator to its first yield."""
    def start(*args, **kwargs):
        g = func(*args, **kwargs)
        next(g)
        return g
    return start


@coroutine
def drop_threes(target):
    while True:
        x = (yield)
        if x % 3 != 0:
            target.send(x)


@coroutine
def summing():
    total = 0
    while True:
        x = yield total
        total += x


def op_generator(n):
    g = fibonacci()
    t0 = time.perf_counter_ns()
    for _ in range(n):
        next(g)
    return time.perf_counter_ns() - t0


def op_consumer(n):
    g = running_sum()
    next(g)
    t0 = time.perf_counter_ns()
    for i in range(n):
        g.send(i)
    return time.perf_counter_ns() - t0


def op_create(n):
    t0 = time.perf_counter_ns()
    for _ in range(n):
        fibonacci()
    return time.perf_counter_ns() - t0


def op_create_started(n):
    t0 = time.perf_counter_ns()
    for _ in range(n):
        g = fibonacci()
        next(g)
    return time.perf_counter_ns() - t0


def op_pipeline(n):
    source = count()
    sink = summing()
    f = drop_threes(sink)
    t0 = time.perf_counter_ns()
    for _ in range(n):
        f.send(next(source))
    return time.perf_counter_ns() - t0


def op_empty_loop(n):
    t0 = time.perf_counter_ns()
    for _ in range(n):
        pass
    return time.perf_counter_ns() - t0


def timed(name, op, n, repeats):
    op(n // 10)  # warm-up
    samples = []
    for _ in range(repeats):
        gc.collect()
        samples.append(op(n) / n)
    q = statistics.quantiles(samples, n=4, method="inclusive")
    return {"benchmark": name, "unit": "ns/op", "median": statistics.median(samples),
            "p25": q[0], "p75": q[2], "samples": samples}


def footprint(count_):
    """Bytes per suspended generator (after its first next(), holding a and b), by tracemalloc."""
    live = [None] * count_
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter_ns()
    for i in range(count_):
        g = fibonacci()
        next(g)
        live[i] = g
    elapsed = time.perf_counter_ns() - t0
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    made = sum(1 for g in live if g is not None)
    del live
    return {"count": count_, "made": made, "bytesPerCoroutine": (after - before) / count_,
            "createNanosPerCoroutine": elapsed / count_, "note": "tracemalloc (slows creation)"}


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", required=True)
    p.add_argument("--ops", type=int, default=1_000_000, help="operations per sample")
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--footprint", default="1000000,10000000", help="counts for (C), comma-separated")
    a = p.parse_args()
    results = [
        timed("A.generator", op_generator, a.ops, a.repeats),
        timed("B.consumer", op_consumer, a.ops, a.repeats),
        timed("C.create", op_create, a.ops, a.repeats),
        timed("C.createStarted", op_create_started, a.ops, a.repeats),
        timed("D.pipeline", op_pipeline, a.ops, a.repeats),
        timed("loop overhead", op_empty_loop, a.ops, a.repeats),
    ]
    fp = [footprint(int(c)) for c in a.footprint.split(",") if c]
    out = {"python": sys.version.split()[0], "implementation": platform.python_implementation(), "ops": a.ops,
           "results": results, "footprint": fp}
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
    for r in results:
        print(f"python {r['benchmark']:<18} {r['median']:10.1f} ns/op  (p25 {r['p25']:.1f}, p75 {r['p75']:.1f})")
    for r in fp:
        print(f"python footprint {r['count']:>10}: {r['bytesPerCoroutine']:.1f} bytes per suspended generator")


if __name__ == "__main__":
    main()
