"""The targets table, and the chart: every bar a ratio to the hand-written baseline, log scale, an SVG."""
import html
import math

from fmt import ratio, table
from more_tables import footprint_bytes, footprint_row, startup_row
from tables import E_DEPTHS, kotlin_best


def targets(res):
    """Rows of (target, {jdk: (value text, met: True, False or None when not measured)})."""
    rows = []

    def check(name, values, met, text, miss):
        cells = {}
        for jdk, v in values.items():
            cells[jdk] = ("not measured", None) if v is None else (text(v), True) if met(v) else (miss(v), False)
        rows.append((name, cells))

    def at_most(name, limit, values, unit="×"):
        check(name, values, lambda v: v <= limit, lambda v: f"{v:.2f}{unit}",
              lambda v: f"{v:.2f}{unit}: misses by {(v / limit - 1) * 100:.0f}%")

    def at_least(name, limit, values):
        check(name, values, lambda v: v >= limit, lambda v: f"{v:.2f}×", lambda v: f"{v:.2f}×: misses, {limit / v:.1f}× short")

    def kotlin_over(group, key, j):
        best, c = kotlin_best(res, group, j), res.median(key, j)
        return best / c if best is not None and c else None

    J = res.jdks
    at_most("(A) coro within 1.3× of hand-written", 1.3, {j: res.vs("GeneratorBench.coro", "GeneratorBench.handWritten", j) for j in J})
    at_least("(A) coro ≥ 4× faster than Kotlin at its best", 4, {j: kotlin_over("A", "GeneratorBench.coro", j) for j in J})
    at_least("(A) … with coro's faster spelling (value through a field)", 4,
             {j: kotlin_over("A", "GeneratorBench.coroField", j) for j in J})
    at_most("(B) coro within 1.3× of hand-written", 1.3, {j: res.vs("ConsumerBench.coro", "ConsumerBench.handWritten", j) for j in J})
    at_least("(B) coro ≥ 1.5× faster than Kotlin at its best", 1.5, {j: kotlin_over("B", "ConsumerBench.coro", j) for j in J})
    at_most("(C) ≤ 48 bytes per suspended coroutine with two live longs (10,000,000 at once)", 48,
            {j: footprint_bytes(res, "coro", j, 10_000_000) or footprint_bytes(res, "coro", j) for j in J}, unit=" bytes")
    fits = {j: footprint_row(res, "coro", j, 10_000_000) for j in J}
    check("(C) 10,000,000 suspended coroutines fit in `-Xmx1g`", {j: r and bool(r.get("fits")) for j, r in fits.items()},
          lambda v: v, lambda v: "yes", lambda v: "no")
    at_most("(C) creation within 2× of hand-written", 2, {j: res.vs("CreateBench.coro", "CreateBench.handWritten", j) for j in J})
    at_most("(C) creation within 2× of hand-written, in thread CPU time", 2,
            {j: res.cpu_vs("CreateBench.coro", "CreateBench.handWritten", j) for j in J})
    at_most("(C) … create and run to the first suspension, within 2×", 2,
            {j: res.vs("CreateBench.coroStarted", "CreateBench.handWrittenStarted", j) for j in J})
    at_most("(D) pipeline within 1.5× of hand-written", 1.5, {j: res.vs("PipelineBench.coro", "PipelineBench.handWritten", j) for j in J})
    at_most("(E) depth 10,000 within 2× of depth 1", 2, {j: res.vs("DelegationBench.coro@10000", "DelegationBench.coro@1", j) for j in J})
    issue18(res, at_most, check)
    cells = {}
    for j in J:
        r = startup_row(res, j)
        if r is None:
            cells[j] = ("not measured", None)
        elif "error" in r:
            cells[j] = (f"failed: {html.escape(r['error'][:120])}", False)
        else:
            v = r["addedPercent"]
            cells[j] = (f"{v:+.1f}%", True) if v < 5 else (f"{v:+.1f}%: misses by {v - 5:.1f} percentage points", False)
    rows.append(("(F) agent adds < 5% start-up to an app loading 10,000 classes", cells))
    return rows


