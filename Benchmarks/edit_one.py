#!/usr/bin/env python3
"""Changes one entity file's content without changing its meaning (a counter field), so that the next
taxo run sees one edited file. Used as hyperfine's --prepare step."""
import random, re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
n = random.randint(0, 10**9)
if '"bench_edit"' in s:
    s = re.sub(r'"bench_edit": \d+', '"bench_edit": %d' % n, s, count=1)
else:
    i = s.index("{") + 1
    s = s[:i] + '\n  "bench_edit": %d,' % n + s[i:]
open(p, "w", encoding="utf-8").write(s)
