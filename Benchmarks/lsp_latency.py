#!/usr/bin/env python3
"""Change-to-diagnostics latency of `taxo lsp`: opens one tool file of a library, then sends N full-text
changes (alternately breaking and fixing a reference) and times each until its publishDiagnostics arrives.
Usage: python3 Benchmarks/lsp_latency.py LIBRARY [N]   (build the library once first: taxo build)"""
import json, os, statistics, subprocess, sys, time

root = os.path.abspath(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
taxo = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "taxo")
p = subprocess.Popen([taxo, "lsp"] + (["--timings"] if os.environ.get("TIMINGS") else []), stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)


def send(obj):
    b = json.dumps(obj).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()


def recv():
    h = b""
    while not h.endswith(b"\r\n\r\n"):
        h += p.stdout.read(1)
    length = int([l for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
    return json.loads(p.stdout.read(length))


tools = os.path.join(root, "LIBRARIES", "LBS_003_Tools")
path = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(tools)) for f in sorted(fs) if f.endswith(".json"))
uri = "file://" + path
text = open(path).read()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": {}}})
recv()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}})
recv()
times = []
for i in range(n):
    changed = text.replace('"name"', '"name_%d"' % i, 1) if i % 2 else text + " "
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"text": changed}]}})
    while recv().get("method") != "textDocument/publishDiagnostics":
        pass
    times.append(time.perf_counter() - t0)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
recv()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
print("change -> diagnostics over %d changes: median %.0f ms, min %.0f ms, max %.0f ms"
      % (n, statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000))
