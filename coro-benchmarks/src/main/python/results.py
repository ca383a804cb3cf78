"""What bin/bench collected in its results directory, read once: JMH's JSON for each JDK (jmh-jdkNN.json,
with every iteration's score; weaver-jdkNN.json for (F), run with its own settings; gc-jdkNN.json, the
-prof gc pass), the footprint runs (footprint.jsonl), the agent's start-up runs (startup.jsonl), the echo
servers (echo.jsonl), the thread-CPU-time pass (cputime.jsonl: one line per benchmark, JDK and round, each the
median of bin/CpuTimeBench.java's batches), CPython's results (python.json) and the machine (meta.txt, load-*.txt).

Medians and the p25-p75 spread are taken over every measured iteration of every fork (for CPython,
over its samples). A row's key is "Class.method", with "@value" for each JMH parameter (in the order of
their names), or "python:name".
"""
import json
import os
import statistics

PKG = "dev.coro.bench."


def quartiles(samples):
    if len(samples) == 1:
        return samples[0], samples[0], samples[0]
    q = statistics.quantiles(samples, n=4, method="inclusive")
    return q[0], statistics.median(samples), q[2]


def load_jmh(path):
    """{key: {"median", "p25", "p75", "n", "unit", "jdk"[, "alloc"]}} from one JMH JSON file."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for b in json.load(f):
            key = b["benchmark"][len(PKG):] if b["benchmark"].startswith(PKG) else b["benchmark"]
            for _, value in sorted(b.get("params", {}).items()):
                key += "@" + value
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


def load_lines(path):
    """The JSON objects of a file of JSON lines; an unreadable line becomes {"error": ...}."""
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
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read().strip()


def log_lines(path, marker):
    """The distinct lines of a log that contain marker, from marker on."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return sorted({line[line.index(marker):].strip() for line in f if marker in line})


class Results:
    def __init__(self, d):
        self.dir = d
        names = sorted(os.listdir(d))
        self.jmh = {}  # {jdk: {key: row}}
        for name in names:
            for prefix in ("jmh-jdk", "weaver-jdk"):  # (F)'s WeaverBench runs apart, with its own settings
                if name.startswith(prefix) and name.endswith(".json"):
                    self.jmh.setdefault(name[len(prefix):-len(".json")], {}).update(load_jmh(os.path.join(d, name)))
        self.alloc = {}  # {jdk: {key: bytes per operation}}, from the -prof gc pass
        for name in names:
            if name.startswith("gc-jdk") and name.endswith(".json"):
                got = load_jmh(os.path.join(d, name))
                self.alloc[name[len("gc-jdk"):-len(".json")]] = {k: v["alloc"] for k, v in got.items() if "alloc" in v}
        self.startup = load_lines(os.path.join(d, "startup.jsonl"))
        self.echo = load_lines(os.path.join(d, "echo.jsonl"))
        self.footprint = load_lines(os.path.join(d, "footprint.jsonl"))
        self.cpu = {}  # {jdk: {key: [each round's median, ns of thread CPU time per operation]}}
        for r in load_lines(os.path.join(d, "cputime.jsonl")):
            if "median" in r and r.get("jdkMajor") is not None:
                self.cpu.setdefault(str(r["jdkMajor"]), {}).setdefault(r["bench"], []).append(float(r["median"]))
        for r in self.startup + self.echo:
            if r.get("jdkMajor") is not None:
                self.jmh.setdefault(str(r["jdkMajor"]), {})
        for j in self.cpu:
            self.jmh.setdefault(j, {})
        self.jdks = sorted(self.jmh, key=int)
        self.weaver_logs = {j: log_lines(os.path.join(d, f"weaver-jdk{j}.log"), "(F) ") for j in self.jdks}
        self.weaver_logs = {j: [x for x in v if " corpus: " in x] for j, v in self.weaver_logs.items()}
        self.sax_docs = {}
        for j in self.jdks:
            docs = log_lines(os.path.join(d, f"jmh-jdk{j}.log"), "(SAX) document: ")
            if docs:
                self.sax_docs[j] = docs[0][len("(SAX) document: "):]
        p = os.path.join(d, "python.json")
        self.python = json.loads(read(p)) if os.path.exists(p) else None
        self.py = {"python:" + r["benchmark"]: r for r in (self.python or {}).get("results", [])}
        self.meta = dict(line.split(": ", 1) for line in read(os.path.join(d, "meta.txt")).splitlines() if ": " in line)

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

    def cpu_row(self, key, jdk):
        """{"median", "p25", "p75", "n"} over the rounds of the thread-CPU-time pass, or None."""
        rounds = self.cpu.get(jdk, {}).get(key)
        if not rounds:
            return None
        p25, med, p75 = quartiles(rounds)
        return {"median": med, "p25": p25, "p75": p75, "n": len(rounds)}

    def cpu_vs(self, key, base, jdk):
        a, b = self.cpu_row(key, jdk), self.cpu_row(base, jdk)
        return a["median"] / b["median"] if a and b and b["median"] else None

    def failures(self):
        """{jdk: the text of jmh-jdkNN-failures.txt} for each JDK whose JMH runs had a failure."""
        out = {}
        for j in self.jdks:
            text = read(os.path.join(self.dir, f"jmh-jdk{j}-failures.txt"))
            if text:
                out[j] = text
        return out

    def load_summary(self):
        """How busy the machine was: load averages before, during and after, and the busiest processes."""
        before, after = read(os.path.join(self.dir, "load-before.txt")), read(os.path.join(self.dir, "load-after.txt"))
        during = []
        for line in read(os.path.join(self.dir, "load-during.txt")).splitlines():
            parts = line.split()
            if len(parts) == 2:
                try:
                    during.append(float(parts[1]))
                except ValueError:
                    pass

        def first(text, prefix):
            return next((line[len(prefix):].strip() for line in text.splitlines() if line.startswith(prefix)), "?")

        def busiest(text):
            lines = text.split("busiest:", 1)[1].splitlines() if "busiest:" in text else []
            procs = [f"{p[2]} {p[0]}%" for p in (line.split(None, 2) for line in lines if line.strip()) if len(p) == 3]
            return ", ".join(procs[:4])

        s = (f"load average (1, 5, 15 min) before: {first(before, 'loadavg:').rsplit(' ', 1)[0]}; "
             f"after: {first(after, 'loadavg:').rsplit(' ', 1)[0]}")
        if during:
            s += f"; during (1-min, sampled every 10 s): median {statistics.median(during):.2f}, max {max(during):.2f}"
        return s + f". Busiest processes before: {busiest(before)}; after: {busiest(after)}."
