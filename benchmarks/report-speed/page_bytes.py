#!/usr/bin/env python3
"""Where the bytes of a report page go: the page's total, each section's (from one <h2 id=...> to the next), all inline
SVG together, the cell table's JSON rows.

usage: page_bytes.py index.html [other index.html]   (two pages: side by side, e.g. before and after a change)
"""
import re
import sys


def measure(path):
    s = open(path, encoding="utf-8").read()
    out = {"(page)": len(s.encode())}
    for part in re.split(r"(?=<h2 id=)", s):
        m = re.match(r'<h2 id="([^"]+)"', part)
        out[m.group(1) if m else "(head, contents)"] = len(part.encode())
    out["(all inline SVG)"] = sum(len(x.encode()) for x in re.findall(r"<svg.*?</svg>", s, re.S))
    out["(cell table JSON)"] = sum(len(x.encode()) for x in re.findall(r'<script type="application/json".*?</script>', s, re.S))
    return out


pages = [measure(p) for p in sys.argv[1:]]
keys = list(dict.fromkeys(k for p in pages for k in p))
for k in keys:
    print(f"{k:32s}" + "".join(f"{p.get(k, 0) / 1000:10.1f} kB" for p in pages))
