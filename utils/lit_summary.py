#!/usr/bin/env python3
"""Turns lit's summary into the plain line 'N passed, N failed, N skipped'."""
import re
import sys

counts = {}
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"\s*(Passed|Failed|Unsupported|Unresolved|Timed Out|Expectedly Failed|Unexpectedly Passed)\s*:\s*(\d+)", line)
    if m:
        counts[m.group(1)] = int(m.group(2))
passed = counts.get("Passed", 0) + counts.get("Expectedly Failed", 0)
failed = sum(counts.get(k, 0) for k in ("Failed", "Unresolved", "Timed Out", "Unexpectedly Passed"))
skipped = counts.get("Unsupported", 0)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
