"""Generated regions of a hand-written document. A region is everything between

    <!-- generated: NAME -->
    ...
    <!-- end generated: NAME -->

(both markers on lines of their own: a block, its content written between blank lines so that Markdown
sees the markers as HTML comments apart from it) or between the two markers within a line (inline: within
a paragraph, not at the start of a line, where Markdown would take the whole line for raw HTML). fill()
replaces what is inside each region with report.py's fragment of that name and leaves everything outside
the markers, the prose, as it was. Every fragment needs its region and every region its fragment: a
missing, repeated or unclosed marker is an error that names the marker.
"""
import re

START = "<!-- generated: {} -->"
END = "<!-- end generated: {} -->"
_ANY_START = re.compile(r"<!-- generated: ([A-Za-z0-9_.-]+) -->")


class MarkerError(Exception):
    """The document's markers do not match the fragments report.py writes."""


def fill(text, fragments, source="the document"):
    """text with the inside of each region NAME replaced by fragments[NAME]."""
    found = _ANY_START.findall(text)
    for name in found:
        if found.count(name) > 1:
            raise MarkerError(f"{source}: the marker '{START.format(name)}' appears {found.count(name)} times")
        if name not in fragments:
            raise MarkerError(f"{source}: the region '{START.format(name)}' has no fragment in report.py "
                              f"(it writes: {', '.join(sorted(fragments))})")
    for name, content in fragments.items():
        start, end = START.format(name), END.format(name)
        i = text.find(start)
        if i < 0:
            raise MarkerError(f"{source}: no marker '{start}' (report.py writes the fragment '{name}' there; "
                              f"add '{start}' and '{end}' where it belongs)")
        j = text.find(end, i + len(start))
        if j < 0:
            raise MarkerError(f"{source}: the marker '{start}' has no '{end}' after it")
        if text.count(end) > 1:
            raise MarkerError(f"{source}: the marker '{end}' appears {text.count(end)} times")
        inside = text[i + len(start):j]
        content = content.strip("\n")
        if "\n" in inside:  # a block: the markers on lines of their own, blank lines around the content
            body = "\n\n" + content + "\n\n" if content else "\n"
        else:
            if "\n" in content:
                raise MarkerError(f"{source}: the region '{name}' is inline (its markers are on one line), "
                                  f"but its fragment has several lines")
            body = content
        text = text[:i + len(start)] + body + text[j:]
    return text
