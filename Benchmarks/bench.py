#!/usr/bin/env python3
"""taxo benchmark suite.

  python3 Benchmarks/bench.py                # 1k and 10k (add --scales 1000,10000,100000 for all)
  python3 Benchmarks/bench.py --smoke        # 1k only: correctness against the truth file, no timing

Generates libraries with ../shared/bench/gen_kb.py into Benchmarks/work/ (not committed), copies
Benchmarks/taxonomy.yaml into each, checks that `taxo check` reports exactly the planted defects as
errors, then times with hyperfine (release build): the floor (read every file; parse every file),
`taxo check` cold and after one edited file, and the Python validator of Benchmarks/py_validator.py
for comparison; peak memory from /usr/bin/time -v. Prints a Markdown table of medians.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_kb.py")
TAXO = os.path.join(REPO, ".build", "release", "taxo")
WORK = os.path.join(HERE, "work")


def generate(n, force=False):
    out = os.path.join(WORK, "kb%d" % n)
    if force or not os.path.exists(out + ".truth.json") or not os.path.isdir(out):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([sys.executable, GEN, out, "--entities", str(n), "--force"], check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(HERE, "taxonomy.yaml"), os.path.join(out, "taxonomy.yaml"))
    return out


def check_truth(kb):
    """Runs taxo check --format json and compares its errors with the truth file. Returns a list of problems."""
    r = subprocess.run([TAXO, "check", "--root", kb, "--format", "json"], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        return ["taxo exited %d: %s" % (r.returncode, r.stderr.strip())]
    d = json.loads(r.stdout)
    truth = json.load(open(kb + ".truth.json"))["defects"]
    # Paths are relative to the working directory; the truth file's to the library root ("root" says where).
    prefix = "" if d.get("root", ".") == "." else d["root"] + "/"
    errors = [x for x in d["diagnostics"] if x["severity"] == "error"]
    for e in errors:
        if e.get("file") and e["file"].startswith(prefix): e["file"] = e["file"][len(prefix):]
    by = {}
    for e in errors:
        by.setdefault(e["code"], []).append(e)
    problems = []
    want_mal = sorted(x["file"] for x in truth["malformed_json"])
    got_mal = sorted(e["file"] for e in by.pop("TAX0001", []))
    if want_mal != got_mal: problems.append("malformed JSON: want %s got %s" % (want_mal, got_mal))
    want_bad = sorted(x["file"] for x in truth["bad_id_format"])
    got_bad = sorted(e["file"] for e in by.pop("TAX0101", []))
    if want_bad != got_bad: problems.append("bad ID format: want %s got %s" % (want_bad, got_bad))
    dups = by.pop("TAX0104", [])
    want_dup = sorted(x["id"] for x in truth["duplicate_id"])
    got_dup = sorted(e["message"].split("'")[1] for e in dups)
    if want_dup != got_dup: problems.append("duplicate IDs: want %s got %s" % (want_dup, got_dup))
    for e in dups:
        pair = next((x for x in truth["duplicate_id"] if x["id"] == e["message"].split("'")[1]), None)
        if pair and e["file"] not in (pair["original_file"], pair["duplicate_file"]):
            problems.append("duplicate %s reported in %s" % (pair["id"], e["file"]))
    want_dang = sorted((x["file"], x["target"]) for x in truth["dangling_ref"])
    got_dang = sorted((e["file"], e["message"].split("'")[1]) for e in by.pop("TAX0201", []) + by.pop("TAX0205", []))
    if want_dang != got_dang: problems.append("dangling: want %s got %s" % (want_dang, got_dang))
    for code, es in sorted(by.items()):
        problems.append("unexpected %d error(s) %s, first: %s:%s %s" % (len(es), code, es[0]["file"], es[0]["line"], es[0]["message"]))
    return problems


def peak_rss_mb(cmd):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024.0
    return float("nan")


def hyperfine(cmds, runs, prepare=None):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    args = ["hyperfine", "-N", "-i", "-w", "1", "-r", str(runs), "--export-json", path]
    if prepare:
        args += ["--prepare", prepare]
    for name, c in cmds:
        args += ["-n", name, c]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    res = json.load(open(path))["results"]
    os.unlink(path)
    return {r["command"]: r["median"] for r in res}


def edit_cmd(kb):
    """A --prepare command that changes one valid tool file's content each run."""
    import re
    tools = os.path.join(kb, "LIBRARIES", "LBS_003_Tools")
    f = next(os.path.join(tools, x) for x in sorted(os.listdir(tools)) if re.match(r"TOL-\d+_[A-Za-z]", x))
    return "python3 %s %s" % (os.path.join(HERE, "edit_one.py"), f)


