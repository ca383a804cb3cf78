#!/usr/bin/env python3
"""Fills the generated regions of docs/benchmarks.md, and writes its chart (an SVG), from what bin/bench
collected (see results.py). The document's prose is written by hand; this writes only what lies between
its markers, <!-- generated: NAME --> and <!-- end generated: NAME --> (see markers.py): the tables, the
chart's reference and the facts of the run (machine, JDKs, load, settings). A marker missing from the
document, or one this does not know, stops it with a message naming the marker, before anything is written.

    report.py --results DIR --markdown OUT.md --svg OUT.svg [--template docs/benchmarks.md]

--template is the hand-written document to fill (default: OUT.md itself). Standard library only.
"""
import argparse
import os
import sys

from fmt import ns
from markers import MarkerError, fill
from more_tables import echo_table, echo_wall, footprint_table, sax_table, startup_detail, startup_table
from results import Results
from tables import (A_ROWS, B_ROWS, C_ROWS, D_ROWS, G_ROWS, alloc_table, cpu_table, delegation_table,
                    first_resume_table, many_types_table, timing_table, weaver_table)
from targets import svg_chart, targets_table


def or_not_run(text):
    return text if text else "_Not run._"


def run_facts(res):
    """The bullets that say how, where and when this run was made."""
    m = res.meta
    try:
        minutes = f"{(int(m['finished']) - int(m['started'])) / 60:.1f} minutes"
    except (KeyError, ValueError):
        minutes = "?"
    out = [f"- **Run**: {minutes}, commit {m.get('commit', '?')}, {m.get('settings', '?')}; (F): {m.get('f-settings', '?')}.",
           f"- **Machine**: {m.get('cpu', '?')}. " + "; ".join(v for k, v in m.items() if k.startswith("jdk ")) + ".",
           f"- **How busy it was**: {res.load_summary()}"]
    if res.python:
        out.append(f"- **CPython** {res.python['python']}: the same generators, timed with `time.perf_counter_ns` "
                   f"(median and p25–p75 of samples of {res.python.get('ops', 1_000_000):,} operations each, loop "
                   f"overhead included: {ns(res.py.get('python:loop overhead', {}).get('median'))} per iteration).")
    return "\n".join(out)


def failures(res):
    found = res.failures()
    if not found:
        return ""
    return "## Benchmarks that failed in this run\n\n" + "\n\n".join(
        f"JDK {j}: see `jmh-jdk{j}-failures.txt`:\n\n```\n{text[:1500]}\n```" for j, text in found.items())


def fragments(res, svg_rel, has_chart):
    """{region name: its content}: everything report.py writes into the document."""
    weaver_log = next((res.weaver_logs[j] for j in res.jdks if res.weaver_logs.get(j)), [])
    echo = res.meta.get("echo-settings", "?")
    wall = echo_wall(res)
    return {
        "run": run_facts(res),
        "chart": f"![coro, Kotlin and the hand-written limit, as ratios to hand-written]({svg_rel})" if has_chart else "",
        "targets": or_not_run(targets_table(res)),
        "A": or_not_run(timing_table(res, A_ROWS, "A")),
        "B": or_not_run(timing_table(res, B_ROWS, "B")),
        "footprint": or_not_run(footprint_table(res)),
        "C": or_not_run(timing_table(res, C_ROWS)),
        "D": or_not_run(timing_table(res, D_ROWS, "D")),
        "E": or_not_run(delegation_table(res)),
        "H": or_not_run(many_types_table(res)),
        "first-resume": or_not_run(first_resume_table(res)),
        "alloc": or_not_run(alloc_table(res)),
        "cputime": or_not_run(cpu_table(res)),
        "G": or_not_run(timing_table(res, G_ROWS)),
        "F-corpus": "\n".join(f"- {line[len('(F) '):]}" for line in weaver_log),
        "F": or_not_run(weaver_table(res)),
        "startup-detail": startup_detail(res),
        "startup": or_not_run(startup_table(res)),
        "sax-document": f"The document: {res.sax_docs[next(iter(res.sax_docs))]}." if res.sax_docs else "",
        "sax": or_not_run(sax_table(res)),
        "echo-settings": f"Settings: {echo}." + (f" Time taken: {wall}." if wall else ""),
        "echo": or_not_run(echo_table(res)),
        "failures": failures(res),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--results", required=True, help="bin/bench's results directory (BENCH_OUT)")
    p.add_argument("--markdown", required=True, help="the document to write")
    p.add_argument("--svg", required=True, help="the chart to write")
    p.add_argument("--template", help="the hand-written document to fill (default: --markdown)")
    a = p.parse_args()
    template = a.template or a.markdown
    res = Results(a.results)
    if not res.jdks:
        sys.exit(f"report.py: no jmh-jdk*.json in {a.results}")
    if not os.path.exists(template):
        sys.exit(f"report.py: no {template} to fill (the hand-written document with the generated regions)")
    svg = svg_chart(res)
    svg_rel = os.path.relpath(a.svg, os.path.dirname(os.path.abspath(a.markdown)))
    with open(template) as f:
        try:
            text = fill(f.read(), fragments(res, svg_rel, svg is not None), template)
        except MarkerError as e:
            sys.exit(f"report.py: {e}")
    os.makedirs(os.path.dirname(os.path.abspath(a.markdown)), exist_ok=True)
    with open(a.markdown, "w") as f:
        f.write(text)
    if svg:
        with open(a.svg, "w") as f:
            f.write(svg)


if __name__ == "__main__":
    main()
