#!/usr/bin/env python3
"""Change-to-diagnostics latency of `taxo lsp`: opens one tool file of a library, then sends N full-text
changes (alternately breaking and fixing a reference) and times each until its publishDiagnostics arrives.
With PULL=1 the client pulls diagnostics (LSP 3.17): it times the first workspace/diagnostic report (every
file's findings) and, after each change, the textDocument/diagnostic answer. With WATCH=1 each change is a
tool file created (then deleted) on disk and announced by workspace/didChangeWatchedFiles, timed until the
open file's diagnostics arrive, and so is a didSave (which compiles the whole library again).
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
    msg = json.loads(p.stdout.read(length))
    if "method" in msg and "id" in msg:  # a request of the server's (workspace/diagnostic/refresh)
        send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
    return msg


def answer(request_id):
    while True:
        msg = recv()
        if msg.get("id") == request_id and "method" not in msg:
            return msg


pull = os.environ.get("PULL") == "1"
caps = {"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": True}}} if pull else {}


tools = os.path.join(root, "LIBRARIES", "LBS_003_Tools")
path = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(tools)) for f in sorted(fs) if f.endswith(".json"))
uri = "file://" + path
text = open(path).read()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": caps}})
recv()
if pull:
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 100, "method": "workspace/diagnostic", "params": {"previousResultIds": []}})
    items = answer(100)["result"]["items"]
    print("workspace/diagnostic: %d files, %d findings in %.0f ms"
          % (len(items), sum(len(i.get("items", [])) for i in items), (time.perf_counter() - t0) * 1000))
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}})
if not pull:
    recv()


def pushed():
    """Waits for the next publishDiagnostics."""
    while recv().get("method") != "textDocument/publishDiagnostics":
        pass


watch = os.environ.get("WATCH") == "1"
times = []
if watch:
    made = os.path.join(tools, "TOL-987_Watched.json")
    saves = []
    for i in range(n):
        t0 = time.perf_counter()
        if i % 2 == 0:
            open(made, "w").write('{"tool_id": "TOL-987", "name": "Watched %d"}' % i)
            kind = 1
        else:
            os.remove(made)
            kind = 3
        send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
              "params": {"changes": [{"uri": "file://" + made, "type": kind}]}})
        pushed()
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
        pushed()
        saves.append(time.perf_counter() - t0)
    if os.path.exists(made):
        os.remove(made)
    print("save -> diagnostics (whole library compiled again) over %d saves: median %.0f ms"
          % (n, statistics.median(saves) * 1000))
# With WATCH=1 the buffer is not edited.
for i in range(0 if watch else n):
    changed = text.replace('"name"', '"name_%d"' % i, 1) if i % 2 else text + " "
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"text": changed}]}})
    if pull:
        send({"jsonrpc": "2.0", "id": 200 + i, "method": "textDocument/diagnostic",
              "params": {"textDocument": {"uri": uri}}})
        answer(200 + i)
    else:
        pushed()
    times.append(time.perf_counter() - t0)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
answer(2)
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
print("%s -> diagnostics over %d changes: median %.0f ms, min %.0f ms, max %.0f ms"
      % ("file changed on disk" if watch else "change", len(times),
         statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000))