def same_index(kb, out):
    """After one more edit, an incremental build and a clean build of the same library must give the same
    index (dump-index text, build time fixed). Returns a problem or None."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    subprocess.run(edit_cmd(kb), shell=True, check=True)
    inc = subprocess.run([TAXO, "build", "--quiet", "--root", kb], capture_output=True, text=True, env=env)
    if "incremental" not in inc.stderr:
        return "the build after one edit was not incremental: " + inc.stderr.strip()
    subprocess.run([TAXO, "build", "--no-cache", "--quiet", "--root", kb, "--out", out], capture_output=True, env=env)
    a = subprocess.run([TAXO, "dump-index", "--root", kb], capture_output=True, text=True).stdout
    b = subprocess.run([TAXO, "dump-index", "--root", kb, "--index", os.path.join(out, "index.sqlite")],
                       capture_output=True, text=True).stdout
    if not a or a != b:
        return "the incremental index differs from a clean build's (%d vs %d bytes of dump)" % (len(a), len(b))
    return None


def big_transcript(kb, target=180_000):
    """A transcript of at least 180 KB (the largest generated ones joined), naming many library tools."""
    d = os.path.join(kb, "TASK_MANAGERS", "RESEARCHES", "02_TRANSCRIPTIONS")
    files = sorted((os.path.getsize(os.path.join(d, f)), f) for f in os.listdir(d) if f.endswith(".md"))
    out = os.path.join(d, "Video_9999.md")
    if os.path.exists(out) and os.path.getsize(out) >= target:
        return out
    parts, size = [], 0
    for _, f in reversed(files):
        if f == "Video_9999.md":
            continue
        t = open(os.path.join(d, f), encoding="utf-8").read()
        parts.append(t)
        size += len(t.encode())
        if size >= target:
            break
    tools = sorted(os.listdir(os.path.join(kb, "LIBRARIES", "LBS_003_Tools")))[:200]
    names = [" ".join(t.split("_", 1)[1].rsplit(".", 1)[0].split("_")) for t in tools if "_" in t]
    body = "\n".join(parts) + "\n## Tools mentioned\n\n" + "".join("- We also used %s here.\n" % n for n in names)
    open(out, "w", encoding="utf-8").write(body)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--scales", default="1000,10000")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--force", action="store_true", help="regenerate the libraries")
    a = ap.parse_args()
    if not os.path.exists(GEN):
        sys.exit("gen_kb.py not found at %s" % GEN)
    if not os.path.exists(TAXO):
        sys.exit("build first: swift build -c release")
    scales = [1000] if a.smoke else [int(x) for x in a.scales.split(",")]
    failed = False
    rows = []
    for n in scales:
        kb = generate(n, a.force)
        problems = check_truth(kb)
        print("%dk entities: %s" % (n // 1000, "reported defects equal the truth file" if not problems else "MISMATCH"))
        for p in problems:
            print("  - " + p)
        failed |= bool(problems)
        if a.smoke:
            continue
        runs = a.runs if n < 100000 else max(3, a.runs // 3)
        out = os.path.join(WORK, "out%d" % n)
        t = hyperfine([
            ("floor: read", "%s bench-floor --root %s" % (TAXO, kb)),
            ("floor: read+parse", "%s bench-floor --parse --root %s" % (TAXO, kb)),
            ("check cold", "%s check --no-cache --root %s --format json" % (TAXO, kb)),
            ("python validator", "python3 %s %s" % (os.path.join(HERE, "py_validator.py"), kb)),
            ("build cold", "%s build --no-cache --quiet --root %s --out %s" % (TAXO, kb, out)),
        ], runs)
        # The edited-file runs reuse what the last build left in OUT (and check reads the same cache).
        subprocess.run([TAXO, "build", "--quiet", "--root", kb], capture_output=True)
        t.update(hyperfine([("check, one file edited", "%s check --root %s --format json" % (TAXO, kb)),
                            ("build, one file edited", "%s build --quiet --root %s" % (TAXO, kb))], runs, prepare=edit_cmd(kb)))
        problem = same_index(kb, out)
        print("  incremental build after one edit: %.1fx faster than a cold build; %s" % (
            t["build cold"] / t["build, one file edited"], problem or "same index as a clean build"))
        failed |= bool(problem)
        transcript = big_transcript(kb)
        subprocess.run([TAXO, "build", "--quiet", "--root", kb], capture_output=True)
        rel = os.path.relpath(transcript, kb)
        t.update(hyperfine([("gaps, %d KB transcript" % (os.path.getsize(transcript) // 1000),
                             "%s gaps --root %s --format json %s" % (TAXO, kb, rel))], runs))
        os.remove(transcript)
        mem = peak_rss_mb([TAXO, "check", "--no-cache", "--root", kb, "--format", "json"])
        memb = peak_rss_mb([TAXO, "build", "--no-cache", "--quiet", "--root", kb, "--out", out])
        rows.append((n, t, "%.0f MB / %.0f MB" % (mem, memb)))
    if rows:
        print("\n| scale | %s | peak RSS (check / build) |" % " | ".join(rows[0][1].keys()))
        print("|---|%s---|" % ("---|" * len(rows[0][1])))
        for n, t, mem in rows:
            floor = t["floor: read+parse"]
            cells = ["%.3f s (%.1fx)" % (v, v / floor) for v in t.values()]
            print("| %dk | %s | %s |" % (n // 1000, " | ".join(cells), mem))
        print("\n(ratios are to the read+parse floor)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
