#!/usr/bin/env python3
"""Disassembles the machine code HotSpot prints without hsdis, with objdump.

Without the hsdis plug-in, -XX:CompileCommand=print (and -XX:+PrintAssembly) print each compiled method's
code as hex words, with HotSpot's own comments (oops, metadata, calls, safepoint polls) between them. This
script takes the first nmethod of the wanted tier from such a log, writes its bytes out, disassembles them
with `objdump -b binary -m i386:x86-64` at their real addresses, and puts HotSpot's comments back in front of
the instructions they belong to.

    java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,Harness::loop -XX:-TieredCompilation \\
         -XX:-UseOnStackReplacement -cp ... Harness > log.txt
    python3 bin/jit-asm.py log.txt            # the first C2 nmethod in log.txt
    python3 bin/jit-asm.py log.txt --tier c1  # the first C1 nmethod

docs/benchmarks.md ((C) and (D)) quotes what it showed. Needs binutils' objdump on the PATH; x86-64 only.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ADDRESS = re.compile(r"\s*0x([0-9a-f]+): (.*)")


def nmethod(log, tier):
    """The text of the first nmethod of `tier` ('c1' or 'c2') in the log, from its header to the next one."""
    header = "%s-compiled nmethod" % tier.upper()
    start = log.find(header)
    if start < 0:
        sys.exit("no %s nmethod in the log (was the method compiled by %s before the JVM exited?)" % (tier, tier))
    end = log.find("-compiled nmethod", start + len(header))
    return log[start:end if end >= 0 else len(log)]


def code_and_comments(text):
    """(start address, bytes, {address: [comment lines]}) of the [MachCode] section of one nmethod."""
    if "[MachCode]" not in text:
        sys.exit("no [MachCode] section: this JVM printed no raw code (is hsdis installed? then read its output)")
    section = text[text.index("[MachCode]"):]
    if "[/MachCode]" in section:
        section = section[:section.index("[/MachCode]")]
    data, start, comments, last = bytearray(), None, {}, None
    for line in section.splitlines():
        m = ADDRESS.match(line)
        if m:
            addr, rest = int(m.group(1), 16), m.group(2)
            if rest.lstrip().startswith(";"):
                comments.setdefault(addr, []).append(rest.strip())
                last = addr
                continue
            words = re.sub(r"[^0-9a-f]", "", rest.split(";")[0])
            if start is None:
                start = addr
            offset = addr - start
            chunk = bytes.fromhex(words)
            if len(data) < offset:
                data.extend(b"\x00" * (offset - len(data)))
            data[offset:offset + len(chunk)] = chunk
        elif line.strip().startswith(";") and last is not None:
            comments[last].append(line.strip())
    if start is None:
        sys.exit("the [MachCode] section holds no code")
    return start, bytes(data), comments


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log")
    ap.add_argument("--tier", choices=["c1", "c2"], default="c2")
    args = ap.parse_args()
    with open(args.log, encoding="utf-8", errors="replace") as f:
        start, data, comments = code_and_comments(nmethod(f.read(), args.tier))
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as out:
        out.write(data)
    try:
        listing = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                                  "--adjust-vma=%d" % start, out.name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(out.name)
    for line in listing.splitlines():
        m = re.match(r"\s*([0-9a-f]+):", line)
        if m:
            for c in comments.get(int(m.group(1), 16), []):
                print("        " + c)
            print(line)


if __name__ == "__main__":
    main()