def issue18(res, at_most, check):
    """Issue 18's targets: the pipeline, creation and many coroutine types against the hand-written limit."""
    J = res.jdks
    at_most("(C) create and run to the first suspension within 1.3× (issue 18)", 1.3,
            {j: res.vs("CreateBench.coroStarted", "CreateBench.handWrittenStarted", j) for j in J})
    at_most("(D) pipeline within 1.3× of hand-written (issue 18)", 1.3,
            {j: res.vs("PipelineBench.coro", "PipelineBench.handWritten", j) for j in J})
    at_most("(C) create and run to the first suspension within 1.3× (issue 18), in thread CPU time", 1.3,
            {j: res.cpu_vs("CreateBench.coroStarted", "CreateBench.handWrittenStarted", j) for j in J})
    at_most("(D) pipeline within 1.3× of hand-written (issue 18), in thread CPU time", 1.3,
            {j: res.cpu_vs("PipelineBench.coro", "PipelineBench.handWritten", j) for j in J})
    for site, label in (("SitePerType", "one call site per type"), ("OneSite", "one call site for all")):
        at_most(f"(H) 16 types, {label}, within 1.2× of hand-written", 1.2,
                {j: res.vs(f"ManyTypesBench.coro{site}@16", f"ManyTypesBench.hand{site}@16", j) for j in J})
    at_most("(H) 16 types, one call site for all, within 1.2× of hand-written, in thread CPU time", 1.2,
            {j: res.cpu_vs("ManyTypesBench.coroOneSite@16", "ManyTypesBench.handOneSite@16", j) for j in J})

    def extra_bytes(j):
        """The most bytes per value coro allocates beyond the hand-written iterators' at 16 types, or None."""
        al, worst = res.alloc.get(j, {}), None
        for site in ("SitePerType", "OneSite"):
            c, h = al.get(f"ManyTypesBench.coro{site}@16"), al.get(f"ManyTypesBench.hand{site}@16")
            if c is not None and h is not None:
                worst = max(worst if worst is not None else c - h, c - h)
        return worst
    check("(H) 16 types: no more allocation per value than hand-written", {j: extra_bytes(j) for j in J},
          lambda v: v < 1, lambda v: f"{max(v, 0):+.0f} B/op", lambda v: f"{v:+.0f} B/op: misses")

    def order_effect(j):
        """The largest late ÷ first time of the 16th type, over both call sites, or None."""
        ratios = [res.vs(f"FirstResumeBench.coro{site}@late", f"FirstResumeBench.coro{site}@first", j)
                  for site in ("", "SharedSite")]
        ratios = [r for r in ratios if r is not None]
        return max(ratios) if ratios else None
    at_most("(H) a late first resume costs ≤ 1.2× an early one (late ÷ first)", 1.2, {j: order_effect(j) for j in J})


def targets_table(res):
    out = [[name] + [("✅ " if c[1] else "❌ " if c[1] is False else "") + c[0]
                     for c in (cells.get(j, ("—", None)) for j in res.jdks)] for name, cells in targets(res)]
    return table(["target"] + [f"JDK {j}" for j in res.jdks], ["---"] * (1 + len(res.jdks)), out)


def chart_rows(res):
    """(label, {jdk: ratio}, target or None): every bar is a ratio to the hand-written baseline."""
    rows = []

    def add(label, key, base, target=None):
        rows.append((label, {j: res.vs(key, base, j) for j in res.jdks}, target))

    def kotlin(label, group, base):
        rows.append((label, {j: kotlin_best(res, group, j) / res.median(base, j)
                             if kotlin_best(res, group, j) is not None and res.median(base, j) else None
                             for j in res.jdks}, None))

    add("A  coro (headline)", "GeneratorBench.coro", "GeneratorBench.handWritten", 1.3)
    add("A  coro, value via field", "GeneratorBench.coroField", "GeneratorBench.handWritten")
    kotlin("A  Kotlin at its best", "A", "GeneratorBench.handWritten")
    add("B  coro (headline)", "ConsumerBench.coro", "ConsumerBench.handWritten", 1.3)
    kotlin("B  Kotlin at its best", "B", "ConsumerBench.handWritten")
    add("C  coro create", "CreateBench.coro", "CreateBench.handWritten", 2)
    add("C  coro create + start", "CreateBench.coroStarted", "CreateBench.handWrittenStarted", 2)
    add("C  Kotlin sequence create", "CreateBench.kotlinSequence", "CreateBench.handWritten")
    hand, coro = ({j: footprint_bytes(res, c, j) for j in res.jdks} for c in ("handWritten", "coro"))
    rows.append(("C  coro bytes", {j: coro[j] / hand[j] if coro[j] and hand[j] else None for j in res.jdks}, None))
    add("D  coro pipeline", "PipelineBench.coro", "PipelineBench.handWritten", 1.5)
    kotlin("D  Kotlin at its best", "D", "PipelineBench.handWritten")
    for d in E_DEPTHS:
        add(f"E  coro depth {int(d):,} ÷ hand depth 1", f"DelegationBench.coro@{d}", "DelegationBench.handWritten@1")
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
    """The chart as SVG text, or None when there is nothing to draw."""
    rows, jdks = chart_rows(res), res.jdks
    values = [v for _, vs, _ in rows for v in vs.values() if v]
    if not values:
        return None
    lo = 10 ** math.floor(math.log10(min(min(values), 1) * 0.9))
    hi = 10 ** math.ceil(math.log10(max(max(values), 1) * 1.1))
    label_w, plot_w, right, bar_h, gap, top = 250, 560, 70, 9, 7, 54
    row_h = bar_h * max(1, len(jdks)) + gap
    height, width = top + row_h * len(rows) + 40, label_w + plot_w + right
    key_x = label_w + len(jdks) * 110

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
    s.append(f'<line x1="{key_x + 10}" y1="33" x2="{key_x + 22}" y2="33" '
             f'stroke="#C00" stroke-width="2"/><text x="{key_x + 26}" y="37">target</text>')
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
                    s.append(f'<text x="{xx:.1f}" y="{bottom + 14}" text-anchor="middle" fill="#444">{v:g}×</text>')
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
