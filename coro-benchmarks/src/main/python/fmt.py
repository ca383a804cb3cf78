"""How the report writes numbers: times, ratios, bytes, rates. "—" for a figure that was not measured."""


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


def bytes_op(b):
    return "—" if b is None else f"{b:,.0f}" if b >= 1 or b == 0 else f"{b:.2f}"


def per_second(v):
    if v is None:
        return "—"
    return f"{v:,.0f}" if v >= 100 else f"{v:,.1f}"


def per_class(v):
    """Time per class, from classes per second."""
    return ns(1e9 / v) if v else "—"


def ms(v):
    return "—" if v is None else f"{v:,.0f} ms"


def millis(v):
    if v is None:
        return "—"
    return f"{v:,.0f} ms" if v >= 100 else f"{v:,.1f} ms" if v >= 10 else f"{v:.2f} ms"


def mib(v):
    return "—" if v is None or v < 0 else f"{v / 1048576:,.0f} MiB"


def kib(v):
    return "—" if v is None else f"{v / 1024:,.1f} KiB"


def count(v):
    return "—" if v is None or v < 0 else f"{v:,.0f}"


def table(header, align, rows):
    """A markdown table: header cells, their alignments ("---" or "---:"), rows (lists of cells, or a row's
    text as it is); "" when there are no rows."""
    if not rows:
        return ""
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    return "\n".join(out + [r if isinstance(r, str) else "| " + " | ".join(r) + " |" for r in rows])
