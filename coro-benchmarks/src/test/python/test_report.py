"""report.py's generated regions: run by bin/bench before anything is built or timed
(python3 -m unittest discover -s coro-benchmarks/src/test/python). Standard library only."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
SRC = os.path.join(ROOT, "coro-benchmarks", "src", "main", "python")
sys.path.insert(0, SRC)

from markers import MarkerError, fill  # noqa: E402

DOC = """# Title

Prose before, by hand.

<!-- generated: table -->
old table
<!-- end generated: table -->

A sentence with a fact: <!-- generated: fact -->old<!-- end generated: fact --> and more prose.
"""


class FillTest(unittest.TestCase):
    def test_replaces_only_between_markers(self):
        got = fill(DOC, {"table": "| a |\n| --- |\n| 1 |", "fact": "42 ns"})
        self.assertEqual(got, """# Title

Prose before, by hand.

<!-- generated: table -->

| a |
| --- |
| 1 |

<!-- end generated: table -->

A sentence with a fact: <!-- generated: fact -->42 ns<!-- end generated: fact --> and more prose.
""")

    def test_filling_twice_gives_the_same_text(self):
        fragments = {"table": "| a |\n| --- |\n| 1 |", "fact": "42 ns"}
        once = fill(DOC, fragments)
        self.assertEqual(fill(once, fragments), once)

    def test_an_empty_fragment_leaves_the_markers(self):
        got = fill(DOC, {"table": "", "fact": ""})
        self.assertIn("<!-- generated: table -->\n<!-- end generated: table -->", got)
        self.assertIn("fact: <!-- generated: fact --><!-- end generated: fact --> and", got)

    def test_a_missing_marker_names_it(self):
        with self.assertRaises(MarkerError) as e:
            fill(DOC, {"table": "t", "fact": "f", "chart": "c"}, "docs/x.md")
        self.assertEqual(str(e.exception), "docs/x.md: no marker '<!-- generated: chart -->' (report.py writes the "
                                           "fragment 'chart' there; add '<!-- generated: chart -->' and "
                                           "'<!-- end generated: chart -->' where it belongs)")

    def test_a_region_without_a_fragment_names_it(self):
        with self.assertRaises(MarkerError) as e:
            fill(DOC, {"table": "t"}, "docs/x.md")
        self.assertEqual(str(e.exception), "docs/x.md: the region '<!-- generated: fact -->' has no fragment in "
                                           "report.py (it writes: table)")

    def test_an_unclosed_marker_names_it(self):
        with self.assertRaises(MarkerError) as e:
            fill(DOC.replace("<!-- end generated: table -->", ""), {"table": "t", "fact": "f"}, "docs/x.md")
        self.assertEqual(str(e.exception), "docs/x.md: the marker '<!-- generated: table -->' has no "
                                           "'<!-- end generated: table -->' after it")

    def test_a_repeated_marker_names_it(self):
        with self.assertRaises(MarkerError) as e:
            fill(DOC + "<!-- generated: fact --><!-- end generated: fact -->\n", {"table": "t", "fact": "f"}, "d.md")
        self.assertEqual(str(e.exception), "d.md: the marker '<!-- generated: fact -->' appears 2 times")

    def test_an_inline_region_takes_one_line_only(self):
        with self.assertRaises(MarkerError) as e:
            fill(DOC, {"table": "t", "fact": "two\nlines"}, "d.md")
        self.assertEqual(str(e.exception), "d.md: the region 'fact' is inline (its markers are on one line), but "
                                           "its fragment has several lines")


def jmh_row(benchmark, scores, params=None, alloc=None):
    row = {"benchmark": "dev.coro.bench." + benchmark, "params": params or {}, "vmVersion": "17.0.1",
           "primaryMetric": {"scoreUnit": "ns/op", "rawData": [scores]}}
    if alloc is not None:
        row["secondaryMetrics"] = {"gc.alloc.rate.norm": {"score": alloc}}
    return row


class ReportTest(unittest.TestCase):
    """report.py on a small results directory: the committed docs/benchmarks.md has every region it writes."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.results = os.path.join(self.tmp.name, "results")
        os.makedirs(self.results)
        with open(os.path.join(self.results, "jmh-jdk17.json"), "w") as f:
            json.dump([jmh_row("GeneratorBench.coro", [6.0, 7.0, 8.0]),
                       jmh_row("GeneratorBench.handWritten", [4.0, 5.0, 6.0]),
                       jmh_row("FirstResumeBench.coro", [3.0], {"order": "alone"}),
                       jmh_row("FirstResumeBench.hand", [2.0], {"order": "alone"}),
                       jmh_row("FirstResumeBench.coro", [9.0], {"order": "late"}),
                       jmh_row("FirstResumeBench.hand", [2.5], {"order": "late"})], f)
        with open(os.path.join(self.results, "gc-jdk17.json"), "w") as f:
            json.dump([jmh_row("FirstResumeBench.coro", [3.5], {"order": "alone"}, 0.001),
                       jmh_row("FirstResumeBench.coro", [9.5], {"order": "late"}, 24.0)], f)
        with open(os.path.join(self.results, "cputime.jsonl"), "w") as f:
            for bench, medians in (("CreateBench.coroStarted", [6.0, 7.0, 9.0]),
                                   ("CreateBench.handWrittenStarted", [5.0, 5.0, 6.0])):
                for i, m in enumerate(medians):
                    f.write(json.dumps({"bench": bench, "jdkMajor": 17, "round": i + 1, "median": m, "p25": m, "p75": m})
                            + "\n")
            f.write('{"bench": "PipelineBench.coro", "jdkMajor": 17, "round": 1, "error": "no benchmark"}\n')
        with open(os.path.join(self.results, "meta.txt"), "w") as f:
            f.write("started: 100\nfinished: 160\ncommit: abc1234\ncpu: 2 cores, test\n")

    def tearDown(self):
        self.tmp.cleanup()

    def report(self, template):
        out = os.path.join(self.tmp.name, "out", "benchmarks.md")
        p = subprocess.run([sys.executable, os.path.join(SRC, "report.py"), "--results", self.results, "--template",
                            template, "--markdown", out, "--svg", os.path.join(self.tmp.name, "out", "benchmarks.svg")],
                           capture_output=True, text=True)
        return p, out

    def test_fills_the_committed_document(self):
        p, out = self.report(os.path.join(ROOT, "docs", "benchmarks.md"))
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(out) as f:
            text = f.read()
        self.assertIn("| coro: `Yield.value(a)` in `Coro<Long, Void, Void>` (headline) | 17 | 7.00 ns | "
                      "6.50 ns – 7.50 ns | 1.40× |  |", text)
        self.assertIn("- **Run**: 1.0 minutes, commit abc1234, ?; (F): ?.", text)
        self.assertIn("## (B) Consumer", text)  # the prose is kept
        self.assertIn("<!-- generated: B -->\n\n_Not run._\n\n<!-- end generated: B -->", text)
        # the thread-CPU-time pass: medians over the rounds; a round that failed is left out
        self.assertIn("| (C) coro: create + first `next()` | 17 | 7.00 ns | 6.50 ns – 8.00 ns | 3 | 1.40× |\n"
                      "| (C) hand-written: `new FibIterator()` + first `next()` (baseline) | 17 | 5.00 ns | "
                      "5.00 ns – 5.50 ns | 3 | 1.00× |\n", text)
        self.assertIn("| (C) create and run to the first suspension within 1.3× (issue 18), in thread CPU time | "
                      "❌ 1.40×: misses by 8% |", text)
        self.assertIn("| (D) pipeline within 1.3× of hand-written (issue 18), in thread CPU time | not measured |", text)
        self.assertIn("| its own | alone: no other type ever runs | 17 | 3.00 ns | 2.00 ns | 1.50× | 1.00× | 1.00× | "
                      "0.00 | — |\n| its own | late: first resumed after the 15 others are warmed up | 17 | 9.00 ns | "
                      "2.50 ns | 3.60× | 3.00× | 1.25× | 24 | — |\n", text)

    def test_a_missing_marker_stops_it_before_writing(self):
        template = os.path.join(self.tmp.name, "template.md")
        with open(os.path.join(ROOT, "docs", "benchmarks.md")) as f:
            text = f.read()
        with open(template, "w") as f:
            f.write(text.replace("<!-- generated: targets -->", "<!-- targets -->"))
        p, out = self.report(template)
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"report.py: {template}: no marker '<!-- generated: targets -->'", p.stderr)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
