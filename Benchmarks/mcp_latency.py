#!/usr/bin/env python3
"""Latency of `taxo mcp` on a library, driven by the official MCP client: time to the first answer
(startup, compile, initialize), then N calls of each read tool with the library unchanged, and N
get_entity calls each after one tool file changed on disk; check_entry of that file as a draft (which compares
the findings with the library's, so it grows with how many the library has) (re-stat, re-extract, resolve again).
Usage: python3 Benchmarks/mcp_latency.py LIBRARY [N]   (needs the `mcp` package: pip install mcp)"""
import asyncio, json, os, re, statistics, sys, time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

root = os.path.abspath(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
taxo = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "taxo")


def ms(times):
    return "median %.0f ms, min %.0f ms, max %.0f ms" % (
        statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000)


async def main():
    tools = os.path.join(root, "LIBRARIES", "LBS_003_Tools")
    def well_formed(p):
        try:
            return re.fullmatch(r"TOL-(?:[A-Z]+-)?\d+", json.load(open(p)).get("tool_id", "")) is not None
        except ValueError:
            return False

    path = next(p for d, _, fs in sorted(os.walk(tools)) for f in sorted(fs)
                if f.endswith(".json") and well_formed(p := os.path.join(d, f)))
    original = open(path).read()
    tool_id = json.loads(original)["tool_id"]
    t0 = time.perf_counter()
    params = StdioServerParameters(command=taxo, args=["mcp", "--root", root], cwd=root)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as s:
            await s.initialize()
            await s.call_tool("get_entity", {"id": tool_id})
            print("start, compile, initialize and a first call: %.0f ms" % ((time.perf_counter() - t0) * 1000))
            for tool, args in [("search", {"query": "pipeline"}), ("get_entity", {"id": tool_id}),
                               ("next_id", {"kind": "tool"}), ("search", {"query": "pipeline", "kind": "tool"}),
                               ("check_entry", {"text": original, "path": os.path.relpath(path, root)})]:
                times = []
                for _ in range(n):
                    t = time.perf_counter()
                    await s.call_tool(tool, args)
                    times.append(time.perf_counter() - t)
                print("%s %s (unchanged library): %s" % (tool, json.dumps(args), ms(times)))
            times = []
            try:
                for i in range(n):
                    with open(path, "w") as f:
                        f.write(original.replace('"name"', '"name_%d"' % i, 1) if i % 2 else original + " " * (i + 1))
                    t = time.perf_counter()
                    await s.call_tool("search", {"query": "pipeline"})
                    times.append(time.perf_counter() - t)
            finally:
                with open(path, "w") as f:
                    f.write(original)
            print("search after one file changed (re-extract, resolve, search index updated): %s" % ms(times))


asyncio.run(main())
